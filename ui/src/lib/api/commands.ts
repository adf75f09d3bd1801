// Generated from tessera-core's command table (`api/commands.rs`). Do not edit: change the table and run
// `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`.

import type {
  AssetDetail,
  AssetEdit,
  AssetId,
  AuditCheck,
  AuditEvent,
  AuditFilter,
  Collection,
  CollectionRef,
  Comment,
  CopyReport,
  CustomField,
  Decided,
  Decision,
  DeleteOutcome,
  EditOutcome,
  EditRecord,
  EmptyTrashOutcome,
  ExportReport,
  FieldAssignment,
  FieldDefinition,
  LibraryInfo,
  MembershipOutcome,
  Moved,
  Notification,
  Page,
  Pin,
  Profile,
  ProfileAudit,
  Queue,
  RecentLibrary,
  ReviewTemplate,
  ReviewView,
  Role,
  SearchRequest,
  Selection,
  SidecarWritten,
  Status,
  StatusReport,
  SubmitRequest,
  TagAssets,
  TagChange,
  TagCount,
  Template,
  TrashOutcome,
  TrashedAsset,
  UndoOutcome,
  Version,
  VersionChanged,
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
  /**
   * The tag tree in path order (each tag right before the tags beneath it), with each tag's own count,
   * its total (assets carrying it or a tag beneath it, once each), colour and synonyms.
   */
  tagCounts: () => Promise<TagCount[]>;
  /**
   * Renames or moves a tag (a path or a synonym) with everything beneath it; onto an existing tag
   * `conflict`, unless `merge`. The old paths become synonyms.
   */
  renameTag: (from: string, to: string, merge: boolean) => Promise<TagChange>;
  /** Merges `from` into `into` in one transaction (children with the same name merge too). */
  mergeTags: (from: string, into: string) => Promise<TagChange>;
  /** How many assets carry the tag or a tag beneath it, and the first `limit` (shown before a delete). */
  tagAssets: (name: string, limit: number) => Promise<TagAssets>;
  /** Deletes the tag and those beneath it from every asset (undoable with `undo_last`). */
  deleteTag: (name: string) => Promise<TagChange>;
  /** Sets (`#rrggbb` or `#rgb`) or clears (null) a tag's colour; resolves with the tag's path. */
  setTagColour: (name: string, colour: string | null) => Promise<string>;
  /** Makes `synonym` resolve to the tag `name` in searches and edits; resolves with the tag's path. */
  addTagSynonym: (name: string, synonym: string) => Promise<string>;
  /** Removes a synonym; resolves with the path of the tag it named. */
  removeTagSynonym: (synonym: string) => Promise<string>;
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
   * Sets fields by name (built-in: `title`, `alt_text`, `licence`, `label`, `expires`…; or custom) on a
   * selection, in one transaction and one step of the edit log; `value: ""` clears. A refused value or an
   * unknown field is `invalid_input` with the field's name as `field`, and nothing is written.
   */
  setFields: (selection: Selection, assignments: FieldAssignment[]) => Promise<EditOutcome>;
  /** The library's custom fields in the admin's order, with their vocabularies (retired values marked). */
  listFields: () => Promise<CustomField[]>;
  /** Defines a custom field (`conflict` when the name is taken, `invalid_input` for a bad definition). */
  defineField: (definition: FieldDefinition) => Promise<CustomField>;
  /** Removes a custom field; `conflict` (the message says how many assets) while assets use it. */
  removeField: (name: string) => Promise<void>;
  /** Adds values to a choice field's vocabulary and retires others (kept on old assets, refused on writes). */
  editFieldChoices: (name: string, add: string[], retire: string[]) => Promise<CustomField>;
  /** The metadata templates, by name. */
  listTemplates: () => Promise<Template[]>;
  /** Saves a template (its values are checked now; `conflict` when the name is taken). */
  addTemplate: (name: string, assignments: FieldAssignment[]) => Promise<Template>;
  /** Applies a template to a selection: one edit, one undo step. */
  applyTemplate: (name: string, selection: Selection) => Promise<EditOutcome>;
  /**
   * Takes back the acting person's last edit as one step (`not_found` when there is none); values changed
   * again since are left and counted as skipped. Large undos report `edit-progress` as edits do.
   */
  undoLast: () => Promise<UndoOutcome>;
  /**
   * Moves assets to the trash in one transaction, one undo step (`not_found` for an unknown id, and then
   * none moves); they leave every view but `is:trashed`.
   */
  trashAssets: (ids: AssetId[]) => Promise<TrashOutcome>;
  /** Puts trashed assets back (tags, fields and collections included), one undo step. */
  restoreAssets: (ids: AssetId[]) => Promise<TrashOutcome>;
  /** The assets in the trash, most recently trashed first. */
  listTrash: () => Promise<TrashedAsset[]>;
  /** Deletes every trashed asset and its original for good (the window confirms first); not undoable. */
  emptyTrash: () => Promise<EmptyTrashOutcome>;
  /**
   * Opens the asset's original with the default application; resolves with its path (`not_found` when
   * the file is gone, `io` when no application could be started).
   */
  openAsset: (id: AssetId) => Promise<string>;
  /** Shows the asset's original in the file manager; resolves with its path. */
  revealAsset: (id: AssetId) => Promise<string>;
  /**
   * Copies originals into the folder `out` under their names, never overwriting; each one that could
   * not be copied is listed with why, and the others are copied.
   */
  copyAssets: (ids: AssetId[], out: string) => Promise<CopyReport>;
  /**
   * Exports assets for use into `out`: only approved or published ones whose rights have not expired (the
   * others come back in `refused` with the reason) unless `override_reason` says why (recorded).
   */
  exportAssets: (ids: AssetId[], out: string, overrideReason: string | null) => Promise<ExportReport>;
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
   * Writes an XMP sidecar for each asset beside its stored original (`<hash>.jpg.xmp`, or `<hash>.xmp`
   * with the library's Adobe naming), keeping other tools' properties; resolves with the paths written.
   */
  writeXmp: (ids: AssetId[]) => Promise<SidecarWritten[]>;
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
  /** An asset's lifecycle state (as shown today), the state stored, and every move it made. */
  assetStatus: (id: AssetId) => Promise<StatusReport>;
  /** Moves assets to `to`, all or none (`conflict` with the reason when the transition table refuses one). */
  setStatus: (ids: AssetId[], to: Status) => Promise<Moved[]>;
  /** Archives assets: they leave the default views (`is:archived` finds them). */
  archiveAssets: (ids: AssetId[]) => Promise<Moved[]>;
  /** Puts archived assets back in the state they had before. */
  restoreArchived: (ids: AssetId[]) => Promise<Moved[]>;
  /** The audit trail's events that match `filter`, oldest first (at most `limit`). */
  auditEvents: (filter: AuditFilter, limit: number | null) => Promise<AuditEvent[]>;
  /** Checks the audit trail's hash chain; names the first event edited, inserted or deleted. */
  verifyAudit: () => Promise<AuditCheck>;
  /** Every version of an asset, oldest first (the current one marked). */
  versions: (id: AssetId) => Promise<Version[]>;
  /**
   * Adds the file at `path` as the asset's new current version (refused with the reason when it is
   * already in the library, of another kind, or unreadable).
   */
  addVersion: (id: AssetId, path: string) => Promise<VersionChanged>;
  /** Makes version `number` of an asset current again. */
  revertVersion: (id: AssetId, number: number) => Promise<VersionChanged>;
  /**
   * Makes asset `from` (one file, e.g. an import's version offer) the new current version of `onto`;
   * `from` itself goes.
   */
  stackVersion: (from: AssetId, onto: AssetId) => Promise<VersionChanged>;
  /** Who acts in this window (`forbidden` saying why when nobody can: pick a profile with `act_as`). */
  acting: () => Promise<Profile>;
  /** The active profiles the switcher offers. */
  profiles: () => Promise<Profile[]>;
  /**
   * Acts as the profile `name` from now on in this window; resolves with it (refused when unknown or
   * deactivated).
   */
  actAs: (name: string) => Promise<Profile>;
  /** Every profile with what its role allows and when it last acted (admins: the permissions review). */
  people: () => Promise<ProfileAudit[]>;
  /** Adds a profile (admins). */
  addProfile: (name: string, role: Role, email: string | null) => Promise<Profile>;
  /** Changes a profile's role (admins; the last active admin stays admin). */
  setProfileRole: (name: string, role: Role) => Promise<Profile>;
  /** Deactivates a profile; its open reviews go to `handover`; resolves with how many stages moved. */
  deactivateProfile: (name: string, handover: string | null) => Promise<number>;
  /** The review workflow templates (the library's `Default` first among them), each with its stages. */
  reviewTemplates: () => Promise<ReviewTemplate[]>;
  /**
   * Opens a review of each asset named (and of a collection's), all or none; resolves with the review ids
   * (`conflict` listing the required fields still empty, `invalid_input` with `due` for a bad date).
   */
  submitReview: (request: SubmitRequest) => Promise<number[]>;
  /** What waits for the acting person's decision, soonest due first (at most `limit`), with the totals. */
  reviewQueue: (limit: number) => Promise<Queue>;
  /** The asset's latest review with its stages and who decided what (null when it never had one). */
  reviewOf: (id: AssetId) => Promise<ReviewView | null>;
  /**
   * Decides the asset's open review (`invalid_input` with `comment` when request changes or reject come
   * without one); resolves with what closed and the asset's state now.
   */
  decideReview: (id: AssetId, decision: Decision, comment: string | null) => Promise<Decided>;
  /** Adds a comment to an asset, pinned to a point or rectangle (0..1 from the top-left) or not, or a reply. */
  addComment: (id: AssetId, body: string, pin: Pin | null, replyTo: number | null) => Promise<Comment>;
  /** Marks a comment resolved (by the acting person, now). */
  resolveComment: (comment: number) => Promise<Comment>;
  /** An asset's comments, oldest first, replies with their `parent`. */
  comments: (id: AssetId) => Promise<Comment[]>;
  /**
   * What the acting person should know: reviews waiting, due soon, overdue; decisions on what they
   * submitted; unresolved comments mentioning them.
   */
  notifications: () => Promise<Notification[]>;
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
    renameTag: (from, to, merge) => invoke<TagChange>('rename_tag', { from, to, merge }),
    mergeTags: (from, into) => invoke<TagChange>('merge_tags', { from, into }),
    tagAssets: (name, limit) => invoke<TagAssets>('tag_assets', { name, limit }),
    deleteTag: (name) => invoke<TagChange>('delete_tag', { name }),
    setTagColour: (name, colour) => invoke<string>('set_tag_colour', { name, colour }),
    addTagSynonym: (name, synonym) => invoke<string>('add_tag_synonym', { name, synonym }),
    removeTagSynonym: (synonym) => invoke<string>('remove_tag_synonym', { synonym }),
    search: (request) => invoke<Page>('search', { request }),
    assetDetail: (id) => invoke<AssetDetail>('asset_detail', { id }),
    editAssets: (selection, edit) => invoke<EditOutcome>('edit_assets', { selection, edit }),
    setFields: (selection, assignments) => invoke<EditOutcome>('set_fields', { selection, assignments }),
    listFields: () => invoke<CustomField[]>('list_fields'),
    defineField: (definition) => invoke<CustomField>('define_field', { definition }),
    removeField: (name) => invoke<void>('remove_field', { name }),
    editFieldChoices: (name, add, retire) => invoke<CustomField>('edit_field_choices', { name, add, retire }),
    listTemplates: () => invoke<Template[]>('list_templates'),
    addTemplate: (name, assignments) => invoke<Template>('add_template', { name, assignments }),
    applyTemplate: (name, selection) => invoke<EditOutcome>('apply_template', { name, selection }),
    undoLast: () => invoke<UndoOutcome>('undo_last'),
    trashAssets: (ids) => invoke<TrashOutcome>('trash_assets', { ids }),
    restoreAssets: (ids) => invoke<TrashOutcome>('restore_assets', { ids }),
    listTrash: () => invoke<TrashedAsset[]>('list_trash'),
    emptyTrash: () => invoke<EmptyTrashOutcome>('empty_trash'),
    openAsset: (id) => invoke<string>('open_asset', { id }),
    revealAsset: (id) => invoke<string>('reveal_asset', { id }),
    copyAssets: (ids, out) => invoke<CopyReport>('copy_assets', { ids, out }),
    exportAssets: (ids, out, overrideReason) => invoke<ExportReport>('export_assets', { ids, out, overrideReason }),
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
    writeXmp: (ids) => invoke<SidecarWritten[]>('write_xmp', { ids }),
    watchFolders: () => invoke<WatchedFolder[]>('watch_folders'),
    watchAdd: (path, rule) => invoke<WatchedFolder>('watch_add', { path, rule }),
    watchRemove: (id) => invoke<WatchedFolder>('watch_remove', { id }),
    watchPause: (id) => invoke<WatchedFolder>('watch_pause', { id }),
    watchResume: (id) => invoke<WatchedFolder>('watch_resume', { id }),
    watchUpdateRule: (id, rule) => invoke<WatchedFolder>('watch_update_rule', { id, rule }),
    watchEvents: (limit, folder) => invoke<WatchEvent[]>('watch_events', { limit, folder }),
    watcherHost: () => invoke<WatcherHost>('watcher_host'),
    assetStatus: (id) => invoke<StatusReport>('asset_status', { id }),
    setStatus: (ids, to) => invoke<Moved[]>('set_status', { ids, to }),
    archiveAssets: (ids) => invoke<Moved[]>('archive_assets', { ids }),
    restoreArchived: (ids) => invoke<Moved[]>('restore_archived', { ids }),
    auditEvents: (filter, limit) => invoke<AuditEvent[]>('audit_events', { filter, limit }),
    verifyAudit: () => invoke<AuditCheck>('verify_audit'),
    versions: (id) => invoke<Version[]>('versions', { id }),
    addVersion: (id, path) => invoke<VersionChanged>('add_version', { id, path }),
    revertVersion: (id, number) => invoke<VersionChanged>('revert_version', { id, number }),
    stackVersion: (from, onto) => invoke<VersionChanged>('stack_version', { from, onto }),
    acting: () => invoke<Profile>('acting'),
    profiles: () => invoke<Profile[]>('profiles'),
    actAs: (name) => invoke<Profile>('act_as', { name }),
    people: () => invoke<ProfileAudit[]>('people'),
    addProfile: (name, role, email) => invoke<Profile>('add_profile', { name, role, email }),
    setProfileRole: (name, role) => invoke<Profile>('set_profile_role', { name, role }),
    deactivateProfile: (name, handover) => invoke<number>('deactivate_profile', { name, handover }),
    reviewTemplates: () => invoke<ReviewTemplate[]>('review_templates'),
    submitReview: (request) => invoke<number[]>('submit_review', { request }),
    reviewQueue: (limit) => invoke<Queue>('review_queue', { limit }),
    reviewOf: (id) => invoke<ReviewView | null>('review_of', { id }),
    decideReview: (id, decision, comment) => invoke<Decided>('decide_review', { id, decision, comment }),
    addComment: (id, body, pin, replyTo) => invoke<Comment>('add_comment', { id, body, pin, replyTo }),
    resolveComment: (comment) => invoke<Comment>('resolve_comment', { comment }),
    comments: (id) => invoke<Comment[]>('comments', { id }),
    notifications: () => invoke<Notification[]>('notifications'),
  };
}
