import { describe, expect, it, vi } from 'vitest';
import { createFakeApi, emptyRule } from '../lib/api/fake';
import type { SearchRequest } from '../lib/api/types';
import { KEEP_AROUND, PAGE_SIZE, Results, SLACK } from './results.svelte';

const searches = (api: ReturnType<typeof createFakeApi>) =>
  api.calls.filter((c) => c[0] === 'search').map((c) => c[1] as SearchRequest);

describe('results', () => {
  it('holds only the rows near the window and refetches dropped rows with their own cursor', async () => {
    const api = createFakeApi({ count: 20_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('');
    expect(results.known).toBe(PAGE_SIZE);
    expect(results.at(0)?.id).toBe(20_000);

    // Walk down to row 12,000 (as a scrollbar drag would).
    await results.view(12_000, 12_050);
    expect(results.known).toBeGreaterThanOrEqual(12_050);
    expect(results.at(12_000)?.id).toBe(20_000 - 12_000);
    expect(results.at(0)).toBeUndefined();
    expect(results.ids[0]).toBe(20_000);
    expect(results.held).toBeLessThanOrEqual(2 * KEEP_AROUND + 50 + 2_000);
    expect(searches(api).every((r) => r.limit <= 1000)).toBe(true);

    // Back to the top: the first chunk comes again, from the start.
    const before = searches(api).length;
    await results.view(0, 50);
    expect(results.at(0)?.id).toBe(20_000);
    expect(results.at(49)?.id).toBe(20_000 - 49);
    const refetch = searches(api).slice(before);
    expect(refetch).toHaveLength(1);
    expect(refetch[0]!.cursor).toBeNull();
    expect(results.at(12_000)).toBeUndefined();
    expect(results.known).toBeGreaterThanOrEqual(12_050); // ids reached stay known
  });

  it('keeps the pinned row when the window moves far away', async () => {
    const api = createFakeApi({ count: 10_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('');
    results.pin(10);
    await results.view(9_000, 9_050);
    expect(results.at(10)?.id).toBe(10_000 - 10);
    expect(results.at(5_000)).toBeUndefined();
    results.pin(-1);
    await results.view(9_000, 9_060);
    expect(results.at(10)).toBeUndefined();
  });

  it('a refresh keeps the list long while it is walked again, a new search does not', async () => {
    const api = createFakeApi({ count: 30_000 }); // totals capped at 10,000
    const results = new Results(api);
    await results.search('');
    await results.view(14_000, 14_050);
    const long = results.count;
    expect(long).toBeGreaterThan(14_050);
    await results.reload();
    expect(results.count).toBeGreaterThanOrEqual(long - PAGE_SIZE);
    await results.search('nothing-matches-this');
    expect(results.count).toBe(0);
  });

  it('fits a dropped chunk that comes back different in place, without starting over', async () => {
    const api = createFakeApi({ count: 5_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('-tag:gone');
    await results.view(4_900, 4_950);
    expect(results.at(0)).toBeUndefined();
    const before = searches(api).length;
    // The newest asset leaves the results (edited elsewhere) while its chunk is dropped.
    await api.editAssets({ kind: 'ids', ids: [5_000] }, { add_tags: ['gone'], remove_tags: [] });
    await results.view(0, 50);
    await vi.waitFor(() => expect(results.at(0)?.id).toBe(4_999));
    expect(results.ids[0]).toBe(4_999);
    expect(results.ids).not.toContain(5_000);
    expect(searches(api).slice(before), 'one request: the chunk again').toHaveLength(1);
    expect(new Set(results.ids).size).toBe(results.ids.length);
    expect(results.ids.length).toBe(results.known);
  });

  it('a refresh during a burst keeps the place: it reads the shown chunks from their cursors, not the first page', async () => {
    const api = createFakeApi({ count: 20_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('');
    await results.view(12_000, 12_050);
    const shown = () => Array.from({ length: 50 }, (_, k) => results.at(12_000 + k)?.id);
    const place = shown();
    expect(place.every((id) => id !== undefined)).toBe(true);
    const folder = await api.watchAdd('/drop', emptyRule());
    for (let burst = 0; burst < 5; burst++) {
      api.dropIntoWatched(folder.id, [`burst-${burst}-a.jpg`, `burst-${burst}-b.jpg`]);
      const before = searches(api).length;
      await results.reload();
      const made = searches(api).slice(before);
      expect(made.length, 'a few requests, wherever the grid is').toBeLessThanOrEqual(2);
      expect(made.every((r) => r.cursor !== null), 'never walks back from page 1').toBe(true);
      expect(shown(), 'the rows under the viewport stay').toEqual(place);
    }
    expect(results.total).toBe(20_010);
    // The new assets are there when the user scrolls back up.
    await results.view(0, 50);
    await vi.waitFor(() => expect(results.at(0)?.name).toBe('burst-4-b.jpg'));
    expect(results.at(10)?.id).toBe(20_000);
    expect(new Set(results.ids).size).toBe(results.ids.length);
  });

  it('a refresh moves what follows a changed chunk, and restarts only from a chunk it cannot fit', async () => {
    const api = createFakeApi({ count: 3_000, totalCap: Infinity });
    const results = new Results(api);
    await results.search('-tag:gone');
    await results.view(1_000, 1_050);
    const at1010 = results.at(1_010)!.id;
    const at1011 = results.at(1_011)!.id;
    await api.editAssets({ kind: 'ids', ids: [at1010] }, { add_tags: ['gone'], remove_tags: [] });
    await results.reload();
    expect(results.at(1_010)?.id, 'the next row moves up into its place').toBe(at1011);
    expect(results.ids).not.toContain(at1010);

    // At the top: new arrivals push the rows down; more than a chunk's slack restarts that chunk, not the list above.
    await results.view(0, 50);
    await vi.waitFor(() => expect(results.at(0)).toBeDefined());
    const top = results.at(0)!.id;
    const folder = await api.watchAdd('/drop', emptyRule());
    api.dropIntoWatched(folder.id, ['one.jpg', 'two.jpg', 'three.jpg']);
    await results.reload();
    expect(results.at(3)?.id).toBe(top);
    api.dropIntoWatched(folder.id, Array.from({ length: SLACK + 50 }, (_, i) => `many-${i}.jpg`));
    await results.reload();
    await results.view(0, 50);
    expect(results.at(0)?.name).toBe(`many-${SLACK + 49}.jpg`);
    expect(results.at(SLACK + 53)?.id).toBe(top);
    expect(new Set(results.ids).size).toBe(results.ids.length);
    // And the list is whole: walking it to the end finds every match once.
    await results.view(3_000, 3_300);
    await vi.waitFor(() => expect(results.next).toBeNull());
    expect(results.ids.length).toBe(3_000 - 1 + 3 + SLACK + 50);
    expect(new Set(results.ids).size).toBe(results.ids.length);
  });

  it('a query that cannot be read clears the list instead of keeping the previous rows', async () => {
    const api = createFakeApi({ count: 500 });
    const results = new Results(api);
    await results.search('');
    await results.view(0, 50);
    const shown = results.shown;
    await results.search('brand type:spreadsheet');
    expect(results.error?.code).toBe('bad_query');
    expect([results.known, results.count, results.total, results.at(0)]).toEqual([0, 0, 0, undefined]);
    expect(results.shown, 'a new result is shown (the selection is pruned against it)').toBeGreaterThan(shown);
    await results.reload();
    expect(results.error?.code, 'a refresh asks again').toBe('bad_query');
    await results.search('type:image');
    expect(results.error).toBeNull();
    expect(results.known).toBeGreaterThan(0);
  });

  it('puts edits into held rows', async () => {
    const api = createFakeApi({ count: 50 });
    const results = new Results(api);
    await results.search('');
    const {
      assets: [detail],
    } = await api.editAssets({ kind: 'ids', ids: [50] }, { title: 'Renamed', rating: 4, add_tags: [], remove_tags: [] });
    results.patch([detail!]);
    expect(results.at(0)?.title).toBe('Renamed');
    expect(results.at(0)?.rating).toBe(4);
  });

  it('holds an asset edited out of the search in its place until it is released', async () => {
    const api = createFakeApi({ count: 600, totalCap: Infinity });
    const results = new Results(api);
    await results.search('rating>=1');
    await results.view(0, 50);
    const before = results.ids.slice(0, 12);
    const total = results.total;
    const edited = before[5]!;
    results.hold([edited]);
    await api.editAssets({ kind: 'ids', ids: [edited] }, { rating: 0, add_tags: [], remove_tags: [] });

    await results.reload();
    expect(results.ids.slice(0, 12)).toEqual(before);
    expect(results.at(5)?.id).toBe(edited);
    expect(results.total).toBe(total);

    // Still selected: kept. Moved on: the next refresh lets it go.
    expect(results.release((id) => id === edited)).toBe(false);
    await results.reload();
    expect(results.ids[5]).toBe(edited);
    expect(results.release()).toBe(true);
    await results.reload();
    expect(results.ids).not.toContain(edited);
    expect(results.ids.slice(0, 11)).toEqual(before.filter((id) => id !== edited));
    expect(results.total).toBe(total - 1);
  });

  it('a new search lets go of held rows', async () => {
    const api = createFakeApi({ count: 300, totalCap: Infinity });
    const results = new Results(api);
    await results.search('rating>=1');
    await results.view(0, 50);
    const edited = results.ids[0]!;
    results.hold([edited]);
    await api.editAssets({ kind: 'ids', ids: [edited] }, { rating: 0, add_tags: [], remove_tags: [] });
    await results.search('rating>=1');
    expect(results.ids).not.toContain(edited);
  });
});
