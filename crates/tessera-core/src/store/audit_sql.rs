//! The audit trail in SQL: an append-only, hash-chained table of events, each written in the transaction of the
//! change it records (the edit log's [`super::edit_log_sql::Entry::close`], an ingest batch, a lifecycle transition).
//!
//! **The chain.** `hash(N) = BLAKE3(prev_hash || canonical(N))` with `prev_hash` = `hash(N-1)`, or [`genesis`] for
//! event 1. Sequence numbers start at 1 and have no gaps.
//!
//! **The canonical form** of an event is its six fields in this fixed order: `seq`, `at`, `actor`, `action`,
//! `assets`, `detail`; each one written as its length in bytes (8 bytes, little-endian) followed by its UTF-8 bytes.
//! Integers (`seq`, `at`) are written in decimal; `assets` is the comma-separated ids exactly as stored; `detail` is
//! the JSON text exactly as stored (so the hash never depends on how a JSON library orders a map's keys). The
//! length prefixes make the form unambiguous: no two different events share one.

use super::assets_write::db_fail;
use super::Store;
use crate::domain::{AuditBreak, AuditCheck, AuditEvent, AuditFilter};
use crate::error::Result;
use rusqlite::{params, Connection, OptionalExtension, Row};

/// The value event 1 chains from.
pub fn genesis() -> [u8; 32] {
    *blake3::hash(b"tessera audit trail, genesis v1").as_bytes()
}

/// What an event says, before it gets its place in the chain.
pub(crate) struct NewEvent<'a> {
    pub at: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub assets: &'a [i64],
    pub detail: &'a serde_json::Value,
}

fn canonical(seq: i64, at: i64, actor: &str, action: &str, assets: &str, detail: &str) -> Vec<u8> {
    let (seq, at) = (seq.to_string(), at.to_string());
    let parts = [seq.as_str(), at.as_str(), actor, action, assets, detail];
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len() + 8).sum());
    for part in parts {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part.as_bytes());
    }
    out
}

fn chain(prev: &[u8], canonical: &[u8]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(prev);
    h.update(canonical);
    *h.finalize().as_bytes()
}

fn join_ids(ids: &[i64]) -> String {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Appends one event to the chain, inside the caller's transaction.
pub(crate) fn append(tx: &Connection, e: &NewEvent<'_>) -> Result<i64> {
    let fail = db_fail(tx);
    let last: Option<(i64, Vec<u8>)> = tx
        .prepare_cached("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .and_then(|mut st| st.query_row([], |r| Ok((r.get(0)?, r.get(1)?))).optional())
        .map_err(&fail)?;
    let (seq, prev) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, genesis().to_vec()),
    };
    let assets = join_ids(e.assets);
    let detail = e.detail.to_string();
    let hash = chain(&prev, &canonical(seq, e.at, e.actor, e.action, &assets, &detail));
    tx.prepare_cached(
        "INSERT INTO audit_events (seq, at, actor, action, assets, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .and_then(|mut st| st.execute(params![seq, e.at, e.actor, e.action, assets, detail, prev, &hash[..]]))
    .map_err(&fail)?;
    Ok(seq)
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn event(r: &Row<'_>) -> rusqlite::Result<AuditEvent> {
    let assets: String = r.get(4)?;
    let detail: String = r.get(5)?;
    Ok(AuditEvent {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        assets: assets.split(',').filter_map(|s| s.parse().ok()).collect(),
        detail: serde_json::from_str(&detail).unwrap_or(serde_json::Value::String(detail)),
        hash: to_hex(&r.get::<_, Vec<u8>>(7)?),
    })
}

impl Store {
    /// The events that match `filter`, oldest first, at most `limit`.
    pub fn audit_events(&self, filter: &AuditFilter, limit: Option<u64>) -> Result<Vec<AuditEvent>> {
        let conn = self.reader()?;
        let order = if filter.newest_first { "DESC" } else { "ASC" };
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT seq, at, actor, action, assets, detail, prev_hash, hash FROM audit_events
                 WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) AND (?3 IS NULL OR actor = ?3)
                   AND (?4 IS NULL OR action = ?4)
                   AND (?5 IS NULL OR (',' || assets || ',') LIKE ('%,' || ?5 || ',%'))
                 ORDER BY seq {order} LIMIT ?6"
            ))
            .map_err(self.fail())?;
        let limit = limit.map_or(-1, |l| l.min(i64::MAX as u64) as i64);
        let rows = st
            .query_map(params![filter.since, filter.until, filter.actor, filter.action, filter.asset, limit], event)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Recomputes the whole chain and names the first event that does not fit: one changed (its hash no longer
    /// matches its content), inserted or deleted (the sequence has a gap, or an event does not chain from the one
    /// before it).
    pub fn audit_verify(&self) -> Result<AuditCheck> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare("SELECT seq, at, actor, action, assets, detail, prev_hash, hash FROM audit_events ORDER BY seq")
            .map_err(self.fail())?;
        let mut rows = st.query([]).map_err(self.fail())?;
        let mut prev = genesis().to_vec();
        let mut expected = 1i64;
        let mut events = 0u64;
        let broken = |seq: i64, reason: String| Some(AuditBreak { seq, reason });
        while let Some(r) = rows.next().map_err(self.fail())? {
            let seq: i64 = r.get(0).map_err(self.fail())?;
            let fields = (|| -> rusqlite::Result<_> {
                Ok((
                    r.get::<_, i64>(1)?,
                    r.get_ref(2)?.as_str()?.to_owned(),
                    r.get_ref(3)?.as_str()?.to_owned(),
                    r.get_ref(4)?.as_str()?.to_owned(),
                    r.get_ref(5)?.as_str()?.to_owned(),
                    r.get::<_, Vec<u8>>(6)?,
                    r.get::<_, Vec<u8>>(7)?,
                ))
            })();
            let Ok((at, actor, action, assets, detail, prev_hash, hash)) = fields else {
                return Ok(AuditCheck {
                    events,
                    broken: broken(seq, "unreadable (a column has the wrong type)".into()),
                });
            };
            let reason = if seq != expected {
                Some(if seq > expected {
                    format!("events {expected} to {} are missing (deleted)", seq - 1)
                } else {
                    "out of sequence (inserted)".to_string()
                })
            } else if prev_hash != prev {
                Some(format!("does not chain from event {} (one was inserted, deleted or changed)", seq - 1))
            } else if chain(&prev, &canonical(seq, at, &actor, &action, &assets, &detail))[..] != hash[..] {
                Some("changed: its hash does not match its content".to_string())
            } else {
                None
            };
            if let Some(reason) = reason {
                return Ok(AuditCheck { events, broken: broken(seq, reason) });
            }
            events += 1;
            expected = seq + 1;
            prev = hash;
        }
        Ok(AuditCheck { events, broken: None })
    }

    /// Appends events that record no other change (an override, a bench's synthetic trail) in one transaction.
    pub(crate) fn audit_append(&self, events: &[NewEvent<'_>]) -> Result<()> {
        self.write(|tx| events.iter().try_for_each(|e| append(tx, e).map(|_| ())))
    }
}
