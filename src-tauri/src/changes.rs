//! `library-changed` whenever anything was committed to the library, by this window, an import, the watcher, the CLI
//! or another process: the core's change probe (SQLite's `data_version`) polled a few times a second on its own
//! connection. At most one event per poll, so a burst of commits is one refresh. It stops with the library's other
//! background work (`AppState::background`), when the app exits or another library is opened.

use crate::events::{LibraryChanged, LIBRARY_CHANGED};
use crate::state::AppState;
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

const POLL: Duration = Duration::from_millis(250);

pub fn start(app: &AppHandle) {
    let handle = app.clone();
    let state = app.state::<AppState>();
    // Taken here, not on the thread: the probe is of the library open now, and its own connection.
    let (probe, cancel) = (state.library().change_probe(), state.background());
    let spawned = std::thread::Builder::new().name("changes".into()).spawn(move || {
        let mut probe = match probe {
            Ok(probe) => probe,
            Err(e) => {
                log::error!("changes made elsewhere will not show until a refresh: {e}");
                return;
            }
        };
        while !cancel.is_cancelled() {
            std::thread::sleep(POLL);
            match probe.changed() {
                Ok(true) => {
                    let _ = handle.emit(LIBRARY_CHANGED, LibraryChanged { reason: "changed".into() });
                }
                Ok(false) => {}
                Err(e) => log::warn!("change probe: {e}"),
            }
        }
    });
    if let Err(e) = spawned {
        log::error!("cannot start the change probe: {e}");
    }
}
