// Generated from the Rust types by tessera-core's `bindings` module. Do not edit: change the Rust type and
// run `UPDATE_BINDINGS=1 cargo test -p tessera-core bindings`.

export type AssetId = number;

export type FileId = number;

export type AssetKind = "image" | "video" | "audio" | "document" | "font" | "other";

export type AssetSummary = { id: AssetId, name: string, type: AssetKind, ext: string, width: number | null, height: number | null, size: number, rating: number | null, title: string | null, 
/**
 * Unix seconds.
 */
added: number, 
/**
 * "YYYY-MM-DDTHH:MM:SS" as the camera recorded it (no time zone).
 */
taken: string | null, hash: string, 
/**
 * The lifecycle state the tile's badge shows (expired once the rights expiry has passed).
 */
status: Status, 
/**
 * The rights expiry date ("YYYY-MM-DD"), when there is one.
 */
expires: string | null, };

export type Status = "draft" | "in_review" | "approved" | "changes_requested" | "rejected" | "published" | "archived" | "expired";

export type AssetDetail = { id: AssetId, name: string, type: AssetKind, ext: string, width: number | null, height: number | null, size: number, title: string | null, description: string | null, rating: number | null, creator: string | null, 
/**
 * Who to credit when the asset is published.
 */
credit: string | null, 
/**
 * The copyright notice (the same as `rights.copyright`).
 */
copyright: string | null, 
/**
 * The campaign the asset belongs to.
 */
campaign: string | null, 
/**
 * The copy that creation adds: text for screen readers, and the caption to publish with.
 */
alt_text: string | null, caption: string | null, 
/**
 * red, orange, yellow, green, blue or purple.
 */
label: string | null, 
/**
 * pick or reject.
 */
flag: string | null, 
/**
 * The label text as the file's XMP wrote it ("Approved", "Red"); the library's label sets map it to `label`.
 */
label_text: string | null, 
/**
 * photoshop:Headline.
 */
headline: string | null, 
/**
 * photoshop:Instructions.
 */
instructions: string | null, 
/**
 * The creator's contact (Iptc4xmpCore:CreatorContactInfo).
 */
contact_email: string | null, contact_url: string | null, contact_phone: string | null, 
/**
 * xmpRights:WebStatement.
 */
web_statement: string | null, 
/**
 * xmpRights:Marked: true = copyrighted, false = public domain.
 */
rights_marked: boolean | null, 
/**
 * plus:LicensorName.
 */
licensor: string | null, 
/**
 * Where the embedded XMP and the sidecar disagreed at ingest, and which value was kept.
 */
xmp_conflicts: Array<XmpConflict>, rights: Rights, 
/**
 * The library's custom fields that have a value on this asset, by name.
 */
fields: { [key in string]: FieldValue }, tags: Array<string>, 
/**
 * The manual collections the asset is in, by path.
 */
collections: Array<CollectionRef>, uploader: string, added: number, taken: string | null, exif: ExifFields, file: FileFacts, };

export type Rights = { creator: string | null, credit: string | null, copyright: string | null, licence: string | null, usage_terms: string | null, 
/**
 * YYYY-MM-DD: the asset may not be used after this day.
 */
expires: string | null, };

export type XmpConflict = { field: string, embedded: string | null, sidecar: string | null, 
/**
 * `embedded` or `sidecar`.
 */
winner: string, };

export type LabelName = { name: string, colour: string, 
/**
 * `bridge`, `lightroom` (the defaults) or `custom`.
 */
set: string, };

export type SidecarWritten = { id: AssetId, path: string, };

export type Scalar = number | number | string;

export type FieldValue = boolean | Array<string> | Scalar;

export type FieldType = "text" | "long-text" | "number" | "date" | "url" | "bool" | "choice" | "choices";

export type Choice = { value: string, 
/**
 * Kept on the assets that have it; refused on new writes.
 */
retired: boolean, };

export type CustomField = { id: number, name: string, type: FieldType, required: boolean, 
/**
 * The asset types it applies to; empty: every type.
 */
kinds: Array<AssetKind>, position: number, 
/**
 * For choice and choices fields, in the admin's order.
 */
choices: Array<Choice>, };

export type FieldAssignment = { name: string, value: string, };

export type FieldDefinition = { name: string, type: string, required: boolean, kinds: Array<string>, choices: Array<string>, };

export type Template = { name: string, assignments: Array<FieldAssignment>, };

export type FileFacts = { id: FileId, hash: string, mime: string, ext: string, size: number, original_name: string, source_path: string, 
/**
 * Path relative to the library folder, e.g. `originals/ab/abcd….jpg`.
 */
stored_path: string, uploader: string, added: number, 
/**
 * Why there is no thumbnail (not a raster image, unsupported format…), when there is none.
 */
thumbnail_note: string | null, };

export type LibraryChanged = { reason: string, };

export type Actor = { name: string, };

export type ExifFields = { 
/**
 * Capture time as "YYYY-MM-DDTHH:MM:SS" (no time zone): DateTimeOriginal,
 * else DateTimeDigitized, else DateTime.
 */
taken?: string, make?: string, model?: string, 
/**
 * LensModel.
 */
lens?: string, 
/**
 * Seconds as photographers write them: "1/250", "0.5", "2.5", "30".
 */
exposure_time?: string, f_number?: number, 
/**
 * PhotographicSensitivity (formerly ISOSpeedRatings).
 */
iso?: number, focal_length_mm?: number, 
/**
 * Decimal degrees, negative south. Set only together with the longitude.
 */
gps_latitude?: number, 
/**
 * Decimal degrees, negative west. Set only together with the latitude.
 */
gps_longitude?: number, 
/**
 * EXIF orientation, 1..=8.
 */
orientation?: number, software?: string, };

export type Page = { 
/**
 * The number of matches, or [`TOTAL_CAP`] when there are more than that (see `total_exact`).
 */
total: number, 
/**
 * False when `total` is the cap: there are more than [`TOTAL_CAP`] matches and they were not all counted.
 */
total_exact: boolean, assets: Array<AssetSummary>, 
/**
 * Pass back to get the next page; absent on the last page.
 */
next: string | null, };

export type SortKey = "added" | "taken" | "name" | "size";

export type SortOrder = "asc" | "desc";

export type LibraryStats = { 
/**
 * Assets outside the trash (`by_type` and `untagged` count those too).
 */
assets: number, files: number, 
/**
 * Bytes of all stored originals.
 */
original_bytes: number, by_type: { [key in string]: number }, tags: number, untagged: number, 
/**
 * Assets in the trash (their originals still count in `files` and `original_bytes` until it is emptied).
 */
trashed: number, database_bytes: number, };

export type LibraryInfo = { root: string, 
/**
 * The folder's name without `.tessera`.
 */
name: string, stats: LibraryStats, };

export type RecentLibrary = { 
/**
 * The folder's name without `.tessera`.
 */
name: string, path: string, 
/**
 * Unix seconds.
 */
last_opened: number, 
/**
 * The folder (or its `library.db`) is not there now: a moved library or an unplugged drive.
 */
missing: boolean, };

export type SearchRequest = { query: string, sort: SortKey, 
/**
 * None: the sort's default order (name A to Z; everything else newest/largest first).
 */
order: SortOrder | null, limit: number, 
/**
 * The `next` of the previous page.
 */
cursor: string | null, };

export type TagCount = { 
/**
 * The full path, e.g. `Brand/Product/Sneaker`.
 */
name: string, 
/**
 * Assets carrying this tag itself.
 */
count: number, 
/**
 * Assets carrying this tag or any tag beneath it, each counted once (what `tag:NAME` finds).
 */
total: number, 
/**
 * `#rrggbb`, when the tag has a colour.
 */
colour: string | null, 
/**
 * Other names that resolve to this tag.
 */
synonyms: Array<string>, };

export type TagChange = { 
/**
 * The tag's path afterwards (for a delete, the path it had).
 */
tag: string, 
/**
 * Tags renamed, moved, merged or deleted (the tag and those beneath it).
 */
tags: number, 
/**
 * Assets whose tags changed.
 */
assets: number, 
/**
 * The change's entry in the edit log.
 */
edit: EditId | null, };

export type TagAssets = { 
/**
 * The tag's path.
 */
tag: string, total: number, 
/**
 * The first of them, by id.
 */
ids: Array<AssetId>, };

export type CollectionId = number;

export type CollectionKind = "manual" | "smart";

export type Collection = { id: CollectionId, 
/**
 * The last part of the path.
 */
name: string, 
/**
 * The full path, parts joined by `/`.
 */
path: string, parent: CollectionId | null, kind: CollectionKind, 
/**
 * Manual: the assets it holds (kept counted by the store). Smart: what its query matches now, exact up to
 * [`crate::domain::TOTAL_CAP`] (see `count_exact`).
 */
count: number, 
/**
 * False when a smart collection's count stopped at the cap.
 */
count_exact: boolean, 
/**
 * The smart collection's query.
 */
query: string | null, cover: AssetId | null, 
/**
 * Key → text (a campaign's legal line), for renditions.
 */
variables: { [key in string]: string }, 
/**
 * The collections directly beneath this one, by name.
 */
children: Array<Collection>, };

export type CollectionRef = { id: CollectionId, name: string, path: string, };

export type MembershipOutcome = { collection: CollectionRef, 
/**
 * Assets the selection named.
 */
selected: number, 
/**
 * Assets whose membership changed (the others were in already, or not in).
 */
changed: number, 
/**
 * The edit's entry in the edit log (what `undo` takes back); `null` when nothing changed.
 */
edit: EditId | null, };

export type DeleteOutcome = { path: string, 
/**
 * Memberships removed with it (the assets stay in the library).
 */
memberships: number, 
/**
 * Collections beneath it, deleted with it.
 */
children: number, };

export type AssetEdit = { 
/**
 * `Some(None)` clears the title.
 */
title?: string | null, description?: string | null, 
/**
 * 0 to 5; `Some(None)` clears the rating.
 */
rating?: number | null, add_tags: Array<string>, remove_tags: Array<string>, };

export type Selection = { "kind": "ids", ids: Array<AssetId>, } | { "kind": "query", query: string, except: Array<AssetId>, };

export type EditOutcome = { 
/**
 * How many assets the edit applied to.
 */
changed: number, 
/**
 * The assets as they are now (read in the edit's transaction), when there are at most [`DETAIL_LIMIT`].
 */
assets: Array<AssetDetail>, 
/**
 * The edit's entry in the edit log (what `undo` takes back); `null` when nothing actually changed.
 */
edit: EditId | null, };

export type UndoOutcome = { 
/**
 * The edit taken back.
 */
undid: EditRecord, 
/**
 * The undo's own entry in the edit log.
 */
undo: EditRecord, 
/**
 * Values and tags put back.
 */
restored: number, 
/**
 * Values and tags changed again since the edit, left as they are.
 */
skipped: number, };

export type TrashOutcome = { 
/**
 * The assets that moved; ones already there are not counted.
 */
moved: Array<AssetId>, 
/**
 * The edit-log entry (`null` when nothing moved).
 */
edit: EditId | null, };

export type EmptyTrashOutcome = { 
/**
 * Assets deleted.
 */
assets: number, 
/**
 * Stored originals removed from disk.
 */
files_removed: number, };

export type TrashedAsset = { id: AssetId, name: string, kind: string, 
/**
 * Bytes of its current original.
 */
size: number, 
/**
 * When it went to the trash (unix seconds).
 */
trashed_at: number, };

export type CopyReport = { copied: Array<CopiedOriginal>, failed: Array<CopyFailure>, };

export type CopiedOriginal = { id: AssetId, path: string, };

export type CopyFailure = { id: AssetId, reason: string, };

export type EditId = number;

export type EditAction = "edit" | "undo";

export type EditRecord = { id: EditId, 
/**
 * Unix seconds.
 */
at: number, actor: string, action: EditAction, 
/**
 * What was done, in words: `rating 4`, `+summer -draft`, `title`.
 */
summary: string, 
/**
 * How many assets it changed.
 */
assets: number, 
/**
 * For an undo, the entry it undid.
 */
undoes: EditId | null, 
/**
 * For an edit that has been undone, the undo.
 */
undone_by: EditId | null, };

export type EditProgress = { done: number, total: number, };

export type IngestProgress = { phase: Phase, 
/**
 * Files to look at (known once scanning is done).
 */
total: number, done: number, ingested: number, duplicates: number, skipped: number, failed: number, 
/**
 * The file most recently finished.
 */
current: string | null, };

export type Phase = "scanning" | "importing" | "done";

export type IngestReport = { ingested: Array<Ingested>, 
/**
 * Files whose exact content is already in the library; `id` is the existing asset.
 */
duplicates: Array<Ingested>, 
/**
 * The duplicates whose existing asset is in the trash (also in `duplicates`): the file is not imported again,
 * the user is told where it is (`tessera trash restore ID` brings it back with its tags and fields).
 */
in_trash: Array<Ingested>, skipped: Array<Problem>, failed: Array<Problem>, seconds: number, 
/**
 * Bytes read from the inputs.
 */
bytes: number, 
/**
 * Megapixels of the images decoded.
 */
megapixels: number, cancelled: boolean, 
/**
 * New files that look like versions of existing assets: offered, never merged without being asked.
 */
version_offers: Array<VersionOffer>, };

export type IngestSummary = { ingested: number, duplicates: number, skipped: number, failed: number, 
/**
 * The first [`SUMMARY_PROBLEMS`] skipped files, with why.
 */
skipped_files: Array<Problem>, 
/**
 * The first [`SUMMARY_PROBLEMS`] failed files, with why.
 */
failed_files: Array<Problem>, 
/**
 * The first new asset (to show it), if any.
 */
first_ingested: AssetId | null, 
/**
 * The first [`SUMMARY_PROBLEMS`] version offers.
 */
version_offers: Array<VersionOffer>, seconds: number, bytes: number, cancelled: boolean, };

export type Ingested = { path: string, id: AssetId, };

export type Problem = { path: string, reason: string, };

export type VersionOffer = { path: string, 
/**
 * The asset the file became.
 */
id: AssetId, 
/**
 * The asset it looks like a version of, and that asset's name.
 */
of: AssetId, of_name: string, };

export type WatchedFolderId = number;

export type WatchedFolder = { id: WatchedFolderId, path: string, state: FolderState, created_at: number, 
/**
 * Files that became new assets through this folder.
 */
ingested: number, 
/**
 * Files that failed, and folder errors.
 */
errors: number, last_event_at: number | null, last_event: string | null, last_error: string | null, 
/**
 * What a running watcher last said; None when no watcher runs.
 */
status: WatchStatus | null, status_detail: string | null, status_at: number | null, after: AfterIngest, 
/**
 * Tags added to every new asset.
 */
tags: Array<string>, credit: string | null, 
/**
 * Set on every new asset (replacing what the file's own metadata said).
 */
creator: string | null, rights: string | null, campaign: string | null, 
/**
 * Recorded as the uploader; default: whoever runs the watcher.
 */
uploader: string | null, 
/**
 * A manual collection new assets join, in the ingest's transaction. A missing one is created (and reported);
 * one that cannot be used (a smart collection, a bad name) is reported on every ingest, never silently skipped.
 */
collection: string | null, };

export type WatchRule = { after: AfterIngest, 
/**
 * Tags added to every new asset.
 */
tags: Array<string>, credit: string | null, 
/**
 * Set on every new asset (replacing what the file's own metadata said).
 */
creator: string | null, rights: string | null, campaign: string | null, 
/**
 * Recorded as the uploader; default: whoever runs the watcher.
 */
uploader: string | null, 
/**
 * A manual collection new assets join, in the ingest's transaction. A missing one is created (and reported);
 * one that cannot be used (a smart collection, a bad name) is reported on every ingest, never silently skipped.
 */
collection: string | null, };

export type AfterIngest = "leave" | "move" | "delete";

export type FolderState = "active" | "paused";

export type WatchStatus = "watching" | "polling" | "scanning" | "unavailable";

export type WatchEvent = { id: number, folder_id: WatchedFolderId, 
/**
 * Unix seconds.
 */
at: number, kind: WatchEventKind, path: string | null, asset_id: AssetId | null, detail: string, };

export type WatchEventKind = "ingested" | "duplicate" | "failed" | "skipped" | "rule" | "warning" | "error";

export type WatcherHost = { "kind": "starting" } | { "kind": "here" } | { "kind": "elsewhere" } | { "kind": "stopped", reason: string, };

export type StatusReport = { id: number, state: Status, stored: Status, expires: string | null, 
/**
 * The states it may move to now (`domain::lifecycle::ALLOWED` from `state`).
 */
next: Array<Status>, history: Array<StatusStep>, };

export type StatusStep = { seq: number, at: number, actor: string, from: string, to: string, };

export type Moved = { id: number, from: Status, to: Status, };

export type AuditEvent = { seq: number, at: number, actor: string, 
/**
 * `edit`, `undo`, `ingest`, `transition`, `override` …
 */
action: string, assets: Array<number>, detail: Record<string, unknown>, 
/**
 * BLAKE3 of the previous hash and this event's canonical form, in hex.
 */
hash: string, };

export type AuditFilter = { 
/**
 * Events at or after this time (Unix seconds).
 */
since: number | null, 
/**
 * Events before this time (Unix seconds).
 */
until: number | null, actor: string | null, 
/**
 * `edit`, `ingest`, `transition` …
 */
action: string | null, asset: number | null, 
/**
 * Newest first (the Activity view); else oldest first (exports, `audit ls`).
 */
newest_first: boolean, };

export type AuditCheck = { 
/**
 * Events checked.
 */
events: number, 
/**
 * The first event that does not fit the chain, and why; `None` when the chain holds.
 */
broken: AuditBreak | null, };

export type AuditBreak = { seq: number, reason: string, };

export type Version = { 
/**
 * 1 for the file the asset arrived with, then one more per version added.
 */
number: number, current: boolean, 
/**
 * Pixel size as displayed (orientation applied), when known.
 */
width: number | null, height: number | null, file: FileFacts, };

export type VersionChanged = { asset: AssetId, 
/**
 * The version now current.
 */
number: number, 
/**
 * How many versions the asset has.
 */
versions: number, 
/**
 * False when the version asked for was current already.
 */
changed: boolean, };

export type Role = "admin" | "brand_manager" | "reviewer" | "contributor" | "publisher" | "viewer";

export type Action = "read" | "ingest" | "edit_metadata" | "tag" | "manage_tags" | "collections" | "undo" | "manage_fields" | "manage_templates" | "manage_watch" | "maintain" | "export" | "trash" | "restore" | "empty_trash" | "submit" | "decide" | "comment" | "transition" | "publish" | "archive" | "override" | "view_audit" | "manage_users" | "manage_workspaces" | "move_workspace";

export type Profile = { name: string, role: Role, email?: string, active: boolean, 
/**
 * Unix seconds.
 */
created_at: number, 
/**
 * When the profile last changed something (Unix seconds); none yet when it only looked.
 */
last_acted_at?: number, };

export type ExportReport = { exported: Array<CopiedOriginal>, 
/**
 * Held back by governance, with the reason (not approved, rights expired).
 */
refused: Array<CopyFailure>, 
/**
 * Could not be written (missing, unreadable, the folder full).
 */
failed: Array<CopyFailure>, };

export type ProfileAudit = { 
/**
 * Every action the profile's role allows (none once deactivated: it can no longer act).
 */
allowed: Array<Action>, name: string, role: Role, email?: string, active: boolean, 
/**
 * Unix seconds.
 */
created_at: number, 
/**
 * When the profile last changed something (Unix seconds); none yet when it only looked.
 */
last_acted_at?: number, };

export type Rule = { "kind": "any" } | { "kind": "all" } | { "kind": "at_least", "n": number };

export type Decision = "approve" | "approve_with_changes" | "request_changes" | "reject";

export type Outcome = "approved" | "approved_with_changes" | "changes_requested" | "rejected";

export type Stage = { name: string, people: Array<string>, roles: Array<Role>, rule: Rule, 
/**
 * This many rejections end the stage rejected at once.
 */
veto: number | null, due_hours: number | null, 
/**
 * The stages (by index) that must pass before this one starts; empty: it starts with the review.
 */
after: Array<number>, };

export type WorkflowTemplate = { name: string, stages: Array<Stage>, 
/**
 * A new version of an approved or in-review asset sends it back to review (the default).
 */
new_version_resets: boolean, };

export type ReviewTemplate = { name: string, 
/**
 * The template as written (TOML).
 */
body: string, template: WorkflowTemplate, };

export type SubmitRequest = { ids: Array<AssetId>, 
/**
 * Every asset of this manual collection too (project-based review).
 */
collection: string | null, template: string | null, 
/**
 * "YYYY-MM-DD", today or later.
 */
due: string | null, message: string | null, };

export type StageView = { index: number, name: string, 
/**
 * waiting | active | closed
 */
state: string, outcome: Outcome | null, 
/**
 * Named people, then roles as `role:brand_manager`.
 */
reviewers: Array<string>, decisions: Array<DecisionView>, 
/**
 * Unix seconds.
 */
due_at: number | null, };

export type DecisionView = { reviewer: string, decision: Decision, comment: string | null, at: number, };

export type ReviewView = { id: number, asset: AssetId, round: number, template: string, 
/**
 * open | closed
 */
state: string, outcome: Outcome | null, submitted_by: string, submitted_at: number, message: string | null, 
/**
 * "YYYY-MM-DD"
 */
due: string | null, stages: Array<StageView>, };

export type QueueItem = { review: number, asset: AssetId, name: string, hash: string, stage: string, submitted_by: string, submitted_at: number, message: string | null, 
/**
 * When it is due (Unix seconds): the stage's due time, else the end of the review's due day.
 */
due_at: number | null, };

export type Queue = { 
/**
 * Every review waiting for the person (the list may stop at its limit).
 */
total: number, overdue: number, items: Array<QueueItem>, };

export type Decided = { review: number, asset: AssetId, 
/**
 * The stages the decision counted in.
 */
stages: Array<string>, 
/**
 * Stages that closed with it, with their outcomes.
 */
closed: Array<[string, Outcome]>, 
/**
 * The review's outcome when it closed with this decision.
 */
review_outcome: Outcome | null, 
/**
 * The asset's state now.
 */
status: Status, };

export type Comment = { id: number, asset: AssetId, review: number | null, 
/**
 * The version it was made on (1 = the first file).
 */
version: number | null, parent: number | null, author: string, body: string, 
/**
 * The pin: a point (`w`/`h` null) or a rectangle, 0..1 from the top-left.
 */
x: number | null, y: number | null, w: number | null, h: number | null, created_at: number, resolved_at: number | null, resolved_by: string | null, 
/**
 * Names @mentioned in the body.
 */
mentions: Array<string>, };

export type Pin = { "kind": "point", x: number, y: number, } | { "kind": "rect", x: number, y: number, w: number, h: number, };

export type Notification = { 
/**
 * waiting | due_soon | overdue | decided | mentioned
 */
kind: string, asset: AssetId, review: number | null, text: string, at: number, };

export type ErrorCode = "io" | "database" | "not_a_library" | "schema_too_new" | "not_found" | "bad_query" | "invalid_input" | "conflict" | "busy" | "forbidden" | "unavailable" | "storage_full" | "cancelled";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * For `invalid_input` (and `bad_query`): which input was refused.
 */
field?: string, };
