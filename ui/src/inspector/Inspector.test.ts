import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi, emptyRule } from '../lib/api/fake';
import type { AssetEdit, Selection } from '../lib/api/types';
import { editTarget, emptySelection, idTarget, selectAll } from '../library/selection';
import Inspector from './Inspector.svelte';

const edits = (api: ReturnType<typeof createFakeApi>) =>
  api.calls.filter((c) => c[0] === 'editAssets').map((c) => ({ selection: c[1] as Selection, edit: c[2] as AssetEdit }));

describe('inspector', () => {
  it('saves a tag through edit_assets with add_tags', async () => {
    const api = createFakeApi({ count: 20 });
    const onedited = vi.fn();
    render(Inspector, { props: { target: idTarget([7]), tagCounts: [], onedited }, context: apiContext(api) });
    const name = (await api.assetDetail(7)).name;
    await screen.findByRole('heading', { name });

    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'Hero Shot' } });
    await fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]).toEqual({ selection: { kind: 'ids', ids: [7] }, edit: { add_tags: ['Hero Shot'], remove_tags: [] } });
    await waitFor(() => expect(onedited).toHaveBeenCalledWith(expect.objectContaining({ changed: 1 }), true));
    expect(await screen.findByText('Hero Shot'), 'a new tag keeps the spelling it was typed with').toBeTruthy();
  });

  it("shows the credit and campaign a watched folder's rule set", async () => {
    const api = createFakeApi({ count: 5 });
    const folder = await api.watchAdd('/drop', { ...emptyRule(), credit: 'Studio North', campaign: 'Summer 25' });
    api.dropIntoWatched(folder.id, ['arrival.jpg']);
    render(Inspector, { props: { target: idTarget([6]), tagCounts: [] }, context: apiContext(api) });
    await screen.findByRole('heading', { name: 'arrival.jpg' });
    // Editable now, not only shown.
    await waitFor(() => expect((screen.getByTestId('field-credit') as HTMLInputElement).value).toBe('Studio North'));
    expect((screen.getByTestId('field-campaign') as HTMLInputElement).value).toBe('Summer 25');
  });

  it('saves the title on Enter and the rating on click', async () => {
    const api = createFakeApi({ count: 20 });
    render(Inspector, { props: { target: idTarget([3]), tagCounts: [] }, context: apiContext(api) });
    const title = screen.getByTestId('title-input') as HTMLInputElement;
    await screen.findByText('File');
    title.focus();
    await fireEvent.input(title, { target: { value: 'Cover image' } });
    await fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(edits(api).at(-1)?.edit.title).toBe('Cover image'));

    await fireEvent.click(screen.getByRole('button', { name: '4 stars' }));
    await waitFor(() => expect(edits(api).at(-1)?.edit.rating).toBe(4));
  });

  it('edits several assets at once', async () => {
    const api = createFakeApi({ count: 20 });
    render(Inspector, { props: { target: idTarget([1, 2, 3]), tagCounts: [] }, context: apiContext(api) });
    expect((await screen.findByTestId('selection-count')).textContent).toBe('3 assets selected');
    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'batch' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]!.selection).toEqual({ kind: 'ids', ids: [1, 2, 3] });
    expect(edits(api)[0]!.edit.add_tags).toEqual(['batch']);
  });

  it('autocompletes from the library tags', async () => {
    const api = createFakeApi({ count: 20 });
    const tagCounts = [
      { name: 'zeta-one', count: 9 },
      { name: 'web', count: 4 },
      { name: 'zeta-two', count: 3 },
    ].map((t) => ({ ...t, total: t.count, colour: null, synonyms: [] }));
    render(Inspector, { props: { target: idTarget([5]), tagCounts }, context: apiContext(api) });
    await screen.findByText('File');
    const input = screen.getByTestId('tag-input');
    await fireEvent.focus(input);
    await fireEvent.input(input, { target: { value: 'ze' } });
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.querySelector('span')?.textContent)).toEqual(['zeta-one', 'zeta-two']);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]!.edit.add_tags).toEqual(['zeta-one']);
  });

  it('reports a failed save as a notice-worthy error and keeps working', async () => {
    const api = createFakeApi({ count: 5 });
    render(Inspector, { props: { target: idTarget([2]), tagCounts: [] }, context: apiContext(api) });
    await screen.findByText('File');
    api.failNext('editAssets', { code: 'invalid_input', message: 'invalid tag ""', field: 'tag' });
    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'x' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(screen.getByTestId('inspector')).toBeTruthy();
  });

  it('shows a summary for a select-all and edits it as one query selection', async () => {
    const api = createFakeApi({ count: 500 });
    const loaded = Array.from({ length: 200 }, (_, i) => 500 - i);
    const all = selectAll(emptySelection, loaded, '-tag:draft');
    const target = editTarget(all, { ids: loaded, total: 430, totalExact: true, complete: false });
    const onedited = vi.fn();
    render(Inspector, { props: { target, tagCounts: [], onedited }, context: apiContext(api) });
    expect(screen.getByTestId('selection-count').textContent).toBe('430 assets selected');
    expect(screen.getByTestId('selection-scope').textContent).toContain('Every match of the search');

    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'Q3 Review' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]).toEqual({
      selection: { kind: 'query', query: '-tag:draft', except: [] },
      edit: { add_tags: ['Q3 Review'], remove_tags: [] },
    });
    await waitFor(() => expect(onedited).toHaveBeenCalledTimes(1));
    const outcome = onedited.mock.calls[0]![0];
    expect(outcome.changed).toBeGreaterThan(100);
    expect(outcome.assets, 'a large edit comes back without details').toEqual([]);
    // "-name" removes a tag from all of them.
    await fireEvent.input(input, { target: { value: '-Q3 Review' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(2));
    expect(edits(api)[1]!.edit).toEqual({ add_tags: [], remove_tags: ['Q3 Review'] });
    expect(api.calls.some((c) => c[0] === 'assetDetail'), 'no per-asset details for a large selection').toBe(false);
  });

  it('says when a capped total is a lower bound, and how many were left out', async () => {
    const api = createFakeApi({ count: 50 });
    const loaded = [50, 49, 48];
    const all = { ...selectAll(emptySelection, loaded, ''), all: { query: '', except: new Set([49]) } };
    const target = editTarget(all, { ids: loaded, total: 10_000, totalExact: false, complete: false });
    render(Inspector, { props: { target, tagCounts: [] }, context: apiContext(api) });
    expect(screen.getByTestId('selection-count').textContent).toBe('9,999+ assets selected');
    expect(screen.getByTestId('selection-scope').textContent).toContain('less 1 left out');
    await fireEvent.click(screen.getByRole('button', { name: '3 stars' }));
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]!.selection).toEqual({ kind: 'query', query: '', except: [49] });
  });
});
