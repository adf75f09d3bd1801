//! `tessera audit verify`: recomputes the hash chain and names the first event that does not fit.

use crate::app::Ctx;
use crate::domain::AuditCheck;
use crate::error::Result;

pub fn verify(ctx: &Ctx) -> Result<AuditCheck> {
    ctx.require(crate::domain::Action::ViewAudit)?;
    ctx.store().audit_verify()
}
