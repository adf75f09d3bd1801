//! Undoing an entry of the edit log: every asset and field it changed goes back to its value before, in one
//! transaction, recorded as a new entry (so the undo is on record and the log reads as what happened). A value
//! changed again since (by a later edit, another person or another process) is left as it is and counted as skipped:
//! an undo never overwrites work it did not make.

use super::edit_log_sql::{last_undoable, record_by_id, Entry, LogNote};
use super::edit_sql::{create_tag, reindex_tags_of, set_tag, write_column, PROGRESS_STEP};
use super::Store;
use crate::domain::{BuiltIn, EditAction, EditId, EditProgress, EditRecord};
use crate::error::{Error, Result};
use crate::runtime::ProgressSink;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::BTreeSet;

/// What an undo did.
#[derive(Debug, Clone)]
pub struct Undone {
    /// The entry undone (now with `undone_by` set).
    pub undid: EditRecord,
    /// The undo's own entry.
    pub undo: EditRecord,
    /// Asset fields and tags put back.
    pub restored: u64,
    /// Asset fields and tags changed again since, left as they are.
    pub skipped: u64,
}

struct Change {
    asset: i64,
    field: String,
    before: Value,
    after: Value,
}

impl Store {
    /// Undoes `actor`'s newest edit that is not undone yet; `Error::NothingToUndo` when there is none.
    pub fn undo_last(&self, note: &LogNote<'_>, progress: &dyn ProgressSink<EditProgress>) -> Result<Undone> {
        self.write(|tx| {
            let fail = super::assets_write::db_fail(tx);
            let target =
                last_undoable(tx, note.actor).map_err(&fail)?.ok_or_else(|| Error::NothingToUndo(note.actor.into()))?;
            let summary = format!("undo {}", target.summary);
            let entry =
                Entry::open(tx, &LogNote { summary: &summary, ..note.clone() }, EditAction::Undo, Some(target.id))?;
            let changes = changes_of(tx, target.id)?;
            let total = changes.len() as u64;
            let (mut restored, mut skipped) = (0u64, 0u64);
            let mut assets = BTreeSet::new();
            let mut retagged = BTreeSet::new();
            for (i, change) in changes.iter().enumerate() {
                let done = revert(tx, &entry, change)?;
                if done {
                    restored += 1;
                    assets.insert(change.asset);
                    if change.field == "tag" {
                        retagged.insert(change.asset);
                    }
                } else {
                    skipped += 1;
                }
                if (i + 1) % PROGRESS_STEP == 0 {
                    progress.report(&EditProgress { done: i as u64 + 1, total });
                }
            }
            reindex_tags_of(tx, retagged)?;
            progress.report(&EditProgress { done: total, total });
            let id = entry.close(tx, assets.len() as u64, true)?.unwrap_or(EditId(0));
            tx.execute("UPDATE edits SET undone_by = ?1 WHERE id = ?2", params![id.0, target.id.0]).map_err(&fail)?;
            let read = |id| record_by_id(tx, id).map_err(&fail)?.ok_or(Error::NothingToUndo(note.actor.into()));
            Ok(Undone { undid: read(target.id)?, undo: read(id)?, restored, skipped })
        })
    }
}

fn changes_of(tx: &Transaction<'_>, edit: EditId) -> Result<Vec<Change>> {
    let fail = super::assets_write::db_fail(tx);
    let mut st = tx
        .prepare_cached("SELECT asset_id, field, before, after FROM edit_changes WHERE edit_id = ?1 ORDER BY rowid")
        .map_err(&fail)?;
    let rows = st
        .query_map(params![edit.0], |r| {
            Ok(Change { asset: r.get(0)?, field: r.get(1)?, before: r.get(2)?, after: r.get(3)? })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(&fail)?;
    Ok(rows)
}

/// Puts one change back when the value is still what the edit left; whether it did.
fn revert(tx: &Transaction<'_>, entry: &Entry, change: &Change) -> Result<bool> {
    let fail = super::assets_write::db_fail(tx);
    match change.field.as_str() {
        name if BuiltIn::from_log_name(name).is_some() => {
            let Some(field) = BuiltIn::from_log_name(name) else { return Ok(false) };
            let column = field.column();
            let still: Option<i64> = tx
                .prepare_cached(&format!("SELECT 1 FROM assets WHERE id = ?1 AND {column} IS ?2"))
                .and_then(|mut st| st.query_row(params![change.asset, change.after], |r| r.get(0)).optional())
                .map_err(&fail)?;
            if still.is_none() {
                return Ok(false);
            }
            write_column(tx, entry, change.asset, field, &change.after, &change.before)?;
            Ok(true)
        }
        name if name.starts_with("field:") => super::fields_sql::revert_custom(
            tx,
            entry,
            change.asset,
            &name["field:".len()..],
            &change.before,
            &change.after,
        ),
        "tag" => match (&change.before, &change.after) {
            // The edit added the tag: take it off again, if the asset still has it under that path. Not through a
            // synonym: after a merge the old name resolves to a tag the asset may have had anyway.
            (Value::Null, Value::Text(name)) => match super::tags_sql::find_tag_path(tx, name)? {
                Some(tag) => set_tag(tx, entry, change.asset, &tag, false),
                None => Ok(false),
            },
            // The edit removed the tag: put it back, unless it is back already. An asset deleted since is skipped.
            (Value::Text(name), Value::Null) => {
                let exists: Option<i64> = tx
                    .prepare_cached("SELECT 1 FROM assets WHERE id = ?1")
                    .and_then(|mut st| st.query_row(params![change.asset], |r| r.get(0)).optional())
                    .map_err(&fail)?;
                if exists.is_none() {
                    return Ok(false);
                }
                let tag = create_tag(tx, name)?;
                set_tag(tx, entry, change.asset, &tag, true)
            }
            _ => Err(Error::CorruptEditLog { edit: entry.id.0, field: change.field.clone() }),
        },
        super::collection_members_sql::FIELD => revert_membership(tx, entry, change),
        super::trash_sql::FIELD => super::trash_sql::revert(tx, entry, change.asset, &change.before, &change.after),
        _ => Err(Error::CorruptEditLog { edit: entry.id.0, field: change.field.clone() }),
    }
}

/// Membership: an add is taken out again (if the asset is still in), a removal put back (if the collection and the
/// asset still exist and it is not back already).
fn revert_membership(tx: &Transaction<'_>, entry: &Entry, change: &Change) -> Result<bool> {
    use super::collection_members_sql::{add_member, remove_member};
    use crate::domain::CollectionId;
    match (&change.before, &change.after) {
        (Value::Null, Value::Integer(id)) => remove_member(tx, entry, CollectionId(*id), change.asset),
        (Value::Integer(id), Value::Null) => {
            let exist: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (SELECT 1 FROM assets WHERE id = ?1)
                        AND EXISTS (SELECT 1 FROM collections WHERE id = ?2 AND kind = 'manual')",
                )
                .and_then(|mut st| st.query_row(params![change.asset, id], |r| r.get(0)))
                .map_err(super::assets_write::db_fail(tx))?;
            if !exist {
                return Ok(false);
            }
            add_member(tx, entry, CollectionId(*id), change.asset)
        }
        _ => Err(Error::CorruptEditLog { edit: entry.id.0, field: change.field.clone() }),
    }
}
