//! Renaming or moving a tag: `Brand/Sneaker` to `Brand/Product/Sneaker` takes everything beneath it along; every
//! asset keeps it, and the old path stays a synonym so saved queries naming it keep working.

use crate::app::Ctx;
use crate::domain::{normalise_tag, TagChange};
use crate::error::Result;
use crate::store::LogNote;

/// Renames or moves `from` to the path `to`. Onto an existing tag it is refused, unless `merge` asks to merge them.
pub fn rename_tag(ctx: &Ctx, from: &str, to: &str, merge: bool) -> Result<TagChange> {
    ctx.require(crate::domain::Action::ManageTags)?;
    let (from, to) = (normalise_tag(from)?, normalise_tag(to)?);
    let summary = format!("rename tag {from} to {to}");
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    ctx.store().rename_tag(&from, &to, merge, &note)
}
