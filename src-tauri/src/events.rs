//! Core progress as typed Tauri events: `ingest-progress`, `ingest-finished` (a summary with counts), `edit-progress`
//! (a large edit or undo), `watch-event` and `watcher-host`; `library-changed` comes from the change probe
//! (`changes.rs`), whoever changed the library.

use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter};
use tessera_core::app::ingest::{IngestProgress, Phase};
use tessera_core::app::watch::WatchEvent;
use tessera_core::domain::EditProgress;
use tessera_core::runtime::ProgressSink;

pub const INGEST_PROGRESS: &str = "ingest-progress";
pub const INGEST_FINISHED: &str = "ingest-finished";
pub const EDIT_PROGRESS: &str = "edit-progress";
pub const LIBRARY_CHANGED: &str = "library-changed";
pub const WATCH_EVENT: &str = "watch-event";
pub const WATCHER_HOST: &str = "watcher-host";
/// Another library is open now (its `LibraryInfo`): the window reloads everything.
pub const LIBRARY_OPENED: &str = "library-opened";

#[derive(Debug, Clone, Serialize)]
pub struct LibraryChanged {
    pub reason: String,
}

/// Forwards ingest progress to the window, at most every 100 ms (and always the phase changes).
pub struct IngestEvents {
    app: AppHandle,
    last: Mutex<Option<Instant>>,
}

impl IngestEvents {
    pub fn new(app: AppHandle) -> IngestEvents {
        IngestEvents { app, last: Mutex::new(None) }
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
    }
}

/// Forwards the progress of a large edit or undo, at most every 100 ms (and always the end).
pub struct EditEvents {
    app: AppHandle,
    last: Mutex<Option<Instant>>,
}

impl EditEvents {
    pub fn new(app: AppHandle) -> EditEvents {
        EditEvents { app, last: Mutex::new(None) }
    }
}

impl ProgressSink<EditProgress> for EditEvents {
    fn report(&self, progress: &EditProgress) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        // An edit of a few assets sends only its end; the UI shows a bar for the large ones.
        let due = last.get_or_insert_with(Instant::now).elapsed() >= Duration::from_millis(100);
        if due || progress.done == progress.total {
            *last = Some(Instant::now());
            let _ = self.app.emit(EDIT_PROGRESS, progress);
        }
    }
}

/// Forwards each watched-folder event to the window (new assets show through the change probe).
pub struct WatchEvents {
    app: AppHandle,
}

impl WatchEvents {
    pub fn new(app: AppHandle) -> WatchEvents {
        WatchEvents { app }
    }
}

impl ProgressSink<WatchEvent> for WatchEvents {
    fn report(&self, event: &WatchEvent) {
        let _ = self.app.emit(WATCH_EVENT, event);
    }
}
