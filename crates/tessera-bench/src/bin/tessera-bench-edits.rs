//! `tessera-bench-edits`: how long a tag edit takes while an import writes to the same library.
//!
//! Each round makes a fresh library holding `--assets` synthetic assets (the edits' targets), starts
//! `tessera ingest --threads 2 CORPUS` on it in another process, and, until that ingest ends, makes one tag edit every
//! `--pause-ms` from this process through `tessera_core::app::assets::edit_assets` on a library opened as the desktop
//! app opens it (`Library::for_long_running`) — the app's inspector tagging during a watched folder's or the CLI's
//! import. The same edits are then timed with nothing else writing, for comparison. Every edit must succeed (none
//! may fail with "database is locked"); the report gives p50 / p99 / max of both and how many edits overlapped.
//! Last, on a library of `--bulk` assets, the select-all edits: rating every asset, tagging every asset, and undoing
//! each (one transaction and one edit-log entry apiece).
//!
//! ```text
//! cargo build --release -p tessera-cli -p tessera-bench
//! target/release/tessera-bench-edits --tessera target/release/tessera --corpus ~/.cache/tessera-corpus/photos/jpeg
//! ```

use anyhow::{bail, Context};
use clap::Parser;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tessera_core::app::assets::{self, AssetEdit, Selection};
use tessera_core::app::ingest::records;
use tessera_core::domain::NewAsset;
use tessera_core::runtime::NoProgress;
use tessera_core::{Actor, AssetId, AssetKind, Ctx, Library};

#[derive(Debug, Parser)]
#[command(name = "tessera-bench-edits", about = "Tag edit latency while an import writes")]
struct Args {
    /// The `tessera` binary that ingests (a release build).
    #[arg(long, default_value = "target/release/tessera")]
    tessera: PathBuf,
    /// Folder of photos to ingest in each round.
    #[arg(long)]
    corpus: PathBuf,
    /// Rounds (a fresh library and a full ingest of the corpus each).
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Assets already in each library: what the edits tag.
    #[arg(long, default_value_t = 5_000)]
    assets: usize,
    /// Pause between two edits.
    #[arg(long, default_value_t = 5)]
    pause_ms: u64,
    /// Assets of the library whose every asset is rated, then tagged, then both undone (the select-all edit).
    #[arg(long, default_value_t = 100_000)]
    bulk: usize,
    /// Assets of the library where a tag carried by one in ten of them is renamed, then merged (the tag tree).
    #[arg(long, default_value_t = 1_000_000)]
    tree: usize,
    /// Where to write the Markdown report.
    #[arg(long, default_value = "bench-out/edits.md")]
    out: PathBuf,
}

fn seed_assets(n: usize) -> Vec<NewAsset> {
    (0..n)
        .map(|i| NewAsset {
            kind: Some(AssetKind::Image),
            ext: "jpg".into(),
            mime: "image/jpeg".into(),
            name: format!("IMG_{i:05}.jpg"),
            source_path: format!("/seed/IMG_{i:05}.jpg"),
            stored_path: format!("originals/00/{i:064x}.jpg"),
            hash: format!("{i:064x}"),
            size: 1_000,
            added_at: 1_700_000_000 + i as i64,
            uploader: "bench".into(),
            tags: vec!["seed".into()],
            ..NewAsset::default()
        })
        .collect()
}

/// One tag edit of one asset; its wall time.
fn edit(ctx: &Ctx, ids: &[AssetId], n: usize) -> anyhow::Result<Duration> {
    let id = ids[(n * 7919) % ids.len()];
    let edit = AssetEdit { add_tags: vec![format!("edit-{n}")], ..AssetEdit::default() };
    let started = Instant::now();
    assets::edit_assets(ctx, &Selection::Ids { ids: vec![id] }, &edit).with_context(|| format!("edit {n}"))?;
    Ok(started.elapsed())
}

fn quantile(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1e3
}

struct Round {
    during: Vec<Duration>,
    ingest_seconds: f64,
}

fn round(args: &Args, dir: &std::path::Path, r: usize) -> anyhow::Result<Round> {
    let root = dir.join(format!("round-{r}.tessera"));
    Library::init(&root)?;
    let library = Library::open(&root)?.for_long_running()?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    let ids = records::insert(&ctx, &seed_assets(args.assets))?;
    let started = Instant::now();
    let mut ingest = Command::new(&args.tessera)
        .arg("--library")
        .arg(&root)
        .args(["--json", "ingest", "--threads", "2"])
        .arg(&args.corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("start {}", args.tessera.display()))?;
    let mut during = Vec::new();
    let mut n = 0;
    loop {
        if let Some(status) = ingest.try_wait()? {
            if !status.success() && status.code() != Some(1) {
                bail!("the ingest of round {r} failed: {status}");
            }
            break;
        }
        during.push(edit(&ctx, &ids, n)?);
        n += 1;
        std::thread::sleep(Duration::from_millis(args.pause_ms));
    }
    Ok(Round { during, ingest_seconds: started.elapsed().as_secs_f64() })
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile_dir()?;
    let mut during = Vec::new();
    let mut seconds = 0.0;
    for r in 0..args.rounds {
        let round = round(&args, &dir, r)?;
        eprintln!("round {r}: {} edits during a {:.2} s ingest", round.during.len(), round.ingest_seconds);
        during.extend(round.during);
        seconds += round.ingest_seconds;
    }
    // The same number of edits with nothing else writing.
    let root = dir.join("idle.tessera");
    Library::init(&root)?;
    let library = Library::open(&root)?.for_long_running()?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    let ids = records::insert(&ctx, &seed_assets(args.assets))?;
    let mut idle = Vec::new();
    for n in 0..during.len() {
        idle.push(edit(&ctx, &ids, n)?);
        std::thread::sleep(Duration::from_millis(args.pause_ms));
    }
    let bulk = bulk_edits(&dir, args.bulk)?;
    let tree = tree_edits(&dir, args.tree)?;
    std::fs::remove_dir_all(&dir).ok();
    during.sort();
    idle.sort();
    let files = std::fs::read_dir(&args.corpus)?.count();
    let mut md = String::new();
    writeln!(md, "# Tag edits while an import writes")?;
    writeln!(md)?;
    writeln!(
        md,
        "{} rounds: a fresh library of {} assets, `tessera ingest --threads 2` of {} files ({:.1} s of ingest in all) \
         in another process, one tag edit every {} ms from this one on the app's connection.",
        args.rounds, args.assets, files, seconds, args.pause_ms
    )?;
    writeln!(md)?;
    writeln!(md, "| edits | n | failed | p50 ms | p99 ms | max ms | goal |")?;
    writeln!(md, "|---|--:|--:|--:|--:|--:|--:|")?;
    for (label, times, goal) in [("during the ingest", &during, "p99 < 50 ms"), ("nothing else writing", &idle, "")] {
        writeln!(
            md,
            "| {label} | {} | 0 | {:.2} | {:.2} | {:.2} | {goal} |",
            times.len(),
            quantile(times, 0.5),
            quantile(times, 0.99),
            quantile(times, 1.0)
        )?;
    }
    writeln!(md)?;
    writeln!(md, "Select-all edits of a library of {} assets (one transaction and one undo step each):", args.bulk)?;
    writeln!(md)?;
    writeln!(md, "| select-all edit | seconds | goal |")?;
    writeln!(md, "|---|--:|--:|")?;
    for (label, seconds) in bulk {
        writeln!(md, "| {label} | {seconds:.2} | about 1 s |")?;
    }
    writeln!(md)?;
    writeln!(
        md,
        "The tag tree on a library of {} assets, a tag carried by {} of them (one transaction each):",
        args.tree,
        args.tree / 10
    )?;
    writeln!(md)?;
    writeln!(md, "| tag tree change | assets changed | seconds | goal |")?;
    writeln!(md, "|---|--:|--:|--:|")?;
    for (label, changed, seconds) in tree {
        writeln!(md, "| {label} | {changed} | {seconds:.2} | < 1 s |")?;
    }
    print!("{md}");
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&args.out, md)?;
    Ok(())
}

/// Rates every asset, undoes it, tags every asset, undoes it; the seconds of each.
fn bulk_edits(dir: &std::path::Path, n: usize) -> anyhow::Result<Vec<(&'static str, f64)>> {
    let root = dir.join("bulk.tessera");
    Library::init(&root)?;
    let library = Library::open(&root)?.for_long_running()?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    for chunk in seed_assets(n).chunks(5_000) {
        records::insert(&ctx, chunk)?;
    }
    library.checkpoint()?;
    let all = Selection::Query { query: String::new(), except: vec![] };
    let timed = |f: &dyn Fn() -> anyhow::Result<()>| -> anyhow::Result<f64> {
        let started = Instant::now();
        f()?;
        Ok(started.elapsed().as_secs_f64())
    };
    let rate = AssetEdit { rating: Some(Some(4)), ..AssetEdit::default() };
    let tag = AssetEdit { add_tags: vec!["approved".into()], ..AssetEdit::default() };
    let undo = || assets::undo_last(&ctx, &NoProgress).map(|_| ()).map_err(anyhow::Error::from);
    Ok(vec![
        ("rate every asset 4", timed(&|| Ok(assets::edit_assets(&ctx, &all, &rate).map(|_| ())?))?),
        ("undo the rating", timed(&undo)?),
        ("tag every asset +approved", timed(&|| Ok(assets::edit_assets(&ctx, &all, &tag).map(|_| ())?))?),
        ("undo the tag", timed(&undo)?),
    ])
}

/// On `n` assets, one in ten tagged `approved` and all `seed`: moves `approved` beneath `Status`, then merges it into
/// `Status/Final` (carried by one in ten others); what each changed and its seconds.
fn tree_edits(dir: &std::path::Path, n: usize) -> anyhow::Result<Vec<(&'static str, u64, f64)>> {
    use tessera_core::app::tags;
    let root = dir.join("tree.tessera");
    Library::init(&root)?;
    let library = Library::open(&root)?.for_long_running()?;
    let ctx = Ctx::new(&library, Actor::named("bench"));
    let mut assets = seed_assets(n);
    for (i, asset) in assets.iter_mut().enumerate() {
        match i % 10 {
            0 => asset.tags.push("approved".into()),
            5 => asset.tags.push("Status/Final".into()),
            _ => {}
        }
    }
    for chunk in assets.chunks(5_000) {
        records::insert(&ctx, chunk)?;
    }
    library.checkpoint()?;
    let started = Instant::now();
    let renamed = tags::rename_tag(&ctx, "approved", "Status/Approved", false)?;
    let rename = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let merged = tags::merge_tags(&ctx, "Status/Approved", "Status/Final")?;
    let merge = started.elapsed().as_secs_f64();
    Ok(vec![
        ("move `approved` to `Status/Approved`", renamed.assets, rename),
        ("merge it into `Status/Final`", merged.assets, merge),
    ])
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("tessera-bench-edits-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
