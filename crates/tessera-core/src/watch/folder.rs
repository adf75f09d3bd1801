//! Watched folders and their rules: what they are, and adding, listing, removing, pausing, resuming and changing the
//! rules of one. The watcher process ([`super::runner`]) re-reads this list every few seconds, so a change made here
//! by another process (the CLI, the desktop app) takes effect without a restart.
//!
//! To add a rule: add the field to [`WatchRule`], a column in a new migration, read/write it in `store::watch_sql`,
//! and apply it in [`super::rules`].

use crate::error::{Error, Result};
use crate::library::Library;
use crate::tags::normalise;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

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
    /// A collection to add new assets to. Collections do not exist yet, so this is reported as not applicable on
    /// every ingest (never silently skipped).
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
            let tag = normalise(tag)?;
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

/// Starts watching `dir` with `rule`. The folder must exist; it is stored as its canonical path. A folder inside the
/// library, or inside (or around) another watched folder, is refused: its files would arrive twice.
pub fn add(library: &mut Library, dir: &Path, rule: WatchRule) -> Result<WatchedFolder> {
    let rule = rule.normalised()?;
    let path = std::fs::canonicalize(dir).map_err(|e| Error::io("open folder", dir, e))?;
    if !path.is_dir() {
        return Err(Error::InvalidWatchedFolder { path, reason: "not a folder".into() });
    }
    let library_root = std::fs::canonicalize(library.root()).unwrap_or_else(|_| library.root().to_path_buf());
    if path.starts_with(&library_root) {
        return Err(Error::InvalidWatchedFolder { path, reason: "it is inside the library folder".into() });
    }
    for other in library.store().watched_folders()? {
        let other_path = PathBuf::from(&other.path);
        if other_path == path {
            return Err(Error::InvalidWatchedFolder { path, reason: format!("already watched (id {})", other.id) });
        }
        if path.starts_with(&other_path) || other_path.starts_with(&path) {
            let reason = format!("it overlaps watched folder {} ({}); watch one or the other", other.id, other.path);
            return Err(Error::InvalidWatchedFolder { path, reason });
        }
    }
    let now = library.now();
    let id = library.store_mut().insert_watched_folder(&path.to_string_lossy(), &rule, now)?;
    get(library, id)
}

/// Every watched folder, in the order they were added.
pub fn list(library: &Library) -> Result<Vec<WatchedFolder>> {
    library.store().watched_folders()
}

/// One watched folder.
pub fn get(library: &Library, id: WatchedFolderId) -> Result<WatchedFolder> {
    library.store().watched_folder(id)?.ok_or(Error::WatchedFolderNotFound(id.0))
}

/// Stops watching a folder and forgets its activity. Assets that arrived through it stay.
pub fn remove(library: &mut Library, id: WatchedFolderId) -> Result<WatchedFolder> {
    let folder = get(library, id)?;
    library.store_mut().delete_watched_folder(id)?;
    Ok(folder)
}

/// Pauses (files that arrive meanwhile are picked up on resume) or resumes a folder.
pub fn set_state(library: &mut Library, id: WatchedFolderId, state: FolderState) -> Result<WatchedFolder> {
    if !library.store_mut().set_watched_folder_state(id, state)? {
        return Err(Error::WatchedFolderNotFound(id.0));
    }
    get(library, id)
}

/// Replaces a folder's rules (they apply to what arrives from now on).
pub fn update_rule(library: &mut Library, id: WatchedFolderId, rule: WatchRule) -> Result<WatchedFolder> {
    let rule = rule.normalised()?;
    if !library.store_mut().set_watched_folder_rule(id, &rule)? {
        return Err(Error::WatchedFolderNotFound(id.0));
    }
    get(library, id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn add_list_pause_update_remove() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::init(&dir.path().join("t.tessera")).unwrap();
        let shoot = dir.path().join("shoot");
        std::fs::create_dir_all(shoot.join("day1")).unwrap();
        let rule = WatchRule {
            tags: vec![" summer ".into(), "Summer".into()],
            credit: Some("  ".into()),
            ..Default::default()
        };
        let folder = add(&mut library, &shoot, rule).unwrap();
        assert_eq!(folder.rule.tags, vec!["summer"], "tags are trimmed and deduplicated without regard to case");
        assert_eq!(folder.rule.credit, None, "a blank credit is no credit");
        assert_eq!(folder.state, FolderState::Active);
        assert!(add(&mut library, &shoot, WatchRule::default()).is_err(), "a folder is watched once");
        assert!(add(&mut library, &shoot.join("day1"), WatchRule::default()).is_err(), "nested folders overlap");
        assert!(add(&mut library, &dir.path().join("t.tessera"), WatchRule::default()).is_err(), "not the library");
        let paused = set_state(&mut library, folder.id, FolderState::Paused).unwrap();
        assert_eq!(paused.state, FolderState::Paused);
        let rule = WatchRule { after: AfterIngest::Move, creator: Some("Ana".into()), ..Default::default() };
        let updated = update_rule(&mut library, folder.id, rule).unwrap();
        assert_eq!(updated.rule.after, AfterIngest::Move);
        assert_eq!(updated.rule.creator.as_deref(), Some("Ana"));
        assert_eq!(list(&library).unwrap().len(), 1);
        remove(&mut library, folder.id).unwrap();
        assert!(list(&library).unwrap().is_empty());
        assert!(matches!(remove(&mut library, folder.id), Err(Error::WatchedFolderNotFound(_))));
    }
}
