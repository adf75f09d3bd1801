import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { generate } from '../lib/api/fake-data';
import { createFakeApi } from '../lib/api/fake';
import TagTree from './TagTree.svelte';

/** The core's tag_tree.rs library: Brand/Product/{Sneaker,Boot}, Colour/{Red,Blue}, Brand itself. */
function library() {
  const tags = [['Brand/Product/Sneaker'], ['Brand/Product/Boot', 'Colour/Red'], ['Colour/Red', 'Colour/Blue'], ['Brand']];
  return createFakeApi({ records: tags.map((t, i) => ({ ...generate(i + 1, 4), tags: t })) });
}

/** The tree mounted as the sidebar mounts it: a change reads the tags again and hands them down. */
async function mount(api = library()) {
  const onquery = vi.fn();
  const view = render(TagTree, { props: { tags: await api.tagCounts(), query: '', onquery }, context: apiContext(api) });
  const reload = async () => view.rerender({ tags: await api.tagCounts(), query: '', onquery, onchanged: () => void reload() });
  await view.rerender({ tags: await api.tagCounts(), query: '', onquery, onchanged: () => void reload() });
  return { api, onquery };
}

const paths = () => screen.queryAllByTestId('tag-row').map((r) => r.dataset.path);
const row = (path: string) => screen.getAllByTestId('tag-row').find((r) => r.dataset.path === path)!;
const tagButton = (path: string) => within(row(path)).getAllByRole('button').find((b) => b.classList.contains('item'))!;

async function dragOnto(from: string, to: HTMLElement) {
  await fireEvent.dragStart(row(from));
  await fireEvent.dragOver(to);
  await fireEvent.drop(to);
}

describe('the tag tree in the sidebar', () => {
  beforeEach(() => localStorage.clear());

  it('renders nested tags with their totals, and a click searches the tag and what is beneath it', async () => {
    const { onquery } = await mount();
    expect(paths()).toEqual(['Brand', 'Brand/Product', 'Brand/Product/Boot', 'Brand/Product/Sneaker', 'Colour', 'Colour/Blue', 'Colour/Red']);
    expect(row('Brand/Product/Boot').getAttribute('aria-level')).toBe('3');
    expect(tagButton('Brand').textContent?.replace(/\s+/g, ' ').trim(), 'its total: its own asset and the two beneath').toBe('Brand 3');
    expect(tagButton('Brand/Product/Boot').textContent, 'the leaf is shown, indented').toContain('Boot');
    await fireEvent.click(tagButton('Brand/Product'));
    expect(onquery).toHaveBeenCalledWith('tag:"Brand/Product"');
  });

  it('folds a tag, hiding what is beneath it, and remembers it', async () => {
    await mount();
    await fireEvent.click(screen.getByRole('button', { name: 'Fold Brand' }));
    expect(paths()).toEqual(['Brand', 'Colour', 'Colour/Blue', 'Colour/Red']);
    expect(row('Brand').getAttribute('aria-expanded')).toBe('false');
    expect(JSON.parse(localStorage.getItem('tessera.tagFolds')!)).toEqual(['brand']);
    cleanup();
    await mount();
    expect(paths(), 'still folded after a restart').not.toContain('Brand/Product');
    await fireEvent.click(screen.getByRole('button', { name: 'Unfold Brand' }));
    expect(paths()).toContain('Brand/Product/Sneaker');
  });

  it('moves a dragged tag beneath the one it is dropped on, and to the top level', async () => {
    const { api } = await mount();
    await dragOnto('Colour/Red', row('Brand'));
    await waitFor(() => expect(paths()).toContain('Brand/Red'));
    expect(api.calls.filter((c) => c[0] === 'renameTag')).toEqual([['renameTag', 'Colour/Red', 'Brand/Red', false]]);
    expect(paths()).not.toContain('Colour/Red');
    await fireEvent.dragStart(row('Brand/Product'));
    const top = screen.getByTestId('tag-top-level');
    await fireEvent.dragOver(top);
    await fireEvent.drop(top);
    await waitFor(() => expect(paths()).toContain('Product/Sneaker'));
    expect(screen.queryByTestId('tag-top-level'), 'the drop zone shows only while dragging').toBeNull();
  });

  it('offers to merge when the move lands on a tag that exists, with the core message', async () => {
    const api = library();
    await api.editAssets({ kind: 'ids', ids: [3] }, { add_tags: ['Brand/Red'], remove_tags: [] });
    await mount(api);
    await dragOnto('Colour/Red', row('Brand'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('cannot rename tag "Colour/Red" to "Brand/Red": "Brand/Red" exists');
    await fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(paths()).not.toContain('Colour/Red'));
    expect(api.calls.filter((c) => c[0] === 'renameTag').at(-1)).toEqual(['renameTag', 'Colour/Red', 'Brand/Red', true]);
    expect((await api.tagCounts()).find((t) => t.name === 'Brand/Red')?.total).toBe(2);
  });

  it('renames with Enter or F2 on the focused tag, showing a refusal under the field', async () => {
    await mount();
    tagButton('Colour').focus();
    await fireEvent.keyDown(tagButton('Colour'), { key: 'F2' });
    const field = screen.getByLabelText('New path for Colour') as HTMLInputElement;
    expect(field.value).toBe('Colour');
    await fireEvent.input(field, { target: { value: 'Colour//x' } });
    await fireEvent.submit(screen.getByTestId('tag-form'));
    expect((await screen.findByRole('alert')).textContent).toContain("a tag path cannot have an empty part ('//')");
    await fireEvent.input(field, { target: { value: 'Colours' } });
    await fireEvent.submit(screen.getByTestId('tag-form'));
    await waitFor(() => expect(paths()).toEqual(expect.arrayContaining(['Colours', 'Colours/Red'])));
    await fireEvent.keyDown(tagButton('Brand'), { key: 'Enter' });
    expect(screen.getByLabelText('New path for Brand')).toBeTruthy();
  });

  it('merges into another tag from the menu, sets a colour and adds a synonym', async () => {
    const { api } = await mount();
    await fireEvent.click(screen.getByRole('button', { name: 'Actions for Colour/Blue' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Merge into…' }));
    await fireEvent.input(screen.getByLabelText('Merge Colour/Blue into'), { target: { value: 'colour/red' } });
    await fireEvent.submit(screen.getByTestId('tag-form'));
    await waitFor(() => expect(paths()).not.toContain('Colour/Blue'));
    await fireEvent.click(screen.getByRole('button', { name: 'Actions for Colour/Red' }));
    await fireEvent.change(screen.getByLabelText('Colour of Colour/Red'), { target: { value: '#ff8800' } });
    await waitFor(() => expect(row('Colour/Red').querySelector<HTMLElement>('.dot')!.style.background).toBe('rgb(255, 136, 0)'));
    expect((await api.tagCounts()).find((t) => t.name === 'Colour/Red')?.colour).toBe('#ff8800');
    await fireEvent.click(screen.getByRole('button', { name: 'Actions for Colour/Red' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add synonym…' }));
    await fireEvent.input(screen.getByLabelText('Synonym of Colour/Red'), { target: { value: 'Brand' } });
    await fireEvent.submit(screen.getByTestId('tag-form'));
    expect((await screen.findByRole('alert')).textContent, 'the core refusal, in the form').toContain('that name is a tag; merge the two instead');
    await fireEvent.input(screen.getByLabelText('Synonym of Colour/Red'), { target: { value: 'scarlet' } });
    await fireEvent.submit(screen.getByTestId('tag-form'));
    await waitFor(() => expect(screen.queryByTestId('tag-form')).toBeNull());
    expect((await api.tagCounts()).find((t) => t.name === 'Colour/Red')?.synonyms, 'the merged path stays a synonym').toEqual(['Colour/Blue', 'scarlet']);
  });

  it('deletes with Delete after saying how many assets carry the tag', async () => {
    const { api } = await mount();
    await fireEvent.keyDown(tagButton('Brand'), { key: 'Delete' });
    const form = screen.getByTestId('tag-form');
    await waitFor(() => expect(form.textContent).toContain('It is on 3 assets'));
    expect(form.textContent).toContain('and the 3 tags beneath it');
    expect(api.calls.some((c) => c[0] === 'deleteTag'), 'nothing deleted before the confirmation').toBe(false);
    await fireEvent.click(within(form).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(paths()).toEqual(['Colour', 'Colour/Blue', 'Colour/Red']));
    await api.undoLast();
    expect((await api.tagCounts()).map((t) => t.name)).toContain('Brand/Product/Boot');
  });
});
