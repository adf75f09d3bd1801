//! Exporting assets for use (`tessera export ID... --out DIR`): each asset passes the governance check first
//! (`app::lifecycle::may_leave`: approved or published, rights not expired, or an override with a reason), then its
//! original is copied out as `copy` does. Until presets arrive (the renditions issue adds `--preset`), an export
//! writes the original itself. A refused asset is reported with the reason and the rest go on; what left is one
//! `export` event in the audit trail.

use super::copy_out::{copy_one, CopiedOriginal, CopyFailure};
use crate::app::audit::{record, Recorded};
use crate::app::lifecycle::may_leave;
use crate::app::Ctx;
use crate::domain::{Action, AssetId};
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct ExportReport {
    pub exported: Vec<CopiedOriginal>,
    /// Held back by governance, with the reason (not approved, rights expired).
    pub refused: Vec<CopyFailure>,
    /// Could not be written (missing, unreadable, the folder full).
    pub failed: Vec<CopyFailure>,
}

pub fn export_originals(ctx: &Ctx, ids: &[AssetId], out: &Path, override_reason: Option<&str>) -> Result<ExportReport> {
    ctx.require(Action::Export)?;
    let mut report = ExportReport::default();
    for id in ids {
        match may_leave(ctx, *id, override_reason) {
            Ok(()) => {}
            Err(e @ Error::NotReleasable { .. }) => {
                report.refused.push(CopyFailure { id: *id, reason: e.to_string() });
                continue;
            }
            // Overriding needs a role the actor lacks: nothing of the batch goes.
            Err(e @ Error::Denied { .. }) => return Err(e),
            Err(e) => {
                report.failed.push(CopyFailure { id: *id, reason: e.to_string() });
                continue;
            }
        }
        match copy_one(ctx, *id, out) {
            Ok(path) => report.exported.push(CopiedOriginal { id: *id, path }),
            Err(e) => report.failed.push(CopyFailure { id: *id, reason: e.to_string() }),
        }
    }
    if !report.exported.is_empty() {
        let files: Vec<String> = report.exported.iter().map(|c| c.path.display().to_string()).collect();
        let detail =
            serde_json::json!({ "out": out.display().to_string(), "files": files, "override": override_reason });
        let assets = report.exported.iter().map(|c| c.id.0).collect();
        record(ctx, &[Recorded { action: "export".into(), assets, detail }])?;
    }
    Ok(report)
}
