//! What was last written into each XMP sidecar (migration 10).

use super::Store;
use crate::domain::AssetId;
use crate::error::Result;

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
}
