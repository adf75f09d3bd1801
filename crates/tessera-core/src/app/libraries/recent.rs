//! The recent libraries: `recent-libraries.json` in the front end's settings folder, most recent first, at most
//! [`MAX_RECENT`], one entry per library (by canonical path, so `~/A.tessera` and a symlink to it are one).
//!
//! The file is a convenience, never a reason to fail: a missing, unreadable or damaged file reads as an empty list,
//! and it is replaced atomically (a temporary file in the same folder, then a rename), so a crash or two processes
//! writing at once leave one whole list, never half of one (the later writer wins). A library whose folder is gone
//! (an unplugged drive) stays listed as `missing` until it falls off the end, so it comes back when the drive does.

use crate::error::{Error, Result};
use crate::library::{Library, LibraryPaths};
use std::path::{Path, PathBuf};

/// The file's name in the settings folder.
pub const RECENT_FILE: &str = "recent-libraries.json";
/// Entries kept; older ones fall off.
pub const MAX_RECENT: usize = 12;
/// Bumped when the file's shape changes; a file of another version reads as empty.
const VERSION: u32 = 1;

/// One recent library as the switcher and `tessera libraries` show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct RecentLibrary {
    /// The folder's name without `.tessera`.
    pub name: String,
    pub path: String,
    /// Unix seconds.
    pub last_opened: i64,
    /// The folder (or its `library.db`) is not there now: a moved library or an unplugged drive.
    pub missing: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct RecentFile {
    version: u32,
    libraries: Vec<Entry>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    path: PathBuf,
    last_opened: i64,
}

/// The recent libraries, most recent first (empty when there is no list yet or it cannot be read).
pub fn recent(config_dir: &Path) -> Vec<RecentLibrary> {
    read(config_dir)
        .into_iter()
        .map(|e| RecentLibrary {
            name: Library::name_of(&e.path),
            path: e.path.display().to_string(),
            last_opened: e.last_opened,
            missing: !LibraryPaths::new(&e.path).db.is_file(),
        })
        .collect()
}

/// Puts the library at `root` first, opened at `now`, dropping its older entry and what falls beyond [`MAX_RECENT`].
pub fn record(config_dir: &Path, root: &Path, now: i64) -> Result<()> {
    let path = std::fs::canonicalize(root).map_err(|e| Error::io("find library", root, e))?;
    let mut entries = read(config_dir);
    entries.retain(|e| e.path != path && std::fs::canonicalize(&e.path).ok().as_deref() != Some(path.as_path()));
    entries.insert(0, Entry { path, last_opened: now });
    entries.truncate(MAX_RECENT);
    write(config_dir, &RecentFile { version: VERSION, libraries: entries })
}

fn read(config_dir: &Path) -> Vec<Entry> {
    let Ok(text) = std::fs::read(config_dir.join(RECENT_FILE)) else { return Vec::new() };
    match serde_json::from_slice::<RecentFile>(&text) {
        Ok(file) if file.version == VERSION => {
            let mut entries = file.libraries;
            // Most recent first whatever the file says (it may have been edited by hand).
            entries.sort_by_key(|e| std::cmp::Reverse(e.last_opened));
            entries.truncate(MAX_RECENT);
            entries
        }
        _ => Vec::new(),
    }
}

fn write(config_dir: &Path, file: &RecentFile) -> Result<()> {
    std::fs::create_dir_all(config_dir).map_err(|e| Error::io("create folder", config_dir, e))?;
    let target = config_dir.join(RECENT_FILE);
    // One temporary name per process, so two writers never write into the same temporary file.
    let temp = config_dir.join(format!(".{RECENT_FILE}.{}.tmp", std::process::id()));
    // Paths that are not UTF-8 cannot be JSON strings: serde refuses them, and the list is then not written.
    let bytes = serde_json::to_vec_pretty(file).map_err(|e| Error::io("write", &target, std::io::Error::other(e)))?;
    let written = (|| {
        use std::io::Write;
        let mut out = std::fs::File::create(&temp)?;
        out.write_all(&bytes)?;
        out.sync_all()?;
        std::fs::rename(&temp, &target)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io("write", &target, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library(parent: &Path, name: &str) -> PathBuf {
        let root = parent.join(format!("{name}.tessera"));
        Library::init(&root).expect("init");
        root
    }

    fn names(config: &Path) -> Vec<String> {
        recent(config).into_iter().map(|r| r.name).collect()
    }

    #[test]
    fn no_file_or_a_damaged_one_is_an_empty_list() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        assert!(recent(&config).is_empty(), "no settings folder yet");
        std::fs::create_dir(&config).expect("mkdir");
        for damaged in [&b"{not json"[..], b"", b"[]", b"{\"version\":99,\"libraries\":[]}", &[0xff, 0xfe, 0x00]] {
            std::fs::write(config.join(RECENT_FILE), damaged).expect("write");
            assert!(recent(&config).is_empty(), "{:?} reads as no list", String::from_utf8_lossy(damaged));
        }
        // And recording over a damaged file starts a fresh list.
        let a = library(dir.path(), "A");
        record(&config, &a, 1).expect("record");
        assert_eq!(names(&config), ["A"]);
    }

    #[test]
    fn most_recent_first_once_each_and_at_most_twelve() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        let (a, b) = (library(dir.path(), "A"), library(dir.path(), "B"));
        record(&config, &a, 1).expect("record");
        record(&config, &b, 2).expect("record");
        record(&config, &a, 3).expect("record");
        assert_eq!(names(&config), ["A", "B"], "opening A again moves it to the top instead of listing it twice");
        // The same library through another spelling of its path is still one entry.
        std::os::unix::fs::symlink(&b, dir.path().join("link.tessera")).expect("symlink");
        record(&config, &dir.path().join("link.tessera"), 4).expect("record");
        assert_eq!(names(&config), ["B", "A"], "deduplicated by canonical path");
        assert_eq!(recent(&config)[0].last_opened, 4);

        for i in 0..20 {
            let root = library(dir.path(), &format!("L{i:02}"));
            record(&config, &root, 10 + i).expect("record");
        }
        let list = names(&config);
        assert_eq!(list.len(), MAX_RECENT, "older entries fall off");
        assert_eq!(list[0], "L19");
        assert_eq!(list[MAX_RECENT - 1], "L08");
    }

    #[test]
    fn a_library_whose_folder_is_gone_is_listed_as_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        let (a, b) = (library(dir.path(), "A"), library(dir.path(), "B"));
        record(&config, &a, 1).expect("record");
        record(&config, &b, 2).expect("record");
        std::fs::remove_dir_all(&a).expect("remove A");
        let list = recent(&config);
        assert_eq!(list.len(), 2, "a missing library is not dropped silently");
        assert_eq!((list[1].name.as_str(), list[1].missing), ("A", true));
        assert!(!list[0].missing);
        // Recording another library keeps the missing one (it may come back with its drive).
        record(&config, &b, 3).expect("record");
        assert_eq!(names(&config), ["B", "A"]);
    }

    #[test]
    fn the_list_is_replaced_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        let a = library(dir.path(), "A");
        record(&config, &a, 1).expect("record");
        let files: Vec<_> = std::fs::read_dir(&config).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(files, [std::ffi::OsString::from(RECENT_FILE)], "only the list is left in the folder");
        let text = std::fs::read_to_string(config.join(RECENT_FILE)).expect("read");
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("the file is whole JSON");
        assert_eq!(parsed["version"], 1);
    }
}
