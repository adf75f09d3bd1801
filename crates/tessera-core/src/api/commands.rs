//! The one list of the desktop app's IPC commands: name, parameters (names and types) and what each returns. Both
//! sides of the boundary are generated from it, so a command or a parameter cannot be renamed on one side only:
//!
//! - the UI's `ui/src/lib/api/commands.ts` (the `Commands` interface and the `commands(invoke)` wrappers that call
//!   `invoke('snake_name', { camelKey })`) is rendered by [`crate::api::command_bindings`], and the
//!   `bindings_file_is_up_to_date` test fails while the committed file differs;
//! - the shell (`src-tauri/src/commands/mod.rs`) passes its own macro to [`ipc_commands!`], which writes one
//!   `#[tauri::command]` per entry, with these parameter names and types, calling the handler of the same name with
//!   the same typed signature, and registers exactly these commands with `generate_handler!`.
//!
//! **How a rename propagates.** Rename `request` to `query` in `search(request: …)` below: the shell's command now
//! takes `query` (Tauri reads the JS key `query`) and passes it to `handlers::search`, whose parameter name does
//! not matter but whose type and position do (a different type or count fails `cargo build`); `UPDATE_BINDINGS=1
//! cargo test -p tessera-core bindings` regenerates `commands.ts`, where the wrapper now sends `{ query }`; until it
//! does, the stale-file test fails. Rename the command itself and the TS method changes name too: every caller, the
//! fake (which implements `Commands`) and `LibraryApi` fail `npm run check`; the shell fails `cargo build` until a
//! handler of the new name exists. Change a type and the same happens through ts-rs's names.
//!
//! **To add a command**: add an entry here (types by full path, `$crate::…`), write the handler
//! `pub async fn name(call: Call<'_>, …) -> IpcResult<Ret>` in the shell's `commands/<area>.rs`, regenerate the
//! bindings, and implement it in the UI's fake. Each type used must derive `ts_rs::TS` and be listed in
//! [`crate::api::bindings::typescript`] (commands.ts imports it from bindings.ts).
//!
//! **The grammar** a callback macro receives, one entry per command:
//! `$(#[doc = "…"])* name(param: Type, …) -> Ret;` — doc comments are copied to the TS interface.

/// Calls `$callback! { … }` with every IPC command (see the module docs for the grammar and how it is used).
#[macro_export]
macro_rules! ipc_commands {
    ($callback:ident) => {
        $callback! {
            /// The open library's name, folder and counters (the header and the sidebar).
            library_info() -> $crate::app::maintenance::stats::LibraryInfo;
            /// The recent libraries, most recent first (missing ones flagged), from the list the CLI shares.
            recent_libraries() -> Vec<$crate::app::libraries::RecentLibrary>;
            /// Opens another library (refused with `conflict` while an import runs); resolves with its info, and
            /// `library-opened` tells the window to reload.
            open_library(path: String) -> $crate::app::maintenance::stats::LibraryInfo;
            /// Creates `parent/NAME.tessera` and opens it as `open_library` does (`invalid_input` with the field
            /// `name` or `parent` when it cannot).
            create_library(parent: String, name: String) -> $crate::app::maintenance::stats::LibraryInfo;
            /// The tag tree in path order (each tag right before the tags beneath it), with each tag's own count,
            /// its total (assets carrying it or a tag beneath it, once each), colour and synonyms.
            tag_counts() -> Vec<$crate::domain::TagCount>;
            /// Renames or moves a tag (a path or a synonym) with everything beneath it; onto an existing tag
            /// `conflict`, unless `merge`. The old paths become synonyms.
            rename_tag(from: String, to: String, merge: bool) -> $crate::domain::TagChange;
            /// Merges `from` into `into` in one transaction (children with the same name merge too).
            merge_tags(from: String, into: String) -> $crate::domain::TagChange;
            /// How many assets carry the tag or a tag beneath it, and the first `limit` (shown before a delete).
            tag_assets(name: String, limit: u32) -> $crate::app::tags::TagAssets;
            /// Deletes the tag and those beneath it from every asset (undoable with `undo_last`).
            delete_tag(name: String) -> $crate::domain::TagChange;
            /// Sets (`#rrggbb` or `#rgb`) or clears (null) a tag's colour; resolves with the tag's path.
            set_tag_colour(name: String, colour: Option<String>) -> String;
            /// Makes `synonym` resolve to the tag `name` in searches and edits; resolves with the tag's path.
            add_tag_synonym(name: String, synonym: String) -> String;
            /// Removes a synonym; resolves with the path of the tag it named.
            remove_tag_synonym(synonym: String) -> String;
            /// One page of a search (keyset cursor in `request.after`).
            search(request: $crate::app::search::SearchRequest) -> $crate::domain::Page;
            asset_detail(id: $crate::domain::AssetId) -> $crate::domain::AssetDetail;
            /// Applies one edit to a selection (a list of ids, or every match of a query less `except`) in one
            /// transaction, all or nothing, whatever its size. Resolves with how many changed and, when at most 100
            /// did, them as they are now (larger edits come back with `assets: []`; `library-changed` follows every
            /// edit, so the grid refreshes). Large edits report `edit-progress` as they go.
            edit_assets(
                selection: $crate::app::assets::Selection,
                edit: $crate::app::assets::AssetEdit
            ) -> $crate::app::assets::EditOutcome;
            /// Sets fields by name (built-in: `title`, `alt_text`, `licence`, `label`, `expires`…; or custom) on a
            /// selection, in one transaction and one step of the edit log; `value: ""` clears. A refused value or an
            /// unknown field is `invalid_input` with the field's name as `field`, and nothing is written.
            set_fields(
                selection: $crate::app::assets::Selection,
                assignments: Vec<$crate::domain::FieldAssignment>
            ) -> $crate::app::assets::EditOutcome;
            /// The library's custom fields in the admin's order, with their vocabularies (retired values marked).
            list_fields() -> Vec<$crate::domain::CustomField>;
            /// Defines a custom field (`conflict` when the name is taken, `invalid_input` for a bad definition).
            define_field(definition: $crate::app::fields::FieldDefinition) -> $crate::domain::CustomField;
            /// Removes a custom field; `conflict` (the message says how many assets) while assets use it.
            remove_field(name: String) -> ();
            /// Adds values to a choice field's vocabulary and retires others (kept on old assets, refused on writes).
            edit_field_choices(name: String, add: Vec<String>, retire: Vec<String>) -> $crate::domain::CustomField;
            /// The metadata templates, by name.
            list_templates() -> Vec<$crate::app::fields::template::Template>;
            /// Saves a template (its values are checked now; `conflict` when the name is taken).
            add_template(
                name: String,
                assignments: Vec<$crate::domain::FieldAssignment>
            ) -> $crate::app::fields::template::Template;
            /// Applies a template to a selection: one edit, one undo step.
            apply_template(
                name: String,
                selection: $crate::app::assets::Selection
            ) -> $crate::app::assets::EditOutcome;
            /// Takes back the acting person's last edit as one step (`not_found` when there is none); values changed
            /// again since are left and counted as skipped. Large undos report `edit-progress` as edits do.
            undo_last() -> $crate::app::assets::UndoOutcome;
            /// Moves assets to the trash in one transaction, one undo step (`not_found` for an unknown id, and then
            /// none moves); they leave every view but `is:trashed`.
            trash_assets(ids: Vec<$crate::domain::AssetId>) -> $crate::app::assets::TrashOutcome;
            /// Puts trashed assets back (tags, fields and collections included), one undo step.
            restore_assets(ids: Vec<$crate::domain::AssetId>) -> $crate::app::assets::TrashOutcome;
            /// The assets in the trash, most recently trashed first.
            list_trash() -> Vec<$crate::domain::TrashedAsset>;
            /// Deletes every trashed asset and its original for good (the window confirms first); not undoable.
            empty_trash() -> $crate::app::assets::EmptyTrashOutcome;
            /// Opens the asset's original with the default application; resolves with its path (`not_found` when
            /// the file is gone, `io` when no application could be started).
            open_asset(id: $crate::domain::AssetId) -> String;
            /// Shows the asset's original in the file manager; resolves with its path.
            reveal_asset(id: $crate::domain::AssetId) -> String;
            /// Copies originals into the folder `out` under their names, never overwriting; each one that could
            /// not be copied is listed with why, and the others are copied.
            copy_assets(ids: Vec<$crate::domain::AssetId>, out: String) -> $crate::app::assets::CopyReport;
            /// Exports assets for use into `out`: only approved or published ones whose rights have not expired (the
            /// others come back in `refused` with the reason) unless `override_reason` says why (recorded).
            export_assets(
                ids: Vec<$crate::domain::AssetId>,
                out: String,
                override_reason: Option<String>
            ) -> $crate::app::assets::ExportReport;
            /// The newest `limit` entries of the edit log, newest first (only the acting person's with `mine`).
            edit_log(limit: u32, mine: bool) -> Vec<$crate::domain::EditRecord>;
            /// Starts an import in the background; progress arrives as `ingest-progress` / `ingest-finished`.
            import_paths(paths: Vec<String>) -> ();
            cancel_import() -> ();
            /// Starts an import of generated demo images (same events as `import_paths`).
            add_sample_assets() -> ();
            /// Native file dialog; resolves with [] when cancelled.
            pick_files() -> Vec<String>;
            /// Native folder dialog; resolves with null when cancelled.
            pick_folder() -> Option<String>;
            /// Every collection as a tree (top-level ones, each with its `children`), by path: manual ones with
            /// their counter, smart ones with what their query matches now (exact up to 10,000).
            collections() -> Vec<$crate::domain::Collection>;
            /// Creates a manual collection at `path` (`Spring 2027/Social`) with its missing parents; an existing one
            /// is returned as it is (`invalid_input` with the field `collection` for a bad path).
            collection_create(path: String) -> $crate::domain::CollectionRef;
            /// Adds a selection to a manual collection (created when missing) in one transaction, one undo step.
            /// Large selections report `edit-progress`.
            collection_add(
                path: String,
                selection: $crate::app::assets::Selection
            ) -> $crate::app::collections::MembershipOutcome;
            /// Takes a selection out of a manual collection (the assets stay), one undo step.
            collection_remove(
                path: String,
                selection: $crate::app::assets::Selection
            ) -> $crate::app::collections::MembershipOutcome;
            /// Renames or moves a collection with everything beneath it (`conflict` when `to` is taken).
            collection_rename(from: String, to: String) -> $crate::domain::CollectionRef;
            /// Deletes a collection and those beneath it, never the assets; without `force`, one that holds anything
            /// is refused with `conflict` and the counts in the message.
            collection_delete(path: String, force: bool) -> $crate::app::collections::DeleteOutcome;
            /// Puts `first` at the start of the collection's order; resolves with the whole order.
            collection_reorder(path: String, first: Vec<$crate::domain::AssetId>) -> Vec<$crate::domain::AssetId>;
            /// Sets (or with null clears) the cover: one of the collection's assets.
            collection_cover(
                path: String,
                cover: Option<$crate::domain::AssetId>
            ) -> $crate::domain::CollectionRef;
            /// Saves a query as a smart collection (refused with `bad_query` and the column, or when it leads back
            /// to itself).
            smart_add(path: String, query: String) -> $crate::domain::CollectionRef;
            /// Deletes a smart collection.
            smart_remove(path: String) -> $crate::app::collections::DeleteOutcome;
            /// Writes an XMP sidecar for each asset beside its stored original (`<hash>.jpg.xmp`, or `<hash>.xmp`
            /// with the library's Adobe naming), keeping other tools' properties; resolves with the paths written.
            write_xmp(ids: Vec<$crate::domain::AssetId>) -> Vec<$crate::app::xmp::SidecarWritten>;
            /// Watched folders, in the order they were added, with their rules, counts and what the watcher last
            /// said.
            watch_folders() -> Vec<$crate::domain::watch::WatchedFolder>;
            /// Starts watching a folder (it must exist, and not overlap the library or another watched folder).
            watch_add(path: String, rule: $crate::domain::watch::WatchRule) -> $crate::domain::watch::WatchedFolder;
            /// Stops watching a folder; the assets that arrived through it stay.
            watch_remove(id: $crate::domain::watch::WatchedFolderId) -> $crate::domain::watch::WatchedFolder;
            watch_pause(id: $crate::domain::watch::WatchedFolderId) -> $crate::domain::watch::WatchedFolder;
            watch_resume(id: $crate::domain::watch::WatchedFolderId) -> $crate::domain::watch::WatchedFolder;
            /// Replaces a folder's rules (they apply to what arrives from now on).
            watch_update_rule(
                id: $crate::domain::watch::WatchedFolderId,
                rule: $crate::domain::watch::WatchRule
            ) -> $crate::domain::watch::WatchedFolder;
            /// The newest `limit` events of the activity feed, newest first (of one folder, or of all with null).
            watch_events(
                limit: u32,
                folder: Option<$crate::domain::watch::WatchedFolderId>
            ) -> Vec<$crate::domain::watch::WatchEvent>;
            /// Whether this app, another process, or nobody watches the folders.
            watcher_host() -> $crate::app::watch::WatcherHost;
            /// An asset's lifecycle state (as shown today), the state stored, and every move it made.
            asset_status(id: $crate::domain::AssetId) -> $crate::app::lifecycle::StatusReport;
            /// Moves assets to `to`, all or none (`conflict` with the reason when the transition table refuses one).
            set_status(
                ids: Vec<$crate::domain::AssetId>,
                to: $crate::domain::lifecycle::Status
            ) -> Vec<$crate::app::lifecycle::Moved>;
            /// Archives assets: they leave the default views (`is:archived` finds them).
            archive_assets(ids: Vec<$crate::domain::AssetId>) -> Vec<$crate::app::lifecycle::Moved>;
            /// Puts archived assets back in the state they had before.
            restore_archived(ids: Vec<$crate::domain::AssetId>) -> Vec<$crate::app::lifecycle::Moved>;
            /// The audit trail's events that match `filter`, oldest first (at most `limit`).
            audit_events(
                filter: $crate::domain::AuditFilter,
                limit: Option<u64>
            ) -> Vec<$crate::domain::AuditEvent>;
            /// Checks the audit trail's hash chain; names the first event edited, inserted or deleted.
            verify_audit() -> $crate::domain::AuditCheck;
            /// Every version of an asset, oldest first (the current one marked).
            versions(id: $crate::domain::AssetId) -> Vec<$crate::domain::Version>;
            /// Adds the file at `path` as the asset's new current version (refused with the reason when it is
            /// already in the library, of another kind, or unreadable).
            add_version(id: $crate::domain::AssetId, path: String) -> $crate::domain::VersionChanged;
            /// Makes version `number` of an asset current again.
            revert_version(id: $crate::domain::AssetId, number: u32) -> $crate::domain::VersionChanged;
            /// Makes asset `from` (one file, e.g. an import's version offer) the new current version of `onto`;
            /// `from` itself goes.
            stack_version(from: $crate::domain::AssetId, onto: $crate::domain::AssetId) -> $crate::domain::VersionChanged;
            /// Who acts in this window (`forbidden` saying why when nobody can: pick a profile with `act_as`).
            acting() -> $crate::domain::Profile;
            /// The active profiles the switcher offers.
            profiles() -> Vec<$crate::domain::Profile>;
            /// Acts as the profile `name` from now on in this window; resolves with it (refused when unknown or
            /// deactivated).
            act_as(name: String) -> $crate::domain::Profile;
            /// Every profile with what its role allows and when it last acted (admins: the permissions review).
            people() -> Vec<$crate::app::people::ProfileAudit>;
            /// Adds a profile (admins).
            add_profile(name: String, role: $crate::domain::permission::Role, email: Option<String>) -> $crate::domain::Profile;
            /// Changes a profile's role (admins; the last active admin stays admin).
            set_profile_role(name: String, role: $crate::domain::permission::Role) -> $crate::domain::Profile;
            /// Deactivates a profile; its open reviews go to `handover`; resolves with how many stages moved.
            deactivate_profile(name: String, handover: Option<String>) -> u64;
            /// The review workflow templates (the library's `Default` first among them), each with its stages.
            review_templates() -> Vec<$crate::app::review::ReviewTemplate>;
            /// Opens a review of each asset named (and of a collection's), all or none; resolves with the review ids
            /// (`conflict` listing the required fields still empty, `invalid_input` with `due` for a bad date).
            submit_review(request: $crate::app::review::SubmitRequest) -> Vec<i64>;
            /// What waits for the acting person's decision, soonest due first (at most `limit`), with the totals.
            review_queue(limit: u32) -> $crate::domain::review_view::Queue;
            /// The asset's latest review with its stages and who decided what (null when it never had one).
            review_of(id: $crate::domain::AssetId) -> Option<$crate::domain::review_view::ReviewView>;
            /// Decides the asset's open review (`invalid_input` with `comment` when request changes or reject come
            /// without one); resolves with what closed and the asset's state now.
            decide_review(
                id: $crate::domain::AssetId,
                decision: $crate::domain::review::Decision,
                comment: Option<String>
            ) -> $crate::domain::review_view::Decided;
            /// Adds a comment to an asset, pinned to a point or rectangle (0..1 from the top-left) or not, or a reply.
            add_comment(
                id: $crate::domain::AssetId,
                body: String,
                pin: Option<$crate::domain::review_view::Pin>,
                reply_to: Option<i64>
            ) -> $crate::domain::review_view::Comment;
            /// Marks a comment resolved (by the acting person, now).
            resolve_comment(comment: i64) -> $crate::domain::review_view::Comment;
            /// An asset's comments, oldest first, replies with their `parent`.
            comments(id: $crate::domain::AssetId) -> Vec<$crate::domain::review_view::Comment>;
            /// What the acting person should know: reviews waiting, due soon, overdue; decisions on what they
            /// submitted; unresolved comments mentioning them.
            notifications() -> Vec<$crate::domain::review_view::Notification>;
        }
    };
}
