import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake';

const total = async (api: ReturnType<typeof createFakeApi>, query: string) =>
  (await api.search({ query, sort: 'added', order: null, limit: 1, cursor: null })).total;

describe('the fake trash, as the core keeps it', () => {
  it('hides trashed assets from views and counters, and one undo brings them back', async () => {
    const api = createFakeApi({ count: 20 });
    const before = (await api.libraryInfo()).stats;
    const out = await api.trashAssets([1, 2, 2]);
    expect(out.moved).toEqual([1, 2]);
    expect(out.edit).not.toBeNull();
    expect(await total(api, '')).toBe(18);
    expect(await total(api, 'is:trashed')).toBe(2);
    const stats = (await api.libraryInfo()).stats;
    expect([stats.assets, stats.trashed, stats.files]).toEqual([18, 2, 20]);
    expect((await api.listTrash()).map((t) => t.id).sort()).toEqual([1, 2]);
    expect((await api.trashAssets([1])).moved).toEqual([]);
    await api.undoLast();
    expect(await total(api, '')).toBe(20);
    expect((await api.libraryInfo()).stats).toEqual(before);
  });

  it('moves none when one id is unknown, restores, and empties for good', async () => {
    const api = createFakeApi({ count: 10 });
    await expect(api.trashAssets([1, 999])).rejects.toMatchObject({ code: 'not_found' });
    expect(await total(api, 'is:trashed')).toBe(0);
    await api.trashAssets([3, 4, 5]);
    expect((await api.restoreAssets([3, 6])).moved).toEqual([3]);
    expect(await api.emptyTrash()).toEqual({ assets: 2, files_removed: 2 });
    await expect(api.assetDetail(4)).rejects.toMatchObject({ code: 'not_found' });
    const stats = (await api.libraryInfo()).stats;
    expect([stats.assets, stats.trashed, stats.files]).toEqual([8, 0, 8]);
    expect(await api.openAsset(3)).toMatch(/originals\/.+\/.+/);
    await expect(api.revealAsset(4)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('export for use (the governance check)', () => {
  it('lets only approved assets out, with the reason for the others, unless a reason overrides', async () => {
    const api = createFakeApi({ count: 2 });
    const ids = (await api.search({ query: '', sort: 'added', order: 'asc', cursor: null, limit: 2 })).assets.map((a) => a.id);
    const [a, b] = ids as [number, number];
    await api.setStatus([a], 'in_review');
    await api.setStatus([a], 'approved');
    const out = await api.exportAssets([a, b], '/tmp/out', null);
    expect(out.exported.map((e) => e.id)).toEqual([a]);
    expect(out.refused.map((e) => e.id)).toEqual([b]);
    expect(out.refused[0]!.reason).toContain('only approved or published');
    const forced = await api.exportAssets([b], '/tmp/out', 'the client signed off');
    expect(forced.exported.map((e) => e.id)).toEqual([b]);
  });
});
