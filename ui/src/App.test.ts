import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { createFakeApi } from './lib/api/fake';
import { generate } from './lib/api/fake-data';
import type { AssetEdit, SearchRequest } from './lib/api/types';
import { fakeLayout } from './test/layout';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

const searches = (api: ReturnType<typeof createFakeApi>) =>
  api.calls.filter((c) => c[0] === 'search').map((c) => c[1] as SearchRequest);

describe('app', () => {
  it('shows the welcome screen when the library is empty, and imports the samples', async () => {
    const api = createFakeApi({ count: 0, importStep: 1 });
    render(App, { props: { api } });
    expect(await screen.findByTestId('welcome')).toBeTruthy();
    expect(screen.getByText('Import files…', { selector: '.welcome button' })).toBeTruthy();
    expect(screen.getByText('Import folder…', { selector: '.welcome button' })).toBeTruthy();

    await fireEvent.click(screen.getByTestId('add-samples'));
    expect(await screen.findByTestId('import-progress')).toBeTruthy();
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('12');
    // The refreshed library is no longer empty: the grid replaces the welcome screen.
    await waitFor(() => expect(screen.queryByTestId('welcome')).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('tile')).toHaveLength(12));
    expect(screen.getByTestId('result-count').textContent?.trim()).toBe('12 assets');
  });

  it('shows the library with counts, and the sidebar sets the query', async () => {
    const api = createFakeApi({ count: 1234 });
    render(App, { props: { api } });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('1,234 assets'));
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(screen.getByTestId('library-name').textContent, 'the header names the open library').toBe('Default');
    expect(document.title, 'and so does the window').toBe('Default — Tessera');

    await fireEvent.click(screen.getByRole('button', { name: /^Untagged/ }));
    const search = screen.getByTestId('search') as HTMLInputElement;
    expect(search.value).toBe('is:untagged');
    await waitFor(() => expect(searches(api).at(-1)?.query).toBe('is:untagged'));
    // The filter shows as a chip; removing it clears the query.
    const chip = await screen.findByTestId('chip');
    await fireEvent.click(chip.querySelector('button')!);
    expect(search.value).toBe('');
    await waitFor(() => expect(searches(api).at(-1)?.query).toBe(''));
  });

  it('debounces typing into the search box', async () => {
    const api = createFakeApi({ count: 50 });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    const before = searches(api).length;
    const search = screen.getByTestId('search');
    await fireEvent.input(search, { target: { value: 't' } });
    await fireEvent.input(search, { target: { value: 'ta' } });
    await fireEvent.input(search, { target: { value: 'tag:summer' } });
    expect(searches(api).length).toBe(before);
    await waitFor(() => expect(searches(api).at(-1)?.query).toBe('tag:summer'));
    expect(searches(api).length).toBe(before + 1);
  });

  it('selects with clicks and keys, and rates the selection with number keys', async () => {
    const api = createFakeApi({ count: 50 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    await fireEvent.click(tiles[2]!, { shiftKey: true });
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('3 assets selected'));

    await fireEvent.keyDown(window, { key: '5' });
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'editAssets')).toBe(true));
    const [, selection, edit] = api.calls.find((c) => c[0] === 'editAssets')!;
    expect(selection, 'a range is edited as its ids').toEqual({ kind: 'ids', ids: [50, 49, 48] });
    expect((edit as AssetEdit).rating).toBe(5);

    await fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getAllByTestId('tile').filter((t) => t.classList.contains('selected'))).toHaveLength(1);

    await fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('50 assets selected'));

    await fireEvent.keyDown(window, { key: ' ' });
    expect(await screen.findByTestId('quick-look')).toBeTruthy();
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('quick-look')).toBeNull());
  });

  it('Ctrl+A selects the whole result, not the loaded rows, and rates it in one call', async () => {
    const api = createFakeApi({ count: 5_000, totalCap: 3_000 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    expect(tiles.length, 'only a window of the result is loaded').toBeLessThan(300);
    await fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    // The total is capped (the core stops counting): a lower bound is shown as such.
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('3,000+ assets selected'));

    // Ctrl+click takes one tile out.
    const out = Number(tiles[1]!.dataset.index);
    await fireEvent.click(tiles[1]!, { ctrlKey: true });
    expect(screen.getAllByTestId('tile')[out]!.classList.contains('selected')).toBe(false);
    await waitFor(() => expect(screen.getByTestId('selection-count').textContent).toBe('2,999+ assets selected'));

    await fireEvent.keyDown(window, { key: '3' });
    await waitFor(() => expect(api.calls.filter((c) => c[0] === 'editAssets')).toHaveLength(1));
    const [, selection, edit] = api.calls.find((c) => c[0] === 'editAssets')!;
    expect(selection).toEqual({ kind: 'query', query: '', except: [4_999] });
    expect((edit as AssetEdit).rating).toBe(3);
    const rated = await api.search({ query: 'rating:3', sort: 'added', order: null, limit: 1, cursor: null });
    expect([rated.total, rated.total_exact], 'far more than the loaded rows were rated').toEqual([3_000, false]);
    expect((await api.assetDetail(1)).rating, 'the oldest asset, never loaded, is rated').toBe(3);
    expect((await api.assetDetail(4_999)).rating, 'the tile left out is not').not.toBe(3);
    expect(await screen.findByText('Changed 4,999 assets')).toBeTruthy();

    // A new search clears a select-all.
    const search = screen.getByTestId('search');
    await fireEvent.input(search, { target: { value: 'type:image' } });
    await fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('selection-count')).toBeNull());
    expect(screen.getAllByTestId('tile').some((t) => t.classList.contains('selected'))).toBe(false);
  });

  it('undoes a large edit in one step with Ctrl+Z or the notice, and says so', async () => {
    const api = createFakeApi({ count: 400 });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    const before = await api.assetDetail(7);
    await fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await fireEvent.keyDown(window, { key: '4' });
    const changed = await screen.findByText('Changed 400 assets');
    expect((await api.assetDetail(7)).rating).toBe(4);
    // The success notice offers the undo.
    const notice = changed.closest('[data-testid="notice"]') as HTMLElement;
    await fireEvent.click(within(notice).getByText('Undo'));
    expect(await screen.findByText('Undid “rating 4”')).toBeTruthy();
    expect(screen.queryByText('Changed 400 assets'), 'the undone edit no longer offers its Undo').toBeNull();
    expect((await api.assetDetail(7)).rating, 'back as before').toBe(before.rating);
    expect(api.calls.filter((c) => c[0] === 'undoLast')).toHaveLength(1);

    // Ctrl+Z outside a text field: nothing left to undo says so instead of failing.
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(await screen.findByText('Nothing to undo')).toBeTruthy();
    // In the search box Ctrl+Z is the text field's own.
    await fireEvent.keyDown(screen.getByTestId('search'), { key: 'z', ctrlKey: true });
    expect(api.calls.filter((c) => c[0] === 'undoLast')).toHaveLength(2);
  });

  it('moves keyboard focus with the arrow keys, so only the focused tile has a focus ring', async () => {
    const api = createFakeApi({ count: 50 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    // A click focuses the tile (jsdom does not move focus on a synthetic click).
    tiles[0]!.focus();
    await fireEvent.click(tiles[0]!);
    await fireEvent.keyDown(tiles[0]!, { key: 'ArrowRight' });
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.index).toBe('1'));
    const active = document.activeElement as HTMLElement;
    expect(active.classList.contains('selected')).toBe(true);
    expect(active.classList.contains('focused')).toBe(true);
    expect(screen.getAllByTestId('tile').filter((t) => t.classList.contains('focused'))).toEqual([active]);

    // Down moves a whole row; focus goes with it (also when it starts outside the grid, e.g. on a sidebar button).
    screen.getByRole('button', { name: /^All assets/ }).focus();
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await waitFor(() => expect(Number((document.activeElement as HTMLElement).dataset.index)).toBeGreaterThan(1));
    expect(document.activeElement?.classList.contains('focused')).toBe(true);
  });

  it('refreshes the grid when the library changes, keeping the query', async () => {
    const api = createFakeApi({ count: 50 });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    const search = screen.getByTestId('search');
    await fireEvent.input(search, { target: { value: 'type:image' } });
    await fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(searches(api).at(-1)?.query).toBe('type:image'));
    const n = searches(api).length;
    api.emitLibraryChanged('edit');
    await waitFor(() => expect(searches(api).length).toBe(n + 1));
    expect(searches(api).at(-1)?.query).toBe('type:image');
  });

  it('clears the grid to an error state for a query that cannot be read, leaving the count and sort in view', async () => {
    const api = createFakeApi({ count: 50 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    const search = screen.getByTestId('search') as HTMLInputElement;
    await fireEvent.input(search, { target: { value: 'brand type:spreadsheet' } });
    await fireEvent.keyDown(search, { key: 'Enter' });

    const problem = await screen.findByTestId('query-problem');
    expect(screen.getByTestId('query-problem-message').textContent).toContain("bad value for type: 'spreadsheet'");
    expect(screen.getByTestId('query-problem-message').textContent).toContain('(column 12)');
    expect(screen.getByTestId('query-problem-bad').textContent, 'where: the bad part is marked').toBe('spreadsheet');
    expect(screen.queryAllByTestId('tile'), 'the previous results are gone').toHaveLength(0);
    expect(screen.queryByTestId('selection-count')).toBeNull();
    expect(screen.queryByText('No selection')).toBeTruthy();
    // The message lives in the grid area; the count and the sort are outside it (nothing floats over the filter bar).
    expect(screen.getByTestId('grid').contains(problem)).toBe(true);
    const count = screen.getByTestId('result-count');
    expect(count.textContent?.trim()).toBe('0 assets');
    expect(problem.contains(count) || problem.contains(screen.getByLabelText('Sort by'))).toBe(false);
    expect(search.getAttribute('aria-invalid')).toBe('true');
    expect(search.getAttribute('aria-describedby')).toBe('query-problem');
    expect(screen.queryByTestId('notice'), 'not a toast').toBeNull();

    // Fixed, the results come back.
    await fireEvent.input(search, { target: { value: 'brand type:image' } });
    await fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('query-problem')).toBeNull());
    expect(search.getAttribute('aria-invalid')).toBe('false');
  });

  it('turns other errors into dismissable notices with a hint', async () => {
    const api = createFakeApi({ count: 50 });
    api.failNext('pickFiles', { code: 'io', message: 'dialog failed' });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    await fireEvent.click(screen.getByRole('button', { name: /Import files/ }));
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain('dialog failed');
    expect(notice.textContent).toContain('try again');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('notice')).toBeNull());
  });

  it('shows the drop overlay while files are dragged and imports them on drop', async () => {
    const api = createFakeApi({ count: 10, importStep: 1 });
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    api.emitDragDrop({ type: 'enter', paths: ['/x/a.jpg'] });
    expect(await screen.findByTestId('drop-overlay')).toBeTruthy();
    api.emitDragDrop({ type: 'drop', paths: ['/x/a.jpg', '/x/b.part'] });
    await waitFor(() => expect(screen.queryByTestId('drop-overlay')).toBeNull());
    const summary = await screen.findByTestId('import-summary');
    expect(summary.textContent).toContain('/x/b.part');
    expect(api.calls.find((c) => c[0] === 'importPaths')?.[1]).toEqual(['/x/a.jpg', '/x/b.part']);
    // Esc closes it.
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('import-summary')).toBeNull());
  });

  it('collapses and expands the side panels with their buttons and Ctrl+B / Ctrl+I, and remembers them', async () => {
    const api = createFakeApi({ count: 20 });
    const { unmount } = render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    expect(screen.getByRole('navigation', { name: 'Library' })).toBeTruthy();
    expect(screen.getByTestId('inspector')).toBeTruthy();

    await fireEvent.click(screen.getByTestId('toggle-sidebar'));
    expect(screen.queryByRole('navigation', { name: 'Library' })).toBeNull();
    expect(screen.getByTestId('toggle-sidebar').getAttribute('aria-expanded')).toBe('false');
    await fireEvent.keyDown(window, { key: 'i', ctrlKey: true });
    expect(screen.queryByTestId('inspector')).toBeNull();
    // Both gone: the panes' columns give the grid the whole width.
    expect(document.querySelector<HTMLElement>('.panes')!.style.gridTemplateColumns).toMatch(/^0px .* 0px$/);

    // Remembered across a restart.
    unmount();
    render(App, { props: { api } });
    await screen.findAllByTestId('tile');
    expect(screen.queryByRole('navigation', { name: 'Library' })).toBeNull();
    expect(screen.queryByTestId('inspector')).toBeNull();

    // The shortcut works from the search box too; the button brings the inspector back.
    await fireEvent.keyDown(screen.getByTestId('search'), { key: 'b', ctrlKey: true });
    expect(screen.getByRole('navigation', { name: 'Library' })).toBeTruthy();
    await fireEvent.click(screen.getByTestId('toggle-inspector'));
    expect(screen.getByTestId('inspector')).toBeTruthy();
    expect(JSON.parse(localStorage.getItem('tessera.panels')!)).toEqual({ sidebar: true, inspector: true });
  });

  it('toggles and remembers the theme', async () => {
    const api = createFakeApi({ count: 5 });
    render(App, { props: { api } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    await fireEvent.click(screen.getByTestId('theme-toggle'));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(localStorage.getItem('tessera.theme')).toBe('light');
  });

  it('shows the tag tree; a tag dragged onto another moves, and its search finds what is beneath', async () => {
    const tags = [['Brand/Product/Sneaker'], ['Brand/Product/Boot', 'Colour/Red'], ['Colour/Red', 'Colour/Blue'], ['Brand']];
    const api = createFakeApi({ records: tags.map((t, i) => ({ ...generate(i + 1, 4), tags: t })) });
    render(App, { props: { api } });
    const rows = () => screen.queryAllByTestId('tag-row').map((r) => r.dataset.path);
    await waitFor(() => expect(rows()).toContain('Colour/Red'));
    const row = (path: string) => screen.getAllByTestId('tag-row').find((r) => r.dataset.path === path)!;
    await fireEvent.dragStart(row('Colour/Red'));
    await fireEvent.dragOver(row('Brand'));
    await fireEvent.drop(row('Brand'));
    await waitFor(() => expect(rows()).toContain('Brand/Red'));
    const brand = within(row('Brand')).getAllByRole('button').find((b) => b.classList.contains('item'))!;
    expect(brand.textContent, 'the total takes in the moved tag').toContain('4');
    await fireEvent.click(brand);
    expect((screen.getByTestId('search') as HTMLInputElement).value).toBe('tag:"Brand"');
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('4 assets'));
  });
});
