//! Thumbnails and previews after ingest: made on demand when missing (the cache is safe to delete), or all at once
//! (`tessera thumbs`, optionally rebuilding every one).

use crate::app::Ctx;
use crate::blobs::cache::{self, ThumbSize};
use crate::domain::AssetId;
use crate::domain::StoredFile;
use crate::error::{Error, Result};
use crate::library::LibraryPaths;
use crate::media;
use crate::runtime::job::{CancelToken, ProgressSink};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The cached thumbnail of an asset, made now if it is missing. `Ok(None)` when the asset has no thumbnail (not an
/// image, or a format we cannot decode): show [`media::placeholder`] instead.
pub fn thumbnail_path(ctx: &Ctx, id: AssetId, size: ThumbSize) -> Result<Option<PathBuf>> {
    let file = ctx.store().current_file(id)?;
    thumbnail_of(ctx, &file, size)
}

/// The same for a file already looked up (the thumbnail protocol). A file known to have no thumbnail is not read
/// again; one whose thumbnail cannot be made now is remembered as such.
pub fn thumbnail_of(ctx: &Ctx, file: &StoredFile, size: ThumbSize) -> Result<Option<PathBuf>> {
    let paths = ctx.library.paths();
    if let Some(path) = cache::find(paths, &file.hash, size) {
        return Ok(Some(path));
    }
    if file.thumbnail_note.is_some() || !file.mime.starts_with("image/") {
        return Ok(None);
    }
    match render(paths, file, &[size]) {
        Ok(Some(path)) => Ok(Some(path)),
        Ok(None) => {
            ctx.store().set_thumbnail_note(file.file_id, "the image could not be decoded for a thumbnail")?;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Decodes a stored original and writes the thumbnails of the given sizes (largest first); returns the last path.
fn render(paths: &LibraryPaths, file: &StoredFile, sizes: &[ThumbSize]) -> Result<Option<PathBuf>> {
    if !file.mime.starts_with("image/") {
        return Ok(None);
    }
    let original = paths.root.join(&file.stored_path);
    let bytes = std::fs::read(&original).map_err(|e| Error::io("read", &original, e))?;
    let largest = sizes.iter().map(|s| s.pixels()).max().unwrap_or(ThumbSize::Grid.pixels());
    let mut image = match media::decode(&bytes, &file.mime, largest, file.orientation) {
        Ok(decoded) => decoded.image,
        Err(_) => return Ok(None),
    };
    let mut last = None;
    let mut ordered = sizes.to_vec();
    ordered.sort_by_key(|s| std::cmp::Reverse(s.pixels()));
    for size in ordered {
        let Ok(resized) = media::thumbnail::resize(&image, size.pixels()) else { return Ok(None) };
        image = resized;
        let Ok(thumb) = media::thumbnail::encode(&image) else { return Ok(None) };
        last = Some(cache::store(paths, &file.hash, size, thumb.ext, &thumb.bytes)?);
    }
    Ok(last)
}

/// What a thumbnail run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ThumbsReport {
    pub made: usize,
    pub present: usize,
    /// Assets without a thumbnail (not images, or formats we cannot decode yet).
    pub without: usize,
    pub failed: Vec<(i64, String)>,
    pub seconds: f64,
}

/// Progress of a thumbnail run: done out of total.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ThumbsProgress {
    pub done: usize,
    pub total: usize,
}

/// Makes missing grid thumbnails (and previews when `previews`); with `rebuild`, clears the cache first.
pub fn make_thumbnails(
    ctx: &Ctx,
    rebuild: bool,
    previews: bool,
    cancel: &CancelToken,
    progress: &dyn ProgressSink<ThumbsProgress>,
) -> Result<ThumbsReport> {
    ctx.require(crate::domain::Action::Maintain)?;
    let started = std::time::Instant::now();
    let library = ctx.library;
    if rebuild {
        cache::clear(library.paths())?;
    }
    let files = library.store().stored_files()?;
    let paths = library.paths();
    let sizes: &[ThumbSize] = if previews { &[ThumbSize::Preview, ThumbSize::Grid] } else { &[ThumbSize::Grid] };
    let report = Mutex::new(ThumbsReport::default());
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while !cancel.is_cancelled() {
                    let Some(file) = files.get(next.fetch_add(1, Ordering::SeqCst)) else { break };
                    let missing: Vec<ThumbSize> =
                        sizes.iter().copied().filter(|s| cache::find(paths, &file.hash, *s).is_none()).collect();
                    let outcome =
                        if missing.is_empty() { Ok(Some(PathBuf::new())) } else { render(paths, file, &missing) };
                    let mut r = report.lock().unwrap_or_else(|p| p.into_inner());
                    match outcome {
                        Ok(Some(_)) if missing.is_empty() => r.present += 1,
                        Ok(Some(_)) => r.made += 1,
                        Ok(None) => r.without += 1,
                        Err(e) => r.failed.push((file.asset_id.0, e.to_string())),
                    }
                    drop(r);
                    let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                    progress.report(&ThumbsProgress { done: n, total: files.len() });
                }
            });
        }
    });
    let mut report = report.into_inner().unwrap_or_else(|p| p.into_inner());
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
