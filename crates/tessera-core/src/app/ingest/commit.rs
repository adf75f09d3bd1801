//! The writer side of ingest: moves a batch of prepared originals into place and records them, crash-safely.
//!
//! First the batch's `(hash, stored_path)` pairs are journaled and committed; then each temporary copy is renamed
//! into `originals/`; then the assets are inserted and their journal entries cleared in one transaction. A crash in
//! between leaves journal entries that [`super::recover`] rolls back.

use super::prepare::{describe_write_error, NewFile};
use super::report::{IngestReport, Ingested, Problem};
use crate::app::Ctx;
use crate::blobs::originals as blobs;

pub(super) fn commit_batch(ctx: &Ctx, batch: Vec<NewFile>, report: &mut IngestReport) {
    let library = ctx.library;
    if batch.is_empty() {
        return;
    }
    let entries: Vec<(String, String)> =
        batch.iter().map(|f| (f.asset.hash.clone(), f.asset.stored_path.clone())).collect();
    let now = ctx.now();
    if let Err(e) = library.store().begin_pending(&entries, now) {
        fail_all(report, batch.iter().map(|f| &f.path), &format!("could not record the import: {e}"));
        return;
    }
    let mut placed = Vec::with_capacity(batch.len());
    for file in batch {
        let NewFile { path, asset, temp, megapixels } = file;
        match blobs::commit(library.paths(), temp, &asset.stored_path) {
            Ok(()) => placed.push((path, asset, megapixels)),
            Err(e) => {
                let _ = library.store().clear_pending(&asset.hash);
                report.failed.push(Problem { path, reason: describe_write_error(&e) });
            }
        }
    }
    let assets: Vec<_> = placed.iter().map(|(_, a, _)| a.clone()).collect();
    match library.store().insert_assets(&assets) {
        Ok(ids) => {
            for ((path, _, megapixels), id) in placed.into_iter().zip(ids) {
                report.megapixels += megapixels;
                report.ingested.push(Ingested { path, id });
            }
        }
        // Nothing was recorded. Try the files one at a time, so a full disk fails the files that do not fit rather
        // than the whole batch: each failure removes its stored original, which frees room for the next.
        Err(_) => {
            for (path, asset, megapixels) in placed {
                match library.store().insert_assets(std::slice::from_ref(&asset)) {
                    Ok(ids) => {
                        report.megapixels += megapixels;
                        report.ingested.extend(ids.into_iter().map(|id| Ingested { path: path.clone(), id }));
                    }
                    Err(e) => {
                        let _ = blobs::remove_stored(library.paths(), &asset.stored_path);
                        let _ = library.store().clear_pending(&asset.hash);
                        report.failed.push(Problem { path, reason: describe_record_error(&e) });
                    }
                }
            }
        }
    }
}

fn describe_record_error(e: &crate::Error) -> String {
    if e.is_storage_full() {
        format!("the library's disk is full; free some space and import again ({e})")
    } else {
        format!("could not record the asset in the library database: {e}")
    }
}

fn fail_all<'a>(report: &mut IngestReport, paths: impl Iterator<Item = &'a String>, reason: &str) {
    report.failed.extend(paths.map(|p| Problem { path: p.clone(), reason: reason.to_string() }));
}
