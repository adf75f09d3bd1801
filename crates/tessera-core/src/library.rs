//! A library is a folder: `library.db` (SQLite), `originals/` (content-addressed by BLAKE3) and `cache/` (thumbnails
//! and previews, always safe to delete). [`Library`] is the handle every front end holds.

use crate::error::{Error, Result};
use crate::runtime::{Clock, SystemClock};
use crate::store::{ChangeProbe, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a library keeps its parts.
#[derive(Debug, Clone)]
pub struct LibraryPaths {
    pub root: PathBuf,
    pub db: PathBuf,
    pub originals: PathBuf,
    pub cache: PathBuf,
}

impl LibraryPaths {
    pub fn new(root: &Path) -> LibraryPaths {
        LibraryPaths {
            root: root.to_path_buf(),
            db: root.join("library.db"),
            originals: root.join("originals"),
            cache: root.join("cache"),
        }
    }

    /// Temporary copies of originals being ingested (same file system as `originals/`, so renames are atomic).
    pub fn incoming(&self) -> PathBuf {
        self.originals.join(".incoming")
    }
}

/// An open library. Shareable between threads (`Sync`): reads run on a pool of connections, writes take turns on
/// one writer, so a front end keeps one handle for everything (the desktop app's commands, its thumbnail protocol,
/// an import, the watcher).
pub struct Library {
    paths: LibraryPaths,
    store: Store,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("root", &self.paths.root).finish()
    }
}

impl Library {
    /// Creates a library at `root` (or opens it if it already is one).
    pub fn init(root: &Path) -> Result<Library> {
        let paths = LibraryPaths::new(root);
        for dir in [&paths.root, &paths.originals, &paths.cache] {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
        }
        let store = Store::open(&paths.db, true)?;
        Ok(Library { paths, store, clock: Arc::new(SystemClock) })
    }

    /// Opens an existing library; refuses a folder that is not one, or one made by a newer Tessera.
    pub fn open(root: &Path) -> Result<Library> {
        let paths = LibraryPaths::new(root);
        if !paths.db.is_file() {
            return Err(Error::NotALibrary { path: root.to_path_buf() });
        }
        let store = Store::open(&paths.db, false)?;
        for dir in [&paths.originals, &paths.cache] {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
        }
        Ok(Library { paths, store, clock: Arc::new(SystemClock) })
    }

    /// Opens the library at `root`, creating it first when the folder does not hold one yet (the default library).
    pub fn open_or_init(root: &Path) -> Result<Library> {
        if LibraryPaths::new(root).db.is_file() {
            Library::open(root)
        } else {
            Library::init(root)
        }
    }

    /// For long-running processes (the app, the watcher): reads go through SQLite's bounded page cache instead of a
    /// memory map that grows towards the database's size (see [`Store::set_mapped_reads`]).
    pub fn for_long_running(self) -> Result<Library> {
        self.store.set_mapped_reads(false)?;
        Ok(self)
    }

    /// Replaces the clock (tests, reproducible imports).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Library {
        self.clock = clock;
        self
    }

    pub fn paths(&self) -> &LibraryPaths {
        &self.paths
    }

    pub fn root(&self) -> &Path {
        &self.paths.root
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Tells when anything was committed to the library by any connection or process other than the probe (the app
    /// refreshes on it). Its own connection: open one per watching thread.
    pub fn change_probe(&self) -> Result<ChangeProbe> {
        ChangeProbe::open(&self.paths.db)
    }

    /// Folds the database's write-ahead log into the main file and refreshes the planner's statistics (after bulk
    /// work such as a large import).
    pub fn checkpoint(&self) -> Result<()> {
        self.store.checkpoint()
    }

    /// Size of the database files on disk (main file plus WAL), in bytes.
    pub fn database_bytes(&self) -> u64 {
        self.store.disk_bytes()
    }

    /// The library's display name: its folder's name without `.tessera`.
    pub fn name(&self) -> String {
        Library::name_of(&self.paths.root)
    }

    /// The display name of the library at `root`, without opening it (the recent list names missing ones too).
    pub fn name_of(root: &Path) -> String {
        let file = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        file.strip_suffix(".tessera").unwrap_or(&file).to_string()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub fn now(&self) -> i64 {
        self.clock.now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped_bytes(library: &Library) -> i64 {
        library.store().reader().expect("reader").query_row("PRAGMA mmap_size", [], |r| r.get(0)).expect("pragma")
    }

    #[test]
    fn long_running_processes_read_without_a_memory_map() {
        let dir = tempfile::tempdir().expect("temp dir");
        let library = Library::init(&dir.path().join("t.tessera")).expect("init");
        assert!(mapped_bytes(&library) > 0, "short-lived commands read through a map");
        let library = library.for_long_running().expect("unmap");
        assert_eq!(mapped_bytes(&library), 0);
    }
}
