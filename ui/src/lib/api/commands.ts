// Generated from tessera-core's command table (`api/commands.rs`). Do not edit: change the table and run
// `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`.

import type {
  AssetDetail,
  AssetEdit,
  AssetId,
  Collection,
  CollectionRef,
  DeleteOutcome,
  EditOutcome,
  EditRecord,
  LibraryInfo,
  MembershipOutcome,
  Page,
  RecentLibrary,
  SearchRequest,
  Selection,
  TagCount,
  UndoOutcome,
  WatchEvent,
  WatchRule,
  WatchedFolder,
  WatchedFolderId,
  WatcherHost,
} from './bindings';

/** Every command of the desktop shell, as the UI calls it. */
export interface Commands {
  /** The open library's name, folder and counters (the header and the sidebar). */
  libraryInfo: () => Promise<LibraryInfo>;
  /** The recent libraries, most recent first (missing ones flagged), from the list the CLI shares. */
  recentLibraries: () => Promise<RecentLibrary[]>;
  /**
   * Opens another library (refused with `conflict` while an import runs); resolves with its info, and
   * `library-opened` tells the window to reload.
   */
  openLibrary: (path: string) => Promise<LibraryInfo>;
  /**
   * Creates `parent/NAME.tessera` and opens it as `open_library` does (`invalid_input` with the field
   * `name` or `parent` when it cannot).
   */
  createLibrary: (parent: string, name: string) => Promise<LibraryInfo>;
  /** Every tag with how many assets carry it, most used first. */
  tagCounts: () => Promise<TagCount[]>;
  /** One page of a search (keyset cursor in `request.after`). */
  search: (request: SearchRequest) => Promise<Page>;
  assetDetail: (id: AssetId) => Promise<AssetDetail>;
  /**
   * Applies one edit to a selection (a list of ids, or every match of a query less `except`) in one
   * transaction, all or nothing, whatever its size. Resolves with how many changed and, when at most 100
   * did, them as they are now (larger edits come back with `assets: []`; `library-changed` follows every
   * edit, so the grid refreshes). Large edits report `edit-progress` as they go.
   */
  editAssets: (selection: Selection, edit: AssetEdit) => Promise<EditOutcome>;
  /**
   * Takes back the acting person's last edit as one step (`not_found` when there is none); values changed
   * again since are left and counted as skipped. Large undos report `edit-progress` as edits do.
   */
  undoLast: () => Promise<UndoOutcome>;
  /** The newest `limit` entries of the edit log, newest first (only the acting person's with `mine`). */
  editLog: (limit: number, mine: boolean) => Promise<EditRecord[]>;
  /** Starts an import in the background; progress arrives as `ingest-progress` / `ingest-finished`. */
  importPaths: (paths: string[]) => Promise<void>;
  cancelImport: () => Promise<void>;
  /** Starts an import of generated demo images (same events as `import_paths`). */
  addSampleAssets: () => Promise<void>;
  /** Native file dialog; resolves with [] when cancelled. */
  pickFiles: () => Promise<string[]>;
  /** Native folder dialog; resolves with null when cancelled. */
  pickFolder: () => Promise<string | null>;
  /**
   * Every collection as a tree (top-level ones, each with its `children`), by path: manual ones with
   * their counter, smart ones with what their query matches now (exact up to 10,000).
   */
  collections: () => Promise<Collection[]>;
  /**
   * Creates a manual collection at `path` (`Spring 2027/Social`) with its missing parents; an existing one
   * is returned as it is (`invalid_input` with the field `collection` for a bad path).
   */
  collectionCreate: (path: string) => Promise<CollectionRef>;
  /**
   * Adds a selection to a manual collection (created when missing) in one transaction, one undo step.
   * Large selections report `edit-progress`.
   */
  collectionAdd: (path: string, selection: Selection) => Promise<MembershipOutcome>;
  /** Takes a selection out of a manual collection (the assets stay), one undo step. */
  collectionRemove: (path: string, selection: Selection) => Promise<MembershipOutcome>;
  /** Renames or moves a collection with everything beneath it (`conflict` when `to` is taken). */
  collectionRename: (from: string, to: string) => Promise<CollectionRef>;
  /**
   * Deletes a collection and those beneath it, never the assets; without `force`, one that holds anything
   * is refused with `conflict` and the counts in the message.
   */
  collectionDelete: (path: string, force: boolean) => Promise<DeleteOutcome>;
  /** Puts `first` at the start of the collection's order; resolves with the whole order. */
  collectionReorder: (path: string, first: AssetId[]) => Promise<AssetId[]>;
  /** Sets (or with null clears) the cover: one of the collection's assets. */
  collectionCover: (path: string, cover: AssetId | null) => Promise<CollectionRef>;
  /**
   * Saves a query as a smart collection (refused with `bad_query` and the column, or when it leads back
   * to itself).
   */
  smartAdd: (path: string, query: string) => Promise<CollectionRef>;
  /** Deletes a smart collection. */
  smartRemove: (path: string) => Promise<DeleteOutcome>;
  /**
   * Watched folders, in the order they were added, with their rules, counts and what the watcher last
   * said.
   */
  watchFolders: () => Promise<WatchedFolder[]>;
  /** Starts watching a folder (it must exist, and not overlap the library or another watched folder). */
  watchAdd: (path: string, rule: WatchRule) => Promise<WatchedFolder>;
  /** Stops watching a folder; the assets that arrived through it stay. */
  watchRemove: (id: WatchedFolderId) => Promise<WatchedFolder>;
  watchPause: (id: WatchedFolderId) => Promise<WatchedFolder>;
  watchResume: (id: WatchedFolderId) => Promise<WatchedFolder>;
  /** Replaces a folder's rules (they apply to what arrives from now on). */
  watchUpdateRule: (id: WatchedFolderId, rule: WatchRule) => Promise<WatchedFolder>;
  /** The newest `limit` events of the activity feed, newest first (of one folder, or of all with null). */
  watchEvents: (limit: number, folder: WatchedFolderId | null) => Promise<WatchEvent[]>;
  /** Whether this app, another process, or nobody watches the folders. */
  watcherHost: () => Promise<WatcherHost>;
}

/** Tauri's `invoke` (passed in, so that this file does not import `@tauri-apps/api`). */
export type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

/** The commands over `invoke`: each sends its arguments under the keys the shell's command reads. */
export function commands(invoke: Invoke): Commands {
  return {
    libraryInfo: () => invoke<LibraryInfo>('library_info'),
    recentLibraries: () => invoke<RecentLibrary[]>('recent_libraries'),
    openLibrary: (path) => invoke<LibraryInfo>('open_library', { path }),
    createLibrary: (parent, name) => invoke<LibraryInfo>('create_library', { parent, name }),
    tagCounts: () => invoke<TagCount[]>('tag_counts'),
    search: (request) => invoke<Page>('search', { request }),
    assetDetail: (id) => invoke<AssetDetail>('asset_detail', { id }),
    editAssets: (selection, edit) => invoke<EditOutcome>('edit_assets', { selection, edit }),
    undoLast: () => invoke<UndoOutcome>('undo_last'),
    editLog: (limit, mine) => invoke<EditRecord[]>('edit_log', { limit, mine }),
    importPaths: (paths) => invoke<void>('import_paths', { paths }),
    cancelImport: () => invoke<void>('cancel_import'),
    addSampleAssets: () => invoke<void>('add_sample_assets'),
    pickFiles: () => invoke<string[]>('pick_files'),
    pickFolder: () => invoke<string | null>('pick_folder'),
    collections: () => invoke<Collection[]>('collections'),
    collectionCreate: (path) => invoke<CollectionRef>('collection_create', { path }),
    collectionAdd: (path, selection) => invoke<MembershipOutcome>('collection_add', { path, selection }),
    collectionRemove: (path, selection) => invoke<MembershipOutcome>('collection_remove', { path, selection }),
    collectionRename: (from, to) => invoke<CollectionRef>('collection_rename', { from, to }),
    collectionDelete: (path, force) => invoke<DeleteOutcome>('collection_delete', { path, force }),
    collectionReorder: (path, first) => invoke<AssetId[]>('collection_reorder', { path, first }),
    collectionCover: (path, cover) => invoke<CollectionRef>('collection_cover', { path, cover }),
    smartAdd: (path, query) => invoke<CollectionRef>('smart_add', { path, query }),
    smartRemove: (path) => invoke<DeleteOutcome>('smart_remove', { path }),
    watchFolders: () => invoke<WatchedFolder[]>('watch_folders'),
    watchAdd: (path, rule) => invoke<WatchedFolder>('watch_add', { path, rule }),
    watchRemove: (id) => invoke<WatchedFolder>('watch_remove', { id }),
    watchPause: (id) => invoke<WatchedFolder>('watch_pause', { id }),
    watchResume: (id) => invoke<WatchedFolder>('watch_resume', { id }),
    watchUpdateRule: (id, rule) => invoke<WatchedFolder>('watch_update_rule', { id, rule }),
    watchEvents: (limit, folder) => invoke<WatchEvent[]>('watch_events', { limit, folder }),
    watcherHost: () => invoke<WatcherHost>('watcher_host'),
  };
}
