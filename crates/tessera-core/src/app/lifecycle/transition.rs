//! Reading an asset's lifecycle state with its history (from the audit trail), and moving assets between states:
//! `tessera status ID`, `tessera status set ID... STATE`, `tessera archive ID...`, `tessera restore ID...`.

use crate::app::Ctx;
use crate::domain::lifecycle::{self, Status};
use crate::domain::query::dates;
use crate::domain::{Action, AuditFilter};
use crate::error::{Error, Result};
use crate::AssetId;
use serde::Serialize;

/// An asset's state as shown (expired computed from `expires`), the state stored, and every move it made.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StatusReport {
    pub id: i64,
    pub state: Status,
    pub stored: Status,
    pub expires: Option<String>,
    /// The states it may move to now (`domain::lifecycle::ALLOWED` from `state`).
    pub next: Vec<Status>,
    pub history: Vec<StatusStep>,
}

/// One move, from the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StatusStep {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub from: String,
    pub to: String,
}

/// One asset moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Moved {
    pub id: i64,
    pub from: Status,
    pub to: Status,
}

/// Today's date ("YYYY-MM-DD", UTC) by the context's clock: what rights expiry dates are compared with.
pub(crate) fn today(ctx: &Ctx) -> String {
    dates::format_utc(ctx.now()).chars().take(10).collect()
}

/// The state `id` shows now (expired counted against today) and its rights expiry, without its history.
pub(crate) fn shown_state(ctx: &Ctx, id: AssetId) -> Result<(Status, Option<String>)> {
    let stored = ctx.store().stored_status(id.0)?;
    Ok((lifecycle::shown(stored.status, stored.expires.as_deref(), &today(ctx)), stored.expires))
}

pub fn status(ctx: &Ctx, id: AssetId) -> Result<StatusReport> {
    ctx.require(Action::Read)?;
    let stored = ctx.store().stored_status(id.0)?;
    let filter = AuditFilter { asset: Some(id.0), ..AuditFilter::default() };
    let history = ctx
        .store()
        .audit_events(&filter, None)?
        .into_iter()
        .filter(|e| e.action == "transition")
        .flat_map(|e| {
            let changes = e.detail["changes"].as_array().cloned().unwrap_or_default();
            changes.into_iter().filter(|c| c["asset"].as_i64() == Some(id.0)).map(move |c| StatusStep {
                seq: e.seq,
                at: e.at,
                actor: e.actor.clone(),
                from: c["before"].as_str().unwrap_or_default().to_string(),
                to: c["after"].as_str().unwrap_or_default().to_string(),
            })
        })
        .collect();
    let state = lifecycle::shown(stored.status, stored.expires.as_deref(), &today(ctx));
    Ok(StatusReport {
        id: id.0,
        state,
        stored: stored.status,
        expires: stored.expires,
        next: lifecycle::next_states(state),
        history,
    })
}

fn moved(rows: Vec<(i64, Status, Status)>) -> Vec<Moved> {
    rows.into_iter().map(|(id, from, to)| Moved { id, from, to }).collect()
}

/// Moves every asset to `to`, all or none (the first refused move refuses the call, with its reason).
pub fn set_status(ctx: &Ctx, ids: &[AssetId], to: Status) -> Result<Vec<Moved>> {
    ctx.require(match to {
        Status::Published => Action::Publish,
        Status::Archived => Action::Archive,
        _ => Action::Transition,
    })?;
    let ids: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let rows = ctx.store().move_status(&ids, &today(ctx), (&ctx.actor.name, ctx.now()), |_| Ok(to))?;
    Ok(moved(rows))
}

pub fn archive(ctx: &Ctx, ids: &[AssetId]) -> Result<Vec<Moved>> {
    set_status(ctx, ids, Status::Archived)
}

/// Puts archived assets back in the state they had before archiving.
pub fn restore(ctx: &Ctx, ids: &[AssetId]) -> Result<Vec<Moved>> {
    ctx.require(Action::Archive)?;
    let ids: Vec<i64> = ids.iter().map(|i| i.0).collect();
    let rows = ctx.store().move_status(&ids, &today(ctx), (&ctx.actor.name, ctx.now()), |s| {
        if s.status != Status::Archived {
            return Err(Error::Transition {
                from: s.status.as_str(),
                to: "restored",
                reason: format!("asset {} is not archived", s.id),
            });
        }
        Ok(s.archived_from.unwrap_or(Status::Draft))
    })?;
    Ok(moved(rows))
}
