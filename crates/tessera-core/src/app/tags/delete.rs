//! Deleting a tag and the tags beneath it, from every asset that carries them (undoable); and the assets that
//! carry a tag, listed before a delete.

use crate::app::Ctx;
use crate::domain::{normalise_tag, AssetId, TagChange};
use crate::error::Result;
use crate::store::LogNote;

/// The assets carrying a tag or a tag beneath it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct TagAssets {
    /// The tag's path.
    pub tag: String,
    pub total: u64,
    /// The first of them, by id.
    pub ids: Vec<AssetId>,
}

pub fn tag_assets(ctx: &Ctx, name: &str, limit: usize) -> Result<TagAssets> {
    ctx.require(crate::domain::Action::Read)?;
    let (tag, total, ids) = ctx.store().tag_assets(&normalise_tag(name)?, limit)?;
    Ok(TagAssets { tag, total, ids })
}

pub fn delete_tag(ctx: &Ctx, name: &str) -> Result<TagChange> {
    ctx.require(crate::domain::Action::ManageTags)?;
    let name = normalise_tag(name)?;
    let summary = format!("delete tag {name}");
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    ctx.store().delete_tag(&name, &note)
}
