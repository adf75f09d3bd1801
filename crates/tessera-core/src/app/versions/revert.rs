//! Making an older version current again. Nothing is deleted: the version that was current stays in the stack, so
//! reverting is taken back by reverting again.

use crate::app::Ctx;
use crate::domain::{Action, AssetId, VersionChanged};
use crate::error::Result;
use crate::store::LogNote;

pub fn revert_version(ctx: &Ctx, id: AssetId, number: u32) -> Result<VersionChanged> {
    ctx.require(Action::EditMetadata)?;
    let summary = format!("asset {}: version {number} made current", id.0);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    ctx.store().revert_version(id, number, &note)
}
