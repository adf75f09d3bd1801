// The one interface the UI talks to. `tauri.ts` implements it over IPC; `fake.ts` in memory (tests, plain-browser dev).

import type {
  AssetDetail,
  AssetEdit,
  AssetId,
  EditOutcome,
  IngestProgress,
  IngestSummary,
  LibraryChanged,
  LibraryInfo,
  Page,
  SearchRequest,
  Selection,
  TagCount,
  WatchEvent,
  WatchRule,
  WatchedFolder,
  WatchedFolderId,
  WatcherHost,
} from './types';

/** Stops listening to an event. */
export type Unlisten = () => void;

/** File drag-and-drop over the window (the shape of Tauri's webview drag-drop event). */
export type DragDrop =
  | { type: 'enter'; paths: string[] }
  | { type: 'over' }
  | { type: 'drop'; paths: string[] }
  | { type: 'leave' };

export type ThumbnailSize = 'grid' | 'preview';

/** Edits of more assets than this come back without details (the core's `DETAIL_LIMIT`). */
export const EDIT_DETAIL_LIMIT = 100;

export interface LibraryApi {
  libraryInfo(): Promise<LibraryInfo>;
  search(request: SearchRequest): Promise<Page>;
  assetDetail(id: AssetId): Promise<AssetDetail>;
  /**
   * Applies one edit to a selection (a list of ids, or every match of a query less `except`) in one transaction, all
   * or nothing, whatever its size. Resolves with how many changed and, when at most 100 did, them as they are now
   * (larger edits come back with `assets: []`; `library-changed` follows every edit, so the grid refreshes).
   */
  editAssets(selection: Selection, edit: AssetEdit): Promise<EditOutcome>;
  tagCounts(): Promise<TagCount[]>;
  /** Starts an import in the background; progress arrives through `onIngestProgress` / `onIngestFinished`. */
  importPaths(paths: string[]): Promise<void>;
  cancelImport(): Promise<void>;
  /** Native file dialog; resolves with [] when cancelled. */
  pickFiles(): Promise<string[]>;
  /** Native folder dialog; resolves with null when cancelled. */
  pickFolder(): Promise<string | null>;
  /** Starts an import of generated demo images (same events as `importPaths`). */
  addSampleAssets(): Promise<void>;
  /** The `<img src>` of an asset's grid thumbnail (256 px) or preview (1024 px). */
  thumbnailUrl(id: AssetId, hash: string, size: ThumbnailSize): string;

  /** Watched folders, in the order they were added, with their rules, counts and what the watcher last said. */
  watchFolders(): Promise<WatchedFolder[]>;
  /** Starts watching a folder (it must exist, and not overlap the library or another watched folder). */
  watchAdd(path: string, rule: WatchRule): Promise<WatchedFolder>;
  /** Stops watching a folder; the assets that arrived through it stay. */
  watchRemove(id: WatchedFolderId): Promise<WatchedFolder>;
  watchPause(id: WatchedFolderId): Promise<WatchedFolder>;
  watchResume(id: WatchedFolderId): Promise<WatchedFolder>;
  /** Replaces a folder's rules (they apply to what arrives from now on). */
  watchUpdateRule(id: WatchedFolderId, rule: WatchRule): Promise<WatchedFolder>;
  /** The newest `limit` events of the activity feed, newest first (of one folder, or of all). */
  watchEvents(limit: number, folder?: WatchedFolderId | null): Promise<WatchEvent[]>;
  /** Whether this app, another process, or nobody watches the folders. */
  watcherHost(): Promise<WatcherHost>;

  onIngestProgress(handler: (progress: IngestProgress) => void): Promise<Unlisten>;
  onIngestFinished(handler: (summary: IngestSummary) => void): Promise<Unlisten>;
  onLibraryChanged(handler: (change: LibraryChanged) => void): Promise<Unlisten>;
  onDragDrop(handler: (event: DragDrop) => void): Promise<Unlisten>;
  /** Each event of the activity feed as the watcher records it. */
  onWatchEvent(handler: (event: WatchEvent) => void): Promise<Unlisten>;
  onWatcherHost(handler: (host: WatcherHost) => void): Promise<Unlisten>;
}
