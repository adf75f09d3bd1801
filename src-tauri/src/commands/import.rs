//! Imports run on their own thread on the shared library handle; progress and a summary arrive as events.

use super::Call;
use crate::error::{busy, IpcResult};
use crate::events::{self, IngestEvents};
use crate::state::{AppState, CallState};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Manager};
use tessera_core::app::ingest::{self, IngestOptions, IngestReport};
use tessera_core::app::maintenance::samples;
use tessera_core::runtime::CancelToken;
use tessera_core::Ctx;

pub async fn import_paths(call: Call<'_>, paths: Vec<String>) -> IpcResult<()> {
    start(call.app.clone(), call.state, paths.into_iter().map(PathBuf::from).collect())
}

pub async fn add_sample_assets(call: Call<'_>) -> IpcResult<()> {
    let files = samples::write_samples(&call.state.library.paths().cache.join("samples"))?;
    start(call.app.clone(), call.state, files)
}

pub async fn cancel_import(call: Call<'_>) -> IpcResult<()> {
    if let Some(token) = call.state.import.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        token.cancel();
    }
    Ok(())
}

/// Claims the import slot and starts the thread; if the thread cannot start, the slot is given back. The import runs
/// on the library the command saw; opening another library is refused while the slot is taken (`switch.rs`).
fn start(app: AppHandle, state: &CallState<'_>, paths: Vec<PathBuf>) -> IpcResult<()> {
    let mut running = state.import.lock().unwrap_or_else(|p| p.into_inner());
    if running.is_some() {
        return Err(busy("an import is already running; wait for it or cancel it"));
    }
    let cancel = CancelToken::new();
    let options = IngestOptions { cancel: cancel.clone(), ..IngestOptions::default() };
    let (library, profile) = (state.library.clone(), state.profile()?);
    let thread = app.clone();
    let spawned = std::thread::Builder::new().name("import".into()).spawn(move || {
        let sink = IngestEvents::new(thread.clone());
        let report = ingest::ingest(&Ctx::acting(&library, &profile), &paths, &options, &sink).unwrap_or_else(|e| {
            log::error!("import failed: {e}");
            IngestReport::could_not_run(e.to_string())
        });
        *thread.state::<AppState>().import.lock().unwrap_or_else(|p| p.into_inner()) = None;
        log::info!("import: {} new, {} failed", report.ingested.len(), report.failed.len());
        let _ = thread.emit(events::INGEST_FINISHED, report.summary());
    });
    match spawned {
        Ok(_) => {
            *running = Some(cancel);
            Ok(())
        }
        Err(e) => Err(busy(&format!("could not start the import: {e}"))),
    }
}
