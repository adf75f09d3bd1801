//! `tessera copy ID... --out DIR` and `tessera export ID... --out DIR [--override REASON]`

use super::Outcome;
use crate::location::Session;
use crate::output;
use std::path::Path;
use tessera_core::app::assets;
use tessera_core::AssetId;

pub fn run(session: &Session, ids: &[i64], out: &Path, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let ids: Vec<AssetId> = ids.iter().copied().map(AssetId).collect();
    let report = assets::copy_originals(&ctx, &ids, out)?;
    if json {
        output::json(&serde_json::json!(report));
    } else {
        for copied in &report.copied {
            println!("{}: {}", copied.id, copied.path.display());
        }
        for failed in &report.failed {
            eprintln!("{}: not copied: {}", failed.id, failed.reason);
        }
    }
    Ok(if report.failed.is_empty() { Outcome::Clean } else { Outcome::Problems })
}

pub fn export(session: &Session, ids: &[i64], out: &Path, why: Option<&str>, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let ids: Vec<AssetId> = ids.iter().copied().map(AssetId).collect();
    let report = assets::export_originals(&ctx, &ids, out, why)?;
    if json {
        output::json(&serde_json::json!(report));
    } else {
        for exported in &report.exported {
            println!("{}: {}", exported.id, exported.path.display());
        }
    }
    for refused in &report.refused {
        eprintln!("{}: refused: {}", refused.id, refused.reason);
    }
    for failed in &report.failed {
        eprintln!("{}: not exported: {}", failed.id, failed.reason);
    }
    Ok(match (report.refused.is_empty(), report.failed.is_empty()) {
        (false, _) => Outcome::Refused,
        (true, false) => Outcome::Problems,
        (true, true) => Outcome::Clean,
    })
}
