//! Offboarding: a deactivated profile can no longer act, its open reviews go to the profile named to take them over
//! (in the same transaction), and everything it did stays in the history and the audit trail.

use crate::app::Ctx;
use crate::domain::Action;
use crate::error::Result;
use crate::store::Deactivated;

pub fn deactivate(ctx: &Ctx, name: &str, handover: Option<&str>) -> Result<Deactivated> {
    ctx.require(Action::ManageUsers)?;
    let handover = handover.map(str::trim).filter(|h| !h.is_empty());
    ctx.store().profile_deactivate(name.trim(), handover, &ctx.actor.name, ctx.now())
}
