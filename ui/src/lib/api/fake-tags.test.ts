// The fake's tag tree against the core's own tests (crates/tessera-core/tests/core/tag_tree.rs): the same library of
// four assets and the same expectations, so the UI is tested against the behaviour it will meet.

import { describe, expect, it } from 'vitest';
import { generate } from './fake-data';
import { createFakeApi } from './fake';
import type { ApiError } from './types';

/** 1 `Brand/Product/Sneaker`, 2 `Brand/Product/Boot` and `Colour/Red`, 3 `Colour/Red` and `Colour/Blue`, 4 `Brand`. */
function library() {
  const tags = [['Brand/Product/Sneaker'], ['Brand/Product/Boot', 'Colour/Red'], ['Colour/Red', 'Colour/Blue'], ['Brand']];
  const records = tags.map((t, i) => ({ ...generate(i + 1, 4), name: `IMG_${i}.jpg`, title: null, description: null, tags: t }));
  return createFakeApi({ records });
}

type Api = ReturnType<typeof library>;

async function found(api: Api, query: string): Promise<number[]> {
  const page = await api.search({ query, sort: 'added', order: 'asc', limit: 100, cursor: null });
  return page.assets.map((a) => a.id);
}
const tree = async (api: Api) => (await api.tagCounts()).map((t) => [t.name, t.count, t.total]);
const tagsOf = async (api: Api, id: number) => (await api.assetDetail(id)).tags;
const add = (api: Api, ids: number[], tags: string[]) => api.editAssets({ kind: 'ids', ids }, { add_tags: tags, remove_tags: [] });
const failure = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => e);

/** Every count the sidebar shows is what a search for the tag finds. */
async function countsMatchSearches(api: Api) {
  for (const t of await api.tagCounts()) {
    expect((await found(api, `tag:"${t.name}"`)).length, `total of ${t.name}`).toBe(t.total);
    expect((await found(api, `tag:="${t.name}"`)).length, `count of ${t.name}`).toBe(t.count);
  }
}

describe('the fake tag tree, as the core keeps it', () => {
  it('brings a path its ancestors, and a search takes in what is beneath', async () => {
    const api = library();
    expect(await tree(api)).toEqual([
      ['Brand', 1, 3], ['Brand/Product', 0, 2], ['Brand/Product/Boot', 1, 1], ['Brand/Product/Sneaker', 1, 1],
      ['Colour', 0, 2], ['Colour/Blue', 1, 1], ['Colour/Red', 2, 2],
    ]);
    expect(await found(api, 'tag:Brand')).toEqual([1, 2, 4]);
    expect(await found(api, 'tag:=Brand')).toEqual([4]);
    expect(await found(api, 'tag:brand/product')).toEqual([1, 2]);
    expect(await found(api, '-tag:Brand')).toEqual([3]);
    expect(await found(api, 'tag:Product'), 'a part is not a path').toEqual([]);
    expect(await found(api, 'sneaker')).toEqual([1]);
    await add(api, [3], ['brand / Product / Sandal']);
    expect(await tagsOf(api, 3)).toEqual(['Brand/Product/Sandal', 'Colour/Blue', 'Colour/Red']);
    await countsMatchSearches(api);
  });

  it('refuses bad paths with the reason', async () => {
    const api = library();
    for (const bad of ['/Brand', 'Brand/', 'Brand//Sneaker', 'Brand/ /x', ' ']) {
      const e = await failure(add(api, [1], [bad]));
      expect([e?.code, e?.field], bad).toEqual(['invalid_input', 'tag']);
    }
    expect(await tagsOf(api, 1)).toEqual(['Brand/Product/Sneaker']);
  });

  it('resolves a synonym in searches and edits; colours', async () => {
    const api = library();
    expect(await api.addTagSynonym('brand/product/sneaker', 'trainer')).toBe('Brand/Product/Sneaker');
    expect(await found(api, 'tag:trainer')).toEqual([1]);
    await add(api, [3], ['Trainer', 'trainer/Red']);
    expect(await tagsOf(api, 3)).toEqual(['Brand/Product/Sneaker', 'Brand/Product/Sneaker/Red', 'Colour/Blue', 'Colour/Red']);
    expect((await failure(api.addTagSynonym('Colour/Red', 'TRAINER')))?.code).toBe('conflict');
    expect((await failure(api.addTagSynonym('Colour/Red', 'Colour/Blue')))?.code).toBe('conflict');
    expect(await api.setTagColour('trainer', '#F80')).toBe('Brand/Product/Sneaker');
    const sneaker = (await api.tagCounts()).find((t) => t.name === 'Brand/Product/Sneaker');
    expect([sneaker?.colour, sneaker?.synonyms]).toEqual(['#ff8800', ['trainer']]);
    const bad = await failure(api.setTagColour('Colour', 'red'));
    expect([bad?.code, bad?.field]).toEqual(['invalid_input', 'colour']);
    await api.removeTagSynonym('trainer');
    expect(await found(api, 'tag:trainer')).toEqual([]);
    expect((await failure(api.removeTagSynonym('trainer')))?.code).toBe('not_found');
  });

  it('moves the subtree along, and the old paths keep working', async () => {
    const api = library();
    const change = await api.renameTag('Brand/Product', 'Catalogue/Shoes', false);
    expect([change.tag, change.tags, change.assets]).toEqual(['Catalogue/Shoes', 3, 2]);
    expect(await tagsOf(api, 2)).toEqual(['Catalogue/Shoes/Boot', 'Colour/Red']);
    expect(await found(api, 'tag:Catalogue')).toEqual([1, 2]);
    expect(await found(api, 'tag:Brand')).toEqual([4]);
    expect(await found(api, 'tag:Brand/Product/Sneaker'), 'a saved query naming the old path').toEqual([1]);
    expect(await found(api, 'shoes')).toEqual([1, 2]);
    expect(await found(api, 'product')).toEqual([]);
    await countsMatchSearches(api);
    await api.renameTag('catalogue', 'CATALOGUE', false);
    expect(await tagsOf(api, 1)).toEqual(['CATALOGUE/Shoes/Sneaker']);
    expect((await failure(api.undoLast()))?.code, 'a rename is on record, not undone').toBe('not_found');
    expect((await api.editLog(5, true)).map((e) => e.summary)).toEqual([
      'rename tag catalogue to CATALOGUE', 'rename tag Brand/Product to Catalogue/Shoes',
    ]);
  });

  it('refuses a rename onto another tag unless a merge is asked for', async () => {
    const api = library();
    const e = await failure(api.renameTag('Colour/Blue', 'colour/red', false));
    expect([e?.code, e?.field]).toEqual(['conflict', 'tag']);
    expect(e?.message).toBe('cannot rename tag "Colour/Blue" to "colour/red": "Colour/Red" exists; merge them with `tessera tag merge` (or --merge)');
    expect((await failure(api.renameTag('Brand', 'Brand/Old', false)))?.code, 'not beneath itself').toBe('conflict');
    expect((await failure(api.renameTag('Nope', 'Other', false)))?.code).toBe('not_found');
    const change = await api.renameTag('Colour/Blue', 'colour/red', true);
    expect([change.tag, change.assets]).toEqual(['Colour/Red', 1]);
    expect(await tagsOf(api, 3)).toEqual(['Colour/Red']);
    await countsMatchSearches(api);
  });

  it('merges assets, children and synonyms, and counts what changed', async () => {
    const api = library();
    await add(api, [3], ['Shoes/Boot', 'Shoes/Clog']);
    await api.addTagSynonym('Brand/Product', 'range');
    const change = await api.mergeTags('range', 'Shoes');
    expect([change.tag, change.tags, change.assets]).toEqual(['Shoes', 3, 2]);
    expect(await tagsOf(api, 1)).toEqual(['Shoes/Sneaker']);
    expect(await tagsOf(api, 2)).toEqual(['Colour/Red', 'Shoes/Boot']);
    expect(await tagsOf(api, 3)).toEqual(['Colour/Blue', 'Colour/Red', 'Shoes/Boot', 'Shoes/Clog']);
    expect(await found(api, 'tag:range')).toEqual(await found(api, 'tag:Shoes'));
    expect(await found(api, 'tag:Brand/Product')).toEqual([1, 2, 3]);
    expect((await failure(api.mergeTags('Shoes', 'Shoes/Boot')))?.code).toBe('conflict');
    expect((await failure(api.mergeTags('Shoes', 'shoes')))?.code).toBe('conflict');
    await countsMatchSearches(api);
  });

  it("lists a tag's assets before a delete, and undoes the delete", async () => {
    const api = library();
    expect(await api.tagAssets('brand', 2)).toEqual({ tag: 'Brand', total: 3, ids: [1, 2] });
    const change = await api.deleteTag('Brand');
    expect([change.tags, change.assets]).toEqual([4, 3]);
    expect(await tagsOf(api, 1)).toEqual([]);
    expect(await found(api, 'is:untagged')).toEqual([1, 4]);
    expect((await tree(api)).every(([name]) => !String(name).startsWith('Brand'))).toBe(true);
    await api.undoLast();
    expect(await tagsOf(api, 2)).toEqual(['Brand/Product/Boot', 'Colour/Red']);
    expect(await found(api, 'tag:Brand')).toEqual([1, 2, 4]);
    await countsMatchSearches(api);
  });

  it('keeps one tag tree per library: colours and synonyms stay with theirs', async () => {
    const api = createFakeApi({ records: [{ ...generate(1, 1), tags: ['Studio/Logo'] }], libraries: [{ path: '/home/me/Other.tessera', count: 3 }] });
    await api.setTagColour('Studio', '#abc');
    await api.addTagSynonym('Studio/Logo', 'mark');
    await api.openLibrary('/home/me/Other.tessera');
    expect((await failure(api.setTagColour('Studio', null)))?.code, 'the other library has no such tag').toBe('not_found');
    const root = (await api.recentLibraries()).find((l) => l.name === 'Default')!.path;
    await api.openLibrary(root);
    expect((await api.tagCounts()).map((t) => [t.name, t.colour, t.synonyms])).toEqual([['Studio', '#aabbcc', []], ['Studio/Logo', null, ['mark']]]);
  });
});
