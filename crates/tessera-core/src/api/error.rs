//! Errors as front ends receive them: a stable code to branch on, the field an invalid input was in, and a message
//! to show.

use crate::error::Error;

/// Stable machine-readable codes (the UI branches on these; the CLI prints them with --json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Io,
    Database,
    NotALibrary,
    SchemaTooNew,
    NotFound,
    BadQuery,
    /// A value was refused; `ApiError::field` names where it was.
    InvalidInput,
    /// The action clashes with the library's state (another watcher runs, a name is taken).
    Conflict,
    /// Something else holds what this needs (another import runs, the database stayed locked); try again.
    Busy,
    /// The actor may not do this.
    Forbidden,
    /// A part the action needs cannot be reached (a drive, a server).
    Unavailable,
    /// The disk holding the library is full.
    StorageFull,
    Cancelled,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        if self.is_storage_full() {
            return ErrorCode::StorageFull;
        }
        if self.is_busy() {
            return ErrorCode::Busy;
        }
        match self {
            Error::Io { .. } | Error::OpenerFailed { .. } => ErrorCode::Io,
            Error::Database { .. } => ErrorCode::Database,
            Error::DiskFull { .. } => ErrorCode::StorageFull,
            Error::NotALibrary { .. } => ErrorCode::NotALibrary,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::AssetNotFound(_)
            | Error::OriginalMissing { .. }
            | Error::TagNotFound(_)
            | Error::WatchedFolderNotFound(_)
            | Error::NothingToUndo(_)
            | Error::TemplateNotFound(_)
            | Error::ReviewTemplateNotFound(_)
            | Error::NoOpenReview(_)
            | Error::ProfileNotFound { .. }
            | Error::NoSuchVersion { .. } => ErrorCode::NotFound,
            Error::CorruptEditLog { .. } => ErrorCode::Database,
            Error::Denied { .. } | Error::ActingRefused(_) => ErrorCode::Forbidden,
            Error::Query(_) => ErrorCode::BadQuery,
            Error::InvalidTag { .. }
            | Error::InvalidColour(_)
            | Error::InvalidCursor(_)
            | Error::InvalidRating(_)
            | Error::InvalidWatchedFolder { .. }
            | Error::InvalidLibraryName { .. }
            | Error::InvalidLibraryLocation { .. }
            | Error::LibraryFolderTaken { .. }
            | Error::InvalidFieldValue { .. }
            | Error::InvalidFieldName { .. }
            | Error::InvalidFieldDefinition { .. }
            | Error::UnknownField(_)
            | Error::InvalidCollectionName { .. }
            | Error::InvalidCollectionVariable { .. }
            | Error::NotInCollection { .. }
            | Error::NeedsConfirmation { .. }
            | Error::InvalidTemplate { .. }
            | Error::InvalidComment(_)
            | Error::UnknownStatus(_)
            | Error::InvalidProfile { .. }
            | Error::UnknownRole(_)
            | Error::VersionRefused { .. } => ErrorCode::InvalidInput,
            Error::CollectionNotFound(_) => ErrorCode::NotFound,
            Error::SmartCollectionLoop { .. } => ErrorCode::BadQuery,
            Error::WatcherRunning { .. }
            | Error::TagConflict { .. }
            | Error::TagInUse { .. }
            | Error::FieldExists(_)
            | Error::FieldInUse { .. }
            | Error::TemplateExists(_)
            | Error::CollectionExists(_)
            | Error::CollectionNotEmpty { .. }
            | Error::SmartCollectionMembers(_)
            | Error::NotSmartCollection { .. }
            | Error::CollectionIntoItself { .. }
            | Error::XmpSidecarUnreadable { .. }
            | Error::XmpNameClash { .. }
            | Error::Transition { .. }
            | Error::NotReleasable { .. }
            | Error::VersionIsDuplicate { .. }
            | Error::ReviewTemplateExists(_)
            | Error::ProfileExists(_)
            | Error::PeopleRefused(_)
            | Error::ReviewRefused(_) => ErrorCode::Conflict,
            Error::Busy(_) => ErrorCode::Busy,
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    /// The input field an invalid value came from.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidTag { .. } | Error::TagConflict { .. } | Error::TagInUse { .. } => Some("tag"),
            Error::InvalidColour(_) => Some("colour"),
            Error::Transition { .. } | Error::UnknownStatus(_) | Error::NotReleasable { .. } => Some("status"),
            Error::VersionRefused { .. } | Error::VersionIsDuplicate { .. } => Some("file"),
            Error::NoSuchVersion { .. } => Some("version"),
            Error::InvalidTemplate { .. } | Error::ReviewTemplateNotFound(_) | Error::ReviewTemplateExists(_) => {
                Some("template")
            }
            Error::InvalidComment(_) => Some("comment"),
            Error::InvalidFieldValue { field, .. } | Error::InvalidFieldDefinition { field, .. } => Some(field),
            Error::UnknownField(name) | Error::FieldInUse { name, .. } | Error::FieldExists(name) => Some(name),
            Error::InvalidFieldName { .. } => Some("name"),
            Error::TemplateNotFound(_) | Error::TemplateExists(_) => Some("template"),
            Error::InvalidRating(_) => Some("rating"),
            Error::NeedsConfirmation { .. } => Some("yes"),
            Error::InvalidCursor(_) => Some("cursor"),
            Error::InvalidWatchedFolder { .. } => Some("path"),
            Error::Query(_) => Some("query"),
            Error::InvalidLibraryName { .. } | Error::LibraryFolderTaken { .. } => Some("name"),
            Error::InvalidLibraryLocation { .. } => Some("parent"),
            Error::InvalidCollectionName { .. } | Error::CollectionExists(_) => Some("collection"),
            Error::InvalidCollectionVariable { .. } => Some("variable"),
            Error::NotInCollection { .. } => Some("asset"),
            Error::SmartCollectionLoop { .. } => Some("query"),
            Error::XmpSidecarUnreadable { .. } | Error::XmpNameClash { .. } => Some("sidecar"),
            Error::InvalidProfile { field, .. } => Some(field),
            Error::UnknownRole(_) => Some("role"),
            Error::ProfileNotFound { .. } | Error::ProfileExists(_) => Some("name"),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// For `invalid_input` (and `bad_query`): which input was refused.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError { code: e.code(), message: e.to_string(), field: e.field().map(str::to_string) }
    }
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into(), field: None }
    }
}
