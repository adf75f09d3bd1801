import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake';
import type { ApiError } from './types';

const ids = (...n: number[]) => ({ kind: 'ids' as const, ids: n });

describe('the fake edit log, as the core keeps it', () => {
  it('undoes a bulk edit in one step, leaving what changed again since', async () => {
    const api = createFakeApi({ count: 50 });
    const before = await Promise.all([1, 2, 3].map((id) => api.assetDetail(id)));
    const outcome = await api.editAssets(
      { kind: 'query', query: '', except: [] },
      { rating: 5, add_tags: ['approved'], remove_tags: [] },
    );
    expect(outcome.changed).toBe(50);
    expect(outcome.edit).not.toBeNull();
    // A later edit of asset 2 is undone first (newest first), then the bulk edit: everything is back.
    await api.editAssets(ids(2), { rating: 1, add_tags: [], remove_tags: [] });
    const undone = await api.undoLast();
    expect(undone.undid.summary).toBe('rating 1');
    const again = await api.undoLast();
    expect(again.undid.id).toBe(outcome.edit);
    expect(again.skipped).toBe(0);
    for (const [i, id] of [1, 2, 3].entries()) {
      const now = await api.assetDetail(id);
      expect([now.rating, now.tags]).toEqual([before[i]!.rating, before[i]!.tags]);
    }
    const log = await api.editLog(10, true);
    expect(log.map((e) => [e.action, e.summary])).toEqual([
      ['undo', 'undo rating 5, +approved'],
      ['undo', 'undo rating 1'],
      ['edit', 'rating 1'],
      ['edit', 'rating 5, +approved'],
    ]);
    expect(log[3]!.undone_by).toBe(log[0]!.id);
  });

  it('records no step for an edit that changes nothing, and says when nothing is left to undo', async () => {
    const api = createFakeApi({ count: 5 });
    await api.editAssets(ids(1, 2), { title: 'A', add_tags: [], remove_tags: [] });
    const same = await api.editAssets(ids(1, 2), { title: ' A ', add_tags: [], remove_tags: [] });
    expect(same.edit, 'nothing changed').toBeNull();
    const undone = await api.undoLast();
    expect([undone.restored, undone.skipped]).toEqual([2, 0]);
    await expect(api.undoLast()).rejects.toMatchObject({ code: 'not_found' } satisfies Partial<ApiError>);
  });

  it('keeps one edit log per library: undo after a switch does not reach into the other library', async () => {
    const api = createFakeApi({ count: 5, libraries: [{ path: '/home/me/Pictures/Other.tessera', count: 3 }] });
    await api.editAssets(ids(1), { rating: 2, add_tags: [], remove_tags: [] });
    await api.openLibrary('/home/me/Pictures/Other.tessera');
    await expect(api.undoLast()).rejects.toMatchObject({ code: 'not_found' } satisfies Partial<ApiError>);
    const root = (await api.recentLibraries()).find((l) => l.name === 'Default')!.path;
    await api.openLibrary(root);
    expect((await api.undoLast()).undid.summary).toBe('rating 2');
  });
});
