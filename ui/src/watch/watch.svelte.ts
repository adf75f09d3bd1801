// Watched-folders state: the folders, who watches, and the activity feed, kept current from `watch-event`s and a
// light poll (the watcher writes each folder's status without an event, and another process sends none).

import type { LibraryApi, Unlisten } from '../lib/api/api';
import type { WatchEvent, WatchRule, WatchedFolder, WatchedFolderId, WatcherHost } from '../lib/api/types';
import type { Notices } from '../shell/notices.svelte';
import { mergeEvents } from './watching';

/** Events shown in the feed. */
export const FEED_SIZE = 200;

export interface WatchOptions {
  /** Milliseconds between polls of the folder list (default 3000; 0: no polling). */
  pollEvery?: number;
  /** Called when assets arrived through a folder that no event told us about (another process watches). */
  onArrived?: () => void;
}

export class Watch {
  folders = $state<WatchedFolder[]>([]);
  events = $state<WatchEvent[]>([]);
  host = $state<WatcherHost>({ kind: 'starting' });
  loaded = $state(false);

  #api: LibraryApi;
  #notices: Notices;
  #pollEvery: number;
  #onArrived: () => void;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: LibraryApi, notices: Notices, options: WatchOptions = {}) {
    this.#api = api;
    this.#notices = notices;
    this.#pollEvery = options.pollEvery ?? 3000;
    this.#onArrived = options.onArrived ?? (() => {});
  }

  /** Loads everything, subscribes to the events and starts polling; returns the unsubscribe. */
  async start(): Promise<Unlisten> {
    const offs = await Promise.all([
      this.#api.onWatchEvent((e) => {
        this.events = mergeEvents(this.events, [e], FEED_SIZE);
        this.#scheduleRefresh();
      }),
      this.#api.onWatcherHost((h) => {
        this.host = h;
        this.#scheduleRefresh();
      }),
    ]);
    await this.load();
    const timer = this.#pollEvery > 0 ? setInterval(() => void this.poll(), this.#pollEvery) : undefined;
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
      clearTimeout(this.#refreshTimer);
    };
  }

  async load(): Promise<void> {
    try {
      const [folders, events, host] = await Promise.all([
        this.#api.watchFolders(),
        this.#api.watchEvents(FEED_SIZE, null),
        this.#api.watcherHost(),
      ]);
      this.folders = folders;
      this.events = mergeEvents(this.events, events, FEED_SIZE);
      this.host = host;
      this.loaded = true;
    } catch (e) {
      this.#notices.error('Could not read the watched folders', e, { label: 'Retry', run: () => void this.load() });
    }
  }

  /** Re-reads the folders (status, counts); when another process watches, also the feed. */
  async poll(): Promise<void> {
    try {
      const before = this.#ingested();
      const [folders, host] = await Promise.all([this.#api.watchFolders(), this.#api.watcherHost()]);
      this.folders = folders;
      this.host = host;
      if (host.kind !== 'here') {
        this.events = mergeEvents(this.events, await this.#api.watchEvents(FEED_SIZE, null), FEED_SIZE);
        if (this.#ingested() > before) this.#onArrived();
      }
    } catch {
      // A poll that fails (library busy) is retried on the next tick; actions report their own errors.
    }
  }

  folder(id: WatchedFolderId): WatchedFolder | undefined {
    return this.folders.find((f) => f.id === id);
  }

  /** Starts watching `path`; resolves with the folder, or null when it could not (a notice says why). */
  async add(path: string, rule: WatchRule): Promise<WatchedFolder | null> {
    try {
      const folder = await this.#api.watchAdd(path, rule);
      this.folders = [...this.folders.filter((f) => f.id !== folder.id), folder];
      return folder;
    } catch (e) {
      this.#notices.error('Could not watch this folder', e);
      return null;
    }
  }

  async updateRule(id: WatchedFolderId, rule: WatchRule): Promise<boolean> {
    return this.#change('Could not change the rules', () => this.#api.watchUpdateRule(id, rule));
  }

  async pause(id: WatchedFolderId): Promise<boolean> {
    return this.#change('Could not pause the folder', () => this.#api.watchPause(id));
  }

  async resume(id: WatchedFolderId): Promise<boolean> {
    return this.#change('Could not resume the folder', () => this.#api.watchResume(id));
  }

  async remove(id: WatchedFolderId): Promise<boolean> {
    try {
      await this.#api.watchRemove(id);
      this.folders = this.folders.filter((f) => f.id !== id);
      this.events = this.events.filter((e) => e.folder_id !== id);
      return true;
    } catch (e) {
      this.#notices.error('Could not stop watching the folder', e);
      return false;
    }
  }

  async #change(doing: string, run: () => Promise<WatchedFolder>): Promise<boolean> {
    try {
      const folder = await run();
      this.folders = this.folders.map((f) => (f.id === folder.id ? folder : f));
      return true;
    } catch (e) {
      this.#notices.error(doing, e);
      return false;
    }
  }

  #ingested(): number {
    return this.folders.reduce((n, f) => n + f.ingested, 0);
  }

  /** A burst of events is one re-read of the folders. */
  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => {
      void this.#api
        .watchFolders()
        .then((folders) => (this.folders = folders))
        .catch(() => {});
    }, 250);
  }
}
