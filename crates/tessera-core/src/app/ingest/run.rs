//! Running an ingest: list candidates, prepare them on worker threads, commit batches on the calling thread, report.

use super::commit::commit_batch;
use super::prepare::{prepare, Prepared, Shared};
use super::report::{IngestReport, Ingested, Problem};
use super::walk;
use crate::app::Ctx;
use crate::domain::{AssetDefaults, AssetId};
use crate::error::Result;
use crate::runtime::job::{CancelToken, ProgressSink};
use crate::runtime::WriterLock;
use crossbeam_channel::RecvTimeoutError;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Who is recorded as the uploader (default: the actor).
    pub uploader: Option<String>,
    /// Set on every new asset in the same transaction that records it (a watched folder's rules), so a crash can
    /// never leave an asset without them.
    pub defaults: AssetDefaults,
    /// Worker threads (0 = one per core).
    pub threads: usize,
    /// Also make the 1024 px preview now (otherwise it is made on first view).
    pub previews: bool,
    pub cancel: CancelToken,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            uploader: None,
            defaults: AssetDefaults::default(),
            threads: 0,
            previews: false,
            cancel: CancelToken::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Scanning,
    Importing,
    Done,
}

/// Where an ingest is, for progress bars.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct IngestProgress {
    pub phase: Phase,
    /// Files to look at (known once scanning is done).
    pub total: usize,
    pub done: usize,
    pub ingested: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub failed: usize,
    /// The file most recently finished.
    pub current: Option<String>,
}

/// Commit at least this often, so a crash loses little and progress reflects the library.
const BATCH_FILES: usize = 64;
const BATCH_WAIT: Duration = Duration::from_millis(250);

/// Ingests files and folders into `library`.
pub fn ingest(
    ctx: &Ctx,
    inputs: &[PathBuf],
    options: &IngestOptions,
    progress: &dyn ProgressSink<IngestProgress>,
) -> Result<IngestReport> {
    ctx.require(crate::domain::Action::Ingest)?;
    let started = Instant::now();
    let library = ctx.library;
    let _lock = WriterLock::acquire(library.root())?;
    super::recover::recover(library)?;
    let mut state = IngestProgress {
        phase: Phase::Scanning,
        total: 0,
        done: 0,
        ingested: 0,
        duplicates: 0,
        skipped: 0,
        failed: 0,
        current: None,
    };
    progress.report(&state);
    let listing = walk::list(inputs);
    let mut report = IngestReport { skipped: listing.skipped, failed: listing.failed, ..IngestReport::default() };
    let candidates = listing.candidates;
    let sidecars = listing.sidecars;
    state.phase = Phase::Importing;
    state.total = candidates.len() + report.skipped.len() + report.failed.len();
    state.done = report.skipped.len() + report.failed.len();
    progress.report(&state);

    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    } else {
        options.threads
    };
    let paths = library.paths().clone();
    let labels = crate::domain::LabelSets::new(library.store().label_names()?);
    let shared = Shared {
        paths: &paths,
        store: library.store(),
        uploader: options.uploader.clone().unwrap_or_else(|| ctx.actor.name.clone()),
        options,
        now: ctx.now(),
        claims: Mutex::new(Default::default()),
        sidecars,
        labels,
    };
    let next = AtomicUsize::new(0);
    let (tx, rx) = crossbeam_channel::bounded::<(usize, Prepared)>(threads * 4);
    let mut in_run = Vec::new();
    let mut taken = vec![false; candidates.len()];
    let mut bytes = 0u64;
    let mut sources = Vec::new();
    std::thread::scope(|scope| {
        for worker in 0..threads.min(candidates.len().max(1)) {
            let tx = tx.clone();
            let (shared, next, candidates) = (&shared, &next, &candidates);
            let spawned =
                std::thread::Builder::new().name(format!("tessera-ingest-{worker}")).spawn_scoped(scope, move || {
                    while !shared.options.cancel.is_cancelled() {
                        let index = next.fetch_add(1, Ordering::SeqCst);
                        let Some(path) = candidates.get(index) else { break };
                        if tx.send((index, prepare(path, shared))).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_err() {
                break;
            }
        }
        drop(tx);
        let mut batch = Vec::new();
        let mut last_commit = Instant::now();
        loop {
            let received = rx.recv_timeout(BATCH_WAIT);
            let finished = matches!(received, Err(RecvTimeoutError::Disconnected));
            let got_one = received.is_ok();
            if let Ok((index, prepared)) = received {
                taken[index] = true;
                state.done += 1;
                match prepared {
                    Prepared::New(file) => {
                        bytes += file.asset.size;
                        state.current = Some(file.path.clone());
                        batch.push(*file);
                    }
                    Prepared::Duplicate { path, hash, existing } => {
                        state.duplicates += 1;
                        sources.push((hash, absolute(&path)));
                        report.duplicates.push(Ingested { path, id: existing });
                    }
                    Prepared::DuplicateInRun { path, hash, first } => {
                        state.duplicates += 1;
                        in_run.push((path, hash, first));
                    }
                    Prepared::Failed { path, reason } => {
                        state.failed += 1;
                        report.failed.push(Problem { path, reason });
                    }
                }
            }
            if !batch.is_empty() && (finished || batch.len() >= BATCH_FILES || last_commit.elapsed() >= BATCH_WAIT) {
                let failed_before = report.failed.len();
                commit_batch(ctx, std::mem::take(&mut batch), &mut report);
                state.ingested = report.ingested.len();
                state.failed += report.failed.len() - failed_before;
                last_commit = Instant::now();
            }
            if got_one || finished {
                progress.report(&state);
            }
            if finished {
                break;
            }
        }
    });

    for (path, hash, first) in in_run {
        match library.store().asset_by_hash(&hash)? {
            Some(id) => {
                sources.push((hash, absolute(&path)));
                report.duplicates.push(Ingested { path, id });
            }
            None => report
                .failed
                .push(Problem { path, reason: format!("same content as {first}, which could not be imported") }),
        }
    }
    // Where duplicates were seen is worth keeping (watched folders use it) but not worth failing the import for.
    let _ = library.store().record_sources(&sources, ctx.now());
    report.cancelled = options.cancel.is_cancelled();
    for (path, _) in candidates.iter().zip(&taken).filter(|(_, taken)| !**taken) {
        report
            .skipped
            .push(Problem { path: path.to_string_lossy().into_owned(), reason: "cancelled before it was read".into() });
    }
    report.bytes = bytes;
    let duplicate_ids: Vec<AssetId> = report.duplicates.iter().map(|d| d.id).collect();
    let trashed = library.store().trashed_among(&duplicate_ids)?;
    report.in_trash = report.duplicates.iter().filter(|d| trashed.contains(&d.id)).cloned().collect();
    report.sort();
    // An offer is a hint: one that cannot be worked out does not fail what was imported.
    report.version_offers = super::version_offers::find(library.store(), &report.ingested).unwrap_or_default();
    report.seconds = started.elapsed().as_secs_f64();
    state.phase = Phase::Done;
    state.skipped = report.skipped.len();
    state.failed = report.failed.len();
    state.ingested = report.ingested.len();
    state.duplicates = report.duplicates.len();
    state.current = None;
    progress.report(&state);
    Ok(report)
}

fn absolute(path: &str) -> String {
    std::path::absolute(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_string())
}
