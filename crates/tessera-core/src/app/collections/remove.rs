//! Taking a selection out of a manual collection (the assets stay in the library).

use super::{with_targets, MembershipOutcome};
use crate::app::assets::Selection;
use crate::app::Ctx;
use crate::domain::{collection_path, EditProgress};
use crate::error::Result;
use crate::runtime::ProgressSink;
use crate::store::LogNote;

pub fn remove_from_collection(
    ctx: &Ctx,
    path: &str,
    selection: &Selection,
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<MembershipOutcome> {
    ctx.require(crate::domain::Action::Collections)?;
    let path = collection_path(path)?.join("/");
    let summary = format!("-collection {path}");
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    with_targets(selection, |targets| ctx.store().collection_remove(&path, targets, &note, progress)).map(Into::into)
}
