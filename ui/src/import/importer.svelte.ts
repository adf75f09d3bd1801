// Import state: starting imports (dialogs, drag-and-drop, samples), their progress, and the last result.

import type { LibraryApi, Unlisten } from '../lib/api/api';
import type { IngestProgress, IngestSummary } from '../lib/api/types';
import type { Notices } from '../shell/notices.svelte';
import { dropOnZone, zoneAt } from './dropZones';

export class Importer {
  /** Progress of the running import, or null when none runs. */
  progress = $state<IngestProgress | null>(null);
  /** The last finished import's result, until dismissed. */
  report = $state<IngestSummary | null>(null);
  /** Files are being dragged over the window. */
  dragging = $state(false);
  /** What the drop zone under the pointer does with them (`data-drop-zone`), or null: they would be imported. */
  dropZone = $state<string | null>(null);
  /** Waiting for the import to start (dialog open, command sent). */
  starting = $state(false);
  cancelling = $state(false);

  running = $derived(this.progress !== null);

  #api: LibraryApi;
  #notices: Notices;
  #onFinished: (report: IngestSummary) => void;

  constructor(api: LibraryApi, notices: Notices, onFinished: (report: IngestSummary) => void = () => {}) {
    this.#api = api;
    this.#notices = notices;
    this.#onFinished = onFinished;
  }

  /** Subscribes to the import and drag-and-drop events; returns the unsubscribe. */
  async listen(): Promise<Unlisten> {
    const offs = await Promise.all([
      this.#api.onIngestProgress((p) => {
        if (p.phase === 'done') return;
        this.progress = p;
      }),
      this.#api.onIngestFinished((r) => {
        this.progress = null;
        this.cancelling = false;
        this.report = r;
        this.#onFinished(r);
      }),
      this.#api.onDragDrop((e) => {
        if (e.type === 'enter' || e.type === 'over') {
          this.dragging = true;
          this.dropZone = zoneAt(e.position)?.dataset.dropZone ?? null;
        } else if (e.type === 'leave') {
          this.dragging = false;
          this.dropZone = null;
        } else {
          this.dragging = false;
          this.dropZone = null;
          if (e.paths.length > 0 && !dropOnZone(e.paths, e.position)) void this.importPaths(e.paths);
        }
      }),
    ]);
    return () => offs.forEach((off) => off());
  }

  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    if (this.running) {
      this.#notices.push({
        kind: 'info',
        title: 'An import is already running',
        hint: 'Wait for it to finish or cancel it, then drop or choose the files again.',
        timeout: 6000,
      });
      return;
    }
    this.report = null;
    this.starting = true;
    // Show the bar at once; the first progress event replaces this.
    this.progress = { phase: 'scanning', total: 0, done: 0, ingested: 0, duplicates: 0, skipped: 0, failed: 0, current: null };
    try {
      await this.#api.importPaths(paths);
    } catch (e) {
      this.progress = null;
      this.#notices.error('Could not start the import', e);
    } finally {
      this.starting = false;
    }
  }

  async pickFiles(): Promise<void> {
    try {
      const paths = await this.#api.pickFiles();
      await this.importPaths(paths);
    } catch (e) {
      this.#notices.error('Could not open the file dialog', e);
    }
  }

  async pickFolder(): Promise<void> {
    try {
      const path = await this.#api.pickFolder();
      if (path !== null) await this.importPaths([path]);
    } catch (e) {
      this.#notices.error('Could not open the folder dialog', e);
    }
  }

  async addSamples(): Promise<void> {
    if (this.running) return;
    this.report = null;
    this.progress = { phase: 'scanning', total: 12, done: 0, ingested: 0, duplicates: 0, skipped: 0, failed: 0, current: null };
    try {
      await this.#api.addSampleAssets();
    } catch (e) {
      this.progress = null;
      this.#notices.error('Could not add the sample assets', e);
    }
  }

  async cancel(): Promise<void> {
    this.cancelling = true;
    try {
      await this.#api.cancelImport();
    } catch (e) {
      this.cancelling = false;
      this.#notices.error('Could not cancel the import', e);
    }
  }

  dismissReport(): void {
    this.report = null;
  }
}
