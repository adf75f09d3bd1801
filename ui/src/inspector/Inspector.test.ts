import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi, emptyRule } from '../lib/api/fake';
import type { AssetEdit, Selection } from '../lib/api/types';
import Inspector from './Inspector.svelte';

const edits = (api: ReturnType<typeof createFakeApi>) =>
  api.calls.filter((c) => c[0] === 'editAssets').map((c) => ({ selection: c[1] as Selection, edit: c[2] as AssetEdit }));

describe('inspector', () => {
  it('saves a tag through edit_assets with add_tags', async () => {
    const api = createFakeApi({ count: 20 });
    const onedited = vi.fn();
    render(Inspector, { props: { ids: [7], tagCounts: [], onedited }, context: apiContext(api) });
    const name = (await api.assetDetail(7)).name;
    await screen.findByRole('heading', { name });

    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'Hero Shot' } });
    await fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(edits(api)[0]).toEqual({ selection: { kind: 'ids', ids: [7] }, edit: { add_tags: ['Hero Shot'], remove_tags: [] } });
    await waitFor(() => expect(onedited).toHaveBeenCalledWith(expect.any(Array), true));
    expect(await screen.findByText('hero shot')).toBeTruthy();
  });

  it("shows the credit and campaign a watched folder's rule set", async () => {
    const api = createFakeApi({ count: 5 });
    const folder = await api.watchAdd('/drop', { ...emptyRule(), credit: 'Studio North', campaign: 'Summer 25' });
    api.dropIntoWatched(folder.id, ['arrival.jpg']);
    render(Inspector, { props: { ids: [6], tagCounts: [] }, context: apiContext(api) });
    await screen.findByRole('heading', { name: 'arrival.jpg' });
    expect(screen.getByText('Credit').nextElementSibling?.textContent).toBe('Studio North');
    expect(screen.getByText('Campaign').nextElementSibling?.textContent).toBe('Summer 25');
  });

  it('saves the title on Enter and the rating on click', async () => {
    const api = createFakeApi({ count: 20 });
    render(Inspector, { props: { ids: [3], tagCounts: [] }, context: apiContext(api) });
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
    render(Inspector, { props: { ids: [1, 2, 3], tagCounts: [] }, context: apiContext(api) });
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
    ];
    render(Inspector, { props: { ids: [5], tagCounts }, context: apiContext(api) });
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
    render(Inspector, { props: { ids: [2], tagCounts: [] }, context: apiContext(api) });
    await screen.findByText('File');
    api.failNext('editAssets', { code: 'invalid_input', message: 'invalid tag ""', field: 'tag' });
    const input = screen.getByTestId('tag-input');
    await fireEvent.input(input, { target: { value: 'x' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(edits(api)).toHaveLength(1));
    expect(screen.getByTestId('inspector')).toBeTruthy();
  });
});
