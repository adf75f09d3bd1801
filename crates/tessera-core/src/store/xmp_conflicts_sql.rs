//! Where an asset's embedded XMP and its sidecar disagreed at ingest (migration 15): written with the asset, in
//! ingest's transaction; read with the asset's detail.

use crate::domain::{AssetId, XmpConflict};
use crate::error::Result;
use rusqlite::{params, Connection, Transaction};

pub(super) fn insert(tx: &Transaction<'_>, asset: i64, conflicts: &[XmpConflict]) -> Result<()> {
    if conflicts.is_empty() {
        return Ok(());
    }
    let fail = super::assets_write::db_fail(tx);
    let mut st = tx
        .prepare_cached(
            "INSERT OR REPLACE INTO xmp_conflicts (asset_id, field, embedded, sidecar, winner)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(&fail)?;
    for c in conflicts {
        st.execute(params![asset, c.field, c.embedded, c.sidecar, c.winner]).map_err(&fail)?;
    }
    Ok(())
}

pub(super) fn of(conn: &Connection, asset: AssetId) -> rusqlite::Result<Vec<XmpConflict>> {
    conn.prepare_cached(
        "SELECT field, embedded, sidecar, winner FROM xmp_conflicts WHERE asset_id = ?1 ORDER BY field",
    )?
    .query_map(params![asset.0], |r| {
        Ok(XmpConflict { field: r.get(0)?, embedded: r.get(1)?, sidecar: r.get(2)?, winner: r.get(3)? })
    })?
    .collect()
}
