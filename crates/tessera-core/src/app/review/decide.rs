//! Deciding a review: approve, approve with changes, request changes or reject (a comment is required for the last
//! two), by someone who reviews an open stage of the asset (by name or role; an admin may always). The decision can
//! be changed until the stage closes.

use super::note;
use crate::app::lifecycle::today;
use crate::app::Ctx;
use crate::domain::review::Decision;
use crate::domain::review_view::Decided;
use crate::domain::{Action, AssetId};
use crate::error::{Error, Result};

pub fn decide(ctx: &Ctx, id: AssetId, decision: Decision, comment: Option<&str>) -> Result<Decided> {
    ctx.require(Action::Decide)?;
    let comment = comment.map(str::trim).filter(|c| !c.is_empty());
    if decision.needs_comment() && comment.is_none() {
        let what = if decision == Decision::Reject {
            "rejecting needs a comment saying why"
        } else {
            "requesting changes needs a comment saying what must change"
        };
        return Err(Error::InvalidComment(what.into()));
    }
    let today = today(ctx);
    ctx.store().decide(id, decision, comment, &note(ctx, &today))
}
