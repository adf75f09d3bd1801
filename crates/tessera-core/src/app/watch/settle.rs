//! Waiting for files to be complete. A candidate is ready once its size and modification time have not changed for
//! the settle time; one that disappears is dropped. Names that mark work in progress (`.part`, `.crdownload`,
//! `.tmp`, `~$…`, hidden files; see [`crate::app::ingest::skip_rules`]) are never candidates: the rename to the final name
//! makes them one. Knows nothing of the database; time is passed in, so tests need no sleeping.

use crate::app::ingest::skip_rules::{skip_folder_reason, skip_reason};
use crate::domain::watch::WatchedFolderId;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// What a file looked like when last checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub size: u64,
    pub modified: Option<SystemTime>,
}

impl Snapshot {
    /// The file's current size and modification time, if it is a regular file.
    pub fn of(path: &Path) -> Option<Snapshot> {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file().then(|| Snapshot { size: meta.len(), modified: meta.modified().ok() })
    }

    /// Modification time in whole unix seconds (what `file_sources.seen_at` is compared with).
    pub fn modified_secs(&self) -> i64 {
        self.modified
            .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

/// A file that has stopped changing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    pub folder: WatchedFolderId,
    pub path: PathBuf,
    pub snapshot: Snapshot,
}

#[derive(Debug)]
struct Pending {
    folder: WatchedFolderId,
    snapshot: Option<Snapshot>,
    stable_since: Instant,
    /// The writer closed the file and nothing changed since: it only needs to stay unchanged for `closed_settle`.
    closed: bool,
}

/// Files waiting to stop changing.
#[derive(Debug)]
pub struct Settler {
    settle: Duration,
    /// The wait after a writer closed the file: a quarter of `settle`, at least 200 ms, at most `settle`. Copies
    /// (cp, Finder, rsync) close once at the end; a writer that pauses without closing still gets the full settle.
    closed_settle: Duration,
    pending: HashMap<PathBuf, Pending>,
}

/// Whether `path` (inside the watched folder `root`) can become an asset: no hidden or temporary name, no hidden
/// folder (such as `.ingested`) or nested library on the way.
pub fn is_candidate(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else { return false };
    let mut parts = relative.iter().peekable();
    while let Some(part) = parts.next() {
        let name = part.to_string_lossy();
        let skipped = if parts.peek().is_some() { skip_folder_reason(&name) } else { skip_reason(&name) };
        if skipped.is_some() {
            return false;
        }
    }
    !relative.as_os_str().is_empty()
}

impl Settler {
    pub fn new(settle: Duration) -> Settler {
        let closed_settle = (settle / 4).max(Duration::from_millis(200)).min(settle);
        Settler { settle, closed_settle, pending: HashMap::new() }
    }

    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Something happened to `path`: (re)start its settle time.
    pub fn touch(&mut self, folder: WatchedFolderId, path: PathBuf, now: Instant) {
        let snapshot = Snapshot::of(&path);
        self.pending.insert(path, Pending { folder, snapshot, stable_since: now, closed: false });
    }

    /// A writer closed `path`: it becomes ready once unchanged for the shorter closed-file settle time.
    pub fn closed(&mut self, folder: WatchedFolderId, path: PathBuf, now: Instant) {
        let snapshot = Snapshot::of(&path);
        self.pending.insert(path, Pending { folder, snapshot, stable_since: now, closed: true });
    }

    /// `path` was found by a walk: start its settle time unless it is already waiting.
    pub fn offer(&mut self, folder: WatchedFolderId, path: PathBuf, now: Instant) {
        if !self.pending.contains_key(&path) {
            self.touch(folder, path, now);
        }
    }

    /// `path` went away (a file, or a folder and everything under it).
    pub fn forget(&mut self, path: &Path) {
        if self.pending.remove(path).is_none() {
            self.pending.retain(|p, _| !p.starts_with(path));
        }
    }

    /// Forgets everything waiting in a folder (paused, removed, unavailable).
    pub fn forget_folder(&mut self, folder: WatchedFolderId) {
        self.pending.retain(|_, p| p.folder != folder);
    }

    /// Checks every waiting file; returns (and stops tracking) those unchanged for the settle time. Files that are
    /// gone are dropped; files that changed start again.
    pub fn take_ready(&mut self, now: Instant) -> Vec<Ready> {
        let mut ready = Vec::new();
        let (settle, closed_settle) = (self.settle, self.closed_settle);
        self.pending.retain(|path, pending| {
            let Some(current) = Snapshot::of(path) else { return false };
            if pending.snapshot != Some(current) {
                pending.snapshot = Some(current);
                pending.stable_since = now;
                pending.closed = false;
                return true;
            }
            let wait = if pending.closed { closed_settle } else { settle };
            if now.duration_since(pending.stable_since) >= wait {
                ready.push(Ready { folder: pending.folder, path: path.clone(), snapshot: current });
                return false;
            }
            true
        });
        ready.sort_by(|a, b| a.path.cmp(&b.path));
        ready
    }

    /// When the next file could become ready (to sleep until then).
    pub fn next_due(&self) -> Option<Instant> {
        self.pending.values().map(|p| p.stable_since + if p.closed { self.closed_settle } else { self.settle }).min()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use std::io::Write;

    #[test]
    fn a_file_is_ready_only_after_it_stops_changing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jpg");
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(b"first chunk").unwrap();
        let folder = WatchedFolderId(1);
        let mut settler = Settler::new(Duration::from_millis(300));
        let t0 = Instant::now();
        settler.touch(folder, path.clone(), t0);
        assert!(settler.take_ready(t0 + Duration::from_millis(100)).is_empty(), "too soon");
        file.write_all(b", second chunk").unwrap();
        file.flush().unwrap();
        assert!(settler.take_ready(t0 + Duration::from_millis(350)).is_empty(), "it grew, so the wait starts again");
        assert!(settler.take_ready(t0 + Duration::from_millis(500)).is_empty(), "150 ms since it last changed");
        let ready = settler.take_ready(t0 + Duration::from_millis(700));
        assert_eq!(ready.len(), 1, "unchanged for 350 ms");
        assert_eq!(ready[0].snapshot.size, 25);
        assert!(settler.is_empty(), "a ready file is no longer tracked");
    }

    #[test]
    fn a_closed_file_needs_only_the_shorter_wait_until_it_changes_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copied.jpg");
        std::fs::write(&path, b"all of it").unwrap();
        let folder = WatchedFolderId(1);
        let mut settler = Settler::new(Duration::from_millis(2000));
        let t0 = Instant::now();
        settler.closed(folder, path.clone(), t0);
        assert!(settler.take_ready(t0 + Duration::from_millis(400)).is_empty(), "a quarter of 2 s is 500 ms");
        assert_eq!(settler.take_ready(t0 + Duration::from_millis(600)).len(), 1, "closed and unchanged for 500 ms");
        settler.closed(folder, path.clone(), t0);
        std::fs::write(&path, b"reopened and grown").unwrap();
        assert!(settler.take_ready(t0 + Duration::from_millis(600)).is_empty(), "it changed after closing");
        assert!(
            settler.take_ready(t0 + Duration::from_millis(1500)).is_empty(),
            "a change after the close means the full settle time again"
        );
        assert_eq!(settler.take_ready(t0 + Duration::from_millis(2700)).len(), 1);
    }

    #[test]
    fn a_file_that_disappears_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.jpg");
        std::fs::write(&path, b"x").unwrap();
        let mut settler = Settler::new(Duration::from_millis(10));
        let t0 = Instant::now();
        settler.touch(WatchedFolderId(1), path.clone(), t0);
        std::fs::remove_file(&path).unwrap();
        assert!(settler.take_ready(t0 + Duration::from_secs(1)).is_empty());
        assert!(settler.is_empty());
    }

    #[test]
    fn temporary_and_hidden_names_are_not_candidates() {
        let root = Path::new("/w");
        assert!(is_candidate(root, Path::new("/w/shoot/a.jpg")));
        for path in ["/w/a.jpg.part", "/w/x.crdownload", "/w/~$doc.docx", "/w/.hidden.jpg", "/w/.ingested/a.jpg"] {
            assert!(!is_candidate(root, Path::new(path)), "{path} must wait or be ignored");
        }
        assert!(!is_candidate(root, Path::new("/elsewhere/a.jpg")), "outside the folder");
        assert!(!is_candidate(root, root), "the folder itself");
    }
}
