// The current search: its query and sort, the rows near what the grid shows (fetched by keyset cursor, never all at
// once) and the total.
//
// Every row position reached so far keeps its asset id (selection maths needs the order), but the rows themselves
// are kept only near the grid's window: scrolling through 100,000 assets must not keep 100,000 objects alive. Rows
// arrive in chunks (one request each); a chunk far from the window drops its rows and keeps the cursor it was fetched
// with, so scrolling back refetches exactly those rows.

import type { LibraryApi } from '../lib/api/api';
import type { ApiError, AssetDetail, AssetId, AssetSummary, SortKey, SortOrder } from '../lib/api/types';
import { isApiError } from '../lib/errors';

export const PAGE_SIZE = 200;
/** The most one catch-up request asks for when the user jumps far past what is loaded (scrollbar drag). */
export const MAX_PAGE_SIZE = 1000;
/** Rows kept on each side of the grid's window; chunks entirely beyond are dropped. */
export const KEEP_AROUND = 1500;

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
  /** The last failure of this search (a bad query shows under the search box). */
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

  /** Starts a new search (the grid keeps showing the old rows until the first page arrives). */
  async search(query: string, sort: SortKey = this.sort, order: SortOrder | null = this.order): Promise<void> {
    this.query = query;
    this.sort = sort;
    this.order = order;
    this.#floor = 0;
    this.searchId++;
    await this.#restart();
  }

  /** Runs the current search again from the start (after an import or an edit elsewhere). */
  reload(): Promise<void> {
    this.#floor = Math.max(this.#floor, this.#ids.length);
    return this.#restart();
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
    const request = { query: this.query, sort: this.sort, order: this.order, limit: chunk.length, cursor: chunk.cursor };
    const page = await this.#api.search(request);
    if (generation !== this.#generation) return;
    const same = page.assets.length === chunk.length && page.assets.every((a, k) => a.id === this.#ids[chunk.start + k]);
    if (!same) {
      // The library changed under a dropped chunk without a refresh reaching us yet: start over.
      void this.#restart();
      return;
    }
    chunk.rows = page.assets;
    this.#drop();
    this.#version++;
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
    if (!(isApiError(e) && e.code === 'bad_query')) this.#onError(e);
  }
}
