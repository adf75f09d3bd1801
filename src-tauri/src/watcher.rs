//! The watcher of the library's watched folders, inside the app: started at launch on its own thread (with its own
//! library handle), stopped when the app exits or another library is opened (then started on that one). When another process already watches the library (a headless
//! `tessera watch run`), the core's `run_when_free` waits and takes over once it stops; the panel says so meanwhile.

use crate::events::{self, WatchEvents};
use crate::state::AppState;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter, Manager};
use tessera_core::app::watch::{self, WatchOptions, WatcherHost};

/// How often to check whether the other process stopped watching.
const RETRY: Duration = Duration::from_secs(5);

pub fn start(app: &AppHandle) {
    let state = app.state::<AppState>();
    let root = state.library().root().to_path_buf();
    let cancel = state.background();
    let options = WatchOptions { uploader: state.os_user.clone(), ..WatchOptions::default() };
    let handle = app.clone();
    let spawned = std::thread::Builder::new().name("watcher".into()).spawn(move || {
        let sink = WatchEvents::new(handle.clone());
        let on_host = |host: &WatcherHost| {
            log::info!("watched folders: {host:?}");
            *handle.state::<AppState>().watcher_host.lock().unwrap_or_else(|p| p.into_inner()) = host.clone();
            let _ = handle.emit(events::WATCHER_HOST, host);
        };
        watch::run_when_free(&root, options, RETRY, cancel, &sink, &on_host);
    });
    match spawned {
        Ok(thread) => *state.watch_thread.lock().unwrap_or_else(|p| p.into_inner()) = Some(thread),
        Err(e) => {
            log::error!("cannot start the watcher: {e}");
            *state.watcher_host.lock().unwrap_or_else(|p| p.into_inner()) =
                WatcherHost::Stopped { reason: format!("cannot start the watcher thread: {e}") };
        }
    }
}

/// Asks the watcher and the change probe to stop and waits a little for the watcher (it clears the folders' status
/// and releases the lock).
pub fn stop(app: &AppHandle) {
    let state = app.state::<AppState>();
    state.background().cancel();
    let Some(thread) = state.watch_thread.lock().unwrap_or_else(|p| p.into_inner()).take() else { return };
    let deadline = Instant::now() + Duration::from_secs(3);
    while !thread.is_finished() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if thread.is_finished() {
        let _ = thread.join();
    }
}
