//! The command-line grammar.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(name = "tessera", version, about = "Tessera: a digital asset library on your desktop")]
pub struct Cli {
    /// The library folder (NAME.tessera). Default: $TESSERA_LIBRARY, else the default library in your data folder.
    #[arg(long, global = true, env = "TESSERA_LIBRARY", value_name = "DIR")]
    pub library: Option<PathBuf>,
    /// Print one JSON object on stdout instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    /// Act as the profile NAME (its role decides what you may do; recorded as the uploader, in the edit log and the
    /// audit trail). Default: $TESSERA_AS, else your OS user's profile.
    #[arg(long = "as", global = true, env = "TESSERA_AS", value_name = "NAME")]
    pub actor: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a library in DIR (or say it already is one).
    Init { dir: PathBuf },
    /// The recent libraries (the desktop app's switcher lists the same), most recent first, and the default one.
    Libraries,
    /// Import files and folders (recursively).
    Ingest(IngestArgs),
    /// Find assets: words, "phrases", tag:, -tag:, type:, ext:, uploader:, width>, height<, orientation:, taken:,
    /// added>, rating>=, label:, flag:, licence:, missing:alt|required, expires<, rights:expired, CUSTOM_FIELD:value.
    Search(SearchArgs),
    /// Everything known about one asset.
    Show { id: i64 },
    /// Add (+name) and remove (-name) tags: `tessera tag 12 13 +summer -draft` (a path such as `Brand/Product`
    /// adds its parents too); or work on the tag tree: `tessera tag ls|rename|merge|rm|colour|synonym`.
    #[command(args_conflicts_with_subcommands = true)]
    Tag {
        #[command(subcommand)]
        command: Option<TagCommand>,
        /// Asset ids, then tag edits.
        #[arg(num_args = 1.., allow_hyphen_values = true)]
        words: Vec<String>,
    },
    /// Set fields, built-in (title, alt_text, licence, label, flag, expires, rating…) and custom:
    /// `tessera set 12 13 licence="CC BY" label=red shoot_date=2025-03-01`; `NAME=` clears.
    Set {
        /// Asset ids, then NAME=VALUE.
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        words: Vec<String>,
    },
    /// Custom fields: define, list, remove, edit a vocabulary.
    Field {
        #[command(subcommand)]
        command: FieldCommand,
    },
    /// Metadata templates: a named set of NAME=VALUE applied to many assets at once.
    Template {
        #[command(subcommand)]
        command: TemplateCommand,
    },
    /// Take back your last edit (tags, fields, a template, collection membership) as one step, however many assets it changed.
    /// Values someone changed again since are left as they are and counted.
    Undo,
    /// The edit log, newest first: who changed what on how many assets, and what was undone.
    History {
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// Only your own edits (those `tessera undo` would take back).
        #[arg(long)]
        mine: bool,
    },
    /// Copy originals out of the library into DIR, under their original names (never overwriting: `name (2).jpg`),
    /// each checked against its hash. Exit 1 when some could not be copied (the others are).
    Copy {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
        /// The folder to copy into (made when missing).
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
    },
    /// Export assets for use into DIR: only approved or published assets whose rights have not expired (the others
    /// are refused with the reason, exit 3), unless `--override REASON` (recorded in the audit trail).
    Export {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
        #[arg(long, value_name = "DIR")]
        out: std::path::PathBuf,
        /// Export even what governance holds back, for this reason (roles that may override only).
        #[arg(long = "override", value_name = "REASON")]
        override_reason: Option<String>,
    },
    /// Move assets to the trash: they leave every view (`is:trashed` finds them) until restored or the trash is
    /// emptied. `tessera undo` brings them back in one step.
    Rm {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
    /// The trash: list it, restore from it, or empty it (the only way originals leave the library).
    Trash {
        #[command(subcommand)]
        command: TrashCommand,
    },
    /// Open an asset's original with the default application (`--reveal`: show it in the file manager).
    Open {
        id: i64,
        #[arg(long)]
        reveal: bool,
    },
    /// Show an asset's original in the file manager (the same as `tessera open ID --reveal`).
    Reveal { id: i64 },
    /// Library figures.
    Stats,
    /// Make missing thumbnails (or all of them with --rebuild).
    Thumbs {
        /// Throw the cache away and make every thumbnail again.
        #[arg(long)]
        rebuild: bool,
        /// Also make the 1024 px previews.
        #[arg(long)]
        previews: bool,
    },
    /// Re-hash every original; report missing, corrupt and orphaned files. Changes nothing, except that it finishes
    /// an interrupted `trash empty` (removes the originals whose rows it already deleted, listed as purged).
    Verify,
    /// Watched folders: files dropped into them arrive in the library, with the folder's rules applied.
    Watch {
        #[command(subcommand)]
        command: WatchCommand,
    },
    /// Manual collections: nested by path (`"Spring 2027/Social"`), an asset in many, ordered by hand.
    Collection {
        #[command(subcommand)]
        command: CollectionCommand,
    },
    /// Smart collections: saved queries that stay live.
    Smart {
        #[command(subcommand)]
        command: SmartCommand,
    },
    /// An asset's lifecycle state and its history; `tessera status set ID... STATE` moves assets (draft, in_review,
    /// approved, changes_requested, rejected, published, archived) where the transition table allows.
    #[command(args_conflicts_with_subcommands = true)]
    Status {
        #[command(subcommand)]
        command: Option<StatusCommand>,
        id: Option<i64>,
    },
    /// Archive assets: they leave the default views (`is:archived` finds them).
    Archive {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
    /// Put archived assets back in the state they had before.
    Restore {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
    /// Versions of an asset: add a new file for it, list the stack, make an older one current again.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// Reviews: submit assets, the queue waiting for you, decide.
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Comments on an asset, pinned to a point or a rectangle of the picture.
    Comment {
        #[command(subcommand)]
        command: CommentCommand,
    },
    /// Reviews waiting for you, due soon or overdue, decisions on what you submitted, mentions.
    Notifications,
    /// The audit trail: every change, hash-chained so an edit behind the app's back shows.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// XMP sidecars for Bridge, Lightroom, darktable, digiKam and ExifTool.
    Xmp {
        #[command(subcommand)]
        command: XmpCommand,
    },
    /// Label sets: which XMP label text (Bridge "Approved", Lightroom "Red") stands for which colour.
    Label {
        #[command(subcommand)]
        command: LabelCommand,
    },
    /// Library settings: `tessera config set xmp.naming adobe|keep-extension`.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// People: add profiles with a role, list them, change a role, deactivate (admins only).
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The permissions review: `tessera users audit`.
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum LabelCommand {
    /// Every label text and its colour, by set (bridge, lightroom, custom).
    Ls,
    /// From now on NAME stands for COLOUR (red, orange, yellow, green, blue, purple).
    Set { name: String, colour: String },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Every setting with its value.
    Ls,
    /// One setting's value.
    Get { key: String },
    /// Change a setting.
    Set { key: String, value: String },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a profile.
    Add {
        name: String,
        /// admin, brand_manager, reviewer, contributor, publisher or viewer.
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: Option<String>,
    },
    /// Every profile: name, role, e-mail, active, when added and when it last acted.
    Ls,
    /// Change a profile's role (the last active admin stays admin).
    Role { name: String, role: String },
    /// Deactivate a profile: it can no longer act; its open reviews go to --handover; its history stays.
    Deactivate {
        name: String,
        /// Who takes over the open reviews (required when there are some).
        #[arg(long, value_name = "NAME")]
        handover: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Each profile with its role, whether active, what its role allows and when it last acted.
    Audit,
}

#[derive(Debug, Subcommand)]
pub enum StatusCommand {
    /// Move assets to STATE: `tessera status set 12 13 in_review`.
    Set {
        /// Asset ids, then the state.
        #[arg(required = true, num_args = 2..)]
        words: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum VersionCommand {
    /// Add FILE as the new current version of asset ID: `tessera version add 12 poster_v2.png`.
    Add { id: i64, file: std::path::PathBuf },
    /// Every version of asset ID, oldest first (the current one marked).
    Ls { id: i64 },
    /// Make version N of asset ID current again (nothing is deleted).
    Revert { id: i64, number: u32 },
    /// Make asset ID (one file, e.g. what an import offered as a version) the new current version of asset TARGET;
    /// asset ID itself goes.
    Stack {
        id: i64,
        #[arg(long, value_name = "TARGET")]
        onto: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Submit assets (or a whole collection) for review: `tessera review submit 12 13 --due 2027-01-15`.
    Submit {
        ids: Vec<i64>,
        #[arg(long, value_name = "NAME")]
        collection: Option<String>,
        /// The workflow template (default: the library's Default).
        #[arg(long, value_name = "T")]
        template: Option<String>,
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
    },
    /// The reviews waiting for you, soonest due first.
    Queue {
        #[arg(long, default_value_t = 200)]
        limit: u32,
    },
    /// Decide: approve, approve-with-changes, request-changes or reject (the last two need --comment).
    Decide {
        id: i64,
        decision: String,
        #[arg(long, value_name = "TEXT")]
        comment: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CommentCommand {
    /// `tessera comment add 12 "logo too small" --rect 0.1,0.2,0.3,0.2` (0..1 from the top-left).
    Add {
        id: i64,
        text: String,
        #[arg(long, value_name = "X,Y", conflicts_with = "rect")]
        at: Option<String>,
        #[arg(long, value_name = "X,Y,W,H")]
        rect: Option<String>,
        /// Answer comment N.
        #[arg(long, value_name = "N")]
        reply: Option<i64>,
    },
    /// The comments on asset ID.
    Ls { id: i64 },
    /// Mark comment N resolved.
    Resolve { comment: i64 },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain; exit 1 naming the first event changed, inserted or deleted.
    Verify,
    /// The events, oldest first.
    Ls {
        #[command(flatten)]
        filter: AuditFilterArgs,
        #[arg(long)]
        limit: Option<u64>,
    },
    /// Every matching event, as CSV or JSON on stdout.
    Export {
        #[arg(long, value_enum, default_value_t = AuditFormat::Csv)]
        format: AuditFormat,
        #[command(flatten)]
        filter: AuditFilterArgs,
    },
}

#[derive(Debug, Args)]
pub struct AuditFilterArgs {
    /// Events on or after DATE (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS, UTC).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events by NAME.
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,
    /// Events before DATE (YYYY-MM-DD: before that day starts; or YYYY-MM-DDTHH:MM:SS, UTC).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Events of one kind: edit, undo, ingest, transition, override …
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// Events touching asset ID.
    #[arg(long, value_name = "ID")]
    pub asset: Option<i64>,
    /// Newest first.
    #[arg(long)]
    pub newest_first: bool,
}

#[derive(Debug, Subcommand)]
pub enum TrashCommand {
    /// The assets in the trash, most recently trashed first.
    Ls,
    /// Put assets back where they were (tags, fields and collections included).
    Restore {
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
    /// Delete every asset in the trash with its original, for good. Asks first on a terminal; elsewhere needs --yes.
    Empty {
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AuditFormat {
    Csv,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum XmpCommand {
    /// Write a sidecar for each asset (`photo.jpg.xmp`): into DIR with --out, else beside the stored original.
    /// Properties other tools put in an existing sidecar are kept.
    Write {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Take back what another tool changed in a sidecar, merged against what `xmp write` last wrote: keywords
    /// added or removed there are added or removed here; a field changed on both sides keeps ours and is reported
    /// (exit 1). One edit, one undo step.
    Read { id: i64, file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum CollectionCommand {
    /// Add assets to NAME, creating it (and its parents) when missing; with no ids, only create it.
    Add { name: String, ids: Vec<i64> },
    /// Delete the collection and those beneath it (never the assets); --yes when it is not empty.
    Rm {
        name: String,
        #[arg(long)]
        yes: bool,
    },
    /// Take assets out of the collection (they stay in the library).
    Remove {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// The collections as a tree, with counts, kind (manual|smart) and cover.
    Ls,
    /// Put these assets first in the collection's order, in this order (the others follow as they were).
    Order {
        name: String,
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Make one of the collection's assets its cover.
    Cover { name: String, id: i64 },
    /// Rename or move a collection with everything beneath it.
    Rename { old: String, new: String },
    /// Set variables of the collection (KEY=VALUE; KEY= removes one), used by renditions.
    Var {
        name: String,
        #[arg(required = true)]
        assignments: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SmartCommand {
    /// Save QUERY as the smart collection NAME (the query is checked now).
    Add {
        name: String,
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        query: Vec<String>,
    },
    /// The smart collections with their live counts.
    Ls,
    /// Delete a smart collection (the assets are not touched).
    Rm { name: String },
}

#[derive(Debug, Subcommand)]
pub enum TagCommand {
    /// The tag tree with counts (own, and with what is beneath), colours and synonyms (--json: an array).
    Ls,
    /// Rename or move a tag and everything beneath it (`tessera tag rename Sneaker Brand/Product/Sneaker`); the
    /// old paths become synonyms. Onto an existing tag it is refused, unless --merge.
    Rename {
        from: String,
        to: String,
        /// When TO exists, merge FROM into it.
        #[arg(long)]
        merge: bool,
    },
    /// Merge FROM into INTO: its assets, the tags beneath it and its synonyms move to INTO; FROM becomes a synonym.
    Merge { from: String, into: String },
    /// Delete a tag and the tags beneath it from every asset (undo puts them back). Lists the assets and stops,
    /// unless --yes.
    Rm {
        name: String,
        /// Delete even when assets carry it.
        #[arg(long)]
        yes: bool,
    },
    /// Set a tag's colour (#rrggbb or #rgb), or clear it with --clear.
    Colour {
        name: String,
        colour: Option<String>,
        #[arg(long, conflicts_with = "colour")]
        clear: bool,
    },
    /// Make SYNONYM resolve to the tag NAME in searches and edits (`tessera tag synonym Footwear/Sneaker trainer`);
    /// `tessera tag synonym --remove trainer` removes it.
    Synonym {
        /// The tag (omit with --remove).
        #[arg(required_unless_present = "remove")]
        name: Option<String>,
        /// The other name.
        #[arg(required_unless_present = "remove")]
        synonym: Option<String>,
        /// Remove this synonym.
        #[arg(long, value_name = "SYNONYM", conflicts_with_all = ["name", "synonym"])]
        remove: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum FieldCommand {
    /// Define a field: `tessera field add licence_kind --type choice --choices "CC BY,CC0" --required --kinds image`.
    Add {
        name: String,
        /// text, long-text, number, date, url, bool, choice or choices.
        #[arg(long = "type", value_name = "TYPE")]
        kind: String,
        /// Assets of its types must have a value (`missing:required` finds those that do not).
        #[arg(long)]
        required: bool,
        /// The asset types it is for, comma-separated (default: all).
        #[arg(long, value_name = "KINDS")]
        kinds: Option<String>,
        /// The vocabulary of a choice or choices field, comma-separated.
        #[arg(long, value_name = "LIST")]
        choices: Option<String>,
    },
    /// The library's fields (built-in ones first).
    Ls,
    /// Remove a field (refused while assets use it).
    Rm { name: String },
    /// Edit a choice field's vocabulary: `--add x,y` adds, `--retire z` retires (kept on old assets).
    Choices {
        name: String,
        #[arg(long, value_name = "LIST")]
        add: Vec<String>,
        #[arg(long, value_name = "LIST")]
        retire: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// Save a metadata template: `tessera template add "Agency shoot" credit=Agency licence="CC BY"`; or, with
    /// `--file T.toml`, a review workflow template (its stages, reviewers and rules).
    Add {
        name: String,
        #[arg(num_args = 0.., allow_hyphen_values = true, required_unless_present = "file")]
        assignments: Vec<String>,
        /// A review workflow template in TOML: `[[stage]]` tables with name, people or roles, rule, veto, after.
        #[arg(long, value_name = "T.toml")]
        file: Option<std::path::PathBuf>,
    },
    /// The templates with their fields.
    Ls,
    /// Apply a template to assets (one edit, one undo step).
    Apply {
        name: String,
        #[arg(required = true, num_args = 1..)]
        ids: Vec<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WatchCommand {
    /// Watch DIR (recursively) with these rules.
    Add(WatchAddArgs),
    /// The watched folders with their state, counts and last event (--json: an array).
    Ls,
    /// Stop watching a folder (the assets that arrived through it stay).
    Rm { id: i64 },
    /// Pause a folder; files that arrive meanwhile are taken on resume.
    Pause { id: i64 },
    /// Resume a paused folder.
    Resume { id: i64 },
    /// Watch every active folder of the library in the foreground until SIGTERM or SIGINT; one line per event on
    /// stderr.
    Run(WatchRunArgs),
    /// The activity feed, newest first.
    Events {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        /// Only this folder's events.
        #[arg(long, value_name = "ID")]
        folder: Option<i64>,
    },
}

#[derive(Debug, Args)]
pub struct WatchAddArgs {
    pub dir: PathBuf,
    /// What to do with a source file once it is in the library.
    #[arg(long, value_enum, default_value_t = After::Leave)]
    pub after: After,
    /// A tag for every new asset (repeat for several).
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    #[arg(long, value_name = "X")]
    pub credit: Option<String>,
    #[arg(long, value_name = "X")]
    pub creator: Option<String>,
    #[arg(long, value_name = "X")]
    pub rights: Option<String>,
    #[arg(long, value_name = "X")]
    pub campaign: Option<String>,
    /// Record UPLOADER as the uploader of what arrives (default: the `--as` name given here, else whoever runs the
    /// watcher).
    #[arg(long, value_name = "UPLOADER")]
    pub uploader: Option<String>,
    /// A manual collection new assets join (created, and reported, when missing).
    #[arg(long, value_name = "NAME")]
    pub collection: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum After {
    Leave,
    Move,
    Delete,
}

#[derive(Debug, Args)]
pub struct WatchRunArgs {
    /// Ingest a file once it has not changed for this many milliseconds.
    #[arg(long, default_value_t = 2000, value_name = "MS")]
    pub settle_ms: u64,
    /// Walk folders every few seconds instead of using change events (for file systems that send none).
    #[arg(long)]
    pub poll: bool,
    /// How often folders without change events are walked, in milliseconds.
    #[arg(long, default_value_t = 5000, value_name = "MS")]
    pub poll_ms: u64,
    /// How often the folder list is re-read and folders checked, in milliseconds.
    #[arg(long, default_value_t = 2000, value_name = "MS", hide = true)]
    pub refresh_ms: u64,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Make 1024 px previews now instead of on first view.
    #[arg(long)]
    pub previews: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (several words are joined); empty matches every asset.
    #[arg(num_args = 0.., allow_hyphen_values = true)]
    pub query: Vec<String>,
    #[arg(long, value_enum, default_value_t = Sort::Added)]
    pub sort: Sort,
    /// Oldest/smallest/Z first (the default is newest, largest, A first).
    #[arg(long)]
    pub reverse: bool,
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    /// Continue after this cursor (the `next` value of the previous page).
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Sort {
    Added,
    Taken,
    Name,
    Size,
}
