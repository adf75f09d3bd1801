//! Collection membership as edits: adding or removing a selection (ids or a query's matches) in one transaction,
//! recorded in the edit log with the field `collection` and the collection's id as the value (before NULL: added;
//! after NULL: removed), so `undo` takes it back in one step. Also the manual order. The per-collection counts follow
//! from migration 9's triggers.

use super::collections_sql::{ensure_path, fail, require, Found};
use super::edit_log_sql::{Entry, LogNote};
use super::edit_sql::{Targets, PROGRESS_STEP};
use super::Store;
use crate::domain::{AssetId, CollectionId, CollectionKind, CollectionRef, EditAction, EditId, EditProgress};
use crate::error::{Error, Result};
use crate::runtime::ProgressSink;
use rusqlite::types::Value;
use rusqlite::{params, Transaction};

/// The edit log's field for membership.
pub(super) const FIELD: &str = "collection";

/// What a membership edit did.
#[derive(Debug, Clone)]
pub struct MembershipEdited {
    pub collection: CollectionRef,
    /// Assets the selection named.
    pub selected: u64,
    /// Assets whose membership really changed (the others were in already, or not in).
    pub changed: u64,
    pub edit: Option<EditId>,
}

/// Puts one asset into a collection (at the end); whether it was not in before. Records the change.
pub(super) fn add_member(tx: &Transaction<'_>, entry: &Entry, collection: CollectionId, asset: i64) -> Result<bool> {
    let n = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO collection_assets (collection_id, asset_id, position)
             VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM collection_assets WHERE collection_id = ?1))",
        )
        .and_then(|mut st| st.execute(params![collection.0, asset]))
        .map_err(fail(tx))?;
    if n == 0 {
        return Ok(false);
    }
    entry.change(tx, asset, FIELD, &Value::Null, &Value::Integer(collection.0))?;
    Ok(true)
}

/// Takes one asset out of a collection; whether it was in. Records the change.
pub(super) fn remove_member(tx: &Transaction<'_>, entry: &Entry, collection: CollectionId, asset: i64) -> Result<bool> {
    let n = tx
        .prepare_cached("DELETE FROM collection_assets WHERE collection_id = ?1 AND asset_id = ?2")
        .and_then(|mut st| st.execute(params![collection.0, asset]))
        .map_err(fail(tx))?;
    if n == 0 {
        return Ok(false);
    }
    entry.change(tx, asset, FIELD, &Value::Integer(collection.0), &Value::Null)?;
    Ok(true)
}

/// An asset being recorded joins these collections (created when missing). Not an edit of the log: it is part of
/// the asset's arrival, as its folder's tags are.
pub(super) fn join_collections(tx: &Transaction<'_>, asset: i64, paths: &[String], now: i64) -> Result<()> {
    for path in paths {
        let row = manual(ensure_path(tx, &crate::domain::collection_path(path)?, now)?)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO collection_assets (collection_id, asset_id, position)
             VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM collection_assets WHERE collection_id = ?1))",
        )
        .and_then(|mut st| st.execute(params![row.id.0, asset]))
        .map_err(fail(tx))?;
    }
    Ok(())
}

fn manual(row: Found) -> Result<Found> {
    if row.kind == CollectionKind::Smart {
        return Err(Error::SmartCollectionMembers(row.path));
    }
    Ok(row)
}

/// Adds `assets` to the collection in the caller's transaction, logged as `note` (the ingest of a watched folder
/// calls this inside its own commit). Returns how many were added and the edit.
pub(super) fn add_in(
    tx: &Transaction<'_>,
    collection: CollectionId,
    assets: &[AssetId],
    note: &LogNote<'_>,
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<(u64, Option<EditId>)> {
    let entry = Entry::open(tx, note, EditAction::Edit, None)?;
    let total = assets.len() as u64;
    let mut changed = 0;
    for (i, id) in assets.iter().enumerate() {
        changed += add_member(tx, &entry, collection, id.0)? as u64;
        if (i + 1) % PROGRESS_STEP == 0 {
            progress.report(&EditProgress { done: i as u64 + 1, total });
        }
    }
    progress.report(&EditProgress { done: total, total });
    Ok((changed, entry.close(tx, changed, false)?))
}

impl Store {
    /// Adds the selection to the collection at `parts`, creating it (and its parents) when missing; one transaction,
    /// one entry of the edit log.
    pub fn collection_add(
        &self,
        parts: &[String],
        targets: &Targets<'_>,
        note: &LogNote<'_>,
        progress: &dyn ProgressSink<EditProgress>,
    ) -> Result<MembershipEdited> {
        self.write(|tx| {
            let row = manual(ensure_path(tx, parts, note.at)?)?;
            let ids = self.resolve_targets(tx, targets)?;
            let (changed, edit) = add_in(tx, row.id, &ids, note, progress)?;
            Ok(MembershipEdited { collection: row.as_ref(), selected: ids.len() as u64, changed, edit })
        })
    }

    /// Takes the selection out of the collection at `path` (the assets stay in the library).
    pub fn collection_remove(
        &self,
        path: &str,
        targets: &Targets<'_>,
        note: &LogNote<'_>,
        progress: &dyn ProgressSink<EditProgress>,
    ) -> Result<MembershipEdited> {
        self.write(|tx| {
            let row = manual(require(tx, path)?)?;
            let ids = self.resolve_targets(tx, targets)?;
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let total = ids.len() as u64;
            let mut changed = 0;
            for (i, id) in ids.iter().enumerate() {
                changed += remove_member(tx, &entry, row.id, id.0)? as u64;
                if (i + 1) % PROGRESS_STEP == 0 {
                    progress.report(&EditProgress { done: i as u64 + 1, total });
                }
            }
            progress.report(&EditProgress { done: total, total });
            let edit = entry.close(tx, changed, false)?;
            Ok(MembershipEdited { collection: row.as_ref(), selected: total, changed, edit })
        })
    }

    /// Puts `first` at the start of the collection's order, in that order; the others follow as they were. Every id
    /// must be a member.
    pub fn collection_order(&self, path: &str, first: &[AssetId]) -> Result<Vec<AssetId>> {
        self.write(|tx| {
            let row = manual(require(tx, path)?)?;
            let fail = fail(tx);
            let mut current = members(tx, row.id)?;
            for id in first {
                if !current.contains(id) {
                    return Err(Error::NotInCollection { collection: row.path.clone(), asset: id.0 });
                }
            }
            current.retain(|id| !first.contains(id));
            let mut order: Vec<AssetId> = Vec::with_capacity(current.len() + first.len());
            for id in first {
                if !order.contains(id) {
                    order.push(*id);
                }
            }
            order.extend(current);
            let mut st = tx
                .prepare_cached("UPDATE collection_assets SET position = ?1 WHERE collection_id = ?2 AND asset_id = ?3")
                .map_err(&fail)?;
            for (i, id) in order.iter().enumerate() {
                st.execute(params![i as i64 + 1, row.id.0, id.0]).map_err(&fail)?;
            }
            Ok(order)
        })
    }

    /// A manual collection's assets in its order.
    pub fn collection_members(&self, path: &str) -> Result<Vec<AssetId>> {
        let conn = self.reader()?;
        let row = manual(require(&conn, path)?)?;
        members(&conn, row.id)
    }
}

fn members(conn: &rusqlite::Connection, id: CollectionId) -> Result<Vec<AssetId>> {
    conn.prepare_cached("SELECT asset_id FROM collection_assets WHERE collection_id = ?1 ORDER BY position, asset_id")
        .and_then(|mut st| st.query_map(params![id.0], |r| r.get(0).map(AssetId))?.collect())
        .map_err(fail(conn))
}
