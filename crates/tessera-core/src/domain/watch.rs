//! Watched folders as data: the folder, its rules, what the watcher reports, and the activity feed's events.
//! The use cases are in `app::watch`; the store reads and writes these.

use super::tag::normalise_tag;
use super::AssetId;
use crate::error::Result;
use serde::{Deserialize, Serialize};

/// A watched folder's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
pub struct WatchedFolderId(pub i64);

impl std::fmt::Display for WatchedFolderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether a folder is being watched (as configured; see [`WatchStatus`] for what the watcher is doing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum FolderState {
    Active,
    Paused,
}

impl FolderState {
    pub fn as_str(self) -> &'static str {
        match self {
            FolderState::Active => "active",
            FolderState::Paused => "paused",
        }
    }

    pub fn parse(s: &str) -> Option<FolderState> {
        [FolderState::Active, FolderState::Paused].into_iter().find(|v| v.as_str() == s)
    }
}

/// What happens to a source file once its content is safely in the library (ingested, or found to be an exact
/// duplicate). Files that failed are always left where they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum AfterIngest {
    /// Leave the file where it is.
    #[default]
    Leave,
    /// Move it to `<folder>/.ingested/<relative path>` (hidden folders are never watched).
    Move,
    /// Delete it.
    Delete,
}

impl AfterIngest {
    pub fn as_str(self) -> &'static str {
        match self {
            AfterIngest::Leave => "leave",
            AfterIngest::Move => "move",
            AfterIngest::Delete => "delete",
        }
    }

    pub fn parse(s: &str) -> Option<AfterIngest> {
        [AfterIngest::Leave, AfterIngest::Move, AfterIngest::Delete].into_iter().find(|v| v.as_str() == s)
    }
}

/// The rules applied to what arrives through a watched folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct WatchRule {
    pub after: AfterIngest,
    /// Tags added to every new asset.
    #[serde(default)]
    pub tags: Vec<String>,
    pub credit: Option<String>,
    /// Set on every new asset (replacing what the file's own metadata said).
    pub creator: Option<String>,
    pub rights: Option<String>,
    pub campaign: Option<String>,
    /// Recorded as the uploader; default: whoever runs the watcher.
    pub uploader: Option<String>,
    /// A manual collection new assets join, in the ingest's transaction. A missing one is created (and reported);
    /// one that cannot be used (a smart collection, a bad name) is reported on every ingest, never silently skipped.
    pub collection: Option<String>,
}

impl WatchRule {
    /// Trims text fields (empty means unset) and checks the tag names.
    pub fn normalised(mut self) -> Result<WatchRule> {
        let clean = |v: &mut Option<String>| *v = v.take().map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        for field in [
            &mut self.credit,
            &mut self.creator,
            &mut self.rights,
            &mut self.campaign,
            &mut self.uploader,
            &mut self.collection,
        ] {
            clean(field);
        }
        let mut tags: Vec<String> = Vec::new();
        for tag in &self.tags {
            let tag = normalise_tag(tag)?;
            if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
        self.tags = tags;
        Ok(self)
    }
}

/// What the watcher process last reported for a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum WatchStatus {
    /// File system events arrive.
    Watching,
    /// No events (watch limit, network share, setup error): the folder is walked every few seconds.
    Polling,
    /// Walking the folder for files that arrived while nobody watched.
    Scanning,
    /// The folder is missing or unreadable; watching resumes when it is back.
    Unavailable,
}

impl WatchStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            WatchStatus::Watching => "watching",
            WatchStatus::Polling => "polling",
            WatchStatus::Scanning => "scanning",
            WatchStatus::Unavailable => "unavailable",
        }
    }

    pub fn parse(s: &str) -> Option<WatchStatus> {
        [WatchStatus::Watching, WatchStatus::Polling, WatchStatus::Scanning, WatchStatus::Unavailable]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A watched folder with its rules, counts and last event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct WatchedFolder {
    pub id: WatchedFolderId,
    pub path: String,
    pub state: FolderState,
    #[serde(flatten)]
    pub rule: WatchRule,
    pub created_at: i64,
    /// Files that became new assets through this folder.
    pub ingested: u64,
    /// Files that failed, and folder errors.
    pub errors: u64,
    pub last_event_at: Option<i64>,
    pub last_event: Option<String>,
    pub last_error: Option<String>,
    /// What a running watcher last said; None when no watcher runs.
    pub status: Option<WatchStatus>,
    pub status_detail: Option<String>,
    pub status_at: Option<i64>,
}

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

/// An event to add to the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewWatchEvent {
    pub folder: WatchedFolderId,
    pub kind: WatchEventKind,
    pub path: Option<String>,
    pub asset: Option<AssetId>,
    pub detail: String,
}
