//! Recording assets whose files were prepared elsewhere (the benchmark's synthetic library; later, imports from
//! another catalogue): the rows only, in one transaction per call. Ordinary ingest goes through [`super::ingest`].

use crate::app::Ctx;
use crate::domain::{AssetId, NewAsset};
use crate::error::Result;

pub fn insert(ctx: &Ctx, assets: &[NewAsset]) -> Result<Vec<AssetId>> {
    ctx.store().insert_assets(assets)
}
