//! Ingesting one folder's ready files: one call to [`crate::app::ingest::ingest`] (parallel, crash-safe, deduplicated),
//! then the folder's rules, then one feed event per file. Files that changed while being read go back to waiting;
//! files that failed are remembered so they are retried only once they change.

use super::rules;
use super::settle::{Ready, Snapshot};
use crate::app::ingest::{self, IngestOptions};
use crate::app::Ctx;
use crate::domain::watch::NewWatchEvent;
use crate::domain::watch::WatchEventKind;
use crate::domain::watch::WatchedFolder;
use crate::domain::AssetId;
use crate::runtime::job::{CancelToken, NoProgress};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What became of a batch besides its events.
#[derive(Debug, Default)]
pub(super) struct BatchOutcome {
    pub events: Vec<NewWatchEvent>,
    /// Files to wait for again (they changed while being read, or the ingest could not run).
    pub retry: Vec<PathBuf>,
    /// Files that failed as they are; retried when they change.
    pub failed: Vec<(PathBuf, Snapshot)>,
}

pub(super) fn ingest_batch(
    ctx: &Ctx,
    folder: &WatchedFolder,
    root: &Path,
    files: &[Ready],
    mut options: IngestOptions,
    cancel: &CancelToken,
) -> BatchOutcome {
    let collection_rule = rules::check_collection(ctx, folder, &mut options.defaults);
    let mut out = BatchOutcome::default();
    let event = |kind, path: &str, asset: Option<AssetId>, detail: String| NewWatchEvent {
        folder: folder.id,
        kind,
        path: Some(path.to_string()),
        asset,
        detail,
    };
    let inputs: Vec<PathBuf> = files.iter().map(|r| r.path.clone()).collect();
    let report = match ingest::ingest(ctx, &inputs, &options, &NoProgress) {
        Ok(report) => report,
        Err(e) => {
            out.events.push(NewWatchEvent {
                folder: folder.id,
                kind: WatchEventKind::Error,
                path: None,
                asset: None,
                detail: format!("could not ingest {} files (they will be tried again): {e}", files.len()),
            });
            out.retry = inputs;
            return out;
        }
    };
    let by_path: HashMap<String, &Ready> = files.iter().map(|r| (r.path.to_string_lossy().into_owned(), r)).collect();
    let new_assets: Vec<AssetId> = report.ingested.iter().map(|i| i.id).collect();
    let mut rule_events = rules::collection_events(folder, &collection_rule, &new_assets);
    let mut source_action = |path: &str| -> String {
        let Some(ready) = by_path.get(path) else { return String::new() };
        match rules::apply_source_action(folder, root, &ready.path, &ready.snapshot) {
            Ok(done) => done.unwrap_or_default(),
            Err(reason) => {
                rule_events.push(NewWatchEvent {
                    folder: folder.id,
                    kind: WatchEventKind::Rule,
                    path: Some(path.to_string()),
                    asset: None,
                    detail: format!("after ingest ({}): {reason}", folder.rule.after.as_str()),
                });
                String::new()
            }
        }
    };
    for item in &report.ingested {
        let done = source_action(&item.path);
        out.events.push(event(WatchEventKind::Ingested, &item.path, Some(item.id), done));
    }
    for item in &report.duplicates {
        let done = source_action(&item.path);
        let detail = format!("same content as asset {}{}{done}", item.id, if done.is_empty() { "" } else { "; " });
        out.events.push(event(WatchEventKind::Duplicate, &item.path, Some(item.id), detail));
    }
    for item in &report.skipped {
        // Cancelled files are picked up by the next start's reconciliation.
        if !cancel.is_cancelled() {
            out.events.push(event(WatchEventKind::Skipped, &item.path, None, item.reason.clone()));
        }
    }
    for item in &report.failed {
        let Some(ready) = by_path.get(item.path.as_str()) else {
            out.events.push(event(WatchEventKind::Failed, &item.path, None, item.reason.clone()));
            continue;
        };
        match Snapshot::of(&ready.path) {
            None => out.events.push(event(
                WatchEventKind::Skipped,
                &item.path,
                None,
                "the file disappeared before it could be ingested".into(),
            )),
            Some(now) if now != ready.snapshot => out.retry.push(ready.path.clone()),
            Some(now) => {
                out.failed.push((ready.path.clone(), now));
                out.events.push(event(WatchEventKind::Failed, &item.path, None, item.reason.clone()));
            }
        }
    }
    // Rule problems first, so a folder's "last event" is what arrived last.
    rule_events.append(&mut out.events);
    out.events = rule_events;
    out
}
