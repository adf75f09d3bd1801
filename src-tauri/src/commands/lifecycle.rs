//! The lifecycle and the audit trail: an asset's state and history, moving assets between states, archiving, and
//! the audit trail's events and chain check.

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::lifecycle::{Moved, StatusReport};
use tessera_core::app::{audit, lifecycle};
use tessera_core::domain::lifecycle::Status;
use tessera_core::domain::{AuditCheck, AuditEvent, AuditFilter};
use tessera_core::AssetId;

pub async fn asset_status(call: Call<'_>, id: AssetId) -> IpcResult<StatusReport> {
    Ok(lifecycle::status(&call.state.ctx()?, id)?)
}

pub async fn set_status(call: Call<'_>, ids: Vec<AssetId>, to: Status) -> IpcResult<Vec<Moved>> {
    Ok(lifecycle::set_status(&call.state.ctx()?, &ids, to)?)
}

pub async fn archive_assets(call: Call<'_>, ids: Vec<AssetId>) -> IpcResult<Vec<Moved>> {
    Ok(lifecycle::archive(&call.state.ctx()?, &ids)?)
}

pub async fn restore_archived(call: Call<'_>, ids: Vec<AssetId>) -> IpcResult<Vec<Moved>> {
    Ok(lifecycle::restore(&call.state.ctx()?, &ids)?)
}

pub async fn audit_events(call: Call<'_>, filter: AuditFilter, limit: Option<u64>) -> IpcResult<Vec<AuditEvent>> {
    Ok(audit::audit_events(&call.state.ctx()?, &filter, limit)?)
}

pub async fn verify_audit(call: Call<'_>) -> IpcResult<AuditCheck> {
    Ok(audit::verify(&call.state.ctx()?)?)
}
