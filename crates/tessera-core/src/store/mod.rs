//! The SQLite store: the only code that speaks SQL. Use cases call its methods; nothing else opens the database.
//!
//! One writer ([`Store::open`]) and any number of readers ([`Store::open_reader`]); WAL lets them run together.
//! To extend the schema, add `migrations/NNNN_what.sql` and list it in [`migrations`].

mod assets_read;
mod assets_write;
mod edit_sql;
mod migrations;
mod pending;
mod search_sql;
mod stats_sql;
mod tags_sql;
mod watch_sql;

pub use assets_read::StoredFile;
pub use assets_write::NewAsset;
pub use edit_sql::FieldChange;
pub use search_sql::{Page, SortKey, SortOrder};
pub use stats_sql::LibraryStats;
pub use watch_sql::{CreditFields, NewWatchEvent};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A connection to a library database.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if `create`) the database for writing and brings its schema up to date.
    pub fn open(path: &Path, create: bool) -> Result<Store> {
        if !create && !path.exists() {
            return Err(Error::NotALibrary { path: path.parent().unwrap_or(path).to_path_buf() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut store = Store::connect(path, flags)?;
        store.pragma("journal_mode", "WAL")?;
        migrations::apply(&mut store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing database for reading only (worker threads, concurrent readers).
    pub fn open_reader(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let store = Store::connect(path, flags)?;
        migrations::check_readable(&store.conn, path)?;
        Ok(store)
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Store> {
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| Error::Database { path: path.to_path_buf(), source })?;
        let store = Store { conn, path: path.to_path_buf() };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(store.fail())?;
        store.pragma("foreign_keys", "ON")?;
        store.pragma("synchronous", "NORMAL")?;
        // 16 MiB per connection: with mmap, reads come from the OS page cache, and the app holds several connections.
        store.pragma("cache_size", "-16384")?;
        store.pragma("temp_store", "MEMORY")?;
        // Reads straight from the page cache of the OS instead of copying pages into SQLite's own cache.
        store.set_mapped_reads(true)?;
        Ok(store)
    }

    /// Whether SQLite reads the database through a memory map (on by default). Mapped pages count as the process's
    /// resident memory, and a long-running process that searches a large library ends up with most of the file
    /// mapped (a full scan for the library stats maps ~90 MB at 100,000 assets, kernel read-ahead included); so the
    /// app and the watcher turn it off and read through SQLite's bounded cache and the OS page cache instead.
    pub fn set_mapped_reads(&self, on: bool) -> Result<()> {
        self.pragma("mmap_size", if on { "1073741824" } else { "0" })
    }

    fn pragma(&self, name: &str, value: &str) -> Result<()> {
        self.conn.pragma_update(None, name, value).map_err(self.fail())
    }

    /// Maps a SQLite error to ours, naming the database.
    pub(crate) fn fail(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::Database { path: self.path.clone(), source }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` inside one transaction; commits when it returns Ok.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let fail = |source| Error::Database { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(fail)?;
        let value = f(&tx)?;
        tx.commit().map_err(fail)?;
        Ok(value)
    }

    /// Size of the database files on disk (main file plus WAL), in bytes.
    pub fn disk_bytes(&self) -> u64 {
        let wal = PathBuf::from(format!("{}-wal", self.path.display()));
        [&self.path, &wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }

    /// Folds the WAL into the main file (after bulk work) and refreshes planner statistics.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);").map_err(self.fail())
    }
}
