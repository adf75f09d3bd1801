import { describe, expect, it } from 'vitest';
import { createFakeApi } from './fake';

const ids = (...n: number[]) => ({ kind: 'ids' as const, ids: n });
const total = async (api: ReturnType<typeof createFakeApi>, query: string) =>
  (await api.search({ query, sort: 'added', order: null, limit: 1, cursor: null })).total;

describe('the fake collections, as the core keeps them', () => {
  it('nests by path, counts, searches with sub-collections and undoes an add in one step', async () => {
    const api = createFakeApi({ count: 30 });
    const out = await api.collectionAdd(' Spring 2027 / Social ', ids(1, 2, 3));
    expect(out.collection.path).toBe('Spring 2027/Social');
    expect(out.changed).toBe(3);
    await api.collectionAdd('spring 2027/Print', ids(3, 4));
    const tree = await api.collections();
    expect(tree.map((c) => c.path)).toEqual(['Spring 2027']);
    expect(tree[0]!.children.map((c) => [c.path, c.count])).toEqual([['Spring 2027/Print', 2], ['Spring 2027/Social', 3]]);
    expect(await total(api, 'collection:"Spring 2027"')).toBe(4);
    const all = await api.collectionAdd('Spring 2027/Social', { kind: 'query', query: '', except: [] });
    expect(all.changed).toBe(27);
    await api.undoLast();
    expect(await total(api, 'collection:"Spring 2027/Social"')).toBe(3);
  });

  it('refuses bad paths, non-empty deletes and smart members as the core does', async () => {
    const api = createFakeApi({ count: 10 });
    await expect(api.collectionAdd('a//b', ids(1))).rejects.toMatchObject({ code: 'invalid_input', field: 'collection' });
    await api.collectionAdd('Keep', ids(1, 2));
    await expect(api.collectionDelete('Keep', false)).rejects.toMatchObject({ code: 'conflict' });
    expect((await api.collectionDelete('Keep', true)).memberships).toBe(2);
    await api.smartAdd('Top', 'rating>=4');
    await expect(api.collectionAdd('Top', ids(1))).rejects.toMatchObject({ code: 'conflict' });
    await expect(api.smartAdd('Bad', 'rating>=9')).rejects.toMatchObject({ code: 'bad_query' });
    expect((await api.collections()).find((c) => c.path === 'Top')?.kind).toBe('smart');
  });
});
