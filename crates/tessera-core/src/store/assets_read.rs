//! Reading assets: the full detail of one, lookups by content, and the stored files for maintenance work.

use super::Store;
use crate::domain::{AssetDetail, AssetId, AssetKind, FileFacts, FileId, Rights, StoredFile};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Row};

impl Store {
    /// Remembers why a file has no thumbnail, so views stop re-reading its original.
    pub fn set_thumbnail_note(&self, file: FileId, note: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute("UPDATE files SET thumbnail_note = ?1 WHERE id = ?2", params![note, file.0])
                .map_err(super::assets_write::db_fail(tx))?;
            Ok(())
        })
    }

    /// The asset holding this content, if any.
    pub fn asset_by_hash(&self, hash: &str) -> Result<Option<AssetId>> {
        let conn = self.reader()?;
        super::assets_write::asset_by_hash(&conn, hash).map_err(self.fail())
    }

    /// Everything known about one asset.
    pub fn asset_detail(&self, id: AssetId) -> Result<AssetDetail> {
        let conn = self.reader()?;
        asset_detail(&conn, id).map_err(self.fail())?.ok_or(Error::AssetNotFound(id.0))
    }

    /// Every stored original, current or not, in id order (for verify and thumbnail rebuilds).
    pub fn stored_files(&self) -> Result<Vec<StoredFile>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare("SELECT asset_id, hash, stored_path, mime, orientation, id, thumbnail_note FROM files ORDER BY id")
            .map_err(self.fail())?;
        let rows = st
            .query_map([], stored_file_from_row)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// The current file of an asset, for thumbnails and previews.
    pub fn current_file(&self, id: AssetId) -> Result<StoredFile> {
        self.reader()?
            .prepare_cached(
                "SELECT f.asset_id, f.hash, f.stored_path, f.mime, f.orientation, f.id, f.thumbnail_note
                 FROM assets a JOIN files f ON f.id = a.current_file_id WHERE a.id = ?1",
            )
            .and_then(|mut st| st.query_row(params![id.0], stored_file_from_row).optional())
            .map_err(self.fail())?
            .ok_or(Error::AssetNotFound(id.0))
    }

    /// The asset's file with content `hash`, current or not (a version's thumbnail); `AssetNotFound` when the
    /// asset has no such file.
    pub fn version_file(&self, id: AssetId, hash: &str) -> Result<StoredFile> {
        self.reader()?
            .prepare_cached(
                "SELECT f.asset_id, f.hash, f.stored_path, f.mime, f.orientation, f.id, f.thumbnail_note
                 FROM files f WHERE f.hash = ?2 AND f.asset_id = ?1",
            )
            .and_then(|mut st| st.query_row(params![id.0, hash], stored_file_from_row).optional())
            .map_err(self.fail())?
            .ok_or(Error::AssetNotFound(id.0))
    }
}

/// Everything known about one asset, on any connection (a reader, or the transaction that just edited it).
pub(super) fn asset_detail(conn: &Connection, id: AssetId) -> rusqlite::Result<Option<AssetDetail>> {
    let detail = conn
        .prepare_cached(
            "SELECT a.id, a.name, a.kind, a.ext, a.width, a.height, a.size, a.title, a.description, a.rating,
                        a.creator, a.rights, a.uploader, a.added_at, a.taken,
                        f.id, f.hash, f.mime, f.ext, f.size, f.original_name, f.source_path, f.stored_path,
                        f.uploader, f.added_at, f.thumbnail_note, f.exif_json, a.credit, a.campaign,
                        a.alt_text, a.caption, a.label, a.flag, a.licence, a.usage_terms, a.expires,
                        a.label_text, a.headline, a.instructions, a.contact_email, a.contact_url, a.contact_phone,
                        a.web_statement, a.rights_marked, a.licensor
                 FROM assets a JOIN files f ON f.id = a.current_file_id WHERE a.id = ?1",
        )
        .and_then(|mut st| st.query_row(params![id.0], detail_from_row).optional())?;
    let Some(mut detail) = detail else { return Ok(None) };
    detail.tags = super::tags_sql::tags_in(conn, id.0)?;
    detail.fields = super::fields_sql::values_of(conn, id.0)?;
    detail.collections = super::collections_sql::collections_of(conn, id)?;
    detail.xmp_conflicts = super::xmp_conflicts_sql::of(conn, id)?;
    Ok(Some(detail))
}

/// Columns: asset_id, hash, stored_path, mime, orientation, id, thumbnail_note.
fn stored_file_from_row(r: &Row<'_>) -> rusqlite::Result<StoredFile> {
    Ok(StoredFile {
        asset_id: AssetId(r.get(0)?),
        hash: r.get(1)?,
        stored_path: r.get(2)?,
        mime: r.get(3)?,
        orientation: r.get(4)?,
        file_id: FileId(r.get(5)?),
        thumbnail_note: r.get(6)?,
    })
}

fn detail_from_row(r: &Row<'_>) -> rusqlite::Result<AssetDetail> {
    let kind: String = r.get(2)?;
    let exif_json: String = r.get(26)?;
    Ok(AssetDetail {
        id: AssetId(r.get(0)?),
        name: r.get(1)?,
        kind: AssetKind::parse(&kind).unwrap_or(AssetKind::Other),
        ext: r.get(3)?,
        width: r.get(4)?,
        height: r.get(5)?,
        size: r.get::<_, i64>(6)? as u64,
        title: r.get(7)?,
        description: r.get(8)?,
        rating: r.get(9)?,
        creator: r.get(10)?,
        copyright: r.get(11)?,
        credit: r.get(27)?,
        campaign: r.get(28)?,
        alt_text: r.get(29)?,
        caption: r.get(30)?,
        label: r.get(31)?,
        flag: r.get(32)?,
        label_text: r.get(36)?,
        headline: r.get(37)?,
        instructions: r.get(38)?,
        contact_email: r.get(39)?,
        contact_url: r.get(40)?,
        contact_phone: r.get(41)?,
        web_statement: r.get(42)?,
        rights_marked: r.get(43)?,
        licensor: r.get(44)?,
        xmp_conflicts: Vec::new(),
        rights: Rights {
            creator: r.get(10)?,
            credit: r.get(27)?,
            copyright: r.get(11)?,
            licence: r.get(33)?,
            usage_terms: r.get(34)?,
            expires: r.get(35)?,
        },
        fields: Default::default(),
        tags: Vec::new(),
        collections: Vec::new(),
        uploader: r.get(12)?,
        added: r.get(13)?,
        taken: r.get(14)?,
        exif: serde_json::from_str(&exif_json).unwrap_or_default(),
        file: FileFacts {
            id: FileId(r.get(15)?),
            hash: r.get(16)?,
            mime: r.get(17)?,
            ext: r.get(18)?,
            size: r.get::<_, i64>(19)? as u64,
            original_name: r.get(20)?,
            source_path: r.get(21)?,
            stored_path: r.get(22)?,
            uploader: r.get(23)?,
            added: r.get(24)?,
            thumbnail_note: r.get(25)?,
        },
    })
}
