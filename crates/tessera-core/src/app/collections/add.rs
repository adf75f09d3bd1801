//! Adding a selection to a manual collection, creating the collection (and its parents) when missing.

use super::{with_targets, MembershipOutcome};
use crate::app::assets::Selection;
use crate::app::Ctx;
use crate::domain::{collection_path, EditProgress};
use crate::error::Result;
use crate::runtime::ProgressSink;
use crate::store::LogNote;

/// Adds the selection (possibly empty: then it only creates the collection) in one transaction, one undo step.
pub fn add_to_collection(
    ctx: &Ctx,
    path: &str,
    selection: &Selection,
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<MembershipOutcome> {
    ctx.require(crate::domain::Action::Collections)?;
    let parts = collection_path(path)?;
    let summary = format!("+collection {}", parts.join("/"));
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    with_targets(selection, |targets| ctx.store().collection_add(&parts, targets, &note, progress)).map(Into::into)
}
