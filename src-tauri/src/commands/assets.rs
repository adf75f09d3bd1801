//! Searching, reading and editing assets.

use crate::error::IpcResult;
use crate::state::AppState;
use tessera_core::app::assets::{self, AssetEdit, EditOutcome, Selection};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{AssetDetail, Page};
use tessera_core::AssetId;

// `async`: these run on the async runtime's threads, not on the main thread that drives the window (a slow query at a
// million assets must not freeze it); reads use the library's pool, so none waits behind another.

#[tauri::command(async)]
pub fn search(state: tauri::State<'_, AppState>, request: SearchRequest) -> IpcResult<Page> {
    Ok(search::run(&state.ctx(), &request)?)
}

#[tauri::command(async)]
pub fn asset_detail(state: tauri::State<'_, AppState>, id: AssetId) -> IpcResult<AssetDetail> {
    Ok(assets::detail(&state.ctx(), id)?)
}

/// One transaction for the whole selection (a list, or every match of a query); the change probe tells the window.
#[tauri::command(async)]
pub fn edit_assets(state: tauri::State<'_, AppState>, selection: Selection, edit: AssetEdit) -> IpcResult<EditOutcome> {
    Ok(assets::edit_assets(&state.ctx(), &selection, &edit)?)
}
