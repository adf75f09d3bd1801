// The one interface the UI talks to. `tauri.ts` implements it over IPC; `fake.ts` in memory (tests, plain-browser dev).

import type {
  AssetDetail,
  AssetEdit,
  AssetId,
  IngestProgress,
  IngestReport,
  LibraryChanged,
  LibraryInfo,
  Page,
  SearchRequest,
  TagCount,
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

export interface LibraryApi {
  libraryInfo(): Promise<LibraryInfo>;
  search(request: SearchRequest): Promise<Page>;
  assetDetail(id: AssetId): Promise<AssetDetail>;
  /** Applies one edit to every asset in `ids` (all or nothing); resolves with them as they are now. */
  editAssets(ids: AssetId[], edit: AssetEdit): Promise<AssetDetail[]>;
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

  onIngestProgress(handler: (progress: IngestProgress) => void): Promise<Unlisten>;
  onIngestFinished(handler: (report: IngestReport) => void): Promise<Unlisten>;
  onLibraryChanged(handler: (change: LibraryChanged) => void): Promise<Unlisten>;
  onDragDrop(handler: (event: DragDrop) => void): Promise<Unlisten>;
}
