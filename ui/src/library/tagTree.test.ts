import { describe, expect, it } from 'vitest';
import type { TagCount } from '../lib/api/types';
import { buildTagTree, canDrop, loadFolds, movedPath, saveFolds, tagQuery, toggleFold, visibleRows } from './tagTree';

const tag = (name: string, total = 1): TagCount => ({ name, count: 1, total, colour: null, synonyms: [] });
const flat = ['Brand', 'Brand/Product', 'Brand/Product/Boot', 'Brand/Product/Sneaker', 'Colour', 'Colour/Red'].map((n) => tag(n));

describe('the tag tree', () => {
  it('builds the tree from the core path-ordered list', () => {
    const roots = buildTagTree(flat);
    expect(roots.map((n) => n.leaf)).toEqual(['Brand', 'Colour']);
    expect(roots[0]!.children[0]!.children.map((n) => [n.leaf, n.depth])).toEqual([['Boot', 2], ['Sneaker', 2]]);
    expect(buildTagTree([tag('a/b')])[0]!.leaf, 'an orphan stands at the top under its full path').toBe('a/b');
  });

  it('hides what is beneath a folded tag, without regard to case', () => {
    const roots = buildTagTree(flat);
    expect(visibleRows(roots, new Set()).length).toBe(6);
    const folded = toggleFold(new Set(), 'brand/PRODUCT');
    expect(visibleRows(roots, folded).map((n) => n.tag.name)).toEqual(['Brand', 'Brand/Product', 'Colour', 'Colour/Red']);
    expect(toggleFold(folded, 'Brand/Product').size, 'toggled back').toBe(0);
  });

  it('knows where a dragged tag can go', () => {
    expect(canDrop('Colour/Red', 'Brand')).toBe(true);
    expect(canDrop('Brand', 'Brand/Product'), 'not beneath itself').toBe(false);
    expect(canDrop('Brand', 'brand'), 'not onto itself').toBe(false);
    expect(canDrop('Colour/Red', 'colour'), 'not where it is').toBe(false);
    expect(canDrop('Colour/Red', null)).toBe(true);
    expect(canDrop('Colour', null), 'already at the top').toBe(false);
    expect(movedPath('Colour/Red', 'Brand/Product')).toBe('Brand/Product/Red');
    expect(movedPath('Colour/Red', null)).toBe('Red');
    expect(tagQuery('Summer 24/Hero')).toBe('tag:"Summer 24/Hero"');
  });

  it('remembers folds, and survives storage that holds something else', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveFolds(new Set(['brand']), storage);
    expect([...loadFolds(storage)]).toEqual(['brand']);
    store.set('tessera.tagFolds', '{not json');
    expect(loadFolds(storage).size).toBe(0);
  });
});
