//! Catching up with a folder: at start, on a poll tick, after lost events, and when a folder comes back, walk it and
//! queue every candidate file whose path is not recorded in `file_sources` (or that changed after it was last seen).
//! Ingest's content-hash dedupe guarantees nothing is stored twice, so this only has to be cheap, not exact: a file
//! renamed or moved inside the folder is hashed again and recorded as a duplicate at its new path.

use super::settle::{is_candidate, Snapshot};
use crate::error::Result;
use crate::library::Library;
use std::path::{Path, PathBuf};

/// What a walk found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Files to queue (not yet taken in).
    pub new: Vec<PathBuf>,
    /// Files already taken in.
    pub known: usize,
    /// Parts of the folder that could not be read.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Walks `start` (the watched folder `root`, or a folder inside it that just appeared), not following symbolic
/// links; hidden folders such as `.ingested` are not entered.
pub fn scan(library: &Library, root: &Path, start: &Path) -> Result<Scan> {
    let seen = library.store().sources_under(&start.to_string_lossy())?;
    let mut scan = Scan::default();
    let mut walker = walkdir::WalkDir::new(start).into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                scan.unreadable.push((path, e.to_string()));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        if entry.file_type().is_dir() {
            let name = entry.file_name().to_string_lossy();
            if crate::app::ingest::skip_rules::skip_folder_reason(&name).is_some() {
                walker.skip_current_dir();
            }
            continue;
        }
        if !entry.file_type().is_file() || !is_candidate(root, entry.path()) {
            continue;
        }
        let path = entry.path().to_string_lossy();
        let seen_at = seen.get(path.as_ref()).copied();
        if is_known(seen_at, entry.path()) {
            scan.known += 1;
        } else {
            scan.new.push(entry.into_path());
        }
    }
    Ok(scan)
}

/// A path's content was recorded after the file last changed (whole seconds: `seen_at` is the library clock's).
pub fn is_known(seen_at: Option<i64>, path: &Path) -> bool {
    match (seen_at, Snapshot::of(path)) {
        (Some(seen_at), Some(now)) => now.modified_secs() <= seen_at,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn recorded_paths_are_known_and_hidden_folders_are_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::init(&dir.path().join("t.tessera")).unwrap();
        let ctx = crate::Ctx::new(&library, crate::Actor::named("test"));
        let root = std::fs::canonicalize(dir.path()).unwrap().join("w");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".ingested")).unwrap();
        std::fs::write(root.join("a.txt"), b"alpha").unwrap();
        std::fs::write(root.join("sub/b.txt"), b"beta").unwrap();
        std::fs::write(root.join(".ingested/c.txt"), b"moved away").unwrap();
        std::fs::write(root.join("d.txt.part"), b"in progress").unwrap();
        let first = scan(&library, &root, &root).unwrap();
        assert_eq!(first.new.len(), 2, "a.txt and sub/b.txt; not .ingested/, not the .part file: {:?}", first.new);
        let options = crate::app::ingest::IngestOptions::default();
        crate::app::ingest::ingest(&ctx, &[root.join("a.txt")], &options, &crate::runtime::job::NoProgress).unwrap();
        let second = scan(&library, &root, &root).unwrap();
        assert_eq!(second.new, vec![root.join("sub/b.txt")], "a.txt was taken in");
        assert_eq!(second.known, 1);
    }
}
