// The one interface the UI talks to. `tauri.ts` implements it over IPC; `fake.ts` in memory (tests, plain-browser dev).

import type { Commands } from './commands';
import type { AssetId, EditProgress, IngestProgress, IngestSummary, LibraryChanged, LibraryInfo, WatchEvent, WatcherHost } from './types';

export type { Commands } from './commands';

/** Stops listening to an event. */
export type Unlisten = () => void;

/** File drag-and-drop over the window (the shape of Tauri's webview drag-drop event). */
/** Where the pointer is, in CSS pixels of the window (when the platform says). */
export type DropPoint = { x: number; y: number };

export type DragDrop =
  | { type: 'enter'; paths: string[]; position?: DropPoint }
  | { type: 'over'; position?: DropPoint }
  | { type: 'drop'; paths: string[]; position?: DropPoint }
  | { type: 'leave' };

/** The grid thumbnail (256 px), the preview (1024 px), or the version's full resolution (the review pane's zoom past the
 * preview; where the shell does not serve it, the preview stays). */
export type ThumbnailSize = 'grid' | 'preview' | 'full';

/** Edits of more assets than this come back without details (the core's `DETAIL_LIMIT`). */
export const EDIT_DETAIL_LIMIT = 100;

/**
 * The one interface the UI talks to: every command of the shell (`Commands`, generated from the core's command table,
 * so a renamed command or parameter fails `npm run check`), plus the events, the thumbnail URLs and drag-and-drop.
 */
export interface LibraryApi extends Commands {
  /** The `<img src>` of an asset's grid thumbnail (256 px) or preview (1024 px). */
  thumbnailUrl(id: AssetId, hash: string, size: ThumbnailSize): string;

  onIngestProgress(handler: (progress: IngestProgress) => void): Promise<Unlisten>;
  onIngestFinished(handler: (summary: IngestSummary) => void): Promise<Unlisten>;
  onLibraryChanged(handler: (change: LibraryChanged) => void): Promise<Unlisten>;
  /** Another library is open now (the switcher, `openLibrary` / `createLibrary`): everything shown reloads. */
  onLibraryOpened(handler: (library: LibraryInfo) => void): Promise<Unlisten>;
  /** How far a large edit or undo has got (at most every 100 ms, and its end). */
  onEditProgress(handler: (progress: EditProgress) => void): Promise<Unlisten>;
  onDragDrop(handler: (event: DragDrop) => void): Promise<Unlisten>;
  /** Each event of the activity feed as the watcher records it. */
  onWatchEvent(handler: (event: WatchEvent) => void): Promise<Unlisten>;
  onWatcherHost(handler: (host: WatcherHost) => void): Promise<Unlisten>;
}
