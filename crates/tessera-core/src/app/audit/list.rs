//! Listing the audit trail (`tessera audit ls` and `audit export`), filtered by date, actor and asset.

use crate::app::Ctx;
use crate::domain::{AuditEvent, AuditFilter};
use crate::error::Result;

/// The events matching `filter`, oldest first (at most `limit`).
pub fn audit_events(ctx: &Ctx, filter: &AuditFilter, limit: Option<u64>) -> Result<Vec<AuditEvent>> {
    ctx.require(crate::domain::Action::ViewAudit)?;
    ctx.store().audit_events(filter, limit)
}

/// The events as CSV (RFC 4180 quoting): seq, at (UTC), actor, action, assets (space-separated), detail (JSON), hash.
pub fn to_csv(events: &[AuditEvent]) -> String {
    let mut out = String::from("seq,at,actor,action,assets,detail,hash\n");
    for e in events {
        let assets = e.assets.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
        let row = [
            e.seq.to_string(),
            crate::domain::query::dates::format_utc(e.at),
            e.actor.clone(),
            e.action.clone(),
            assets,
            e.detail.to_string(),
            e.hash.clone(),
        ];
        out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}
