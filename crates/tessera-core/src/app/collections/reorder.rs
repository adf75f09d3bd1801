//! The manual order of a collection: the given assets first, in that order, the others after them as they were.

use crate::app::Ctx;
use crate::domain::{collection_path, AssetId};
use crate::error::Result;

/// Returns the whole order afterwards.
pub fn reorder_collection(ctx: &Ctx, path: &str, first: &[AssetId]) -> Result<Vec<AssetId>> {
    ctx.require(crate::domain::Action::Collections)?;
    let path = collection_path(path)?.join("/");
    ctx.store().collection_order(&path, first)
}
