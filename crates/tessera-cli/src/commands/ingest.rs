//! `tessera ingest PATH... [--as NAME] [--threads N] [--previews]`

use super::Outcome;
use crate::cli::IngestArgs;
use crate::output::{self, human_bytes};
use crate::progress::IngestBar;
use std::path::PathBuf;
use tessera_core::ingest::{self, IngestOptions};

pub fn run(library: Option<&PathBuf>, args: &IngestArgs, json: bool) -> anyhow::Result<Outcome> {
    let mut library = crate::location::open(library)?;
    let options = IngestOptions {
        uploader: args.uploader.clone().unwrap_or_else(tessera_core::identity::os_user),
        threads: args.threads,
        previews: args.previews,
        cancel: super::cancel_on_ctrl_c(),
    };
    let bar = IngestBar::new(json);
    let report = ingest::ingest(&mut library, &args.paths, &options, &bar)?;
    bar.finish();
    if json {
        output::json(&report);
    } else {
        for f in &report.failed {
            eprintln!("failed   {}: {}", f.path, f.reason);
        }
        for s in &report.skipped {
            eprintln!("skipped  {}: {}", s.path, s.reason);
        }
        let per_second = report.ingested.len() as f64 / report.seconds.max(1e-9);
        println!(
            "{} ingested, {} duplicates, {} skipped, {} failed in {:.1} s ({per_second:.1} files/s, {}, {:.0} MP){}",
            report.ingested.len(),
            report.duplicates.len(),
            report.skipped.len(),
            report.failed.len(),
            report.seconds,
            human_bytes(report.bytes),
            report.megapixels,
            if report.cancelled { " — cancelled" } else { "" }
        );
    }
    Ok(if report.failed.is_empty() { Outcome::Clean } else { Outcome::Problems })
}
