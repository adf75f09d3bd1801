// The LibraryApi over Tauri IPC: the generated command wrappers (commands.ts) over `invoke`, and the events. The only
// module that imports `@tauri-apps/api`.

import { convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { DragDrop, LibraryApi, Unlisten } from './api';
import { commands } from './commands';
import type { EditProgress, IngestProgress, IngestSummary, LibraryChanged, LibraryInfo, WatchEvent, WatcherHost } from './types';

async function on<T>(event: string, handler: (payload: T) => void): Promise<Unlisten> {
  return listen<T>(event, (e) => handler(e.payload));
}

export function createTauriApi(): LibraryApi {
  return {
    // Generated from the core's command table: the names and argument keys the shell's commands read.
    ...commands(invoke),
    thumbnailUrl: (id, hash, size) => `${convertFileSrc(`${size}/${id}`, 'thumb')}?v=${encodeURIComponent(hash)}`,

    onIngestProgress: (handler: (p: IngestProgress) => void) => on('ingest-progress', handler),
    onIngestFinished: (handler: (s: IngestSummary) => void) => on('ingest-finished', handler),
    onLibraryChanged: (handler: (c: LibraryChanged) => void) => on('library-changed', handler),
    onLibraryOpened: (handler: (l: LibraryInfo) => void) => on('library-opened', handler),
    onEditProgress: (handler: (p: EditProgress) => void) => on('edit-progress', handler),
    onWatchEvent: (handler: (e: WatchEvent) => void) => on('watch-event', handler),
    onWatcherHost: (handler: (h: WatcherHost) => void) => on('watcher-host', handler),
    onDragDrop: async (handler: (e: DragDrop) => void) =>
      getCurrentWebview().onDragDropEvent((event) => {
        const p = event.payload;
        // Tauri gives physical pixels; the page's elements are placed in CSS pixels.
        const at = (pos: { x: number; y: number }) => ({ x: pos.x / window.devicePixelRatio, y: pos.y / window.devicePixelRatio });
        switch (p.type) {
          case 'enter':
          case 'drop':
            handler({ type: p.type, paths: p.paths, position: at(p.position) });
            break;
          case 'over':
            handler({ type: p.type, position: at(p.position) });
            break;
          case 'leave':
            handler({ type: p.type });
            break;
        }
      }),
  };
}
