//! The edit log in SQL: an entry is opened at the start of an edit's transaction, each asset and field the edit
//! really changes adds a row with the value before and after, and the entry is closed with the count (or dropped when
//! nothing changed, so the log holds no empty steps). Everything happens in the caller's transaction: an edit and its
//! record are there together or not at all.

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::Store;
use crate::domain::{EditAction, EditId, EditRecord};
use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Row, Transaction};

/// Who makes an edit, when, and what it is in words.
#[derive(Debug, Clone)]
pub struct LogNote<'a> {
    pub actor: &'a str,
    pub at: i64,
    pub summary: &'a str,
}

/// An open entry of the log, inside a transaction.
pub(super) struct Entry {
    pub id: EditId,
    actor: String,
    at: i64,
    summary: String,
    action: EditAction,
    undoes: Option<EditId>,
}

impl Entry {
    pub fn open(tx: &Transaction<'_>, note: &LogNote<'_>, action: EditAction, undoes: Option<EditId>) -> Result<Entry> {
        let fail = db_fail(tx);
        tx.prepare_cached(
            "INSERT INTO edits (at, actor, action, summary, assets, undoes) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
        )
        .and_then(|mut st| st.execute(params![note.at, note.actor, action.as_str(), note.summary, undoes.map(|u| u.0)]))
        .map_err(&fail)?;
        Ok(Entry {
            id: EditId(tx.last_insert_rowid()),
            actor: note.actor.to_owned(),
            at: note.at,
            summary: note.summary.to_owned(),
            action,
            undoes,
        })
    }

    /// Records that `field` of `asset` went from `before` to `after`.
    pub fn change(&self, tx: &Transaction<'_>, asset: i64, field: &str, before: &Value, after: &Value) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO edit_changes (edit_id, asset_id, field, before, after) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .and_then(|mut st| st.execute(params![self.id.0, asset, field, before, after]))
        .map_err(db_fail(tx))?;
        Ok(())
    }

    /// Keeps the entry on record but out of `undo`'s reach (a tag rename or merge: it changes names, not values).
    pub fn on_record_only(&self, tx: &Transaction<'_>) -> Result<()> {
        tx.execute("UPDATE edits SET undoable = 0 WHERE id = ?1", params![self.id.0]).map_err(db_fail(tx))?;
        Ok(())
    }

    /// Closes the entry with the number of assets it changed; an edit that changed nothing leaves no entry (`None`).
    /// An undo is kept even then: it marks its edit as undone.
    pub fn close(self, tx: &Transaction<'_>, assets: u64, keep_empty: bool) -> Result<Option<EditId>> {
        let fail = db_fail(tx);
        if assets == 0 && !keep_empty {
            tx.execute("DELETE FROM edits WHERE id = ?1", params![self.id.0]).map_err(&fail)?;
            return Ok(None);
        }
        tx.execute("UPDATE edits SET assets = ?1 WHERE id = ?2", params![assets as i64, self.id.0]).map_err(&fail)?;
        self.audit(tx)?;
        Ok(Some(self.id))
    }

    /// The audit event for this entry, in the same transaction: the edit's summary and every change it made.
    fn audit(&self, tx: &Transaction<'_>) -> Result<()> {
        let fail = db_fail(tx);
        let mut st = tx
            .prepare_cached("SELECT asset_id, field, before, after FROM edit_changes WHERE edit_id = ?1 ORDER BY rowid")
            .map_err(&fail)?;
        let mut ids = Vec::new();
        let mut changes = Vec::new();
        let mut rows = st.query(params![self.id.0]).map_err(&fail)?;
        while let Some(r) = rows.next().map_err(&fail)? {
            let asset: i64 = r.get(0).map_err(&fail)?;
            let field: String = r.get(1).map_err(&fail)?;
            let (before, after): (Value, Value) = (r.get(2).map_err(&fail)?, r.get(3).map_err(&fail)?);
            ids.push(asset);
            changes.push(serde_json::json!({
                "asset": asset, "field": field, "before": json_value(before), "after": json_value(after)
            }));
        }
        let detail = serde_json::json!({
            "edit": self.id.0,
            "summary": self.summary,
            "undoes": self.undoes.map(|u| u.0),
            "changes": changes,
        });
        let event =
            NewEvent { at: self.at, actor: &self.actor, action: self.action.as_str(), assets: &ids, detail: &detail };
        append(tx, &event)?;
        Ok(())
    }
}

fn json_value(v: Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => i.into(),
        Value::Real(f) => f.into(),
        Value::Text(t) => t.into(),
        Value::Blob(b) => b.iter().map(|b| format!("{b:02x}")).collect::<String>().into(),
    }
}

const RECORD_COLUMNS: &str = "id, at, actor, action, summary, assets, undoes, undone_by";

fn record(r: &Row<'_>) -> rusqlite::Result<EditRecord> {
    Ok(EditRecord {
        id: EditId(r.get(0)?),
        at: r.get(1)?,
        actor: r.get(2)?,
        action: EditAction::parse(&r.get::<_, String>(3)?),
        summary: r.get(4)?,
        assets: r.get::<_, i64>(5)? as u64,
        undoes: r.get::<_, Option<i64>>(6)?.map(EditId),
        undone_by: r.get::<_, Option<i64>>(7)?.map(EditId),
    })
}

pub(super) fn record_by_id(conn: &rusqlite::Connection, id: EditId) -> rusqlite::Result<Option<EditRecord>> {
    conn.prepare_cached(&format!("SELECT {RECORD_COLUMNS} FROM edits WHERE id = ?1"))?
        .query_row(params![id.0], record)
        .optional()
}

/// The actor's newest edit that has not been undone (undos themselves are not undone this way, nor entries kept on
/// record only).
pub(super) fn last_undoable(conn: &rusqlite::Connection, actor: &str) -> rusqlite::Result<Option<EditRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {RECORD_COLUMNS} FROM edits
         WHERE actor = ?1 AND action = 'edit' AND undoable = 1 AND undone_by IS NULL ORDER BY id DESC LIMIT 1"
    ))?
    .query_row(params![actor], record)
    .optional()
}

impl Store {
    /// The newest `limit` entries of the edit log, newest first (of one actor, or of everyone).
    pub fn edit_log(&self, limit: u32, actor: Option<&str>) -> Result<Vec<EditRecord>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT {RECORD_COLUMNS} FROM edits WHERE ?1 IS NULL OR actor = ?1 ORDER BY id DESC LIMIT ?2"
            ))
            .map_err(self.fail())?;
        let rows = st
            .query_map(params![actor, limit], record)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }
}
