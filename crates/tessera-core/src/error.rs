//! The library's error type. Every variant says what went wrong and where; `api::ErrorCode` is what front ends
//! branch on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{action} {path}: {source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },

    #[error("library database {path}: {source}")]
    Database { path: PathBuf, source: rusqlite::Error },

    #[error("the library's disk is full (at {path}): free some space and try again ({source})")]
    DiskFull { path: PathBuf, source: rusqlite::Error },

    #[error("{path} is not a Tessera library (no library.db); create one with `tessera init`")]
    NotALibrary { path: PathBuf },

    #[error(
        "library {path} was made by a newer Tessera (schema {found}, this build knows up to {supported}); \
         update Tessera to open it"
    )]
    SchemaTooNew { path: PathBuf, found: i64, supported: i64 },

    #[error("no asset with id {0}")]
    AssetNotFound(i64),

    #[error(transparent)]
    Query(#[from] crate::domain::query::QueryError),

    #[error("invalid tag {name:?}: {reason}")]
    InvalidTag { name: String, reason: String },

    #[error("invalid colour {0:?}: give it as #rrggbb or #rgb")]
    InvalidColour(String),

    #[error("no tag {0:?}; `tessera tag ls` lists them")]
    TagNotFound(String),

    #[error("tag {tag:?} is on {assets} asset(s); confirm to take it off them (`tessera tag rm {tag:?} --yes`)")]
    TagInUse { tag: String, assets: u64 },

    #[error("cannot {action} tag {from:?} to {to:?}: {reason}")]
    TagConflict { action: &'static str, from: String, to: String, reason: String },

    /// A lifecycle move the transition table does not allow (`domain::lifecycle::ALLOWED`).
    #[error("{reason}")]
    Transition { from: &'static str, to: &'static str, reason: String },

    /// An asset that may not leave the library (export, drag out, publish): only approved or published, unexpired
    /// assets may, unless someone overrides with a reason (recorded in the audit trail).
    #[error("asset {id} may not leave the library: {reason}")]
    NotReleasable { id: i64, reason: String },

    /// An unknown lifecycle state name.
    #[error(
        "unknown status {0:?}: draft, in_review, approved, changes_requested, rejected, published, archived or expired"
    )]
    UnknownStatus(String),

    #[error("invalid rating {0}: ratings go from 0 to 5")]
    InvalidRating(u8),

    #[error("invalid cursor {0:?}: pass the `next` value of a previous page unchanged")]
    InvalidCursor(String),

    #[error("the operation was cancelled")]
    Cancelled,

    #[error("no watched folder with id {0}; `tessera watch ls` lists them")]
    WatchedFolderNotFound(i64),

    #[error("cannot watch {path}: {reason}")]
    InvalidWatchedFolder { path: PathBuf, reason: String },

    #[error("another watcher already runs on library {path}; stop it first (only one process watches a library)")]
    WatcherRunning { path: PathBuf },

    #[error("{0}")]
    Busy(String),

    #[error("the original of asset {id} is missing at {path}; `tessera verify` checks the library")]
    OriginalMissing { id: i64, path: PathBuf },

    #[error("could not run {program:?} to {action}: {reason}")]
    OpenerFailed { program: String, action: &'static str, reason: String },

    #[error("{what} cannot be undone; confirm with {flag} (asked only on a terminal)")]
    NeedsConfirmation { what: String, flag: &'static str },

    #[error("nothing to undo: {0} has no edit that is not undone yet")]
    NothingToUndo(String),

    #[error("invalid library name {name:?}: {reason}")]
    InvalidLibraryName { name: String, reason: &'static str },

    #[error("cannot create a library in {path}: {reason}")]
    InvalidLibraryLocation { path: PathBuf, reason: &'static str },

    #[error(
        "{path} {}",
        if *.is_library { "is already a library: open it instead" } else { "already exists and is not empty: choose another name" }
    )]
    LibraryFolderTaken { path: PathBuf, is_library: bool },

    #[error("invalid {field} {value:?}: {reason}")]
    InvalidFieldValue { field: String, value: String, reason: String },

    #[error("invalid field name {name:?}: {reason}")]
    InvalidFieldName { name: String, reason: String },

    #[error("no field named {0:?}; `tessera field ls` lists the library's fields")]
    UnknownField(String),

    #[error("a field named {0:?} already exists")]
    FieldExists(String),

    #[error("field {name:?} is used by {assets} asset(s); clear it on them first (`tessera set ID... {name}=`)")]
    FieldInUse { name: String, assets: u64 },

    #[error("field {field:?}: {reason}")]
    InvalidFieldDefinition { field: String, reason: String },

    #[error("cannot add {path} as a new version of asset {asset}: {reason}")]
    VersionRefused { asset: i64, path: PathBuf, reason: String },

    #[error("{path} is already in the library as asset {existing}: a new version must be new content")]
    VersionIsDuplicate { path: PathBuf, existing: i64 },

    #[error("asset {asset} has no version {number}: it has {count} (`tessera version ls {asset}` lists them)")]
    NoSuchVersion { asset: i64, number: u32, count: u32 },

    #[error("no template named {0:?}; `tessera template ls` lists them")]
    TemplateNotFound(String),

    #[error("review template {name:?}: {reason}")]
    InvalidTemplate { name: String, reason: String },

    #[error("no review template named {0:?}; `tessera template ls` lists them")]
    ReviewTemplateNotFound(String),

    #[error("a review template named {0:?} exists already")]
    ReviewTemplateExists(String),

    /// A review action that cannot be taken as asked: not a reviewer, a stage closed, already in review.
    #[error("{0}")]
    ReviewRefused(String),

    #[error("asset {0} has no open review; `tessera review submit {0}` starts one")]
    NoOpenReview(i64),

    #[error("{0}")]
    InvalidComment(String),

    #[error("a template named {0:?} already exists")]
    TemplateExists(String),
    #[error("invalid collection name {name:?}: {reason}")]
    InvalidCollectionName { name: String, reason: &'static str },

    #[error("no collection {0:?}; `tessera collection ls` lists them")]
    CollectionNotFound(String),

    #[error("a collection {0:?} already exists")]
    CollectionExists(String),

    #[error("collection {name:?} is not empty ({assets} assets, {children} collections beneath it); pass --yes to delete it (the assets stay)")]
    CollectionNotEmpty { name: String, assets: u64, children: u64 },

    #[error("{0:?} is a smart collection: its assets are what its query matches, they cannot be added, removed or ordered by hand")]
    SmartCollectionMembers(String),

    #[error("{name:?} is a manual collection, not a smart one")]
    NotSmartCollection { name: String },

    #[error("cannot move collection {from:?} into itself ({to:?})")]
    CollectionIntoItself { from: String, to: String },

    #[error(
        "asset {asset} is not in collection {collection:?} (a cover or a reordered asset must be one of its assets)"
    )]
    NotInCollection { collection: String, asset: i64 },

    #[error("invalid collection variable {key:?}: {reason}")]
    InvalidCollectionVariable { key: String, reason: &'static str },

    #[error("smart collection {chain} refers back to itself; change one of their queries")]
    SmartCollectionLoop { chain: String },

    #[error("XMP sidecar {path}: {reason}; it was left as it is")]
    XmpSidecarUnreadable { path: PathBuf, reason: String },

    #[error("{actor} ({role}) may not {action}: needs role {}", crate::domain::permission::roles_phrase(.needs))]
    Denied { actor: String, role: crate::domain::Role, action: crate::domain::Action, needs: Vec<crate::domain::Role> },

    #[error(
        "{first} and {second} would both write the sidecar {sidecar} (xmp.naming is adobe); write them into \
         separate folders, or set xmp.naming keep-extension"
    )]
    XmpNameClash { first: String, second: String, sidecar: PathBuf },
    /// Who is acting could not be settled: an unknown or deactivated `--as`, or an OS user with no profile in a
    /// library of several. The message says why and what to do.
    #[error("{0}")]
    ActingRefused(String),

    #[error("no profile named {name:?}; the library's profiles: {known}")]
    ProfileNotFound { name: String, known: String },

    #[error("a profile named {0:?} exists already (names are compared without case)")]
    ProfileExists(String),

    #[error("invalid {field} {value:?}: {reason}")]
    InvalidProfile { field: &'static str, value: String, reason: &'static str },

    #[error("unknown role {0:?}: admin, brand_manager, reviewer, contributor, publisher or viewer")]
    UnknownRole(String),

    /// A change to people the library refuses as asked: the last active admin, open reviews with no one to take them.
    #[error("{0}")]
    PeopleRefused(String),

    #[error("the edit log is damaged: entry {edit} records a change of {field:?}, which this build cannot undo")]
    CorruptEditLog { edit: i64, field: String },
}

impl Error {
    /// A SQLite error on the database at `path`: [`Error::DiskFull`] when SQLite says so, or when its I/O error
    /// came from a disk with no room left (it calls a full disk under its index or log a plain "disk I/O error").
    pub(crate) fn database(path: impl Into<PathBuf>, source: rusqlite::Error) -> Self {
        let path = path.into();
        let code = match &source {
            rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
            _ => None,
        };
        let full = match code {
            Some(rusqlite::ErrorCode::DiskFull) => true,
            Some(rusqlite::ErrorCode::SystemIoFailure) => crate::runtime::disk_space::full_beside(&path),
            _ => false,
        };
        if full {
            Error::DiskFull { path, source }
        } else {
            Error::Database { path, source }
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// The disk (or the quota) holding the library is full: from the OS's error kind, or SQLite's SQLITE_FULL.
    pub fn is_storage_full(&self) -> bool {
        match self {
            Error::Io { source, .. } => source.kind() == std::io::ErrorKind::StorageFull,
            Error::DiskFull { .. } => true,
            Error::Database { source: rusqlite::Error::SqliteFailure(f, _), .. } => {
                f.code == rusqlite::ErrorCode::DiskFull
            }
            _ => false,
        }
    }

    /// Another connection held the database for longer than the busy timeout.
    /// An action the library refused on purpose (the actor's role does not allow it, the lifecycle does not allow
    /// the move, the asset may not leave): scripts tell these from failures by the CLI's exit code 3.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            Error::Denied { .. }
                | Error::Transition { .. }
                | Error::NotReleasable { .. }
                | Error::ReviewRefused(_)
                | Error::ActingRefused(_)
                | Error::PeopleRefused(_)
        )
    }

    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            Error::Database { source: rusqlite::Error::SqliteFailure(f, _), .. }
                if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }
}
