//! Opening another library in the running window: stop what runs on the old one (the watcher, the change probe),
//! swap the handle, start them on the new one, rename the window and tell the UI (`library-opened`), which reloads
//! everything.
//!
//! Refused (`conflict`) while an import runs, rather than cancelling it: the import writes into the library it was
//! started on, and its progress and summary would show in the other library's window; cancelling silently would
//! throw away work the user asked for. The user cancels it or waits, then switches. The import slot stays locked
//! while the handle is swapped, so no import can start in between.

use crate::error::{conflict, IpcResult};
use crate::events::LIBRARY_OPENED;
use crate::state::AppState;
use crate::{changes, watcher};
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager};
use tessera_core::app::libraries::Opened;
use tessera_core::app::maintenance::stats::{self, LibraryInfo};
use tessera_core::app::watch::WatcherHost;
use tessera_core::runtime::{CancelToken, Clock, SystemClock};
use tessera_core::{Actor, Ctx};

const IMPORT_RUNS: &str = "an import is running; wait for it to finish or cancel it, then open the other library";

/// Opens what `open` opens (given the settings folder and the time) and makes it the window's library.
pub fn switch_to(
    app: &AppHandle,
    state: &AppState,
    open: impl FnOnce(&std::path::Path, i64) -> tessera_core::Result<Opened>,
) -> IpcResult<LibraryInfo> {
    // Checked before opening too, so a refused switch does not create a library or reorder the recent list.
    if state.import.lock().unwrap_or_else(|p| p.into_inner()).is_some() {
        return Err(conflict(IMPORT_RUNS));
    }
    let opened = open(&state.config_dir, SystemClock.now())?;
    if let Some(e) = &opened.not_recorded {
        log::warn!("{} is not in the recent list: {e}", opened.library.root().display());
    }
    let library = Arc::new(opened.library.for_long_running()?);
    let info = stats::library_info(&Ctx::new(&library, Actor::named(&state.os_user)))?;
    {
        let import = state.import.lock().unwrap_or_else(|p| p.into_inner());
        if import.is_some() {
            return Err(conflict(IMPORT_RUNS));
        }
        watcher::stop(app);
        *state.background.lock().unwrap_or_else(|p| p.into_inner()) = CancelToken::new();
        *state.watcher_host.lock().unwrap_or_else(|p| p.into_inner()) = WatcherHost::Starting;
        state.replace_library(library);
        // The profile picked in the other library may not exist in this one: start again from who runs the app.
        state.set_acting_as(crate::state::acting_at_start());
    }
    log::info!("library {}", info.root);
    watcher::start(app);
    changes::start(app);
    set_title(app, &info.name);
    let _ = app.emit(LIBRARY_OPENED, &info);
    Ok(info)
}

/// "NAME — Tessera", as the UI's document title says too.
pub fn set_title(app: &AppHandle, name: &str) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&format!("{name} — Tessera"));
    }
}
