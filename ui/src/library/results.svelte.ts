// The current search: its query and sort, the rows near what the grid shows (fetched by keyset cursor, never all at
// once) and the total.
//
// Every row position reached so far keeps its asset id (selection maths needs the order), but the rows themselves
// are kept only near the grid's window: scrolling through 100,000 assets must not keep 100,000 objects alive. Rows
// arrive in chunks (one request each); a chunk far from the window drops its rows and keeps the cursor it was fetched
// with, so scrolling back refetches exactly those rows.
//
// A refresh (the library changed: an edit, an import, the watcher, another process) keeps the user's place: it reads
// again only the chunks the grid shows, each from its own cursor, and fits each between its neighbours by finding its
// old last row in a slightly longer page (rows added or removed inside it move what follows; nothing above moves). Only
// when that row has gone does the list restart from that chunk on, never from the first page.
//
// Culling is safe: an asset edited out of the current search (rated 0 in `rating>=4`, untagged in `tag:x`) is held in
// its place by every refresh until the user moves on (`release`), so the grid does not jump under the selection.

import type { LibraryApi } from '../lib/api/api';
import type { ApiError, AssetDetail, AssetId, AssetSummary, Page, SortKey, SortOrder } from '../lib/api/types';
import { isApiError } from '../lib/errors';

export const PAGE_SIZE = 200;
/** The most one catch-up request asks for when the user jumps far past what is loaded (scrollbar drag). */
export const MAX_PAGE_SIZE = 1000;
/** Rows kept on each side of the grid's window; chunks entirely beyond are dropped. */
export const KEEP_AROUND = 1500;
/** Extra rows a chunk is read again with, so its old last row is still found when rows were added inside it. */
export const SLACK = 200;

interface Chunk {
  /** Position of its first row. */
  start: number;
  length: number;
  /** The cursor it was fetched with (null: the start of the results). */
  cursor: string | null;
  /** Null once dropped. */
  rows: AssetSummary[] | null;
}

export class Results {
  query = $state('');
  sort = $state<SortKey>('added');
  order = $state<SortOrder | null>(null);
  total = $state(0);
  totalExact = $state(true);
  /** The cursor after the last row reached, null once the results end. */
  next = $state<string | null>(null);
  loading = $state(false);
  /** True once the first page of the current search has arrived. */
  ready = $state(false);
  /** The last failure of this search (a bad query clears the list; the grid says what is wrong and where). */
  error = $state<ApiError | null>(null);
  /** Bumped on each new search (not on a refresh of the same one). */
  searchId = $state(0);
  /** The search whose first page is showing (a refresh of it leaves this unchanged). */
  shown = $state(0);

  #chunks: Chunk[] = [];
  #ids: AssetId[] = [];
  /** Mutated in place; `#version` tells readers. */
  #version = $state(0);
  /** The rows the grid shows, [start, end). */
  #window = { start: 0, end: 0 };
  /** A row whose chunk is never dropped (the focused tile, for quick look and the inspector). */
  #pinned = -1;
  /** After a refresh of a long list, how many tiles to keep laying out while it is walked again. */
  #floor = 0;

  #api: LibraryApi;
  #onError: (e: unknown) => void;
  #generation = 0;
  #pump: Promise<void> | null = null;
  /** Rows edited here that refreshes keep in place even when the search no longer finds them (until `release`). */
  #held = new Set<AssetId>();
  /** A refresh reading chunks again; the pump waits for it. */
  #refreshing: Promise<void> | null = null;

  constructor(api: LibraryApi, onError: (e: unknown) => void = () => {}) {
    this.#api = api;
    this.#onError = onError;
  }

  /** Ids of every row position reached so far, in order. */
  get ids(): AssetId[] {
    void this.#version;
    return this.#ids;
  }

  /** How many row positions are reached (their ids are known; their rows may have been dropped). */
  get known(): number {
    void this.#version;
    return this.#ids.length;
  }

  /** How many rows are held in memory. */
  get held(): number {
    void this.#version;
    return this.#chunks.reduce((n, c) => n + (c.rows ? c.length : 0), 0);
  }

  /** The row at `index`, or undefined while it is not loaded. */
  at(index: number): AssetSummary | undefined {
    void this.#version;
    const chunk = this.#chunkAt(index);
    return chunk?.rows?.[index - chunk.start];
  }

  /**
   * How many tiles the grid lays out: the total when it is exact, otherwise what is reached plus a page while more
   * exist (the scrollbar grows as pages arrive).
   */
  get count(): number {
    const known = this.known;
    if (this.next === null) return known;
    if (this.totalExact) return Math.max(this.total, known);
    return Math.max(this.total, Math.max(known, this.#floor) + PAGE_SIZE);
  }

  /** Keeps these rows in place through refreshes, even if an edit took them out of the search. */
  hold(ids: Iterable<AssetId>): void {
    for (const id of ids) this.#held.add(id);
  }

  /** Lets go of the held rows but those in `keep` (still selected); true when one was let go (a refresh drops it). */
  release(keep: (id: AssetId) => boolean = () => false): boolean {
    let released = false;
    for (const id of this.#held) {
      if (keep(id)) continue;
      this.#held.delete(id);
      released = true;
    }
    return released;
  }

  /** Starts a new search (the grid keeps showing the old rows until the first page arrives). */
  async search(query: string, sort: SortKey = this.sort, order: SortOrder | null = this.order): Promise<void> {
    this.query = query;
    this.sort = sort;
    this.order = order;
    this.#floor = 0;
    this.#held.clear();
    this.searchId++;
    await this.#restart();
  }

  /**
   * Runs the current search again after the library changed, keeping the place: the chunks the grid shows are read
   * again from their own cursors (a few requests wherever the grid is scrolled), the others are dropped and come back
   * when scrolled to. Before the current search's first page has arrived it simply starts again.
   */
  reload(): Promise<void> {
    if (this.shown !== this.searchId || this.error !== null || this.#chunks.length === 0) {
      this.#floor = Math.max(this.#floor, this.#ids.length);
      return this.#restart();
    }
    return this.#refresh();
  }

  /** The grid shows rows [start, end): load what is missing there, drop rows far away. */
  view(start: number, end: number): Promise<void> {
    this.#window = { start, end };
    this.#drop();
    return this.#run();
  }

  /** Keeps the row at `index` held however far the grid scrolls away from it (-1: none). */
  pin(index: number): void {
    this.#pinned = index;
  }

  /** Puts edited assets' new values into the held rows. */
  patch(details: readonly AssetDetail[]): void {
    const byId = new Map<AssetId, AssetDetail>(details.map((d) => [d.id, d]));
    let changed = false;
    for (const chunk of this.#chunks) {
      if (!chunk.rows) continue;
      chunk.rows = chunk.rows.map((a) => {
        const d = byId.get(a.id);
        if (!d) return a;
        changed = true;
        return { ...a, name: d.name, title: d.title, rating: d.rating, width: d.width, height: d.height, size: d.size };
      });
    }
    if (changed) this.#version++;
  }

  async #restart(): Promise<void> {
    const generation = ++this.#generation;
    this.#pump = null;
    this.#refreshing = null;
    this.loading = true;
    const request = { query: this.query, sort: this.sort, order: this.order, limit: PAGE_SIZE, cursor: null };
    try {
      const page = await this.#api.search(request);
      if (generation !== this.#generation) return;
      this.#chunks = [{ start: 0, length: page.assets.length, cursor: null, rows: page.assets }];
      this.#ids = page.assets.map((a) => a.id);
      this.#version++;
      this.total = page.total;
      this.totalExact = page.total_exact;
      this.next = page.next;
      this.error = null;
      this.shown = this.searchId;
      if (page.next === null) this.#floor = 0;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#fail(e);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.ready = true;
      }
    }
    if (generation === this.#generation) await this.#run();
  }

  /** Runs one request at a time until the window is loaded (or the search changes). */
  #run(): Promise<void> {
    if (this.#refreshing) return this.#refreshing;
    if (this.#pump) return this.#pump;
    const generation = this.#generation;
    let pump: Promise<void> | null = null;
    pump = (async () => {
      await null; // let `this.#pump` be set before the loop can end
      try {
        while (generation === this.#generation && this.error === null) {
          const job = this.#nextJob();
          if (!job) break;
          this.loading = true;
          try {
            await job(generation);
          } catch (e) {
            if (generation === this.#generation) this.#fail(e);
          }
        }
      } finally {
        if (this.#pump === pump) this.#pump = null;
        if (generation === this.#generation) this.loading = false;
      }
    })();
    this.#pump = pump;
    return pump;
  }

  /** What to fetch next for the window: a dropped chunk it shows, else the rows past the end of what is reached. */
  #nextJob(): ((generation: number) => Promise<void>) | null {
    const { start, end } = this.#window;
    const dropped = this.#chunks.find((c) => !c.rows && c.start < end && c.start + c.length > start);
    if (dropped) return (g) => this.#refetch(dropped, g);
    if (end > this.#ids.length && this.next !== null) return (g) => this.#extend(end - 1, g);
    return null;
  }

  async #extend(index: number, generation: number): Promise<void> {
    const cursor = this.next;
    const start = this.#ids.length;
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, index + 1 - start + PAGE_SIZE / 2));
    const page = await this.#api.search({ query: this.query, sort: this.sort, order: this.order, limit, cursor });
    if (generation !== this.#generation) return;
    this.#chunks.push({ start, length: page.assets.length, cursor, rows: page.assets });
    for (const asset of page.assets) this.#ids.push(asset.id);
    this.total = page.total;
    this.totalExact = page.total_exact;
    this.next = page.next;
    if (page.next === null) this.#floor = 0;
    this.#drop();
    this.#version++;
  }

  async #refetch(chunk: Chunk, generation: number): Promise<void> {
    const page = await this.#api.search(this.#again(chunk));
    if (generation !== this.#generation) return;
    this.#fit(new Map([[chunk, page]]), false);
  }

  /** The chunks the grid shows (and the pinned row's), read again from their cursors; the rest are dropped. */
  async #refresh(): Promise<void> {
    const generation = ++this.#generation;
    this.#pump = null;
    this.loading = true;
    const chunks = this.#chunks;
    const { start, end } = this.#window;
    const last = chunks[chunks.length - 1]!;
    const wanted = chunks.filter(
      (c) =>
        (c.start < Math.max(end, start + 1) && c.start + c.length > start) ||
        (this.#pinned >= c.start && this.#pinned < c.start + c.length) ||
        // A list reached to its end may have grown there.
        (c === last && this.next === null),
    );
    if (wanted.length === 0) wanted.push(chunks[0]!);
    const job = (async () => {
      try {
        const pages = await Promise.all(wanted.map((c) => this.#api.search(this.#again(c))));
        if (generation === this.#generation) this.#fit(new Map(wanted.map((c, k) => [c, pages[k]!])), true);
      } catch (e) {
        if (generation === this.#generation) this.#fail(e);
      }
    })();
    // Scrolling meanwhile waits for it (the pump would read chunks that are about to move).
    this.#refreshing = job;
    await job;
    if (this.#refreshing === job) this.#refreshing = null;
    if (generation === this.#generation) {
      this.loading = false;
      await this.#run();
    }
  }

  /** The request that reads `chunk` again: from its cursor, with room to find its old last row. */
  #again(chunk: Chunk): { query: string; sort: SortKey; order: SortOrder | null; limit: number; cursor: string | null } {
    const isLast = chunk === this.#chunks[this.#chunks.length - 1];
    const limit = isLast ? Math.max(PAGE_SIZE, chunk.length) : Math.min(chunk.length, MAX_PAGE_SIZE) + SLACK;
    return { query: this.query, sort: this.sort, order: this.order, limit, cursor: chunk.cursor };
  }

  /**
   * Puts fresh pages of some chunks in place. Each chunk keeps its cursor and ends at its old last row (found in the
   * page); what follows moves by the rows it gained or lost. A chunk whose last row cannot be found (removed, or more
   * rows arrived than the page had room for), or whose rows would repeat a neighbour's, takes its whole page and
   * ends the list there: the rows after it are walked again from its page's `next`, which costs a few requests from
   * where the grid is. With `dropRest`, chunks not read again lose their rows (they may be stale).
   */
  #fit(fresh: Map<Chunk, Page>, dropRest: boolean): void {
    const old = this.#chunks;
    const oldIds = this.#ids;
    const chunks: Chunk[] = [];
    const ids: AssetId[] = [];
    let next = this.next;
    let page: Page | undefined;
    /** Held rows put back, counted in the total so it matches the tiles. */
    let heldBack = 0;
    for (let i = 0; i < old.length; i++) {
      const c = old[i]!;
      const start = ids.length;
      const p = fresh.get(c);
      if (!p) {
        chunks.push({ start, length: c.length, cursor: c.cursor, rows: dropRest ? null : c.rows });
        for (let k = c.start; k < c.start + c.length; k++) ids.push(oldIds[k]!);
        continue;
      }
      const assets = this.#withHeld(c, p.assets);
      heldBack += assets.length - p.assets.length;
      page = p;
      const following = old[i + 1];
      let rows: AssetSummary[] | null = assets;
      if (following) {
        const boundary = oldIds[following.start - 1];
        const k = boundary === undefined ? -1 : assets.findIndex((a) => a.id === boundary);
        rows = k < 0 ? null : assets.slice(0, k + 1);
        if (rows) {
          const before = new Set(chunks.length ? ids.slice(chunks[chunks.length - 1]!.start) : []);
          const after = new Set(fresh.get(following)?.assets.map((a) => a.id) ?? oldIds.slice(following.start, following.start + following.length));
          if (rows.some((a) => before.has(a.id) || after.has(a.id))) rows = null;
        }
      }
      if (rows === null || !following) {
        // The end of the list, or the place it cannot be fitted: this page is the last chunk for now.
        rows = assets;
        chunks.push({ start, length: rows.length, cursor: c.cursor, rows });
        for (const a of rows) ids.push(a.id);
        next = p.next;
        if (following) this.#floor = Math.max(this.#floor, oldIds.length);
        break;
      }
      chunks.push({ start, length: rows.length, cursor: c.cursor, rows });
      for (const a of rows) ids.push(a.id);
    }
    this.#chunks = chunks;
    this.#ids = ids;
    if (page) {
      this.total = page.total + heldBack;
      this.totalExact = page.total_exact;
    }
    this.next = next;
    if (next === null) this.#floor = 0;
    this.#drop();
    this.#version++;
  }

  /**
   * A chunk's fresh rows with its held rows that the search no longer finds put back where they were: after the
   * nearest row above them that is still there (or first). A dropped chunk has none to put back.
   */
  #withHeld(chunk: Chunk, fresh: AssetSummary[]): AssetSummary[] {
    if (this.#held.size === 0 || !chunk.rows) return fresh;
    const present = new Set(fresh.map((a) => a.id));
    const missing = chunk.rows.some((a) => this.#held.has(a.id) && !present.has(a.id));
    if (!missing) return fresh;
    const out = [...fresh];
    for (let k = 0; k < chunk.rows.length; k++) {
      const row = chunk.rows[k]!;
      if (!this.#held.has(row.id) || present.has(row.id)) continue;
      let at = 0;
      for (let j = k - 1; j >= 0; j--) {
        const above = out.findIndex((a) => a.id === chunk.rows![j]!.id);
        if (above >= 0) {
          at = above + 1;
          break;
        }
      }
      out.splice(at, 0, row);
      present.add(row.id);
    }
    return out;
  }

  /** Drops the rows of chunks entirely outside the window plus KEEP_AROUND on each side (but the pinned row's). */
  #drop(): void {
    const lo = this.#window.start - KEEP_AROUND;
    const hi = this.#window.end + KEEP_AROUND;
    const pinned = this.#pinned;
    for (const chunk of this.#chunks) {
      if (pinned >= chunk.start && pinned < chunk.start + chunk.length) continue;
      if (chunk.rows && (chunk.start + chunk.length <= lo || chunk.start >= hi)) chunk.rows = null;
    }
  }

  #chunkAt(index: number): Chunk | undefined {
    const chunks = this.#chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid]!;
      if (index < c.start) hi = mid - 1;
      else if (index >= c.start + c.length) lo = mid + 1;
      else return c;
    }
    return undefined;
  }

  #fail(e: unknown): void {
    this.error = isApiError(e) ? e : { code: 'io', message: String(e) };
    if (this.error.code !== 'bad_query') {
      // Other failures keep what is shown (a retry may work) and are reported.
      this.#onError(e);
      return;
    }
    // A query that cannot be read lists nothing: the grid shows the problem, not the previous results under the new
    // query's chips.
    this.#chunks = [];
    this.#ids = [];
    this.#floor = 0;
    this.total = 0;
    this.totalExact = true;
    this.next = null;
    this.shown = this.searchId;
    this.#version++;
  }
}
