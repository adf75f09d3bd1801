//! The library's error type. Every variant says what went wrong and where; front ends map [`Error::code`] to
//! something a person can act on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{action} {path}: {source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },

    #[error("library database {path}: {source}")]
    Database { path: PathBuf, source: rusqlite::Error },

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
    Query(#[from] crate::search::query::QueryError),

    #[error("invalid tag {0:?}: tags must be non-empty and at most 200 characters")]
    InvalidTag(String),

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
}

/// Stable machine-readable codes for front ends (the UI branches on these; the CLI prints them with --json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Io,
    Database,
    NotALibrary,
    SchemaTooNew,
    NotFound,
    BadQuery,
    BadInput,
    Cancelled,
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Io { .. } => ErrorCode::Io,
            Error::Database { .. } => ErrorCode::Database,
            Error::NotALibrary { .. } => ErrorCode::NotALibrary,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::AssetNotFound(_) | Error::WatchedFolderNotFound(_) => ErrorCode::NotFound,
            Error::Query(_) => ErrorCode::BadQuery,
            Error::InvalidTag(_)
            | Error::InvalidCursor(_)
            | Error::InvalidRating(_)
            | Error::InvalidWatchedFolder { .. }
            | Error::WatcherRunning { .. } => ErrorCode::BadInput,
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }
}

/// An error as front ends receive it: a stable code to branch on and a message to show.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError { code: e.code(), message: e.to_string() }
    }
}
