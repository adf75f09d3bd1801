import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { apiContext } from '../lib/api/context';
import { createFakeApi, emptyRule } from '../lib/api/fake';
import { Notices } from '../shell/notices.svelte';
import { Watch } from './watch.svelte';
import WatchPanel from './WatchPanel.svelte';

describe('watch state', () => {
  it('loads folders, follows events live and refreshes counts', async () => {
    const api = createFakeApi({ count: 3, watched: [{ path: '/drop', rule: { tags: ['dropped'] } }] });
    const watch = new Watch(api, new Notices(), { pollEvery: 0 });
    const off = await watch.start();
    expect(watch.folders.map((f) => f.path)).toEqual(['/drop']);
    expect(watch.host).toEqual({ kind: 'here' });
    api.dropIntoWatched(1, ['a.jpg', 'b.jpg']);
    expect(watch.events.map((e) => e.path)).toEqual(['/drop/b.jpg', '/drop/a.jpg']);
    await waitFor(() => expect(watch.folders[0]!.ingested).toBe(2));
    const page = await api.search({ query: 'tag:dropped', sort: 'added', order: null, cursor: null, limit: 10 });
    expect(page.total).toBe(2);
    off();
  });

  it('adds, pauses, resumes, edits and removes; errors become notices', async () => {
    const api = createFakeApi({ count: 0 });
    const notices = new Notices();
    const watch = new Watch(api, notices, { pollEvery: 0 });
    await watch.load();
    const f = await watch.add('/shoots', { ...emptyRule(), tags: ['x'] });
    expect(f?.id).toBe(1);
    expect(await watch.add('/shoots/day1', emptyRule())).toBeNull();
    expect(notices.list[0]?.message).toContain('overlaps');
    await watch.pause(1);
    expect(watch.folders[0]!.state).toBe('paused');
    await watch.resume(1);
    expect(watch.folders[0]!.state).toBe('active');
    await watch.updateRule(1, { ...emptyRule(), after: 'move' });
    expect(watch.folders[0]!.after).toBe('move');
    await watch.remove(1);
    expect(watch.folders).toEqual([]);
  });

  it('polls when another process watches, and tells when assets arrived', async () => {
    const api = createFakeApi({ count: 0, watched: [{ path: '/drop' }], host: { kind: 'elsewhere' } });
    let arrived = 0;
    const watch = new Watch(api, new Notices(), { pollEvery: 0, onArrived: () => arrived++ });
    await watch.load();
    // The other process's events do not reach this window; the poll finds them.
    api.dropIntoWatched(1, ['c.jpg']);
    await watch.poll();
    expect(arrived).toBe(1);
    expect(watch.events.map((e) => e.path)).toContain('/drop/c.jpg');
  });
});

describe('watch panel', () => {
  it('adds a folder through the picker and the rules form, and lists it with its state', async () => {
    const api = createFakeApi({ count: 0 });
    const watch = new Watch(api, new Notices(), { pollEvery: 0 });
    const off = await watch.start();
    render(WatchPanel, { props: { watch, onclose: () => {} }, context: apiContext(api) });
    await fireEvent.click(screen.getByTestId('watch-add'));
    const tags = await screen.findByTestId('watch-rule-tags');
    await fireEvent.input(tags, { target: { value: 'summer, beach' } });
    await fireEvent.click(screen.getByText('Move to .ingested'));
    await fireEvent.click(screen.getByTestId('watch-rules-submit'));
    const row = await screen.findByTestId('watch-folder');
    expect(row.dataset.state).toBe('watching');
    expect(row.textContent).toContain('move to .ingested · tags summer, beach');
    expect(api.calls.find((c) => c[0] === 'watchAdd')?.[1]).toBe('/home/me/Pictures/Holiday 2025');

    api.dropIntoWatched(1, ['x.jpg']);
    await waitFor(() => expect(screen.getByTestId('watch-activity').textContent).toContain('x.jpg'));

    await fireEvent.click(screen.getByTestId('watch-pause'));
    await waitFor(() => expect(screen.getByTestId('watch-folder').dataset.state).toBe('paused'));
    await fireEvent.click(screen.getByTestId('watch-remove'));
    await fireEvent.click(screen.getByTestId('watch-remove-confirm'));
    await waitFor(() => expect(screen.queryByTestId('watch-folder')).toBeNull());
    off();
  });

  it('says when another process watches the library', async () => {
    const api = createFakeApi({ count: 0, watched: [{ path: '/drop' }], host: { kind: 'elsewhere' } });
    const watch = new Watch(api, new Notices(), { pollEvery: 0 });
    await watch.load();
    render(WatchPanel, { props: { watch, onclose: () => {} }, context: apiContext(api) });
    expect(screen.getByTestId('watch-host').textContent).toContain('Another Tessera process is watching this library');
  });
});
