//! Searching, reading and editing assets.

use crate::error::IpcResult;
use crate::state::AppState;
use tauri::AppHandle;
use tessera_core::domain::AssetDetail;
use tessera_core::edit::AssetEdit;
use tessera_core::search::{self, SearchRequest};
use tessera_core::store::Page;
use tessera_core::AssetId;

// `async`: these run on the async runtime's threads, not on the main thread that drives the window (a slow query at a
// million assets must not freeze it).

#[tauri::command(async)]
pub fn search(state: tauri::State<'_, AppState>, request: SearchRequest) -> IpcResult<Page> {
    Ok(search::run(&state.library(), &request)?)
}

#[tauri::command(async)]
pub fn asset_detail(state: tauri::State<'_, AppState>, id: AssetId) -> IpcResult<AssetDetail> {
    Ok(state.library().store().asset_detail(id)?)
}

#[tauri::command(async)]
pub fn edit_assets(
    app: AppHandle,
    state: tauri::State<'_, AppState>,
    ids: Vec<AssetId>,
    edit: AssetEdit,
) -> IpcResult<Vec<AssetDetail>> {
    let updated = tessera_core::edit::edit_assets(&mut state.library(), &ids, &edit)?;
    crate::events::library_changed(&app, "edit");
    Ok(updated)
}
