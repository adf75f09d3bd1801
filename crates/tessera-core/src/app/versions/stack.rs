//! Accepting an ingest's offer: a file that arrived as an asset of its own (`poster_v2.jpg`) becomes the next
//! version of the asset it comes from. Its own asset goes; the asset it joins keeps its metadata and review.

use crate::app::Ctx;
use crate::domain::{Action, AssetId, VersionChanged};
use crate::error::Result;
use crate::store::LogNote;

pub fn stack_as_version(ctx: &Ctx, from: AssetId, onto: AssetId) -> Result<VersionChanged> {
    ctx.require(Action::Ingest)?;
    let summary = format!("asset {} stacked onto asset {} as a new version", from.0, onto.0);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    ctx.store().stack_onto(from, onto, &note)
}
