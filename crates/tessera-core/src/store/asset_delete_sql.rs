//! Deleting an asset's rows, children first, inside the caller's transaction: what emptying the trash and stacking an
//! asset onto another as a version both need. The files' rows go too, except those moved to another asset before.

use super::assets_write::db_fail;
use rusqlite::{params, Transaction};

/// Deletes asset `id` with its tags, field values, memberships, sidecar records, full-text row, file rows and their
/// sources; watch events keep their record without the id. The counters follow through their triggers.
pub(super) fn delete_asset_rows(tx: &Transaction<'_>, id: i64) -> crate::error::Result<()> {
    // The tag and field rows while the asset is still there (its counters then stay as they were), then the files,
    // then the asset.
    for sql in [
        "DELETE FROM asset_tags WHERE asset_id = ?1",
        "DELETE FROM asset_field_values WHERE asset_id = ?1",
        "DELETE FROM collection_assets WHERE asset_id = ?1",
        "DELETE FROM xmp_sidecars WHERE asset_id = ?1",
        "UPDATE watch_events SET asset_id = NULL WHERE asset_id = ?1",
        "DELETE FROM asset_text WHERE rowid = ?1",
        "UPDATE assets SET current_file_id = NULL WHERE id = ?1",
        "DELETE FROM file_sources WHERE file_id IN (SELECT id FROM files WHERE asset_id = ?1)",
        "DELETE FROM files WHERE asset_id = ?1",
        "DELETE FROM assets WHERE id = ?1",
    ] {
        tx.prepare_cached(sql).and_then(|mut st| st.execute(params![id])).map_err(db_fail(tx))?;
    }
    Ok(())
}
