//! The picture at full resolution for the review pane's zoom past the 1024 px preview: the original itself when the
//! webview can show it as it is (JPEG, PNG, WebP, GIF, at most [`MAX_BYTES`]); otherwise none, and the caller shows
//! the preview (a RAW, a PSD or a TIFF has no full view until the formats issue makes one).

use crate::app::Ctx;
use crate::domain::{Action, StoredFile};
use crate::error::{Error, Result};
use std::path::PathBuf;

/// Larger originals are not sent whole to the webview (the preview stays).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

const SHOWN_AS_IS: &[&str] = &["image/jpeg", "image/png", "image/webp", "image/gif"];

/// The original's path and its MIME type when the webview can show it as it is.
pub fn full_view(ctx: &Ctx, file: &StoredFile) -> Result<Option<(PathBuf, String)>> {
    ctx.require(Action::Read)?;
    if !SHOWN_AS_IS.contains(&file.mime.as_str()) {
        return Ok(None);
    }
    let path = ctx.library.root().join(&file.stored_path);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.len() <= MAX_BYTES => Ok(Some((path, file.mime.clone()))),
        Ok(_) => Ok(None),
        Err(_) => Err(Error::OriginalMissing { id: file.asset_id.0, path }),
    }
}
