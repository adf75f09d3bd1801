//! Inserting assets: one asset row, its file row, its source path, its tags and its full-text row, together.

use super::audit_sql::{append, NewEvent};
use super::Store;
use crate::domain::{AssetId, AssetKind, NewAsset};
use crate::error::Result;
use rusqlite::{params, OptionalExtension, Transaction};

impl Store {
    /// Inserts a batch of new assets in one transaction and clears their pending-original records.
    pub fn insert_assets(&self, assets: &[NewAsset]) -> Result<Vec<AssetId>> {
        self.write(|tx| {
            let ids = assets.iter().map(|asset| insert_one(tx, asset)).collect::<Result<Vec<_>>>()?;
            if let Some(first) = assets.first() {
                // One audit event per batch, not per asset: ingest speed holds.
                let raw: Vec<i64> = ids.iter().map(|id| id.0).collect();
                let detail = serde_json::json!({ "count": raw.len() });
                let event = NewEvent {
                    at: first.added_at,
                    actor: &first.uploader,
                    action: "ingest",
                    assets: &raw,
                    detail: &detail,
                };
                append(tx, &event)?;
            }
            Ok(ids)
        })
    }

    /// Records that each `(hash, path)` was seen holding the content of an existing file.
    pub fn record_sources(&self, sources: &[(String, String)], seen_at: i64) -> Result<()> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let mut st = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO file_sources (file_id, path, seen_at)
                     SELECT id, ?2, ?3 FROM files WHERE hash = ?1",
                )
                .map_err(&fail)?;
            for (hash, path) in sources {
                st.execute(params![hash, path, seen_at]).map_err(&fail)?;
            }
            Ok(())
        })
    }
}

pub(super) fn db_fail<'t>(tx: &'t rusqlite::Connection) -> impl Fn(rusqlite::Error) -> crate::Error + 't {
    move |source| crate::Error::database(tx.path().unwrap_or_default(), source)
}

fn insert_one(tx: &Transaction<'_>, a: &NewAsset) -> Result<AssetId> {
    let fail = db_fail(tx);
    let kind = a.kind.unwrap_or(AssetKind::Other);
    let (dw, dh) = a.display_size.unzip();
    tx.prepare_cached(
        "INSERT INTO assets (kind, ext, name, title, description, creator, rights, rating, width, height, size,
                             taken, taken_at, added_at, uploader, camera, credit, campaign, alt_text, usage_terms,
                             licence, label, flag, label_text, headline, instructions, contact_email, contact_url,
                             contact_phone, web_statement, rights_marked, licensor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
                 ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    )
    .and_then(|mut st| {
        st.execute(params![
            kind.as_str(),
            a.ext,
            a.name,
            a.title,
            a.description,
            a.creator,
            a.rights,
            a.rating,
            dw,
            dh,
            a.size as i64,
            a.taken,
            a.taken_at,
            a.added_at,
            a.uploader,
            a.camera,
            a.credit,
            a.campaign,
            a.alt_text,
            a.usage_terms,
            a.licence,
            a.label,
            a.flag,
            a.label_text,
            a.headline,
            a.instructions,
            a.contact_email,
            a.contact_url,
            a.contact_phone,
            a.web_statement,
            a.rights_marked,
            a.licensor
        ])
    })
    .map_err(&fail)?;
    let asset_id = tx.last_insert_rowid();
    let file_id = insert_file(tx, asset_id, a)?;
    tx.prepare_cached("UPDATE assets SET current_file_id = ?1 WHERE id = ?2")
        .and_then(|mut st| st.execute(params![file_id, asset_id]))
        .map_err(&fail)?;
    let tags = super::tags_sql::attach_tags(tx, asset_id, &a.tags)?;
    super::collection_members_sql::join_collections(tx, asset_id, &a.collections, a.added_at)?;
    // `dates`: the taken year and month as search tokens, defined once in the schema (migration 6).
    tx.prepare_cached(
        "INSERT INTO asset_text (rowid, name, title, description, tags, camera, uploader, dates, copy)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT tokens FROM asset_date_tokens WHERE id = ?1), ?8)",
    )
    .and_then(|mut st| {
        // `copy`: alt text and caption (a new asset has no caption yet), as `set_fields` keeps it.
        let copy = a.alt_text.clone().unwrap_or_default();
        st.execute(params![asset_id, a.name, a.title, a.description, tags.join(" "), a.camera, a.uploader, copy])
    })
    .map_err(&fail)?;
    super::xmp_conflicts_sql::insert(tx, asset_id, &a.xmp_conflicts)?;
    tx.prepare_cached("DELETE FROM pending_originals WHERE hash = ?1")
        .and_then(|mut st| st.execute(params![a.hash]))
        .map_err(&fail)?;
    Ok(AssetId(asset_id))
}

/// Records a stored original of `asset` (its first file, or a new version) and the path it came from; its id.
pub(super) fn insert_file(tx: &Transaction<'_>, asset_id: i64, a: &NewAsset) -> Result<i64> {
    let fail = db_fail(tx);
    let (sw, sh) = a.stored_size.unzip();
    tx.prepare_cached(
        "INSERT INTO files (asset_id, hash, size, mime, ext, original_name, source_path, stored_path, width, height,
                            orientation, added_at, uploader, thumbnail_note, exif_json, xmp_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )
    .and_then(|mut st| {
        st.execute(params![
            asset_id,
            a.hash,
            a.size as i64,
            a.mime,
            a.ext,
            a.name,
            a.source_path,
            a.stored_path,
            sw,
            sh,
            a.orientation,
            a.added_at,
            a.uploader,
            a.thumbnail_note,
            a.exif_json,
            a.xmp_json
        ])
    })
    .map_err(&fail)?;
    let file_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT OR REPLACE INTO file_sources (file_id, path, seen_at) VALUES (?1, ?2, ?3)")
        .and_then(|mut st| st.execute(params![file_id, a.source_path, a.added_at]))
        .map_err(&fail)?;
    Ok(file_id)
}

/// The asset whose current or earlier file has this content, if any.
pub(super) fn asset_by_hash(conn: &rusqlite::Connection, hash: &str) -> rusqlite::Result<Option<AssetId>> {
    conn.prepare_cached("SELECT asset_id FROM files WHERE hash = ?1")?
        .query_row(params![hash], |r| r.get(0).map(AssetId))
        .optional()
}
