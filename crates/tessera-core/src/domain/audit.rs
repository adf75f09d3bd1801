//! The audit trail as front ends and scripts see it: tamper-evident events (see `store/audit_sql.rs` for the chain).

use serde::{Deserialize, Serialize};

/// One recorded change: who, when, what, on which assets, with the details (field, before, after …).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    /// `edit`, `undo`, `ingest`, `transition`, `override` …
    pub action: String,
    pub assets: Vec<i64>,
    #[ts(type = "Record<string, unknown>")]
    pub detail: serde_json::Value,
    /// BLAKE3 of the previous hash and this event's canonical form, in hex.
    pub hash: String,
}

/// Which events to list or export; every part is optional and they combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct AuditFilter {
    /// Events at or after this time (Unix seconds).
    pub since: Option<i64>,
    /// Events before this time (Unix seconds).
    pub until: Option<i64>,
    pub actor: Option<String>,
    /// `edit`, `ingest`, `transition` …
    pub action: Option<String>,
    pub asset: Option<i64>,
    /// Newest first (the Activity view); else oldest first (exports, `audit ls`).
    pub newest_first: bool,
}

/// What `audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditCheck {
    /// Events checked.
    pub events: u64,
    /// The first event that does not fit the chain, and why; `None` when the chain holds.
    pub broken: Option<AuditBreak>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditBreak {
    pub seq: i64,
    pub reason: String,
}
