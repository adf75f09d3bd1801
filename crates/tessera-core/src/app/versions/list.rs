//! The version stack of an asset, oldest first.

use crate::app::Ctx;
use crate::domain::{Action, AssetId, Version};
use crate::error::Result;

pub fn versions(ctx: &Ctx, id: AssetId) -> Result<Vec<Version>> {
    ctx.require(Action::Read)?;
    ctx.store().versions(id)
}
