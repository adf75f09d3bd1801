// The LibraryApi over Tauri IPC. The only module that imports `@tauri-apps/api`.

import { convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { DragDrop, LibraryApi, Unlisten } from './api';
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

async function on<T>(event: string, handler: (payload: T) => void): Promise<Unlisten> {
  return listen<T>(event, (e) => handler(e.payload));
}

export function createTauriApi(): LibraryApi {
  return {
    libraryInfo: () => invoke<LibraryInfo>('library_info'),
    search: (request: SearchRequest) => invoke<Page>('search', { request }),
    assetDetail: (id: AssetId) => invoke<AssetDetail>('asset_detail', { id }),
    editAssets: (selection: Selection, edit: AssetEdit) => invoke<EditOutcome>('edit_assets', { selection, edit }),
    tagCounts: () => invoke<TagCount[]>('tag_counts'),
    importPaths: (paths: string[]) => invoke<void>('import_paths', { paths }),
    cancelImport: () => invoke<void>('cancel_import'),
    pickFiles: () => invoke<string[]>('pick_files'),
    pickFolder: () => invoke<string | null>('pick_folder'),
    addSampleAssets: () => invoke<void>('add_sample_assets'),
    watchFolders: () => invoke<WatchedFolder[]>('watch_folders'),
    watchAdd: (path: string, rule: WatchRule) => invoke<WatchedFolder>('watch_add', { path, rule }),
    watchRemove: (id: WatchedFolderId) => invoke<WatchedFolder>('watch_remove', { id }),
    watchPause: (id: WatchedFolderId) => invoke<WatchedFolder>('watch_pause', { id }),
    watchResume: (id: WatchedFolderId) => invoke<WatchedFolder>('watch_resume', { id }),
    watchUpdateRule: (id: WatchedFolderId, rule: WatchRule) => invoke<WatchedFolder>('watch_update_rule', { id, rule }),
    watchEvents: (limit: number, folder: WatchedFolderId | null = null) =>
      invoke<WatchEvent[]>('watch_events', { limit, folder }),
    watcherHost: () => invoke<WatcherHost>('watcher_host'),
    thumbnailUrl: (id, hash, size) => `${convertFileSrc(`${size}/${id}`, 'thumb')}?v=${encodeURIComponent(hash)}`,

    onIngestProgress: (handler: (p: IngestProgress) => void) => on('ingest-progress', handler),
    onIngestFinished: (handler: (s: IngestSummary) => void) => on('ingest-finished', handler),
    onLibraryChanged: (handler: (c: LibraryChanged) => void) => on('library-changed', handler),
    onWatchEvent: (handler: (e: WatchEvent) => void) => on('watch-event', handler),
    onWatcherHost: (handler: (h: WatcherHost) => void) => on('watcher-host', handler),
    onDragDrop: async (handler: (e: DragDrop) => void) =>
      getCurrentWebview().onDragDropEvent((event) => {
        const p = event.payload;
        switch (p.type) {
          case 'enter':
          case 'drop':
            handler({ type: p.type, paths: p.paths });
            break;
          case 'over':
          case 'leave':
            handler({ type: p.type });
            break;
        }
      }),
  };
}
