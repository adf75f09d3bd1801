import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import { Notices, noticesContext } from '../shell/notices.svelte';
import { fakeLayout } from '../test/layout';
import Grid from './Grid.svelte';
import { Results } from './results.svelte';
import { emptySelection } from './selection';
import TileActions from './TileActions.svelte';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());

const total = async (api: ReturnType<typeof createFakeApi>, query: string) =>
  (await api.search({ query, sort: 'added', order: null, limit: 1, cursor: null })).total;

describe('the tile menu', () => {
  it('replaces the webview menu on the grid and reports the tile right-clicked', async () => {
    const api = createFakeApi({ count: 12 });
    const results = new Results(api);
    await results.search('');
    const ontilemenu = vi.fn();
    render(Grid, {
      props: { results, selection: emptySelection, tileSize: 176, onselect: vi.fn(), onopen: vi.fn(), ontilemenu },
      context: apiContext(api),
    });
    await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(0));
    const tile = screen.getAllByTestId('tile')[0]!;
    const shown = await fireEvent.contextMenu(tile, { clientX: 30, clientY: 40 });
    expect(shown).toBe(false); // default prevented: no "Save Image As" of the thumbnail
    expect(ontilemenu).toHaveBeenCalledWith(0, 30, 40);
    expect(await fireEvent.contextMenu(screen.getByTestId('grid'))).toBe(false);
  });

  it('moves to the trash, restores in the trash view and empties after a confirmation', async () => {
    const api = createFakeApi({ count: 10 });
    const notices = new Notices();
    const onchanged = vi.fn();
    const context = new Map([...apiContext(api), noticesContext(notices)]);
    const view = render(TileActions, { props: { query: '', onchanged }, context });
    view.component.openMenu([1, 2], 10, 10);
    await waitFor(() => expect(screen.getByTestId('tile-menu')).toBeTruthy());
    expect(screen.queryByTestId('menu-open')).toBeNull(); // open and reveal are for one asset
    await fireEvent.click(screen.getByTestId('menu-trash'));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(screen.queryByTestId('tile-menu')).toBeNull();
    expect(await total(api, 'is:trashed')).toBe(2);
    expect(notices.list.at(-1)?.title).toBe('Moved 2 assets to the trash');

    await view.rerender({ query: 'is:trashed', onchanged });
    view.component.openMenu([1], 10, 10);
    await waitFor(() => expect(screen.getByTestId('menu-restore')).toBeTruthy());
    expect(screen.queryByTestId('menu-trash')).toBeNull();
    await fireEvent.click(screen.getByTestId('menu-restore'));
    await waitFor(async () => expect(await total(api, 'is:trashed')).toBe(1));

    view.component.openMenu([2], 10, 10);
    await waitFor(() => expect(screen.getByTestId('menu-empty')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('menu-empty'));
    await waitFor(() => expect(screen.getByTestId('empty-trash')).toBeTruthy());
    expect(await total(api, 'is:trashed')).toBe(1); // nothing deleted before the confirmation
    await fireEvent.click(screen.getByTestId('empty-trash-confirm'));
    await waitFor(async () => expect((await api.libraryInfo()).stats.files).toBe(9));
    await expect(api.assetDetail(2)).rejects.toMatchObject({ code: 'not_found' });
  });
});
