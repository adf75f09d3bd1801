//! Taking assets back out of the trash (`tessera trash restore ID...`): they return to the views as they were, tags,
//! fields and collections included. Recorded in the edit log like the move in, so it can be undone too.

use super::trash::{move_assets, TrashOutcome};
use crate::app::Ctx;
use crate::domain::{AssetId, TrashedAsset};
use crate::error::Result;

/// Restores `ids` from the trash; all or nothing (an unknown id fails with `not_found`); ones not in the trash are
/// left as they are and not counted.
pub fn restore_assets(ctx: &Ctx, ids: &[AssetId]) -> Result<TrashOutcome> {
    move_assets(ctx, ids, false)
}

/// The assets in the trash, most recently trashed first.
pub fn list_trash(ctx: &Ctx) -> Result<Vec<TrashedAsset>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().list_trash()
}
