//! The trash in SQL: moving assets in and out (recorded in the edit log as field `trash`, so `undo` takes a move back
//! in one step), listing it, and emptying it. Emptying deletes the rows in one transaction and queues the originals
//! no row refers to any more in `purged_files`; the files go afterwards, one short transaction each
//! ([`Store::remove_purged`]), so a crash in between leaves a queue that `verify` finishes, never a row without its
//! original.

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::edit_log_sql::{Entry, LogNote};
use super::Store;
use crate::domain::{AssetId, EditAction, EditId, TrashedAsset};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};

/// The edit log's field name for a move to or from the trash (before/after: `trashed_at` or NULL).
pub(super) const FIELD: &str = "trash";

/// What a move to or from the trash did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashMoved {
    /// The assets that moved (ones already where they were asked to go are left out).
    pub moved: Vec<AssetId>,
    /// The edit-log entry (`None` when nothing moved).
    pub edit: Option<EditId>,
}

/// What emptying the trash removed from the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Purged {
    pub assets: Vec<AssetId>,
    /// Stored originals queued for removal: `(stored_path, hash)`.
    pub files: Vec<(String, String)>,
}

fn trashed_at(tx: &Transaction<'_>, id: AssetId) -> Result<Option<Option<i64>>> {
    tx.prepare_cached("SELECT trashed_at FROM assets WHERE id = ?1")
        .and_then(|mut st| st.query_row(params![id.0], |r| r.get::<_, Option<i64>>(0)).optional())
        .map_err(db_fail(tx))
}

/// Sets `trashed_at` and records the change; the counters follow through migration 13's triggers.
pub(super) fn set_trashed(
    tx: &Transaction<'_>,
    entry: &Entry,
    id: i64,
    before: Option<i64>,
    after: Option<i64>,
) -> Result<()> {
    tx.prepare_cached("UPDATE assets SET trashed_at = ?1 WHERE id = ?2")
        .and_then(|mut st| st.execute(params![after, id]))
        .map_err(db_fail(tx))?;
    let value = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    entry.change(tx, id, FIELD, &value(before), &value(after))
}

/// Undoes one recorded move when the asset is still where the move left it; whether it did.
pub(super) fn revert(tx: &Transaction<'_>, entry: &Entry, asset: i64, before: &Value, after: &Value) -> Result<bool> {
    let as_time = |v: &Value| match v {
        Value::Null => Ok(None),
        Value::Integer(t) => Ok(Some(*t)),
        _ => Err(Error::CorruptEditLog { edit: entry.id.0, field: FIELD.into() }),
    };
    let (before, after) = (as_time(before)?, as_time(after)?);
    match trashed_at(tx, AssetId(asset))? {
        Some(now) if now == after => {
            set_trashed(tx, entry, asset, after, before)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

impl Store {
    /// Moves assets to the trash (`to_trash`) or back, all or nothing in one transaction, as one edit-log entry.
    /// An unknown id fails the whole move with `AssetNotFound`.
    pub fn move_trash(&self, ids: &[AssetId], to_trash: bool, note: &LogNote<'_>) -> Result<TrashMoved> {
        self.write(|tx| {
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let mut moved = Vec::new();
            for id in ids {
                let now = trashed_at(tx, *id)?.ok_or(Error::AssetNotFound(id.0))?;
                let target = to_trash.then_some(note.at);
                if now.is_some() == to_trash || moved.contains(id) {
                    continue;
                }
                set_trashed(tx, &entry, id.0, now, target)?;
                moved.push(*id);
            }
            let edit = entry.close(tx, moved.len() as u64, false)?;
            Ok(TrashMoved { moved, edit })
        })
    }

    /// Which of `ids` are in the trash (ingest tells a duplicate of a trashed asset apart).
    pub fn trashed_among(&self, ids: &[AssetId]) -> Result<Vec<AssetId>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached("SELECT 1 FROM assets WHERE id = ?1 AND trashed_at IS NOT NULL")
            .map_err(self.fail())?;
        let mut found = Vec::new();
        for id in ids {
            if st.exists(params![id.0]).map_err(self.fail())? {
                found.push(*id);
            }
        }
        Ok(found)
    }

    /// The assets in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<TrashedAsset>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached(
                "SELECT id, name, kind, size, trashed_at FROM assets WHERE trashed_at IS NOT NULL
                 ORDER BY trashed_at DESC, id DESC",
            )
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| {
                Ok(TrashedAsset {
                    id: AssetId(r.get(0)?),
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    size: r.get::<_, i64>(3)?.max(0) as u64,
                    trashed_at: r.get(4)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Deletes every trashed asset's rows in one transaction, queues their originals in `purged_files` and records
    /// an `empty_trash` audit event. The files themselves go with [`Store::remove_purged`].
    pub fn purge_trash(&self, actor: &str, at: i64) -> Result<Purged> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let ids: Vec<i64> = tx
                .prepare_cached("SELECT id FROM assets WHERE trashed_at IS NOT NULL ORDER BY id")
                .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>())
                .map_err(&fail)?;
            let mut purged = Purged::default();
            for id in &ids {
                let files: Vec<(i64, String, String)> = tx
                    .prepare_cached("SELECT id, stored_path, hash FROM files WHERE asset_id = ?1")
                    .and_then(|mut st| st.query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
                    .map_err(&fail)?;
                super::asset_delete_sql::delete_asset_rows(tx, *id)?;
                purged.assets.push(AssetId(*id));
                purged.files.extend(files.into_iter().map(|(_, path, hash)| (path, hash)));
            }
            for (path, hash) in &purged.files {
                tx.prepare_cached("INSERT OR REPLACE INTO purged_files (stored_path, hash) VALUES (?1, ?2)")
                    .and_then(|mut st| st.execute(params![path, hash]))
                    .map_err(&fail)?;
            }
            if !ids.is_empty() {
                let detail = serde_json::json!({ "assets": ids.len(), "files": purged.files.len() });
                append(tx, &NewEvent { at, actor, action: "empty_trash", assets: &ids, detail: &detail })?;
            }
            Ok(purged)
        })
    }

    /// The originals queued by an emptied trash and not removed yet (after a crash): `(stored_path, hash)`.
    pub fn purged_files(&self) -> Result<Vec<(String, String)>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached("SELECT stored_path, hash FROM purged_files ORDER BY stored_path")
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Removes one queued original through `remove` and takes it off the queue, in one write transaction, so no ingest
    /// can bring the same content back in between: when a file row or a pending ingest now holds that content (it
    /// came back since), the file is kept and only the queue entry goes. Whether the file was removed.
    pub fn remove_purged(&self, stored_path: &str, hash: &str, remove: impl FnOnce() -> Result<()>) -> Result<bool> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let in_use: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM files WHERE hash = ?1 OR stored_path = ?2)
                         OR EXISTS (SELECT 1 FROM pending_originals WHERE hash = ?1 OR stored_path = ?2)",
                )
                .and_then(|mut st| st.query_row(params![hash, stored_path], |r| r.get(0)))
                .map_err(&fail)?;
            if !in_use {
                remove()?;
            }
            tx.prepare_cached("DELETE FROM purged_files WHERE stored_path = ?1")
                .and_then(|mut st| st.execute(params![stored_path]))
                .map_err(&fail)?;
            Ok(!in_use)
        })
    }
}
