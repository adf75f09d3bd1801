import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { createFakeApi } from './lib/api/fake';
import { fakeLayout } from './test/layout';

let restore: () => void;
beforeAll(() => {
  restore = fakeLayout(1200, 800);
});
afterAll(() => restore());
beforeEach(() => localStorage.clear());

describe('switching libraries', () => {
  it('reloads the header, the title, the grid, the counts and the selection for the other library, and back', async () => {
    const api = createFakeApi({ count: 30, libraries: [{ path: '/home/me/Pictures/Brand.tessera', count: 7 }] });
    render(App, { props: { api } });
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('30 assets'));
    // A search and a selection of this library.
    const search = screen.getByTestId('search') as HTMLInputElement;
    await fireEvent.input(search, { target: { value: 'type:image' } });
    const first = (await screen.findAllByTestId('tile'))[0]!;
    await fireEvent.click(first);

    await fireEvent.click(screen.getByTestId('library-name'));
    const brand = (await screen.findAllByTestId('recent-library')).find((b) => b.dataset.path?.includes('Brand'))!;
    await fireEvent.click(brand);

    await waitFor(() => expect(screen.getByTestId('library-name').textContent).toBe('Brand'));
    expect(document.title).toBe('Brand — Tessera');
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('7 assets'));
    expect(screen.getAllByTestId('tile')).toHaveLength(7);
    expect(search.value, 'the old search is cleared').toBe('');
    expect(screen.queryAllByTestId('tile').filter((t) => t.getAttribute('aria-selected') === 'true')).toEqual([]);
    expect(screen.getByRole('button', { name: /^All assets/ }).textContent).toContain('7');

    await fireEvent.click(screen.getByTestId('library-name'));
    const back = (await screen.findAllByTestId('recent-library')).find((b) => b.dataset.path?.includes('Default'))!;
    await fireEvent.click(back);
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('30 assets'));
    expect(document.title).toBe('Default — Tessera');
  });
});
