//! Reading one asset: everything known about it (`tessera show`, the inspector), and its current file (thumbnails).

use crate::app::Ctx;
use crate::domain::{AssetDetail, AssetId, StoredFile};
use crate::error::Result;

pub fn detail(ctx: &Ctx, id: AssetId) -> Result<AssetDetail> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().asset_detail(id)
}

pub fn current_file(ctx: &Ctx, id: AssetId) -> Result<StoredFile> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().current_file(id)
}
