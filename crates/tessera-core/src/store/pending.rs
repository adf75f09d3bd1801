//! The pending-originals journal that makes moving an original into `originals/` crash-safe.
//!
//! Order of work for a new file: write a temporary copy and fsync it; record `(hash, stored_path)` here and commit;
//! rename the copy into place; insert the asset and delete the record in one transaction. After a crash, every
//! leftover record whose hash has no file row names a stored file that no row points at: recovery removes it.

use super::Store;
use crate::error::Result;
use rusqlite::params;

impl Store {
    /// Records originals about to be renamed into place.
    pub fn begin_pending(&self, entries: &[(String, String)], now: i64) -> Result<()> {
        self.write(|tx| {
            let fail = super::assets_write::db_fail(tx);
            let mut st = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO pending_originals (hash, stored_path, started_at) VALUES (?1, ?2, ?3)",
                )
                .map_err(&fail)?;
            for (hash, stored) in entries {
                st.execute(params![hash, stored, now]).map_err(&fail)?;
            }
            Ok(())
        })
    }

    /// Leftover records: `(hash, stored_path, has_file_row)`.
    pub fn pending_originals(&self) -> Result<Vec<(String, String, bool)>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare(
                "SELECT p.hash, p.stored_path, EXISTS (SELECT 1 FROM files f WHERE f.hash = p.hash)
                 FROM pending_originals p",
            )
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Forgets a pending record (after recovery dealt with its file).
    pub fn clear_pending(&self, hash: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM pending_originals WHERE hash = ?1", params![hash])
                .map_err(super::assets_write::db_fail(tx))?;
            Ok(())
        })
    }
}
