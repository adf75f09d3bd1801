//! Part 3: the permission check's cost, against a search on the queue's library.

use crate::queue::Built;
use crate::{quantile, Args};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::Action;
use tessera_core::{Actor, Ctx, Library};

/// Nanoseconds per `ctx.require(action)`, over `n` calls.
fn per_check(ctx: &Ctx, action: Action, n: u64) -> anyhow::Result<f64> {
    let started = Instant::now();
    for _ in 0..n {
        black_box(ctx).require(black_box(action))?;
    }
    Ok(started.elapsed().as_nanos() as f64 / n as f64)
}

/// The median of `n` timed searches (after one untimed).
fn search_median(ctx: &Ctx, query: &str, n: usize) -> anyhow::Result<Duration> {
    let request = SearchRequest { query: query.into(), ..SearchRequest::default() };
    search::run(ctx, &request)?;
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        black_box(search::run(ctx, &request)?);
        times.push(started.elapsed());
    }
    times.sort();
    Ok(quantile(&times, 0.5))
}

pub fn run(args: &Args, root: &Path, built: &Built, md: &mut String) -> anyhow::Result<()> {
    let library = Library::open(root)?.for_long_running()?;
    let plain = Ctx::new(&library, Actor::named("bench"));
    let acting = Ctx::acting(&library, &built.reviewer);
    let checks = [
        ("`ctx.require(Read)`, an in-process actor (`Ctx::new`)", per_check(&plain, Action::Read, args.checks)?),
        (
            "`ctx.require(Read)`, a profile (`Ctx::acting`, as the app and CLI act)",
            per_check(&acting, Action::Read, args.checks)?,
        ),
        (
            "`ctx.require(Decide)`, a profile (allowed: also notes that it acted)",
            per_check(&acting, Action::Decide, args.checks)?,
        ),
    ];
    let worst = checks.iter().map(|c| c.1).fold(0.0, f64::max);
    writeln!(
        md,
        "Permission check: `ctx.require` ({} calls a loop) against `search::run` (limit 100) as `{}` on the queue's \
         library ({} assets; median of {}). A search calls `ctx.require` once; the share is the slowest check over \
         the search's median.",
        args.checks, built.reviewer.name, args.assets, args.searches
    )?;
    writeln!(md)?;
    writeln!(md, "| what | time | the check's share | goal |")?;
    writeln!(md, "|---|--:|--:|--:|")?;
    for (label, ns) in &checks {
        writeln!(md, "| {label} | {ns:.1} ns | | |")?;
    }
    for query in ["", "img", "tag:summer brand"] {
        let t = search_median(&acting, query, args.searches)?;
        let share = worst / t.as_nanos() as f64 * 100.0;
        writeln!(
            md,
            "| search `{query}` at {} assets, median | {:.1} µs | {share:.4} % | < 1 % |",
            args.assets,
            t.as_secs_f64() * 1e6
        )?;
    }
    writeln!(md)?;
    Ok(())
}
