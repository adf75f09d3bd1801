//! The activity feed of watched folders: what arrived, what was a duplicate, what failed and why, rules that could
//! not apply, and folder warnings. The watcher writes it (bounded to the newest [`FEED_LIMIT`] events); the CLI
//! (`tessera watch events`) and the desktop panel read it.

use super::folder::WatchedFolderId;
use crate::domain::AssetId;
use crate::error::Result;
use crate::library::Library;
use serde::{Deserialize, Serialize};

/// The feed keeps this many of the newest events.
pub const FEED_LIMIT: i64 = 10_000;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum WatchEventKind {
    /// A file became a new asset.
    Ingested,
    /// A file whose exact content is already in the library (its path is recorded; nothing is stored twice).
    Duplicate,
    /// A file that could not be ingested (the reason is in `detail`); it is retried when it changes.
    Failed,
    /// A file that was not ingested on purpose (it disappeared before it could be read…).
    Skipped,
    /// A rule that could not apply, or what a source rule did.
    Rule,
    /// The folder is watched in a degraded way (polling), or came back.
    Warning,
    /// The folder cannot be watched at all right now (missing, unreadable).
    Error,
}

impl WatchEventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WatchEventKind::Ingested => "ingested",
            WatchEventKind::Duplicate => "duplicate",
            WatchEventKind::Failed => "failed",
            WatchEventKind::Skipped => "skipped",
            WatchEventKind::Rule => "rule",
            WatchEventKind::Warning => "warning",
            WatchEventKind::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<WatchEventKind> {
        use WatchEventKind::*;
        [Ingested, Duplicate, Failed, Skipped, Rule, Warning, Error].into_iter().find(|v| v.as_str() == s)
    }

    /// Counted in the folder's `errors`.
    pub fn is_error(self) -> bool {
        matches!(self, WatchEventKind::Failed | WatchEventKind::Error)
    }
}

/// One entry of the activity feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct WatchEvent {
    pub id: i64,
    pub folder_id: WatchedFolderId,
    /// Unix seconds.
    pub at: i64,
    pub kind: WatchEventKind,
    pub path: Option<String>,
    pub asset_id: Option<AssetId>,
    pub detail: String,
}

/// The newest `limit` events, newest first (of one folder, or of all).
pub fn recent(library: &Library, folder: Option<WatchedFolderId>, limit: u32) -> Result<Vec<WatchEvent>> {
    library.store().watch_events(folder, limit)
}
