//! Copying originals out of the library into a folder (`tessera copy ID... --out DIR`, "Copy to folder…" in the
//! app): under their original names, never overwriting a file there, each checked against its hash on the way. One
//! asset that cannot be copied is reported and the rest go on.
//!
//! No governance check here (`app::lifecycle::may_leave`): copying an original out is not a release. Renditions
//! exported for use, drag-out and publishing call it.

use crate::app::Ctx;
use crate::blobs::originals;
use crate::domain::AssetId;
use crate::error::Result;
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CopiedOriginal {
    pub id: AssetId,
    #[ts(type = "string")]
    pub path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CopyFailure {
    pub id: AssetId,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct CopyReport {
    pub copied: Vec<CopiedOriginal>,
    pub failed: Vec<CopyFailure>,
}

pub fn copy_originals(ctx: &Ctx, ids: &[AssetId], out: &Path) -> Result<CopyReport> {
    ctx.require(crate::domain::Action::Export)?;
    let mut report = CopyReport::default();
    for id in ids {
        match copy_one(ctx, *id, out) {
            Ok(path) => report.copied.push(CopiedOriginal { id: *id, path }),
            Err(e) => report.failed.push(CopyFailure { id: *id, reason: e.to_string() }),
        }
    }
    Ok(report)
}

/// Copies one asset's current original into `out` under its original name (checked against its hash).
pub(super) fn copy_one(ctx: &Ctx, id: AssetId, out: &Path) -> Result<PathBuf> {
    let detail = ctx.store().asset_detail(id)?;
    let name = Path::new(&detail.file.original_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("asset-{}", id.0));
    originals::copy_out(ctx.library.paths(), &detail.file.stored_path, &detail.file.hash, out, &name)
}
