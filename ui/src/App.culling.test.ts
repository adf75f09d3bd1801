import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { createFakeApi } from './lib/api/fake';
import type { FieldAssignment, Selection } from './lib/api/types';
import { fakeLayout } from './test/layout';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

type Api = ReturnType<typeof createFakeApi>;
const writes = (api: Api) =>
  api.calls.filter((c) => c[0] === 'setFields').map((c) => ({ selection: c[1] as Selection, assignments: c[2] as FieldAssignment[] }));

describe('culling keys', () => {
  it('label (6-9) and flag (P, X, U) the selection in the grid', async () => {
    const api = createFakeApi({ count: 20 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    await fireEvent.click(tiles[1]!, { shiftKey: true });
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2 assets selected'));

    for (const [key, name, value] of [['6', 'label', 'red'], ['7', 'label', 'yellow'], ['8', 'label', 'green'], ['9', 'label', 'blue'],
      ['p', 'flag', 'pick'], ['x', 'flag', 'reject'], ['u', 'flag', '']] as const) {
      const before = writes(api).length;
      await fireEvent.keyDown(window, { key });
      await waitFor(() => expect(writes(api)).toHaveLength(before + 1));
      expect(writes(api).at(-1), `key ${key}`).toEqual({ selection: { kind: 'ids', ids: [20, 19] }, assignments: [{ name, value }] });
    }
    expect([(await api.assetDetail(19)).label, (await api.assetDetail(19)).flag]).toEqual(['blue', null]);
  });

  it('rate, label and flag the asset shown in quick look, which stays open', async () => {
    const api = createFakeApi({ count: 20 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    await fireEvent.click(tiles[2]!, { ctrlKey: true });
    await fireEvent.keyDown(window, { key: ' ' });
    await screen.findByTestId('quick-look');

    await fireEvent.keyDown(window, { key: '4' });
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'editAssets')).toBe(true));
    const [, selection] = api.calls.find((c) => c[0] === 'editAssets')!;
    expect(selection, 'the asset shown, not the whole selection').toEqual({ kind: 'ids', ids: [18] });

    await fireEvent.keyDown(window, { key: '8' });
    await waitFor(() => expect(writes(api).at(-1)).toEqual({ selection: { kind: 'ids', ids: [18] }, assignments: [{ name: 'label', value: 'green' }] }));
    expect((await screen.findByTestId('quick-look-label')).textContent).toBe('green');
    await fireEvent.keyDown(window, { key: '8' });
    await waitFor(() => expect(writes(api).at(-1)?.assignments, 'the same label key takes it off').toEqual([{ name: 'label', value: '' }]));
    await fireEvent.keyDown(window, { key: 'P' });
    await waitFor(() => expect(writes(api).at(-1)?.assignments).toEqual([{ name: 'flag', value: 'pick' }]));
    expect((await screen.findByTestId('quick-look-flag')).textContent).toBe('Pick');
    expect(screen.getByTestId('quick-look')).toBeTruthy();
    const d = await api.assetDetail(18);
    expect([d.rating, d.label, d.flag]).toEqual([4, null, 'pick']);
  });

  it('an asset rated out of a rating filter stays in place, selected, until the user moves on', async () => {
    const api = createFakeApi({ count: 60 });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    const search = screen.getByTestId('search');
    await fireEvent.input(search, { target: { value: 'rating>=1' } });
    await fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).not.toBe(''));
    const shown = async () => (await screen.findAllByTestId('tile')).map((t) => t.getAttribute('data-id'));
    await waitFor(async () => expect((await shown()).length).toBeGreaterThan(3));
    const before = await shown();
    await fireEvent.click((await screen.findAllByTestId('tile'))[1]!);
    await fireEvent.keyDown(window, { key: '0' });
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'editAssets')).toBe(true));
    api.emitLibraryChanged('edit');
    await new Promise((r) => setTimeout(r, 300));
    expect(await shown(), 'still in place after the refresh').toEqual(before);
    const selected = (await screen.findAllByTestId('tile')).filter((t) => t.getAttribute('aria-selected') === 'true');
    expect(selected.map((t) => t.getAttribute('data-id')), 'and still selected').toEqual([before[1]]);

    await fireEvent.keyDown(window, { key: 'ArrowRight' });
    await waitFor(async () => expect(await shown()).not.toContain(before[1]));
    expect((await shown()).slice(0, 3)).toEqual([before[0], before[2], before[3]]);
  });
});
