//! `tessera-bench-audit`: how long `tessera audit verify` takes on a long audit trail.
//!
//! Makes a fresh library, appends `--events` synthetic events (each an edit of one field of one asset, the common
//! case) through `tessera_core::app::audit::record` in batches of `--batch`, then times `audit verify` over the whole
//! chain. Goal: under 5 s at 1,000,000 events.
//!
//! ```text
//! cargo build --release -p tessera-bench
//! target/release/tessera-bench-audit --events 1000000
//! ```

use anyhow::bail;
use clap::Parser;
use std::path::PathBuf;
use std::time::Instant;
use tessera_core::app::audit::{self, Recorded};
use tessera_core::{Actor, Ctx, Library};

#[derive(Debug, Parser)]
#[command(name = "tessera-bench-audit", about = "audit verify on a long audit trail")]
struct Args {
    #[arg(long, default_value_t = 1_000_000)]
    events: u64,
    #[arg(long, default_value_t = 10_000)]
    batch: u64,
    /// Where to make the library (removed first, and after unless --keep).
    #[arg(long, default_value = "/tmp/tessera-bench-audit.tessera")]
    library: PathBuf,
    #[arg(long)]
    keep: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let _ = std::fs::remove_dir_all(&args.library);
    let library = Library::init(&args.library)?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    let started = Instant::now();
    let mut done = 0u64;
    while done < args.events {
        let n = args.batch.min(args.events - done);
        let events: Vec<Recorded> = (done..done + n)
            .map(|i| Recorded {
                action: "edit".into(),
                assets: vec![(i % 100_000) as i64 + 1],
                detail: serde_json::json!({
                    "summary": "rating",
                    "changes": [{ "asset": (i % 100_000) + 1, "field": "rating", "before": i % 5, "after": (i + 1) % 5 }],
                }),
            })
            .collect();
        audit::record(&ctx, &events)?;
        done += n;
    }
    let appended = started.elapsed();
    let started = Instant::now();
    let check = audit::verify(&ctx)?;
    let verified = started.elapsed();
    println!(
        "appended {} events in {:.1} s; verify: {} events in {:.2} s ({})",
        args.events,
        appended.as_secs_f64(),
        check.events,
        verified.as_secs_f64(),
        if check.broken.is_none() { "intact" } else { "BROKEN" }
    );
    if !args.keep {
        let _ = std::fs::remove_dir_all(&args.library);
    }
    if check.broken.is_some() || check.events != args.events {
        bail!("the chain should hold all {} events: {check:?}", args.events);
    }
    Ok(())
}
