//! Versions in SQL: an asset's files in the order they arrived, adding one (it becomes current) and making another
//! current again. The asset's columns that describe its file (type, extension, size, pixel size) follow the current
//! file; everything else stays with the asset. Each change is one transaction with its edit-log entry (on record, not
//! undone by `undo`: reverting is how a version change is taken back).

use super::assets_write::{db_fail, insert_file};
use super::edit_log_sql::{Entry, LogNote};
use super::Store;
use crate::domain::{AssetId, AssetKind, EditAction, FileFacts, FileId, NewAsset, Version, VersionChanged};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};

impl Store {
    /// Records `file` (already moved into place, journaled as pending) as the new current version of `asset`.
    pub fn add_version(&self, asset: AssetId, file: &NewAsset, note: &LogNote<'_>) -> Result<VersionChanged> {
        self.write(|tx| {
            let before = current_file(tx, asset)?;
            let file_id = insert_file(tx, asset.0, file)?;
            make_current(tx, asset, file_id)?;
            tx.prepare_cached("DELETE FROM pending_originals WHERE hash = ?1")
                .and_then(|mut st| st.execute(params![file.hash]))
                .map_err(db_fail(tx))?;
            log(tx, note, asset, before, file_id)?;
            changed(tx, asset, file_id, true)
        })
    }

    /// Stacks asset `from` (one file, just imported) onto `onto` as its new current version, in one transaction: the
    /// file moves into `onto`'s stack and `from`'s rows go (its own metadata with it: it is the file that counts).
    pub fn stack_onto(&self, from: AssetId, onto: AssetId, note: &LogNote<'_>) -> Result<VersionChanged> {
        self.write(|tx| {
            let refused = |reason: String| Error::VersionRefused {
                asset: onto.0,
                path: format!("asset {}", from.0).into(),
                reason,
            };
            if from == onto {
                return Err(refused("an asset cannot be a version of itself".into()));
            }
            let kind = |id: AssetId| -> Result<String> {
                tx.prepare_cached("SELECT kind FROM assets WHERE id = ?1")
                    .and_then(|mut st| st.query_row(params![id.0], |r| r.get(0)).optional())
                    .map_err(db_fail(tx))?
                    .ok_or(Error::AssetNotFound(id.0))
            };
            let (from_kind, onto_kind) = (kind(from)?, kind(onto)?);
            if from_kind != onto_kind {
                return Err(refused(format!("it is a {from_kind} and asset {} is a {onto_kind}", onto.0)));
            }
            let files = file_ids(tx, from)?;
            let [file_id] = files[..] else {
                return Err(refused(format!(
                    "it has {} versions of its own; only a single file is stacked",
                    files.len()
                )));
            };
            let before = current_file(tx, onto)?;
            tx.prepare_cached("UPDATE files SET asset_id = ?1 WHERE id = ?2")
                .and_then(|mut st| st.execute(params![onto.0, file_id]))
                .map_err(db_fail(tx))?;
            super::asset_delete_sql::delete_asset_rows(tx, from.0)?;
            make_current(tx, onto, file_id)?;
            log(tx, note, onto, before, file_id)?;
            changed(tx, onto, file_id, true)
        })
    }

    /// Makes version `number` of `asset` current again.
    pub fn revert_version(&self, asset: AssetId, number: u32, note: &LogNote<'_>) -> Result<VersionChanged> {
        self.write(|tx| {
            let before = current_file(tx, asset)?;
            let files = file_ids(tx, asset)?;
            let count = files.len() as u32;
            let Some(&file_id) = number.checked_sub(1).and_then(|i| files.get(i as usize)) else {
                return Err(Error::NoSuchVersion { asset: asset.0, number, count });
            };
            if before == Some(file_id) {
                return changed(tx, asset, file_id, false);
            }
            make_current(tx, asset, file_id)?;
            log(tx, note, asset, before, file_id)?;
            changed(tx, asset, file_id, true)
        })
    }

    /// The asset's kind (a version must be of the same kind); `AssetNotFound` when there is no such asset.
    pub fn asset_kind(&self, asset: AssetId) -> Result<AssetKind> {
        let conn = self.reader()?;
        let kind: Option<String> = conn
            .prepare_cached("SELECT kind FROM assets WHERE id = ?1")
            .and_then(|mut st| st.query_row(params![asset.0], |r| r.get(0)).optional())
            .map_err(self.fail())?;
        let kind = kind.ok_or(Error::AssetNotFound(asset.0))?;
        Ok(AssetKind::parse(&kind).unwrap_or(AssetKind::Other))
    }

    /// Assets whose name starts with `prefix` (without case), by the name index: at most `limit`, in name order.
    pub fn assets_named_from(&self, prefix: &str, limit: u32) -> Result<Vec<(AssetId, String)>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached(
                "SELECT id, name FROM assets INDEXED BY assets_by_name
                 WHERE name >= ?1 COLLATE NOCASE AND name < ?2 COLLATE NOCASE ORDER BY name COLLATE NOCASE LIMIT ?3",
            )
            .map_err(self.fail())?;
        let end = format!("{prefix}\u{10FFFF}");
        let rows = st
            .query_map(params![prefix, end, limit], |r| Ok((AssetId(r.get(0)?), r.get::<_, String>(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Every version of `asset`, oldest first.
    pub fn versions(&self, asset: AssetId) -> Result<Vec<Version>> {
        let conn = self.reader()?;
        let fail = self.fail();
        let exists: Option<Option<i64>> = conn
            .prepare_cached("SELECT current_file_id FROM assets WHERE id = ?1")
            .and_then(|mut st| st.query_row(params![asset.0], |r| r.get(0)).optional())
            .map_err(&fail)?;
        let Some(current) = exists else { return Err(Error::AssetNotFound(asset.0)) };
        let mut st = conn
            .prepare_cached(
                "SELECT id, hash, mime, ext, size, original_name, source_path, stored_path, uploader, added_at,
                        thumbnail_note, width, height, orientation
                 FROM files WHERE asset_id = ?1 ORDER BY id",
            )
            .map_err(&fail)?;
        let rows = st
            .query_map(params![asset.0], |r| {
                let id: i64 = r.get(0)?;
                let (w, h): (Option<u32>, Option<u32>) = (r.get(11)?, r.get(12)?);
                let turned = matches!(r.get::<_, Option<u16>>(13)?, Some(5..=8));
                let (width, height) = if turned { (h, w) } else { (w, h) };
                Ok((
                    id,
                    width,
                    height,
                    FileFacts {
                        id: FileId(id),
                        hash: r.get(1)?,
                        mime: r.get(2)?,
                        ext: r.get(3)?,
                        size: r.get::<_, i64>(4)? as u64,
                        original_name: r.get(5)?,
                        source_path: r.get(6)?,
                        stored_path: r.get(7)?,
                        uploader: r.get(8)?,
                        added: r.get(9)?,
                        thumbnail_note: r.get(10)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(&fail)?;
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, (id, width, height, file))| Version {
                number: i as u32 + 1,
                current: current == Some(id),
                width,
                height,
                file,
            })
            .collect())
    }
}

fn current_file(tx: &Transaction<'_>, asset: AssetId) -> Result<Option<i64>> {
    tx.prepare_cached("SELECT current_file_id FROM assets WHERE id = ?1")
        .and_then(|mut st| st.query_row(params![asset.0], |r| r.get::<_, Option<i64>>(0)).optional())
        .map_err(db_fail(tx))?
        .ok_or(Error::AssetNotFound(asset.0))
}

fn file_ids(tx: &Transaction<'_>, asset: AssetId) -> Result<Vec<i64>> {
    tx.prepare_cached("SELECT id FROM files WHERE asset_id = ?1 ORDER BY id")
        .and_then(|mut st| st.query_map(params![asset.0], |r| r.get(0))?.collect())
        .map_err(db_fail(tx))
}

/// Points the asset at `file_id` and copies the file's facts into the asset's columns (pixel size as displayed).
fn make_current(tx: &Transaction<'_>, asset: AssetId, file_id: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE assets SET current_file_id = f.id, ext = f.ext, size = f.size,
                width = CASE WHEN f.orientation BETWEEN 5 AND 8 THEN f.height ELSE f.width END,
                height = CASE WHEN f.orientation BETWEEN 5 AND 8 THEN f.width ELSE f.height END
         FROM (SELECT * FROM files WHERE id = ?1) AS f WHERE assets.id = ?2",
    )
    .and_then(|mut st| st.execute(params![file_id, asset.0]))
    .map_err(db_fail(tx))?;
    Ok(())
}

/// On record as version numbers (what people read in the audit trail), not file ids.
fn log(tx: &Transaction<'_>, note: &LogNote<'_>, asset: AssetId, before: Option<i64>, after: i64) -> Result<()> {
    let files = file_ids(tx, asset)?;
    let number =
        |file: i64| files.iter().position(|&f| f == file).map_or(Value::Null, |i| Value::Integer(i as i64 + 1));
    let entry = Entry::open(tx, note, EditAction::Edit, None)?;
    entry.change(tx, asset.0, "version", &before.map_or(Value::Null, number), &number(after))?;
    entry.on_record_only(tx)?;
    entry.close(tx, 1, false)?;
    Ok(())
}

fn changed(tx: &Transaction<'_>, asset: AssetId, file_id: i64, changed: bool) -> Result<VersionChanged> {
    let files = file_ids(tx, asset)?;
    let number = files.iter().position(|&f| f == file_id).map_or(0, |i| i as u32 + 1);
    Ok(VersionChanged { asset, number, versions: files.len() as u32, changed })
}
