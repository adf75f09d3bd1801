//! Checking a library's originals against its rows: re-hash every stored file, list the missing, the corrupt and the
//! orphaned (stored files no row refers to). Changes nothing, with one exception: originals an interrupted
//! `tessera trash empty` left queued for removal (their rows are gone, the user confirmed) are removed now and listed
//! as `purged`, not reported as orphans. Trashed assets' originals are expected: their rows are still there.

use crate::app::Ctx;
use crate::blobs::originals as blobs;
use crate::error::Result;
use crate::runtime::job::{CancelToken, ProgressSink};
use crate::runtime::WriterLock;
use serde::Serialize;
use std::collections::HashSet;
use std::io::Read;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VerifyIssue {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asset: Option<i64>,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct VerifyReport {
    pub checked: usize,
    pub missing: Vec<VerifyIssue>,
    pub corrupt: Vec<VerifyIssue>,
    pub orphaned: Vec<VerifyIssue>,
    /// Originals of an emptied trash that were still on disk (an interrupted `trash empty`), removed now.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub purged: Vec<String>,
    pub seconds: f64,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.corrupt.is_empty() && self.orphaned.is_empty()
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct VerifyProgress {
    pub done: usize,
    pub total: usize,
}

pub fn verify(ctx: &Ctx, cancel: &CancelToken, progress: &dyn ProgressSink<VerifyProgress>) -> Result<VerifyReport> {
    ctx.require(crate::domain::Action::Maintain)?;
    let started = std::time::Instant::now();
    let library = ctx.library;
    // An interrupted ingest is not damage: finish rolling it back first, when no ingest is running.
    if let Some(_lock) = WriterLock::try_acquire(library.root())? {
        crate::app::ingest::recover::recover(library)?;
    }
    let purged = crate::app::assets::finish_purge(library)?;
    let files = library.store().stored_files()?;
    let mut report = VerifyReport { purged, ..VerifyReport::default() };
    let mut known = HashSet::new();
    for (done, file) in files.iter().enumerate() {
        if cancel.is_cancelled() {
            return Err(crate::Error::Cancelled);
        }
        known.insert(file.stored_path.clone());
        let path = library.root().join(&file.stored_path);
        let issue =
            |reason: String| VerifyIssue { path: file.stored_path.clone(), asset: Some(file.asset_id.0), reason };
        match hash_file(&path) {
            Ok(hash) if hash == file.hash => {}
            Ok(hash) => {
                report.corrupt.push(issue(format!("content changed: expected BLAKE3 {}, found {hash}", file.hash)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => report.missing.push(issue("file is missing".into())),
            Err(e) => report.corrupt.push(issue(format!("cannot read: {e}"))),
        }
        report.checked += 1;
        progress.report(&VerifyProgress { done: done + 1, total: files.len() });
    }
    for stored in blobs::list_stored(library.paths())? {
        if !known.contains(&stored) {
            report.orphaned.push(VerifyIssue {
                path: stored,
                asset: None,
                reason: "no asset refers to this file".into(),
            });
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

fn hash_file(path: &std::path::Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().to_hex().to_string())
}
