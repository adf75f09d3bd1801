//! `tessera ingest PATH... [--threads N] [--previews]` (the uploader is the actor: `--as NAME`, else you)

use super::Outcome;
use crate::cli::IngestArgs;
use crate::location::Session;
use crate::output::{self, human_bytes};
use crate::progress::IngestBar;
use tessera_core::app::ingest::{self, IngestOptions};

pub fn run(session: &Session, args: &IngestArgs, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let options = IngestOptions {
        threads: args.threads,
        previews: args.previews,
        cancel: super::cancel_on_ctrl_c(),
        ..IngestOptions::default()
    };
    let bar = IngestBar::new(json);
    let report = ingest::ingest(&ctx, &args.paths, &options, &bar)?;
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
        for t in &report.in_trash {
            eprintln!("in trash {}: asset {} (`tessera trash restore {}` brings it back)", t.path, t.id, t.id);
        }
        for o in &report.version_offers {
            println!(
                "version? {} looks like a new version of {} (asset {}): `tessera version stack {} --onto {}` makes it one",
                o.path, o.of_name, o.of.0, o.id.0, o.of.0
            );
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
