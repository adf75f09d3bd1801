//! Undo: takes back the acting person's last edit as one step, however many assets it touched (`tessera undo`,
//! Ctrl+Z in the app). What someone changed again since is left alone and counted, never overwritten.

use crate::app::Ctx;
use crate::domain::{EditProgress, EditRecord};
use crate::error::Result;
use crate::runtime::ProgressSink;
use crate::store::LogNote;
use serde::Serialize;

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct UndoOutcome {
    /// The edit taken back.
    pub undid: EditRecord,
    /// The undo's own entry in the edit log.
    pub undo: EditRecord,
    /// Values and tags put back.
    pub restored: u64,
    /// Values and tags changed again since the edit, left as they are.
    pub skipped: u64,
}

/// Undoes the actor's newest edit that is not undone yet (`not_found` when there is none).
pub fn undo_last(ctx: &Ctx, progress: &dyn ProgressSink<EditProgress>) -> Result<UndoOutcome> {
    ctx.require(crate::domain::Action::Undo)?;
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: "" };
    let done = ctx.store().undo_last(&note, progress)?;
    Ok(UndoOutcome { undid: done.undid, undo: done.undo, restored: done.restored, skipped: done.skipped })
}

/// The newest `limit` entries of the edit log, newest first; only the actor's own with `mine`.
pub fn edit_log(ctx: &Ctx, limit: u32, mine: bool) -> Result<Vec<EditRecord>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().edit_log(limit, mine.then_some(ctx.actor.name.as_str()))
}
