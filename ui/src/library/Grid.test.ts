import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import type { SearchRequest } from '../lib/api/types';
import { fakeLayout } from '../test/layout';
import Grid from './Grid.svelte';
import { PAGE_SIZE, Results } from './results.svelte';
import { emptySelection } from './selection';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());

const tileIds = () => screen.queryAllByTestId('tile').map((t) => Number(t.dataset.id));

describe('virtual grid', () => {
  it('renders only a window of tiles for 100,000 assets and changes them on scroll', async () => {
    const api = createFakeApi({ count: 100_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('');
    expect(results.total).toBe(100_000);

    const { container } = render(Grid, {
      props: { results, selection: emptySelection, tileSize: 176, onselect: vi.fn(), onopen: vi.fn() },
      context: apiContext(api),
    });

    await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(0));
    const first = tileIds();
    expect(first.length).toBeLessThan(300);
    expect(first[0]).toBe(100_000); // newest first
    // The spacer gives the full height of 100,000 tiles.
    const spacer = container.querySelector<HTMLElement>('.spacer')!;
    expect(parseFloat(spacer.style.height)).toBeGreaterThan(1_000_000);
    // Images load lazily.
    const img = screen.getAllByTestId('thumb')[0]!;
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('decoding')).toBe('async');

    // Scroll far down: other tiles (placeholders until their page arrives, then real ones).
    const scroller = screen.getByTestId('grid');
    scroller.scrollTop = 400_000;
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(tileIds().length).toBeGreaterThan(0));
    const later = tileIds();
    expect(later.length).toBeLessThan(300);
    expect(later.some((id) => first.includes(id))).toBe(false);
    expect(Math.max(...later)).toBeLessThan(100_000 - 1000);

    // Pages came by keyset cursor, never all at once.
    const searches = api.calls.filter((c) => c[0] === 'search').map((c) => c[1] as SearchRequest);
    expect(searches.every((r) => r.limit <= 1000)).toBe(true);
    expect(searches.slice(1).every((r) => r.cursor !== null)).toBe(true);
    // Rows far above the window were dropped (their ids stay, for selection).
    expect(results.held).toBeLessThan(5_000);
    expect(results.at(0)).toBeUndefined();
    expect(results.ids[0]).toBe(100_000);
  });

  it('loads the next page as the window nears the end of what is loaded', async () => {
    const api = createFakeApi({ count: 5_000 });
    const results = new Results(api);
    await results.search('');
    expect(results.known).toBe(PAGE_SIZE);
    render(Grid, {
      props: { results, selection: emptySelection, tileSize: 176, onselect: vi.fn(), onopen: vi.fn() },
      context: apiContext(api),
    });
    const scroller = screen.getByTestId('grid');
    scroller.scrollTop = 7_000; // 200 tiles are ~34 rows of 240 px; this shows rows ~29-32
    await fireEvent.scroll(scroller);
    await waitFor(() => expect(results.known).toBeGreaterThan(PAGE_SIZE));
  });

  it('reports clicks with their modifiers', async () => {
    const api = createFakeApi({ count: 50 });
    const results = new Results(api);
    await results.search('');
    const onselect = vi.fn();
    render(Grid, {
      props: { results, selection: emptySelection, tileSize: 176, onselect, onopen: vi.fn() },
      context: apiContext(api),
    });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[3]!.querySelector('img')!, { shiftKey: true });
    expect(onselect).toHaveBeenCalledWith(3, { shift: true, toggle: false });
    await fireEvent.click(tiles[1]!, { ctrlKey: true });
    expect(onselect).toHaveBeenLastCalledWith(1, { shift: false, toggle: true });
  });

  it('shows a message when nothing matches', async () => {
    const api = createFakeApi({ count: 50 });
    const results = new Results(api);
    await results.search('zzzznothing');
    render(Grid, {
      props: { results, selection: emptySelection, tileSize: 176, onselect: vi.fn(), onopen: vi.fn() },
      context: apiContext(api),
    });
    expect(await screen.findByText('No assets match')).toBeTruthy();
  });
});
