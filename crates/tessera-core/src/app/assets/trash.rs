//! Moving assets to the trash (`tessera rm`, Delete in the app): many at once, one transaction, one edit-log entry
//! (field `trash`), so `tessera undo` brings them all back in one step. Trashed assets leave the default views and the
//! sidebar counters at once; their rows and originals stay until the trash is emptied.

use crate::app::Ctx;
use crate::domain::{AssetId, EditId};
use crate::error::Result;
use crate::store::LogNote;
use serde::Serialize;

/// What a move to or from the trash did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrashOutcome {
    /// The assets that moved; ones already there are not counted.
    pub moved: Vec<AssetId>,
    /// The edit-log entry (`null` when nothing moved).
    pub edit: Option<EditId>,
}

/// Moves `ids` to the trash; all or nothing (an unknown id fails with `not_found` and moves none).
pub fn trash_assets(ctx: &Ctx, ids: &[AssetId]) -> Result<TrashOutcome> {
    move_assets(ctx, ids, true)
}

pub(super) fn move_assets(ctx: &Ctx, ids: &[AssetId], to_trash: bool) -> Result<TrashOutcome> {
    ctx.require(if to_trash { crate::domain::Action::Trash } else { crate::domain::Action::Restore })?;
    let summary = format!("{} {}", if to_trash { "trash" } else { "restore" }, count(ids.len()));
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    let moved = ctx.store().move_trash(ids, to_trash, &note)?;
    Ok(TrashOutcome { moved: moved.moved, edit: moved.edit })
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 asset".into()
    } else {
        format!("{n} assets")
    }
}
