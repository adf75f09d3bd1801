//! A collection's cover: one of its assets (`None` clears it; the sidebar then shows the first).

use crate::app::Ctx;
use crate::domain::{collection_path, AssetId, CollectionRef};
use crate::error::Result;

pub fn set_cover(ctx: &Ctx, path: &str, cover: Option<AssetId>) -> Result<CollectionRef> {
    ctx.require(crate::domain::Action::Collections)?;
    let path = collection_path(path)?.join("/");
    ctx.store().collection_cover(&path, cover)
}
