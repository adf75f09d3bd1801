//! Library-wide facts for the header and the sidebar (counters kept by the store: microseconds at any size).

use crate::error::IpcResult;
use crate::state::AppState;
use tessera_core::app::maintenance::stats::{self, LibraryInfo};
use tessera_core::app::tags;
use tessera_core::domain::TagCount;

#[tauri::command(async)]
pub fn library_info(state: tauri::State<'_, AppState>) -> IpcResult<LibraryInfo> {
    Ok(stats::library_info(&state.ctx())?)
}

#[tauri::command(async)]
pub fn tag_counts(state: tauri::State<'_, AppState>) -> IpcResult<Vec<TagCount>> {
    Ok(tags::tag_counts(&state.ctx())?)
}
