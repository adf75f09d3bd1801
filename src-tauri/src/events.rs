//! Core progress as typed Tauri events: `ingest-progress`, `ingest-finished`, `library-changed`, `watch-event` and
//! `watcher-host`.

use serde::Serialize;
use std::sync::mpsc::{self, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter};
use tessera_core::ingest::{IngestProgress, Phase};
use tessera_core::job::ProgressSink;
use tessera_core::watch::{WatchEvent, WatchEventKind};

pub const INGEST_PROGRESS: &str = "ingest-progress";
pub const INGEST_FINISHED: &str = "ingest-finished";
pub const LIBRARY_CHANGED: &str = "library-changed";
pub const WATCH_EVENT: &str = "watch-event";
pub const WATCHER_HOST: &str = "watcher-host";

#[derive(Debug, Clone, Serialize)]
pub struct LibraryChanged {
    pub reason: String,
}

pub fn library_changed(app: &AppHandle, reason: &str) {
    let _ = app.emit(LIBRARY_CHANGED, LibraryChanged { reason: reason.into() });
}

/// Forwards ingest progress to the window, at most every 100 ms (and always the phase changes).
pub struct IngestEvents {
    app: AppHandle,
    last: Mutex<Option<Instant>>,
    last_refresh: Mutex<Instant>,
}

impl IngestEvents {
    pub fn new(app: AppHandle) -> IngestEvents {
        IngestEvents { app, last: Mutex::new(None), last_refresh: Mutex::new(Instant::now()) }
    }
}

impl ProgressSink<IngestProgress> for IngestEvents {
    fn report(&self, progress: &IngestProgress) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if due || progress.phase != Phase::Importing {
            *last = Some(Instant::now());
            let _ = self.app.emit(INGEST_PROGRESS, progress);
        }
        // New assets appear in the grid while a long import runs.
        let mut refresh = self.last_refresh.lock().unwrap_or_else(|p| p.into_inner());
        if progress.ingested > 0 && refresh.elapsed() >= Duration::from_secs(2) {
            *refresh = Instant::now();
            library_changed(&self.app, "import");
        }
    }
}

/// Forwards each watched-folder event to the window, and asks it to refresh (at most every second, and once more
/// after the last ingest of a burst) when assets arrived.
pub struct WatchEvents {
    app: AppHandle,
    changed: Mutex<Sender<()>>,
}

/// At most one `library-changed` per this long for watched-folder ingests.
const WATCH_REFRESH_EVERY: Duration = Duration::from_secs(1);

impl WatchEvents {
    pub fn new(app: AppHandle) -> WatchEvents {
        let (tx, rx) = mpsc::channel::<()>();
        let handle = app.clone();
        // Ends when the sink (and so the sender) is dropped.
        let _ = std::thread::Builder::new().name("watch-refresh".into()).spawn(move || {
            while rx.recv().is_ok() {
                library_changed(&handle, "watch");
                std::thread::sleep(WATCH_REFRESH_EVERY);
                // What arrived meanwhile is one more refresh (loop until quiet).
                while rx.try_iter().count() > 0 {
                    library_changed(&handle, "watch");
                    std::thread::sleep(WATCH_REFRESH_EVERY);
                }
            }
        });
        WatchEvents { app, changed: Mutex::new(tx) }
    }
}

impl ProgressSink<WatchEvent> for WatchEvents {
    fn report(&self, event: &WatchEvent) {
        let _ = self.app.emit(WATCH_EVENT, event);
        if event.kind == WatchEventKind::Ingested {
            let _ = self.changed.lock().unwrap_or_else(|p| p.into_inner()).send(());
        }
    }
}
