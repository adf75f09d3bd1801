import { describe, expect, it, vi } from 'vitest';
import type { LibraryChanged, SearchRequest } from './types';
import { createFakeApi } from './fake';

const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  sort: 'added',
  order: null,
  limit: 100,
  cursor: null,
  ...more,
});

describe('the fake behaves like the core', () => {
  it('keeps the first spelling of a tag; names are unique without regard to case', async () => {
    const api = createFakeApi({ count: 10 });
    await api.editAssets({ kind: 'ids', ids: [1] }, { add_tags: ['  Hero Shot '], remove_tags: [] });
    await api.editAssets({ kind: 'ids', ids: [2, 1] }, { add_tags: ['HERO SHOT'], remove_tags: [] });
    expect((await api.assetDetail(2)).tags, 'the second spelling joins the first').toContain('Hero Shot');
    expect((await api.assetDetail(1)).tags.filter((t) => t.toLowerCase() === 'hero shot')).toEqual(['Hero Shot']);
    expect((await api.tagCounts()).find((t) => t.name === 'Hero Shot')?.count).toBe(2);
    expect((await api.search(request('tag:"HERO shot"'))).assets.map((a) => a.id)).toEqual([2, 1]);
    await api.editAssets({ kind: 'ids', ids: [1] }, { add_tags: [], remove_tags: ['hero SHOT'] });
    expect((await api.assetDetail(1)).tags).not.toContain('Hero Shot');
  });

  it('refuses a bad tag or rating before changing anything, naming the field', async () => {
    const api = createFakeApi({ count: 10 });
    await expect(api.editAssets({ kind: 'ids', ids: [1] }, { rating: 3, add_tags: ['ok', ' '], remove_tags: [] })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'tag',
    });
    await expect(api.editAssets({ kind: 'ids', ids: [1] }, { rating: 7, add_tags: [], remove_tags: [] })).rejects.toMatchObject({ field: 'rating' });
    await expect(api.editAssets({ kind: 'ids', ids: [1, 999] }, { rating: 3, add_tags: [], remove_tags: [] })).rejects.toMatchObject({ code: 'not_found' });
    expect((await api.assetDetail(1)).rating, 'all or nothing').not.toBe(3);
  });

  it('edits every match of a query less the exceptions in one call, with details only for small edits', async () => {
    const api = createFakeApi({ count: 400 });
    const images = (await api.search(request('type:image', { limit: 1000 }))).assets.map((a) => a.id);
    const outcome = await api.editAssets({ kind: 'query', query: 'type:image', except: [images[0]!] }, { rating: 2, add_tags: [], remove_tags: [] });
    expect(outcome.changed).toBe(images.length - 1);
    expect(outcome.assets, 'more than 100: no details').toEqual([]);
    expect((await api.search(request('type:image rating:2', { limit: 1000 }))).total).toBe(images.length - 1);
    const small = await api.editAssets({ kind: 'query', query: 'type:video', except: [] }, { rating: 1, add_tags: [], remove_tags: [] });
    expect(small.changed).toBeGreaterThan(0);
    expect(small.assets.map((a) => a.rating), 'a small edit comes back with the assets as they are now').toEqual(small.assets.map(() => 1));
    expect(small.assets).toHaveLength(small.changed);
  });

  it('sends one library-changed for a burst of commits', async () => {
    const api = createFakeApi({ count: 10, changeDelay: 5 });
    const events: LibraryChanged[] = [];
    await api.onLibraryChanged((c) => events.push(c));
    await api.editAssets({ kind: 'ids', ids: [1] }, { rating: 1, add_tags: [], remove_tags: [] });
    await api.editAssets({ kind: 'ids', ids: [2] }, { rating: 1, add_tags: [], remove_tags: [] });
    expect(events).toHaveLength(0);
    await vi.waitFor(() => expect(events).toEqual([{ reason: 'changed' }]));
    await api.editAssets({ kind: 'ids', ids: [3] }, { rating: 1, add_tags: [], remove_tags: [] });
    await vi.waitFor(() => expect(events).toHaveLength(2));
  });

  it('pages by keyset cursor: a page after a cursor is the same rows when assets arrive before it', async () => {
    const api = createFakeApi({ count: 1_000 });
    const first = await api.search(request('', { limit: 300 }));
    expect(first.next).not.toBeNull();
    expect(first.next, 'opaque, not an offset').not.toMatch(/^o?\d+$/);
    const second = await api.search(request('', { limit: 300, cursor: first.next }));
    const folder = await api.watchAdd('/drop', { after: 'leave', tags: ['Inbox'], credit: null, creator: null, rights: null, campaign: null, uploader: null, collection: null });
    api.dropIntoWatched(folder.id, ['new-1.jpg', 'new-2.jpg']);
    const again = await api.search(request('', { limit: 300, cursor: first.next }));
    expect(again.assets.map((a) => a.id)).toEqual(second.assets.map((a) => a.id));
    expect((await api.search(request(''))).assets[0]?.name).toBe('new-2.jpg');
    await expect(api.search(request('', { cursor: 'o300' }))).rejects.toMatchObject({ code: 'invalid_input', field: 'cursor' });
    await expect(api.search(request('', { sort: 'name', cursor: first.next }))).rejects.toMatchObject({ field: 'cursor' });
  });

  it('walks every sort to the end without gaps or repeats', async () => {
    const api = createFakeApi({ count: 730 });
    for (const sort of ['added', 'name', 'size', 'taken'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const page = await api.search(request('', { sort, order, limit: 97, cursor }));
          seen.push(...page.assets.map((a) => a.id));
          cursor = page.next;
        } while (cursor !== null);
        expect(new Set(seen).size, `${sort} ${order}`).toBe(730);
      }
    }
  });

  it('refuses a query the core cannot read, saying what and where', async () => {
    const api = createFakeApi({ count: 10 });
    const cases: [string, string][] = [
      ['brand type:spreadsheet', "bad value for type: 'spreadsheet' (expected image, video, audio, document, font or other) at column 12"],
      ['red colour:red', 'unknown filter \'colour:\' (known: tag, type, ext, uploader, creator, credit, campaign, width, height, orientation, rating, taken, added, is, licence, label, flag, missing, expires, rights, collection, smart, status) at column 5'],
      ['tag>x', "tag does not take a comparison '>' (use tag:NAME) at column 4"],
      ['a "summer campaign', 'unterminated quote (add a closing ") at column 3'],
      ['x -type:image', "cannot exclude with '-type:' (only -tag: can be negated) at column 3"],
      ['rating>=9', "bad value for rating: '9' (expected a whole number from 0 to 5) at column 9"],
      ['tag:', 'empty value for tag: (use tag:NAME) at column 1'],
      ['café 東京 type:x', "bad value for type: 'x' (expected image, video, audio, document, font or other) at column 14"],
    ];
    for (const [query, message] of cases) {
      await expect(api.search(request(query)), query).rejects.toEqual({ code: 'bad_query', message, field: 'query' });
    }
    // Not filters: a time, a word with a dash.
    await expect(api.search(request('10:30 -beach'))).resolves.toBeTruthy();
  });
});
