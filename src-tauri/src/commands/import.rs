//! Imports run on their own thread with their own library handle; progress and the final report arrive as events.

use crate::error::{busy, IpcResult};
use crate::events::{self, IngestEvents};
use crate::state::AppState;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager};
use tessera_core::ingest::{self, IngestOptions};
use tessera_core::job::CancelToken;
use tessera_core::Library;

#[tauri::command]
pub fn import_paths(app: AppHandle, state: tauri::State<'_, AppState>, paths: Vec<String>) -> IpcResult<()> {
    start(app, &state, paths.into_iter().map(PathBuf::from).collect())
}

#[tauri::command]
pub fn add_sample_assets(app: AppHandle, state: tauri::State<'_, AppState>) -> IpcResult<()> {
    let dir = state.root.join("cache").join("samples");
    let files = tessera_core::samples::write_samples(&dir)?;
    start(app, &state, files)
}

#[tauri::command]
pub fn cancel_import(state: tauri::State<'_, AppState>) {
    if let Some(token) = state.import.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        token.cancel();
    }
}

fn start(app: AppHandle, state: &AppState, paths: Vec<PathBuf>) -> IpcResult<()> {
    let mut running = state.import.lock().unwrap_or_else(|p| p.into_inner());
    if running.is_some() {
        return Err(busy("an import is already running; wait for it or cancel it"));
    }
    let cancel = CancelToken::new();
    *running = Some(cancel.clone());
    let mut library = Library::open(&state.root)?;
    let options = IngestOptions { uploader: tessera_core::identity::os_user(), cancel, ..IngestOptions::default() };
    std::thread::spawn(move || {
        let sink = IngestEvents::new(app.clone());
        let outcome = ingest::ingest(&mut library, &paths, &options, &sink);
        *app.state::<AppState>().import.lock().unwrap_or_else(|p| p.into_inner()) = None;
        match outcome {
            Ok(report) => {
                log::info!("import: {} new, {} failed", report.ingested.len(), report.failed.len());
                let _ = app.emit(events::INGEST_FINISHED, &report);
            }
            Err(e) => {
                log::error!("import failed: {e}");
                let _ = app.emit(
                    events::INGEST_FINISHED,
                    tessera_core::ingest::IngestReport {
                        failed: vec![tessera_core::ingest::Problem { path: String::new(), reason: e.to_string() }],
                        ..Default::default()
                    },
                );
            }
        }
        events::library_changed(&app, "import");
    });
    Ok(())
}
