//! Tagging assets: `+tag` adds, `-tag` removes, on one or many assets at once; and every tag with its count.

use crate::app::Ctx;
use crate::domain::{AssetId, TagCount, TagEdit};
use crate::error::Result;
use crate::runtime::NoProgress;
use crate::store::{Changes, LogNote, Targets};

/// Applies a tag edit to assets in one transaction; returns each asset's tags afterwards (read in that transaction).
pub fn edit_tags(ctx: &Ctx, ids: &[AssetId], edit: &TagEdit) -> Result<Vec<(AssetId, Vec<String>)>> {
    let changes = Changes { add_tags: &edit.add, remove_tags: &edit.remove, ..Changes::default() };
    let summary = crate::app::assets::edit::describe(&changes);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    let edited = ctx.store().edit(&Targets::Ids(ids), &changes, usize::MAX, &note, &NoProgress)?;
    Ok(edited.details.into_iter().map(|d| (d.id, d.tags)).collect())
}

/// Every tag in use, most used first (kept counted by the store: no scan).
pub fn tag_counts(ctx: &Ctx) -> Result<Vec<TagCount>> {
    ctx.store().tag_counts()
}
