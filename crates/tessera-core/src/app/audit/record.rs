//! Recording events that come with no other change (a governance override and its reason), by the acting person,
//! now. Changes to assets record themselves: the edit log and ingest write their events in their own transaction.

use crate::app::Ctx;
use crate::error::Result;
use crate::store::audit_sql::NewEvent;

/// One event to record: what happened (`override` …), to which assets, and the details as JSON.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub action: String,
    pub assets: Vec<i64>,
    pub detail: serde_json::Value,
}

/// Appends `events` to the audit trail in one transaction.
pub fn record(ctx: &Ctx, events: &[Recorded]) -> Result<()> {
    let at = ctx.now();
    let events: Vec<NewEvent<'_>> = events
        .iter()
        .map(|e| NewEvent { at, actor: &ctx.actor.name, action: &e.action, assets: &e.assets, detail: &e.detail })
        .collect();
    ctx.store().audit_append(&events)
}
