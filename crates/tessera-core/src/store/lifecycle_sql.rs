//! Lifecycle states in SQL: reading an asset's stored state and moving assets to another one, with the audit event
//! for the move in the same transaction. Which moves are allowed is decided by `domain::lifecycle`.

use super::assets_write::db_fail;
use super::audit_sql::{append, NewEvent};
use super::Store;
use crate::domain::lifecycle::{self, Status};
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension};

/// An asset's stored state, its rights expiry and, when archived, the state it had before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredStatus {
    pub id: i64,
    pub status: Status,
    pub expires: Option<String>,
    pub archived_from: Option<Status>,
}

fn read(conn: &rusqlite::Connection, id: i64) -> Result<StoredStatus> {
    let row: Option<(String, Option<String>, Option<String>)> = conn
        .prepare_cached("SELECT status, expires, archived_from FROM assets WHERE id = ?1")
        .and_then(|mut st| st.query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
        .map_err(db_fail(conn))?;
    let (status, expires, archived_from) = row.ok_or(Error::AssetNotFound(id))?;
    Ok(StoredStatus {
        id,
        status: Status::parse(&status).unwrap_or(Status::Draft),
        expires,
        archived_from: archived_from.as_deref().and_then(Status::parse),
    })
}

impl Store {
    pub(crate) fn stored_status(&self, id: i64) -> Result<StoredStatus> {
        let conn = self.reader()?;
        read(&conn, id)
    }

    /// Moves every asset in `ids` to the state `target` picks for it (from its stored state), all or none: the first
    /// refused move (checked with [`lifecycle::transition`] from the shown state, expiry counted against `today`)
    /// refuses the whole call. One audit event records the moves. Returns `(id, from, to)` for each asset.
    pub(crate) fn move_status(
        &self,
        ids: &[i64],
        today: &str,
        note: (&str, i64),
        target: impl Fn(&StoredStatus) -> Result<Status>,
    ) -> Result<Vec<(i64, Status, Status)>> {
        self.write(|tx| move_in(tx, ids, today, note, &target))
    }
}

/// [`Store::move_status`] inside the caller's transaction (a review's decision moves its asset with it).
pub(super) fn move_in(
    tx: &rusqlite::Transaction<'_>,
    ids: &[i64],
    today: &str,
    note: (&str, i64),
    target: &dyn Fn(&StoredStatus) -> Result<Status>,
) -> Result<Vec<(i64, Status, Status)>> {
    let fail = db_fail(tx);
    let mut moved = Vec::with_capacity(ids.len());
    let mut changes = Vec::with_capacity(ids.len());
    for &id in ids {
        let stored = read(tx, id)?;
        let from = lifecycle::shown(stored.status, stored.expires.as_deref(), today);
        let to = target(&stored)?;
        lifecycle::transition(from, to)?;
        let archived_from = (to == Status::Archived).then(|| stored.status.as_str());
        tx.prepare_cached("UPDATE assets SET status = ?1, archived_from = ?2 WHERE id = ?3")
            .and_then(|mut st| st.execute(params![to.as_str(), archived_from, id]))
            .map_err(&fail)?;
        changes.push(serde_json::json!({
            "asset": id, "field": "status", "before": from.as_str(), "after": to.as_str()
        }));
        moved.push((id, from, to));
    }
    let detail = serde_json::json!({ "changes": changes });
    let (actor, at) = note;
    let event = NewEvent { at, actor, action: "transition", assets: ids, detail: &detail };
    append(tx, &event)?;
    Ok(moved)
}
