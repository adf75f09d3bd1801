//! Core progress as typed Tauri events: `ingest-progress`, `ingest-finished`, `library-changed`.

use serde::Serialize;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Emitter};
use tessera_core::ingest::{IngestProgress, Phase};
use tessera_core::job::ProgressSink;

pub const INGEST_PROGRESS: &str = "ingest-progress";
pub const INGEST_FINISHED: &str = "ingest-finished";
pub const LIBRARY_CHANGED: &str = "library-changed";

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
