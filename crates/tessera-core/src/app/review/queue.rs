//! What waits for the acting person (soonest due first), and an asset's latest review.

use crate::app::Ctx;
use crate::domain::review_view::{Queue, ReviewView};
use crate::domain::{Action, AssetId};
use crate::error::Result;

pub fn queue(ctx: &Ctx, limit: u32) -> Result<Queue> {
    ctx.require(Action::Read)?;
    ctx.store().review_queue(&ctx.actor.name, ctx.actor.role, ctx.now(), limit.clamp(1, 10_000))
}

pub fn review_of(ctx: &Ctx, id: AssetId) -> Result<Option<ReviewView>> {
    ctx.require(Action::Read)?;
    ctx.store().review_of(id)
}
