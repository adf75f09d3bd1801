//! Watched folders, their activity feed, and the asset fields their rules set (credit, campaign, creator, rights).

use super::Store;
use crate::domain::watch::{
    AfterIngest, FolderState, NewWatchEvent, WatchEvent, WatchEventKind, WatchRule, WatchStatus, WatchedFolder,
    WatchedFolderId, FEED_LIMIT,
};
use crate::domain::AssetId;
use crate::error::Result;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use std::collections::HashMap;

const FOLDER_COLUMNS: &str = "id, path, state, after, tags, credit, creator, rights, campaign, uploader, collection,
     created_at, ingested, errors, last_event_at, last_event, last_error, status, status_detail, status_at";

fn folder_from_row(r: &Row<'_>) -> rusqlite::Result<WatchedFolder> {
    let tags: String = r.get(4)?;
    let state: String = r.get(2)?;
    let after: String = r.get(3)?;
    let status: Option<String> = r.get(17)?;
    Ok(WatchedFolder {
        id: WatchedFolderId(r.get(0)?),
        path: r.get(1)?,
        state: FolderState::parse(&state).unwrap_or(FolderState::Paused),
        rule: WatchRule {
            after: AfterIngest::parse(&after).unwrap_or_default(),
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            credit: r.get(5)?,
            creator: r.get(6)?,
            rights: r.get(7)?,
            campaign: r.get(8)?,
            uploader: r.get(9)?,
            collection: r.get(10)?,
        },
        created_at: r.get(11)?,
        ingested: r.get::<_, i64>(12)? as u64,
        errors: r.get::<_, i64>(13)? as u64,
        last_event_at: r.get(14)?,
        last_event: r.get(15)?,
        last_error: r.get(16)?,
        status: status.as_deref().and_then(WatchStatus::parse),
        status_detail: r.get(18)?,
        status_at: r.get(19)?,
    })
}

fn tags_json(rule: &WatchRule) -> String {
    serde_json::to_string(&rule.tags).unwrap_or_else(|_| "[]".into())
}

/// The columns a rule is stored in, in the order [`rule_values`] gives them.
const RULE_COLUMNS: &str = "after, tags, credit, creator, rights, campaign, uploader, collection";

fn rule_values(rule: &WatchRule) -> [Value; 8] {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    [
        Value::Text(rule.after.as_str().into()),
        Value::Text(tags_json(rule)),
        text(&rule.credit),
        text(&rule.creator),
        text(&rule.rights),
        text(&rule.campaign),
        text(&rule.uploader),
        text(&rule.collection),
    ]
}

impl Store {
    pub fn insert_watched_folder(&self, path: &str, rule: &WatchRule, now: i64) -> Result<WatchedFolderId> {
        self.write(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO watched_folders (path, created_at, {RULE_COLUMNS})
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                ),
                params_from_iter([Value::Text(path.into()), Value::Integer(now)].into_iter().chain(rule_values(rule))),
            )
            .map_err(super::assets_write::db_fail(tx))?;
            Ok(WatchedFolderId(tx.last_insert_rowid()))
        })
    }

    /// Runs one statement in its own write transaction; returns the rows changed.
    fn execute(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        self.write(|tx| tx.execute(sql, params).map_err(super::assets_write::db_fail(tx)))
    }

    pub fn watched_folders(&self) -> Result<Vec<WatchedFolder>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached(&format!("SELECT {FOLDER_COLUMNS} FROM watched_folders ORDER BY id"))
            .map_err(self.fail())?;
        let rows = st.query_map([], folder_from_row).and_then(Iterator::collect).map_err(self.fail())?;
        Ok(rows)
    }

    pub fn watched_folder(&self, id: WatchedFolderId) -> Result<Option<WatchedFolder>> {
        self.reader()?
            .prepare_cached(&format!("SELECT {FOLDER_COLUMNS} FROM watched_folders WHERE id = ?1"))
            .and_then(|mut st| st.query_row(params![id.0], folder_from_row).optional())
            .map_err(self.fail())
    }

    /// Removes a folder and its feed. Returns whether it existed.
    pub fn delete_watched_folder(&self, id: WatchedFolderId) -> Result<bool> {
        let n = self.execute("DELETE FROM watched_folders WHERE id = ?1", params![id.0])?;
        Ok(n == 1)
    }

    pub fn set_watched_folder_state(&self, id: WatchedFolderId, state: FolderState) -> Result<bool> {
        let n = self.execute("UPDATE watched_folders SET state = ?1 WHERE id = ?2", params![state.as_str(), id.0])?;
        Ok(n == 1)
    }

    pub fn set_watched_folder_rule(&self, id: WatchedFolderId, rule: &WatchRule) -> Result<bool> {
        let n = self.execute(
            &format!("UPDATE watched_folders SET ({RULE_COLUMNS}) = (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) WHERE id = ?9"),
            params_from_iter(rule_values(rule).into_iter().chain([Value::Integer(id.0)])),
        )?;
        Ok(n == 1)
    }

    /// What the running watcher is doing with a folder (None: no watcher runs).
    pub fn set_watch_status(
        &self,
        id: WatchedFolderId,
        status: Option<WatchStatus>,
        detail: Option<&str>,
        now: i64,
    ) -> Result<()> {
        self.execute(
            "UPDATE watched_folders SET status = ?1, status_detail = ?2, status_at = ?3 WHERE id = ?4",
            params![status.map(WatchStatus::as_str), detail, now, id.0],
        )?;
        Ok(())
    }

    /// Appends events to the feed, updates each folder's counts and last event, and prunes the feed, in one
    /// transaction. Returns the events as stored.
    pub fn record_watch_events(&self, events: &[NewWatchEvent], now: i64) -> Result<Vec<WatchEvent>> {
        if events.is_empty() {
            return Ok(Vec::new());
        }
        self.write(|tx| {
            let fail = super::assets_write::db_fail(tx);
            let mut stored = Vec::with_capacity(events.len());
            for e in events {
                tx.prepare_cached(
                    "INSERT INTO watch_events (folder_id, at, kind, path, asset_id, detail)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .and_then(|mut st| {
                    st.execute(params![e.folder.0, now, e.kind.as_str(), e.path, e.asset.map(|a| a.0), e.detail])
                })
                .map_err(&fail)?;
                let id = tx.last_insert_rowid();
                let line = summary(e);
                let ingested = i64::from(e.kind == WatchEventKind::Ingested);
                let error = e.kind.is_error().then_some(line.as_str());
                tx.prepare_cached(
                    "UPDATE watched_folders SET ingested = ingested + ?1, errors = errors + ?2, last_event_at = ?3,
                            last_event = ?4, last_error = coalesce(?5, last_error)
                     WHERE id = ?6",
                )
                .and_then(|mut st| {
                    st.execute(params![ingested, i64::from(error.is_some()), now, line, error, e.folder.0])
                })
                .map_err(&fail)?;
                stored.push(WatchEvent {
                    id,
                    folder_id: e.folder,
                    at: now,
                    kind: e.kind,
                    path: e.path.clone(),
                    asset_id: e.asset,
                    detail: e.detail.clone(),
                });
            }
            tx.execute(
                "DELETE FROM watch_events WHERE id <= (SELECT max(id) FROM watch_events) - ?1",
                params![FEED_LIMIT],
            )
            .map_err(&fail)?;
            Ok(stored)
        })
    }

    /// The newest events, newest first.
    pub fn watch_events(&self, folder: Option<WatchedFolderId>, limit: u32) -> Result<Vec<WatchEvent>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached(
                "SELECT id, folder_id, at, kind, path, asset_id, detail FROM watch_events
                 WHERE ?1 IS NULL OR folder_id = ?1 ORDER BY id DESC LIMIT ?2",
            )
            .map_err(self.fail())?;
        let rows = st
            .query_map(params![folder.map(|f| f.0), limit], |r| {
                let kind: String = r.get(3)?;
                Ok(WatchEvent {
                    id: r.get(0)?,
                    folder_id: WatchedFolderId(r.get(1)?),
                    at: r.get(2)?,
                    kind: WatchEventKind::parse(&kind).unwrap_or(WatchEventKind::Warning),
                    path: r.get(4)?,
                    asset_id: r.get::<_, Option<i64>>(5)?.map(AssetId),
                    detail: r.get(6)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Every source path recorded under `folder` (absolute, without a trailing slash) with when it was last seen
    /// (unix seconds): what a watched folder already took in.
    pub fn sources_under(&self, folder: &str) -> Result<HashMap<String, i64>> {
        // Paths under "dir/" sort between "dir/" and "dir0" ('0' follows '/'), so this is a range on the key.
        let start = format!("{folder}/");
        let end = format!("{folder}0");
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached("SELECT path, max(seen_at) FROM file_sources WHERE path >= ?1 AND path < ?2 GROUP BY path")
            .map_err(self.fail())?;
        let rows = st
            .query_map(params![start, end], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(Iterator::collect)
            .map_err(self.fail())?;
        Ok(rows)
    }
}

/// The folder's "last event" line.
fn summary(e: &NewWatchEvent) -> String {
    let name = e.path.as_deref().and_then(|p| p.rsplit('/').next()).unwrap_or("");
    match (name.is_empty(), e.detail.is_empty()) {
        (true, _) => format!("{}: {}", e.kind.as_str(), e.detail),
        (false, true) => format!("{} {name}", e.kind.as_str()),
        (false, false) => format!("{} {name}: {}", e.kind.as_str(), e.detail),
    }
}
