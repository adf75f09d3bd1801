//! `tessera-bench-review`: the review and audit figures of issue 9, in one run.
//!
//! 1. **The queue**: a library of `--assets` assets (10,000), every one submitted through a one-stage template whose
//!    only reviewer is the profile `rita` (role reviewer), due over ten dates; then `app::review::queue(ctx, 50)` as
//!    rita on a freshly opened library (the first call, cold: new connections, nothing prepared), then `--runs` (30)
//!    more: median and p99. Goal < 200 ms.
//! 2. **`audit verify`**: a fresh library whose trail gets `--events` (1,000,000) events through
//!    `app::audit::record`, `--batch` (10,000) to a transaction (the store's own append, the chain computed as it
//!    goes), then `app::audit::verify` over all of them. Goal < 5 s.
//! 3. **The permission check**: `ctx.require` in a tight loop (ns per call), against `search::run` on the queue's
//!    library: the check's share of a search (it runs once per search). Goal < 1 %.
//!
//! ```text
//! cargo build --release -p tessera-bench --bin tessera-bench-review
//! target/release/tessera-bench-review --out bench-out/review.md
//! ```

mod audit;
mod permission;
mod queue;

use clap::Parser;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Parser)]
#[command(name = "tessera-bench-review", about = "Review queue, audit verify and permission check benchmarks")]
pub struct Args {
    /// Assets in the queue's library, every one waiting for the same reviewer.
    #[arg(long, default_value_t = 10_000)]
    assets: usize,
    /// Timed queue calls after the first (cold) one.
    #[arg(long, default_value_t = 30)]
    runs: usize,
    /// Events in the audit trail that is verified.
    #[arg(long, default_value_t = 1_000_000)]
    events: u64,
    /// Events appended per transaction.
    #[arg(long, default_value_t = 10_000)]
    batch: u64,
    /// `ctx.require` calls per timed loop.
    #[arg(long, default_value_t = 10_000_000)]
    checks: u64,
    /// Timed calls of each search.
    #[arg(long, default_value_t = 200)]
    searches: usize,
    /// Folder for the two libraries (each made fresh, removed after unless --keep).
    #[arg(long, default_value = "/tmp/tessera-bench-review")]
    dir: PathBuf,
    #[arg(long)]
    keep: bool,
    /// Where to write the Markdown report.
    #[arg(long, default_value = "bench-out/review.md")]
    out: PathBuf,
}

/// Milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The `p`-quantile (0..1) of sorted `xs`, nearest rank.
pub fn quantile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
    sorted.get(rank - 1).copied().unwrap_or_default()
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let _ = std::fs::remove_dir_all(&args.dir);
    std::fs::create_dir_all(&args.dir)?;
    let mut md = String::new();
    writeln!(md, "# Review queue, audit verify and the permission check")?;
    writeln!(md)?;
    let queue_root = args.dir.join("queue.tessera");
    let built = queue::run(&args, &queue_root, &mut md)?;
    eprintln!("queue done");
    audit::run(&args, &args.dir.join("audit.tessera"), &mut md)?;
    eprintln!("audit done");
    permission::run(&args, &queue_root, &built, &mut md)?;
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&args.out, &md)?;
    print!("{md}");
    if !args.keep {
        let _ = std::fs::remove_dir_all(&args.dir);
    }
    Ok(())
}
