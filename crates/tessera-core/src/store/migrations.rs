//! Append-only schema migrations tracked in `PRAGMA user_version`. A library whose version is newer than this build
//! knows is refused rather than risk damaging it.

use crate::error::{Error, Result};
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// Migration N (1-based) is `MIGRATIONS[N-1]`. Never edit or reorder a migration that has landed.
pub(super) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_watched_folders.sql"),
    include_str!("migrations/0003_files_by_size.sql"),
    include_str!("migrations/0004_counters.sql"),
    include_str!("migrations/0005_edit_log.sql"),
    include_str!("migrations/0006_search_dates.sql"),
    include_str!("migrations/0007_tag_tree.sql"),
    include_str!("migrations/0008_fields.sql"),
    include_str!("migrations/0009_collections.sql"),
    include_str!("migrations/0010_xmp_sidecars.sql"),
    include_str!("migrations/0011_lifecycle_audit.sql"),
    include_str!("migrations/0012_archived_index.sql"),
    include_str!("migrations/0013_trash.sql"),
    include_str!("migrations/0014_review.sql"),
    include_str!("migrations/0015_xmp_labels.sql"),
    include_str!("migrations/0016_profiles.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection, path: &Path) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|source| Error::database(path, source))
}

fn refuse_newer(found: i64, path: &Path) -> Result<()> {
    if found > SCHEMA_VERSION {
        let library = path.parent().unwrap_or(path).to_path_buf();
        return Err(Error::SchemaTooNew { path: library, found, supported: SCHEMA_VERSION });
    }
    Ok(())
}

pub(super) fn apply(conn: &mut Connection, path: &Path) -> Result<()> {
    let fail = |source| Error::database(path, source);
    refuse_newer(version(conn, path)?, path)?;
    loop {
        // IMMEDIATE, and the version read again inside: two processes opening an old library at once take turns, and
        // the second finds the first's migrations applied.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(fail)?;
        let found = version(&tx, path)?;
        refuse_newer(found, path)?;
        let Some(sql) = MIGRATIONS.get(found as usize) else { return Ok(()) };
        tx.execute_batch(sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", found + 1).map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
}

pub(super) fn check_readable(conn: &Connection, path: &Path) -> Result<()> {
    let found = version(conn, path)?;
    refuse_newer(found, path)
}
