//! The small commands: init, stats, thumbs, verify.

use super::Outcome;
use crate::location::Session;
use crate::output::{self, human_bytes};
use crate::progress::CountBar;
use std::path::Path;
use tessera_core::app::maintenance::{stats, thumbs, verify};
use thumbs::ThumbsProgress;
use verify::VerifyProgress;

pub fn init(dir: &Path, json: bool) -> anyhow::Result<Outcome> {
    let existed = dir.join("library.db").is_file();
    let library = tessera_core::Library::init(dir)?;
    let root = std::fs::canonicalize(library.root()).unwrap_or_else(|_| library.root().to_path_buf());
    super::libraries::record(&library);
    if json {
        output::json(&serde_json::json!({ "library": root, "created": !existed }));
    } else if existed {
        println!("{} is already a Tessera library", root.display());
    } else {
        println!("created library {}", root.display());
    }
    Ok(Outcome::Clean)
}

pub fn stats(session: &Session, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let s = stats::stats(&ctx)?;
    if json {
        let mut value = serde_json::to_value(&s)?;
        value["library"] = serde_json::json!(library.root());
        output::json(&value);
        return Ok(Outcome::Clean);
    }
    println!("library     {}", library.root().display());
    println!("assets      {} ({} of originals)", s.assets, human_bytes(s.original_bytes));
    for (kind, n) in &s.by_type {
        println!("  {kind:<10}{n}");
    }
    println!("tags        {} ({} assets untagged)", s.tags, s.untagged);
    if s.trashed > 0 {
        println!("trash       {} assets (`tessera trash ls`)", s.trashed);
    }
    println!("database    {}", human_bytes(s.database_bytes));
    Ok(Outcome::Clean)
}

pub fn thumbs(session: &Session, rebuild: bool, previews: bool, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let bar = CountBar::new(json, "thumbnails");
    let report =
        thumbs::make_thumbnails(&ctx, rebuild, previews, &super::cancel_on_ctrl_c(), &|p: &ThumbsProgress| {
            bar.set(p.done, p.total)
        })?;
    bar.0.finish_and_clear();
    if json {
        output::json(&report);
    } else {
        println!(
            "{} made, {} already there, {} without a thumbnail, {} failed in {:.1} s",
            report.made,
            report.present,
            report.without,
            report.failed.len(),
            report.seconds
        );
        for (id, reason) in &report.failed {
            eprintln!("failed   asset {id}: {reason}");
        }
    }
    Ok(if report.failed.is_empty() { Outcome::Clean } else { Outcome::Problems })
}

pub fn verify(session: &Session, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let bar = CountBar::new(json, "verifying");
    let report = verify::verify(&ctx, &super::cancel_on_ctrl_c(), &|p: &VerifyProgress| bar.set(p.done, p.total))?;
    bar.0.finish_and_clear();
    if json {
        output::json(&report);
    } else {
        for (label, list) in
            [("missing", &report.missing), ("corrupt", &report.corrupt), ("orphaned", &report.orphaned)]
        {
            for issue in list {
                println!("{label:<9} {}: {}", issue.path, issue.reason);
            }
        }
        for path in &report.purged {
            println!("purged    {path}: left by an interrupted `trash empty`, removed now");
        }
        println!(
            "{} originals checked: {} missing, {} corrupt, {} orphaned",
            report.checked,
            report.missing.len(),
            report.corrupt.len(),
            report.orphaned.len()
        );
    }
    Ok(if report.is_clean() { Outcome::Clean } else { Outcome::Problems })
}
