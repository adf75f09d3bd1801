//! The SQLite store: the only code that speaks SQL, private to the crate. Use cases (`crate::app`) call its methods;
//! nothing else opens the database. A second backend (the team library's PostgreSQL) implements the same methods.
//!
//! Connections: one writer behind a mutex, whose transactions all start IMMEDIATE (so another process's write makes
//! them wait for the busy timeout instead of failing with "database is locked"), and a small pool of read-only
//! connections, so a long read never waits behind a write or another read. WAL lets them all run at once.
//! To extend the schema, add `migrations/NNNN_what.sql` and list it in [`migrations`].

mod asset_delete_sql;
mod assets_read;
mod assets_write;
pub mod audit_sql;
mod changes;
mod collection_members_sql;
mod collections_sql;
mod edit_log_sql;
mod edit_sql;
mod fields_sql;
pub mod fts;
mod label_names_sql;
mod lifecycle_sql;
mod migrations;
mod pending;
mod profiles_sql;
mod review_read_sql;
mod reviews_sql;
mod search_sql;
mod settings_sql;
mod smart_sql;
mod stats_sql;
mod tag_tree_sql;
mod tags_sql;
mod templates_sql;
mod trash_sql;
mod undo_sql;
mod versions_sql;
mod watch_sql;
mod xmp_conflicts_sql;
mod xmp_sidecars_sql;

pub use changes::ChangeProbe;
pub use collection_members_sql::MembershipEdited;
pub use edit_log_sql::LogNote;
pub use edit_sql::{Changes, Targets};
pub(crate) use profiles_sql::profiles_names;
pub use profiles_sql::{Deactivated, NewProfile};
pub use reviews_sql::{ReviewNote, Submission};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How long a connection waits for another one's write before giving up (a watcher's batch commit, an import's).
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// Idle read connections kept for reuse; more are opened when more readers run at once.
const POOLED_READERS: usize = 4;

/// A library database: one writer and a pool of readers.
pub struct Store {
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    mapped: AtomicBool,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// A pooled read-only connection; goes back to the pool when dropped.
pub(crate) struct Reader<'a> {
    conn: Option<Connection>,
    store: &'a Store,
}

impl std::ops::Deref for Reader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("a reader holds its connection until dropped")
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let mut pool = lock(&self.store.readers);
            if pool.len() < POOLED_READERS {
                pool.push(conn);
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a connection leaves it usable: SQLite rolled back whatever was open.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Store {
    /// Opens (creating if `create`) the database for writing and brings its schema up to date.
    pub fn open(path: &Path, create: bool) -> Result<Store> {
        if !create && !path.exists() {
            return Err(Error::NotALibrary { path: path.parent().unwrap_or(path).to_path_buf() });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut writer = connect(path, flags, true)?;
        writer.pragma_update(None, "journal_mode", "WAL").map_err(fail_at(path))?;
        migrations::apply(&mut writer, path)?;
        Ok(Store {
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            mapped: AtomicBool::new(true),
            path: path.to_path_buf(),
        })
    }

    /// Whether SQLite reads the database through a memory map (on by default). Mapped pages count as the process's
    /// resident memory, and a long-running process that searches a large library ends up with most of the file
    /// mapped (a full scan for the library stats maps ~90 MB at 100,000 assets, kernel read-ahead included); so the
    /// app and the watcher turn it off and read through SQLite's bounded cache and the OS page cache instead.
    pub fn set_mapped_reads(&self, on: bool) -> Result<()> {
        self.mapped.store(on, Ordering::SeqCst);
        lock(&self.readers).clear();
        set_mapped(&lock(&self.writer), on).map_err(self.fail())
    }

    /// A read-only connection from the pool (opened when none is free).
    pub(crate) fn reader(&self) -> Result<Reader<'_>> {
        let pooled = lock(&self.readers).pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = connect(&self.path, flags, self.mapped.load(Ordering::SeqCst))?;
                migrations::check_readable(&conn, &self.path)?;
                conn
            }
        };
        Ok(Reader { conn: Some(conn), store: self })
    }

    /// Maps a SQLite error to ours, naming the database.
    pub(crate) fn fail(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        move |source| Error::database(&self.path, source)
    }

    /// Runs `f` inside one IMMEDIATE transaction on the writer; commits when it returns Ok. One logical change is
    /// one call, so it is all there or not at all, and what `f` reads back is what it wrote.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let fail = self.fail();
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(&fail)?;
        let value = f(&tx)?;
        tx.commit().map_err(&fail)?;
        Ok(value)
    }

    /// Size of the database files on disk (main file plus WAL), in bytes.
    pub fn disk_bytes(&self) -> u64 {
        let wal = PathBuf::from(format!("{}-wal", self.path.display()));
        [&self.path, &wal].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }

    /// Folds the WAL into the main file (after bulk work) and refreshes planner statistics.
    pub fn checkpoint(&self) -> Result<()> {
        lock(&self.writer).execute_batch("PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);").map_err(self.fail())
    }
}

fn fail_at(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::database(path, source)
}

fn set_mapped(conn: &Connection, on: bool) -> rusqlite::Result<()> {
    conn.pragma_update(None, "mmap_size", if on { "1073741824" } else { "0" })
}

fn connect(path: &Path, flags: OpenFlags, mapped: bool) -> Result<Connection> {
    let fail = fail_at(path);
    let conn = Connection::open_with_flags(path, flags).map_err(&fail)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(&fail)?;
    for (name, value) in [
        ("foreign_keys", "ON"),
        ("synchronous", "NORMAL"),
        // 16 MiB per connection: with mmap, reads come from the OS page cache, and the app holds several connections.
        ("cache_size", "-16384"),
        ("temp_store", "MEMORY"),
    ] {
        conn.pragma_update(None, name, value).map_err(&fail)?;
    }
    // Reads straight from the page cache of the OS instead of copying pages into SQLite's own cache.
    set_mapped(&conn, mapped).map_err(&fail)?;
    Ok(conn)
}

#[cfg(test)]
mod tests;
