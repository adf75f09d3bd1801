//! The everyday actions on an asset from the tile menu: the trash, opening and revealing originals, copying them out,
//! exporting them for use (through the governance check).

use super::Call;
use crate::error::IpcResult;
use std::path::Path;
use tessera_core::app::assets::{self, CopyReport, EmptyTrashOutcome, ExportReport, TrashOutcome};
use tessera_core::domain::TrashedAsset;
use tessera_core::AssetId;

pub async fn trash_assets(call: Call<'_>, ids: Vec<AssetId>) -> IpcResult<TrashOutcome> {
    Ok(assets::trash_assets(&call.state.ctx()?, &ids)?)
}

pub async fn restore_assets(call: Call<'_>, ids: Vec<AssetId>) -> IpcResult<TrashOutcome> {
    Ok(assets::restore_assets(&call.state.ctx()?, &ids)?)
}

pub async fn list_trash(call: Call<'_>) -> IpcResult<Vec<TrashedAsset>> {
    Ok(assets::list_trash(&call.state.ctx()?)?)
}

pub async fn empty_trash(call: Call<'_>) -> IpcResult<EmptyTrashOutcome> {
    Ok(assets::empty_trash(&call.state.ctx()?)?)
}

pub async fn open_asset(call: Call<'_>, id: AssetId) -> IpcResult<String> {
    Ok(assets::open_original(&call.state.ctx()?, id)?.to_string_lossy().into_owned())
}

pub async fn reveal_asset(call: Call<'_>, id: AssetId) -> IpcResult<String> {
    Ok(assets::reveal_original(&call.state.ctx()?, id)?.to_string_lossy().into_owned())
}

pub async fn export_assets(
    call: Call<'_>,
    ids: Vec<AssetId>,
    out: String,
    override_reason: Option<String>,
) -> IpcResult<ExportReport> {
    Ok(assets::export_originals(&call.state.ctx()?, &ids, Path::new(&out), override_reason.as_deref())?)
}

pub async fn copy_assets(call: Call<'_>, ids: Vec<AssetId>, out: String) -> IpcResult<CopyReport> {
    Ok(assets::copy_originals(&call.state.ctx()?, &ids, Path::new(&out))?)
}
