//! Watched folders: list, add, remove, pause, resume, change rules, the activity feed, and who watches. The watcher
//! re-reads the folder list every few seconds, so changes made here take effect without a restart.

use crate::error::IpcResult;
use crate::state::AppState;
use std::path::PathBuf;
use tessera_core::app::watch::{
    activity, folder, FolderState, WatchEvent, WatchRule, WatchedFolder, WatchedFolderId, WatcherHost,
};

#[tauri::command(async)]
pub fn watch_folders(state: tauri::State<'_, AppState>) -> IpcResult<Vec<WatchedFolder>> {
    Ok(folder::list(&state.ctx())?)
}

#[tauri::command(async)]
pub fn watch_add(state: tauri::State<'_, AppState>, path: String, rule: WatchRule) -> IpcResult<WatchedFolder> {
    Ok(folder::add(&state.ctx(), &PathBuf::from(path), rule)?)
}

#[tauri::command(async)]
pub fn watch_remove(state: tauri::State<'_, AppState>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::remove(&state.ctx(), id)?)
}

#[tauri::command(async)]
pub fn watch_pause(state: tauri::State<'_, AppState>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::set_state(&state.ctx(), id, FolderState::Paused)?)
}

#[tauri::command(async)]
pub fn watch_resume(state: tauri::State<'_, AppState>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::set_state(&state.ctx(), id, FolderState::Active)?)
}

#[tauri::command(async)]
pub fn watch_update_rule(
    state: tauri::State<'_, AppState>,
    id: WatchedFolderId,
    rule: WatchRule,
) -> IpcResult<WatchedFolder> {
    Ok(folder::update_rule(&state.ctx(), id, rule)?)
}

#[tauri::command(async)]
pub fn watch_events(
    state: tauri::State<'_, AppState>,
    folder: Option<WatchedFolderId>,
    limit: u32,
) -> IpcResult<Vec<WatchEvent>> {
    Ok(activity::recent(&state.ctx(), folder, limit)?)
}

#[tauri::command]
pub fn watcher_host(state: tauri::State<'_, AppState>) -> WatcherHost {
    state.watcher_host.lock().unwrap_or_else(|p| p.into_inner()).clone()
}
