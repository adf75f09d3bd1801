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
        uploader: args.uploader.clone().unwrap_or_else(os_user),
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

/// The OS user: $USER/$LOGNAME/$USERNAME, else (on Unix) the passwd entry of the process's user.
fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(passwd_name)
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(unix)]
fn passwd_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
}
