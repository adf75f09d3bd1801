//! Searching, reading and editing assets (reads use the library's pool, so none waits behind another).

use super::Call;
use crate::error::IpcResult;
use crate::events::EditEvents;
use tessera_core::app::assets::{self, AssetEdit, EditOutcome, Selection, UndoOutcome};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{AssetDetail, EditRecord, Page};
use tessera_core::AssetId;

pub async fn search(call: Call<'_>, request: SearchRequest) -> IpcResult<Page> {
    Ok(search::run(&call.state.ctx()?, &request)?)
}

pub async fn asset_detail(call: Call<'_>, id: AssetId) -> IpcResult<AssetDetail> {
    Ok(assets::detail(&call.state.ctx()?, id)?)
}

/// One transaction for the whole selection (a list, or every match of a query), reporting `edit-progress`; the change
/// probe tells the window when it is in.
pub async fn edit_assets(call: Call<'_>, selection: Selection, edit: AssetEdit) -> IpcResult<EditOutcome> {
    let progress = EditEvents::new(call.app.clone());
    Ok(assets::edit_assets_reporting(&call.state.ctx()?, &selection, &edit, &progress)?)
}

pub async fn undo_last(call: Call<'_>) -> IpcResult<UndoOutcome> {
    let progress = EditEvents::new(call.app.clone());
    Ok(assets::undo_last(&call.state.ctx()?, &progress)?)
}

pub async fn edit_log(call: Call<'_>, limit: u32, mine: bool) -> IpcResult<Vec<EditRecord>> {
    Ok(assets::edit_log(&call.state.ctx()?, limit, mine)?)
}
