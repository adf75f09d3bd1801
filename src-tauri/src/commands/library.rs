//! Library-wide facts for the header and the sidebar.

use crate::error::IpcResult;
use crate::state::AppState;
use tessera_core::stats::LibraryInfo;
use tessera_core::tags::TagCount;

/// `async`: off the main thread; the counts read whole indexes (~0.2 s at a million assets).
#[tauri::command(async)]
pub fn library_info(state: tauri::State<'_, AppState>) -> IpcResult<LibraryInfo> {
    Ok(tessera_core::stats::library_info(&state.library())?)
}

#[tauri::command(async)]
pub fn tag_counts(state: tauri::State<'_, AppState>) -> IpcResult<Vec<TagCount>> {
    Ok(state.library().store().tag_counts()?)
}
