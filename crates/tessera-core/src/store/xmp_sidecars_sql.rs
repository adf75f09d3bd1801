//! What was last written into each XMP sidecar (migration 10).

use super::Store;
use crate::domain::AssetId;
use crate::error::Result;
use rusqlite::OptionalExtension;

impl Store {
    /// Records (replacing) what was written into `path` for `asset`.
    pub(crate) fn record_xmp_sidecar(&self, asset: AssetId, path: &str, written_json: &str, at: i64) -> Result<()> {
        let fail = self.fail();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO xmp_sidecars (asset_id, path, written_json, at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (asset_id, path) DO UPDATE SET written_json = excluded.written_json, at = excluded.at",
                rusqlite::params![asset.0, path, written_json, at],
            )
            .map_err(&fail)?;
            Ok(())
        })
    }

    /// What was last written for `asset`: into `path` if recorded, else its most recent sidecar anywhere.
    pub(crate) fn xmp_sidecar_written(&self, asset: AssetId, path: &str) -> Result<Option<String>> {
        let conn = self.reader()?;
        conn.query_row(
            "SELECT written_json FROM xmp_sidecars WHERE asset_id = ?1 ORDER BY path = ?2 DESC, at DESC LIMIT 1",
            rusqlite::params![asset.0, path],
            |r| r.get(0),
        )
        .optional()
        .map_err(self.fail())
    }

    /// Another asset whose sidecar was written at `path`, if any.
    pub(crate) fn xmp_sidecar_owner(&self, path: &str, not: AssetId) -> Result<Option<AssetId>> {
        let conn = self.reader()?;
        conn.query_row(
            "SELECT asset_id FROM xmp_sidecars WHERE path = ?1 AND asset_id != ?2 LIMIT 1",
            rusqlite::params![path, not.0],
            |r| r.get(0).map(AssetId),
        )
        .optional()
        .map_err(self.fail())
    }
}
