// The current search: its query and sort, the pages loaded so far (keyset cursors, never all at once) and the total.

import type { LibraryApi } from '../lib/api/api';
import type { ApiError, AssetDetail, AssetId, AssetSummary, SortKey, SortOrder } from '../lib/api/types';
import { isApiError } from '../lib/errors';

export const PAGE_SIZE = 200;
/** The most one catch-up request asks for when the user jumps far past what is loaded (scrollbar drag). */
export const MAX_PAGE_SIZE = 1000;

export class Results {
  query = $state('');
  sort = $state<SortKey>('added');
  order = $state<SortOrder | null>(null);

  /**
   * Loaded rows, in order. Pages are appended in place and `#version` tells readers: copying a 100,000-row array
   * (and its ids) for every page left hundreds of megabytes of garbage in the web process while scrolling.
   */
  #rows: AssetSummary[] = [];
  #ids: AssetId[] = [];
  #version = $state(0);

  get assets(): AssetSummary[] {
    void this.#version;
    return this.#rows;
  }

  set assets(rows: AssetSummary[]) {
    this.#rows = rows;
    this.#ids = rows.map((a) => a.id);
    this.#version++;
  }

  /** Ids in order, for selection maths. */
  get ids(): AssetId[] {
    void this.#version;
    return this.#ids;
  }
  total = $state(0);
  totalExact = $state(true);
  next = $state<string | null>(null);
  loading = $state(false);
  /** True once the first page of the current search has arrived. */
  ready = $state(false);
  /** The last failure of this search (a bad query shows under the search box). */
  error = $state<ApiError | null>(null);


  /**
   * How many tiles the grid lays out: the total when it is exact, otherwise what is loaded plus a page while more
   * exist (the scrollbar grows as pages arrive).
   */
  count = $derived(
    this.next === null
      ? this.assets.length
      : this.totalExact
        ? Math.max(this.total, this.assets.length)
        : Math.max(this.total, this.assets.length + PAGE_SIZE),
  );

  #api: LibraryApi;
  #onError: (e: unknown) => void;
  #generation = 0;
  #pending: Promise<void> | null = null;

  constructor(api: LibraryApi, onError: (e: unknown) => void = () => {}) {
    this.#api = api;
    this.#onError = onError;
  }

  /** Starts a new search (the grid keeps showing the old rows until the first page arrives). */
  async search(query: string, sort: SortKey = this.sort, order: SortOrder | null = this.order): Promise<void> {
    this.query = query;
    this.sort = sort;
    this.order = order;
    await this.reload();
  }

  /** Runs the current search again from the start (after an import or an edit elsewhere). */
  reload(): Promise<void> {
    const generation = ++this.#generation;
    // Refetch about as much as was loaded, so a refresh does not make the grid jump back to a short list.
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, this.assets.length));
    const request = { query: this.query, sort: this.sort, order: this.order, limit, cursor: null };
    this.loading = true;
    const run = (async () => {
      try {
        const page = await this.#api.search(request);
        if (generation !== this.#generation) return;
        this.assets = page.assets;
        this.total = page.total;
        this.totalExact = page.total_exact;
        this.next = page.next;
        this.error = null;
      } catch (e) {
        if (generation !== this.#generation) return;
        this.error = isApiError(e) ? e : { code: 'io', message: String(e) };
        if (!(isApiError(e) && e.code === 'bad_query')) this.#onError(e);
      } finally {
        if (generation === this.#generation) {
          this.loading = false;
          this.ready = true;
          this.#pending = null;
        }
      }
    })();
    this.#pending = run;
    return run;
  }

  /** Loads pages until row `index` is loaded or the results end. */
  async ensureLoaded(index: number): Promise<void> {
    const generation = this.#generation;
    while (generation === this.#generation && index >= this.assets.length && this.next !== null && this.error === null) {
      if (!this.#pending) this.#pending = this.#fetchMore(index, generation);
      await this.#pending;
    }
  }

  async #fetchMore(index: number, generation: number): Promise<void> {
    const cursor = this.next;
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, index + 1 - this.assets.length + PAGE_SIZE / 2));
    this.loading = true;
    try {
      const page = await this.#api.search({ query: this.query, sort: this.sort, order: this.order, limit, cursor });
      if (generation !== this.#generation) return;
      for (const asset of page.assets) {
        this.#rows.push(asset);
        this.#ids.push(asset.id);
      }
      this.#version++;
      this.total = page.total;
      this.totalExact = page.total_exact;
      this.next = page.next;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.error = isApiError(e) ? e : { code: 'io', message: String(e) };
      this.#onError(e);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.#pending = null;
      }
    }
  }

  /** Puts edited assets' new values into the loaded rows. */
  patch(details: readonly AssetDetail[]): void {
    const byId = new Map<AssetId, AssetDetail>(details.map((d) => [d.id, d]));
    let changed = false;
    const assets = this.assets.map((a) => {
      const d = byId.get(a.id);
      if (!d) return a;
      changed = true;
      return { ...a, name: d.name, title: d.title, rating: d.rating, width: d.width, height: d.height, size: d.size };
    });
    if (changed) this.assets = assets;
  }
}
