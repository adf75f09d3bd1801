//! Searching, reading and editing assets (reads use the library's pool, so none waits behind another).

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::assets::{self, AssetEdit, EditOutcome, Selection};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{AssetDetail, Page};
use tessera_core::AssetId;

pub async fn search(call: Call<'_>, request: SearchRequest) -> IpcResult<Page> {
    Ok(search::run(&call.state.ctx(), &request)?)
}

pub async fn asset_detail(call: Call<'_>, id: AssetId) -> IpcResult<AssetDetail> {
    Ok(assets::detail(&call.state.ctx(), id)?)
}

/// One transaction for the whole selection (a list, or every match of a query); the change probe tells the window.
pub async fn edit_assets(call: Call<'_>, selection: Selection, edit: AssetEdit) -> IpcResult<EditOutcome> {
    Ok(assets::edit_assets(&call.state.ctx(), &selection, &edit)?)
}
