import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi } from '../lib/api/fake';
import type { LibraryInfo } from '../lib/api/types';
import LibrarySwitcher from './LibrarySwitcher.svelte';

const ROOT = '/home/me/.local/share/tessera/Default.tessera';

function setup(options: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    count: 3,
    libraries: [
      { path: '/home/me/Pictures/Brand.tessera', count: 5 },
      { path: '/media/usb/Archive.tessera', missing: true },
    ],
    ...options,
  });
  const opened: LibraryInfo[] = [];
  void api.onLibraryOpened((l) => opened.push(l));
  render(LibrarySwitcher, { props: { library: { name: 'Default', root: ROOT } }, context: apiContext(api) });
  return { api, opened };
}

const items = () => screen.getAllByRole('menuitem');
const focused = () => document.activeElement as HTMLElement | null;

describe('library switcher', () => {
  it('lists the recent libraries, the missing ones greyed as not found', async () => {
    setup();
    await fireEvent.click(screen.getByTestId('library-name'));
    await waitFor(() => expect(screen.getAllByTestId('recent-library')).toHaveLength(3));
    const [current, brand, archive] = screen.getAllByTestId('recent-library') as [HTMLElement, HTMLElement, HTMLElement];
    expect(current.getAttribute('aria-current'), 'the open library comes first, marked').toBe('true');
    expect(brand.textContent).toContain('Brand');
    expect(brand.textContent).toContain('/home/me/Pictures/Brand.tessera');
    expect(archive.textContent).toContain('not found');
    expect(archive.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByTestId('library-name').getAttribute('aria-expanded')).toBe('true');
  });

  it('is driven by the keyboard: arrows move past missing ones, Enter opens, Escape closes', async () => {
    const { api, opened } = setup();
    const trigger = screen.getByTestId('library-name');
    trigger.focus();
    await fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    await waitFor(() => expect(focused()?.getAttribute('aria-current')).toBe('true'));
    await fireEvent.keyDown(focused()!, { key: 'ArrowDown' });
    expect(focused()?.dataset.path).toBe('/home/me/Pictures/Brand.tessera');
    await fireEvent.keyDown(focused()!, { key: 'ArrowDown' });
    expect(focused()?.dataset.testid, 'the missing library is skipped').toBe('open-library');
    await fireEvent.keyDown(focused()!, { key: 'End' });
    expect(focused()?.dataset.testid).toBe('new-library');
    await fireEvent.keyDown(focused()!, { key: 'ArrowDown' });
    expect(focused()?.getAttribute('aria-current'), 'wraps around').toBe('true');

    await fireEvent.keyDown(focused()!, { key: 'Escape' });
    expect(screen.queryByTestId('library-menu')).toBeNull();
    expect(focused(), 'focus goes back to the name').toBe(trigger);

    await fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    await waitFor(() => expect(items().length).toBe(5));
    await fireEvent.keyDown(focused()!, { key: 'ArrowDown' });
    // Enter on a button is its click.
    await fireEvent.click(focused()!);
    await waitFor(() => expect(opened.map((l) => l.name)).toEqual(['Brand']));
    expect(opened[0]!.stats.assets, 'the other library has its own assets').toBe(5);
    expect(api.calls.filter((c) => c[0] === 'openLibrary')).toEqual([['openLibrary', '/home/me/Pictures/Brand.tessera']]);
    expect(screen.queryByTestId('library-menu')).toBeNull();
  });

  it('opens a library chosen with the folder picker, and says why a folder is not one', async () => {
    const { api, opened } = setup();
    await fireEvent.click(screen.getByTestId('library-name'));
    await fireEvent.click(await screen.findByTestId('open-library'));
    // The fake's picker answers a plain folder, which holds no library.
    await waitFor(() => expect(api.calls.some((c) => c[0] === 'openLibrary')).toBe(true));
    expect(opened).toEqual([]);
    await expect(api.openLibrary('/home/me/Pictures/Holiday 2025')).rejects.toMatchObject({ code: 'not_a_library' });
  });

  it('creates a library in a dialog, with the refusals under their field', async () => {
    const { opened } = setup();
    await fireEvent.click(screen.getByTestId('library-name'));
    await fireEvent.click(await screen.findByTestId('new-library'));
    const dialog = await screen.findByTestId('new-library-dialog');
    const name = screen.getByTestId('new-library-name') as HTMLInputElement;
    const location = screen.getByTestId('new-library-location') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(location.value, 'next to the open library by default').toBe('/home/me/.local/share/tessera');

    await fireEvent.input(name, { target: { value: 'a/b' } });
    await fireEvent.click(screen.getByTestId('new-library-create'));
    const error = await screen.findByTestId('new-library-error');
    expect(error.textContent).toContain('cannot contain');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe(error.id);

    await fireEvent.input(name, { target: { value: 'Brand' } });
    await fireEvent.input(location, { target: { value: '/nowhere' } });
    await fireEvent.click(screen.getByTestId('new-library-create'));
    await waitFor(() => expect(location.getAttribute('aria-invalid'), 'the location is what is wrong').toBe('true'));
    expect(screen.getByTestId('new-library-error').textContent).toContain('does not exist');

    await fireEvent.input(location, { target: { value: '/home/me/Pictures' } });
    await fireEvent.click(screen.getByTestId('new-library-create'));
    await waitFor(() => expect(screen.getByTestId('new-library-error').textContent).toContain('already a library'));

    await fireEvent.input(name, { target: { value: 'Campaign 2026' } });
    await fireEvent.click(screen.getByTestId('new-library-create'));
    await waitFor(() => expect(screen.queryByTestId('new-library-dialog')).toBeNull());
    expect(opened.map((l) => [l.name, l.root, l.stats.assets])).toEqual([['Campaign 2026', '/home/me/Pictures/Campaign 2026.tessera', 0]]);
    expect(dialog.isConnected).toBe(false);
  });

  it('closes the dialog with Escape without creating anything', async () => {
    const { api } = setup();
    await fireEvent.click(screen.getByTestId('library-name'));
    await fireEvent.click(await screen.findByTestId('new-library'));
    const name = await screen.findByTestId('new-library-name');
    await fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByTestId('new-library-dialog')).toBeNull();
    expect(api.calls.some((c) => c[0] === 'createLibrary')).toBe(false);
  });

  it('refuses to switch while an import runs, as the shell does', async () => {
    const { api, opened } = setup({ importStep: 50 });
    await api.importPaths(['/x/a.jpg', '/x/b.jpg']);
    await expect(api.openLibrary('/home/me/Pictures/Brand.tessera')).rejects.toMatchObject({ code: 'conflict' });
    expect(opened).toEqual([]);
    const recent = await api.recentLibraries();
    expect(recent[0]!.path, 'a refused switch does not reorder the list').toBe(ROOT);
  });
});
