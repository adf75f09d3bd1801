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

describe('the trash in the app', () => {
  it('Delete moves the selection to the trash; a right-click offers the menu; the sidebar counts the trash', async () => {
    const api = createFakeApi({ count: 20 });
    render(App, { props: { api } });
    const tiles = await screen.findAllByTestId('tile');
    await fireEvent.click(tiles[0]!);
    await fireEvent.click(tiles[1]!, { shiftKey: true });
    await fireEvent.keyDown(window, { key: 'Delete' });
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'trashAssets')).toBe(true));
    expect(api.calls.find((c) => c[0] === 'trashAssets')![1]).toEqual([20, 19]);
    await waitFor(() => expect(screen.queryAllByTestId('tile').map((t) => Number(t.dataset.id))).not.toContain(20));
    const trash = await screen.findByRole('button', { name: /Trash/ });
    await waitFor(() => expect(trash.textContent).toContain('2'));

    // A right-click on an unselected tile selects it and opens the menu; the webview's own menu never shows.
    const tile = screen.getAllByTestId('tile')[0]!;
    expect(await fireEvent.contextMenu(tile, { clientX: 50, clientY: 60 })).toBe(false);
    await fireEvent.click(await screen.findByTestId('menu-reveal'));
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'revealAsset')).toBe(true));
    expect(api.calls.find((c) => c[0] === 'revealAsset')![1]).toBe(Number(tile.dataset.id));
  });
});
