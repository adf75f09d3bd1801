//! Watched folders: list, add, remove, pause, resume, change rules, the activity feed, and who watches. The watcher
//! re-reads the folder list every few seconds, so changes made here take effect without a restart.

use super::Call;
use crate::error::IpcResult;
use std::path::PathBuf;
use tessera_core::app::watch::{
    activity, folder, FolderState, WatchEvent, WatchRule, WatchedFolder, WatchedFolderId, WatcherHost,
};

pub async fn watch_folders(call: Call<'_>) -> IpcResult<Vec<WatchedFolder>> {
    Ok(folder::list(&call.state.ctx()?)?)
}

pub async fn watch_add(call: Call<'_>, path: String, rule: WatchRule) -> IpcResult<WatchedFolder> {
    Ok(folder::add(&call.state.ctx()?, &PathBuf::from(path), rule)?)
}

pub async fn watch_remove(call: Call<'_>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::remove(&call.state.ctx()?, id)?)
}

pub async fn watch_pause(call: Call<'_>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::set_state(&call.state.ctx()?, id, FolderState::Paused)?)
}

pub async fn watch_resume(call: Call<'_>, id: WatchedFolderId) -> IpcResult<WatchedFolder> {
    Ok(folder::set_state(&call.state.ctx()?, id, FolderState::Active)?)
}

pub async fn watch_update_rule(call: Call<'_>, id: WatchedFolderId, rule: WatchRule) -> IpcResult<WatchedFolder> {
    Ok(folder::update_rule(&call.state.ctx()?, id, rule)?)
}

pub async fn watch_events(call: Call<'_>, limit: u32, folder: Option<WatchedFolderId>) -> IpcResult<Vec<WatchEvent>> {
    Ok(activity::recent(&call.state.ctx()?, folder, limit)?)
}

pub async fn watcher_host(call: Call<'_>) -> IpcResult<WatcherHost> {
    Ok(call.state.watcher_host.lock().unwrap_or_else(|p| p.into_inner()).clone())
}
