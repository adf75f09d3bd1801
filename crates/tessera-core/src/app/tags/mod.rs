//! Tags: tagging assets (`+tag` adds, `-tag` removes, on one or many at once), the tree with its counts, and
//! reshaping it (rename, move, merge, delete, colours and synonyms).

pub mod delete;
pub mod describe;
pub mod merge;
pub mod rename;

use crate::app::Ctx;
use crate::domain::{AssetId, TagCount, TagEdit};
use crate::error::Result;
use crate::runtime::NoProgress;
use crate::store::{Changes, LogNote, Targets};

pub use delete::{delete_tag, tag_assets, TagAssets};
pub use describe::{add_tag_synonym, remove_tag_synonym, set_tag_colour};
pub use merge::merge_tags;
pub use rename::rename_tag;

/// Applies a tag edit to assets in one transaction; returns each asset's tags afterwards (read in that transaction).
pub fn edit_tags(ctx: &Ctx, ids: &[AssetId], edit: &TagEdit) -> Result<Vec<(AssetId, Vec<String>)>> {
    ctx.require(crate::domain::Action::Tag)?;
    let changes = Changes { add_tags: &edit.add, remove_tags: &edit.remove, ..Changes::default() };
    let summary = crate::app::assets::edit::describe(&changes);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    let edited = ctx.store().edit(&Targets::Ids(ids), &changes, usize::MAX, &note, &NoProgress)?;
    Ok(edited.details.into_iter().map(|d| (d.id, d.tags)).collect())
}

/// The tag tree in path order, with counts kept by the store (no scan), colours and synonyms.
pub fn tag_counts(ctx: &Ctx) -> Result<Vec<TagCount>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().tag_counts()
}
