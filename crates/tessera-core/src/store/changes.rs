//! Noticing that the library changed, whoever changed it (this process, the CLI, a headless watcher, a second
//! window): SQLite's `PRAGMA data_version` changes on a connection whenever another connection commits. Cheap enough
//! to poll a few times a second; no timer that re-counts.

use super::{connect, fail_at};
use crate::error::Result;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Its own read-only connection, so every commit by any other connection counts.
pub struct ChangeProbe {
    conn: Connection,
    path: PathBuf,
    seen: i64,
}

impl std::fmt::Debug for ChangeProbe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeProbe").field("path", &self.path).field("seen", &self.seen).finish()
    }
}

impl ChangeProbe {
    pub(crate) fn open(path: &Path) -> Result<ChangeProbe> {
        let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX, false)?;
        let mut probe = ChangeProbe { conn, path: path.to_path_buf(), seen: 0 };
        probe.seen = probe.version()?;
        Ok(probe)
    }

    fn version(&self) -> Result<i64> {
        self.conn.query_row("PRAGMA data_version", [], |r| r.get(0)).map_err(fail_at(&self.path))
    }

    /// Whether anything was committed since the last call (or since the probe was opened).
    pub fn changed(&mut self) -> Result<bool> {
        let now = self.version()?;
        let changed = now != self.seen;
        self.seen = now;
        Ok(changed)
    }
}
