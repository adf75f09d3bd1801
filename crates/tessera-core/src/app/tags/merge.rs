//! Merging two tags: every asset of `from` gets `into`, the tags beneath `from` move beneath `into` (merging with
//! those of the same name), and `from` becomes a synonym of `into`. One transaction.

use crate::app::Ctx;
use crate::domain::{normalise_tag, TagChange};
use crate::error::Result;
use crate::store::LogNote;

pub fn merge_tags(ctx: &Ctx, from: &str, into: &str) -> Result<TagChange> {
    ctx.require(crate::domain::Action::ManageTags)?;
    let (from, into) = (normalise_tag(from)?, normalise_tag(into)?);
    let summary = format!("merge tag {from} into {into}");
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    ctx.store().merge_tags(&from, &into, &note)
}
