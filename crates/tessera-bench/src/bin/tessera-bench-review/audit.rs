//! Part 2: `audit verify` over a long trail, appended through the store's own path in large transactions.

use crate::Args;
use anyhow::bail;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;
use tessera_core::app::audit::{self, Recorded};
use tessera_core::{Actor, Ctx, Library};

/// `batch` events, each an edit of one field of one asset (the common event), numbered from `from`.
fn events(from: u64, batch: u64) -> Vec<Recorded> {
    (from..from + batch)
        .map(|i| Recorded {
            action: "edit".into(),
            assets: vec![(i % 100_000) as i64 + 1],
            detail: serde_json::json!({
                "summary": "rating",
                "changes": [{ "asset": (i % 100_000) + 1, "field": "rating", "before": i % 5, "after": (i + 1) % 5 }],
            }),
        })
        .collect()
}

pub fn run(args: &Args, root: &Path, md: &mut String) -> anyhow::Result<()> {
    let library = Library::init(root)?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    let started = Instant::now();
    let mut done = 0u64;
    while done < args.events {
        let n = args.batch.min(args.events - done);
        audit::record(&ctx, &events(done, n))?;
        done += n;
    }
    let appended = started.elapsed().as_secs_f64();
    library.checkpoint()?;
    let size = std::fs::metadata(root.join("library.db")).map(|m| m.len()).unwrap_or(0);
    let mut verified = Vec::new();
    for _ in 0..2 {
        let started = Instant::now();
        let check = audit::verify(&ctx)?;
        verified.push(started.elapsed().as_secs_f64());
        // A fresh library's trail holds only what was appended here (creating it records nothing).
        if check.broken.is_some() || check.events < args.events {
            bail!("the chain should hold all {} events, intact: {check:?}", args.events);
        }
    }
    let n = args.events as f64;
    writeln!(
        md,
        "Audit trail: {} events (each an edit of one field of one asset) appended through `app::audit::record`, {} \
         to a transaction; database {:.1} MB ({:.0} bytes an event). `app::audit::verify` recomputes the whole \
         chain (BLAKE3 over each event's canonical form and the hash before it), twice.",
        args.events,
        args.batch,
        size as f64 / 1e6,
        size as f64 / n
    )?;
    writeln!(md)?;
    writeln!(md, "| audit trail | events | seconds | events/s | goal |")?;
    writeln!(md, "|---|--:|--:|--:|--:|")?;
    writeln!(md, "| append (`app::audit::record`) | {} | {appended:.2} | {:.0} | |", args.events, n / appended)?;
    for (label, s) in ["`audit verify`, first", "`audit verify`, again"].iter().zip(&verified) {
        writeln!(md, "| {label} | {} | {s:.2} | {:.0} | < 5 s |", args.events, n / s)?;
    }
    writeln!(md)?;
    Ok(())
}
