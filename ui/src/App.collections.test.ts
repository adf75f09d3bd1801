import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { createFakeApi } from './lib/api/fake';
import type { Selection } from './lib/api/types';
import { ASSETS_MIME, decodeDrag } from './library/collectionTree';
import { fakeLayout } from './test/layout';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

/** A drag's data store, as the browser keeps it from dragstart to drop. */
function transfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (t: string, v: string) => void data.set(t, v),
    getData: (t: string) => data.get(t) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

const tile = (id: number) => screen.getAllByTestId('tile').find((t) => t.dataset.id === String(id))!;
const count = (path: string) => within(screen.getByTestId(`collection-${path}`)).getByTestId('collection-count').textContent;

async function drag(id: number, onto: string): Promise<Selection | null> {
  const dt = transfer();
  await fireEvent.dragStart(tile(id), { dataTransfer: dt });
  const carried = decodeDrag(dt.getData(ASSETS_MIME));
  const row = screen.getByTestId(`collection-${onto}`);
  await fireEvent.dragOver(row, { dataTransfer: dt });
  await fireEvent.drop(row, { dataTransfer: dt });
  return carried;
}

describe('dragging tiles onto a collection', () => {
  it('carries the tile, or the selection it is in (a select-all as its query), and the count updates', async () => {
    const api = createFakeApi({ count: 20 });
    await api.collectionCreate('Picks');
    render(App, { props: { api } });
    await screen.findByTestId('collection-Picks');
    await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(3));
    const ids = screen.getAllByTestId('tile').map((t) => Number(t.dataset.id));
    expect(tile(ids[0]!).getAttribute('draggable')).toBe('true');

    // Not selected: the tile alone, and the selection is left as it was.
    await fireEvent.click(tile(ids[1]!));
    expect(await drag(ids[0]!, 'Picks')).toEqual({ kind: 'ids', ids: [ids[0]] });
    await waitFor(() => expect(count('Picks')).toBe('1'));
    expect(tile(ids[1]!).getAttribute('aria-selected')).toBe('true');

    // In the selection: all of it.
    await fireEvent.click(tile(ids[2]!), { shiftKey: true });
    expect(await drag(ids[2]!, 'Picks')).toEqual({ kind: 'ids', ids: [ids[1], ids[2]] });
    await waitFor(() => expect(count('Picks')).toBe('3'));

    // Select-all: the query, whatever is loaded.
    await fireEvent.keyDown(window, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(tile(ids[5]!).getAttribute('aria-selected')).toBe('true'));
    expect(await drag(ids[5]!, 'Picks')).toEqual({ kind: 'query', query: '', except: [] });
    await waitFor(() => expect(count('Picks')).toBe('20'));
    expect(await screen.findByText('Added 17 assets to Picks')).toBeTruthy();
  });
});
