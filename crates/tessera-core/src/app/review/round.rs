//! The hooks: a new version of an approved or in-review asset starts a new review round (when its template says so),
//! and a deactivated reviewer's place in open reviews goes to another person.

use super::note;
use crate::app::lifecycle::today;
use crate::app::Ctx;
use crate::domain::{Action, AssetId};
use crate::error::Result;

/// Called after a version was added; returns the new review when one started.
pub fn on_new_version(ctx: &Ctx, id: AssetId) -> Result<Option<i64>> {
    let today = today(ctx);
    ctx.store().review_new_round(id, &note(ctx, &today))
}

/// Hands `from`'s pending reviews to `to`; returns how many stages changed hands.
pub fn hand_over_reviews(ctx: &Ctx, from: &str, to: &str) -> Result<u64> {
    ctx.require(Action::ManageUsers)?;
    ctx.store().hand_over_reviews(from, to, &ctx.actor.name, ctx.now())
}
