//! `tessera-bench-search`: search latency at scale.
//!
//! Generates (or reuses, with `--reuse`) a synthetic library of `--assets N` assets through the core's own API, then
//! times `tessera_core::app::search::run` for each query shape over ~200 instances and prints a Markdown table (also
//! written to `--out`). The library is opened the way the desktop app opens it (`Library::for_long_running`: the read
//! pool without a memory map), so the figures are the app's; `--mapped` measures the CLI's mapped reads instead. The
//! "count alone" columns time the exact `count(*)` the search would need for the same query, run on its own
//! connection: what an exact total costs.
//!
//! ```text
//! cargo run --release -p tessera-bench --bin tessera-bench-search -- --assets 1000000 --library /tmp/bench.tessera --reuse
//! ```

mod gen;
mod metadata;
mod oracle;

use anyhow::{bail, Context};
use clap::Parser;
use gen::{Rng, Vocabulary};
use rusqlite::types::Value;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::query::{self, Filter};
use tessera_core::domain::SortKey;
use tessera_core::sqlite_fts as fts;
use tessera_core::{Actor, Ctx, Library};

#[derive(Debug, Parser)]
#[command(name = "tessera-bench-search", about = "Search latency on a synthetic library")]
struct Args {
    /// Number of assets in the synthetic library.
    #[arg(long, default_value_t = 1_000_000)]
    assets: u64,
    /// Library folder (created; an existing library there is replaced unless --reuse).
    #[arg(long, default_value = "/tmp/tessera-bench-search.tessera")]
    library: PathBuf,
    /// Reuse the library at --library when it already holds --assets assets.
    #[arg(long)]
    reuse: bool,
    /// Instances per query shape.
    #[arg(long, default_value_t = 200)]
    instances: usize,
    /// Assets per insert transaction.
    #[arg(long, default_value_t = 5000)]
    batch: usize,
    /// Where to write the Markdown report.
    #[arg(long, default_value = "bench-out/search.md")]
    out: PathBuf,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Run only the shapes whose name contains one of these (e.g. `--only a. --only c.`).
    #[arg(long)]
    only: Vec<String>,
    /// Instead of timing, check that every page of many queries equals the plain SQL's result (small libraries).
    #[arg(long)]
    check: bool,
    /// Read through a memory map, as the short-lived CLI does (default: the desktop app's unmapped read pool).
    #[arg(long)]
    mapped: bool,
    /// Instead of the shapes, time these queries (`--instances` runs each; min, median and max on stderr).
    #[arg(long)]
    query: Vec<String>,
}

const VOCABULARY: usize = 300;
/// `tessera_core::store::search_sql::TOTAL_CAP` (not re-exported by the store).
const TOTAL_CAP: u64 = 10_000;

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let vocab = Vocabulary::new(VOCABULARY);
    let mut report = String::new();
    let generation = prepare(&args, &vocab)?;
    let library = Library::open(&args.library).context("opening the library")?;
    // The app's handle (src-tauri/src/state.rs) reads without a memory map; measure what it does unless asked not to.
    let library = if args.mapped { library } else { library.for_long_running()? };
    let conn = rusqlite::Connection::open_with_flags(
        &library.paths().db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "cache_size", "-65536")?;
    if args.check {
        return oracle::check(&library, &conn);
    }
    if !args.query.is_empty() {
        return time_queries(&library, &args.query, args.instances);
    }

    writeln!(report, "## Search at {} assets\n", args.assets)?;
    let db_bytes = library.database_bytes();
    writeln!(report, "| library | value |\n|---|--:|")?;
    let made = match generation {
        Some((secs, n)) => Some((secs, n, "this run")),
        None => recorded_generation(&args.library).map(|(secs, n)| (secs, n, "an earlier run (`--reuse`)")),
    };
    match made {
        Some((secs, n, when)) => {
            writeln!(report, "| generated | {n} assets in {secs:.0} s, by {when} |")?;
            writeln!(report, "| insert rate | {:.0} assets/s |", n as f64 / secs)?;
        }
        None => writeln!(report, "| generated | reused, not recorded ({GENERATION_RECORD} is missing) |")?,
    }
    let connection = if args.mapped {
        "mapped reads (`--mapped`: the CLI's)"
    } else {
        "the app's: read pool without mmap (`Library::for_long_running`)"
    };
    writeln!(report, "| connection | {connection} |")?;
    writeln!(report, "| database size | {:.1} MB |", db_bytes as f64 / 1e6)?;
    writeln!(report, "| per asset | {:.0} bytes |\n", db_bytes as f64 / args.assets as f64)?;
    eprint!("{report}");

    if let Some(secs) = metadata::prepare(&library)? {
        writeln!(report, "Fields and collections set on the library for the `e.` shapes in {secs:.1} s (once).\n")?;
    }
    let mut rng = Rng::new(args.seed ^ 0xBE4C);
    let shapes = shapes(&mut rng, &vocab, args.instances);
    let mut table = String::new();
    writeln!(
        table,
        "| shape | example | n | p50 ms | p99 ms | max ms | CPU mean ms | median matches | exact count alone p50 ms | p99 ms |"
    )?;
    writeln!(table, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")?;
    let wanted = |name: &str| args.only.is_empty() || args.only.iter().any(|o| name.contains(o.as_str()));
    for shape in shapes.iter().filter(|s| wanted(s.name)) {
        let row = measure_shape(&library, &conn, shape)?;
        eprintln!("{row}");
        writeln!(table, "{row}")?;
    }
    if wanted("f. sidebar") {
        let row = metadata::measure_sidebar(&library, args.instances)?;
        eprintln!("{row}");
        writeln!(table, "{row}")?;
    }
    for sort in [SortKey::Name, SortKey::Size, SortKey::Taken].into_iter().filter(|_| wanted("c. browse")) {
        let row = measure_deep_pages(&library, &conn, sort, args.instances)?;
        eprintln!("{row}");
        writeln!(table, "{row}")?;
    }
    report.push_str(&table);
    writeln!(
        report,
        "\nTimes are wall-clock per `search::run` call (limit 100, including the total), warm cache, one thread; \
         \"CPU mean\" is the thread's own CPU time over all of a shape's calls, divided by their number: other \
         processes on a shared machine do not lengthen it (it is counted in scheduler ticks, so only the mean is \
         meaningful). \"median matches\" is the median `total` reported (a capped total shows as `N+`)."
    )?;
    print!("{report}");
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    std::fs::write(&args.out, &report).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {}", args.out.display());
    Ok(())
}

/// Creates the synthetic library unless a matching one can be reused; returns (seconds, assets) when generated.
fn prepare(args: &Args, vocab: &Vocabulary) -> anyhow::Result<Option<(f64, u64)>> {
    let db = args.library.join("library.db");
    if args.reuse && db.is_file() {
        let conn = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let n: i64 = conn.query_row("SELECT count(*) FROM assets", [], |r| r.get(0))?;
        if n as u64 == args.assets {
            eprintln!("reusing {} ({n} assets)", args.library.display());
            return Ok(None);
        }
        eprintln!("{} has {n} assets, not {}: generating again", args.library.display(), args.assets);
    }
    if args.library.exists() {
        if !db.is_file() {
            bail!("{} exists and is not a library: refusing to replace it", args.library.display());
        }
        std::fs::remove_dir_all(&args.library)?;
    }
    let started = Instant::now();
    let library = Library::init(&args.library)?;
    let mut rng = Rng::new(args.seed);
    let mut added_at = gen::ADDED_FROM;
    let mut batch = Vec::with_capacity(args.batch);
    let mut done = 0u64;
    while done < args.assets {
        batch.clear();
        let n = (args.assets - done).min(args.batch as u64);
        for i in 0..n {
            added_at += 1 + rng.below(600) as i64;
            batch.push(gen::asset(done + i, &mut rng, vocab, added_at));
        }
        tessera_core::app::ingest::records::insert(&Ctx::new(&library, Actor::named("bench")), &batch)?;
        done += n;
        if done % 100_000 < args.batch as u64 || done == args.assets {
            eprintln!("  {done} assets, {:.0}/s", done as f64 / started.elapsed().as_secs_f64());
        }
    }
    library.checkpoint()?;
    let secs = started.elapsed().as_secs_f64();
    // Kept with the library so a later `--reuse` run still reports how fast it was made.
    std::fs::write(args.library.join(GENERATION_RECORD), format!("{} {secs:.3}\n", args.assets))?;
    Ok(Some((secs, args.assets)))
}

/// `ASSETS SECONDS` of the generation that made a library, beside its database.
const GENERATION_RECORD: &str = "bench-generation.txt";

fn recorded_generation(library: &std::path::Path) -> Option<(f64, u64)> {
    let text = std::fs::read_to_string(library.join(GENERATION_RECORD)).ok()?;
    let mut parts = text.split_whitespace();
    let n = parts.next()?.parse().ok()?;
    let secs = parts.next()?.parse().ok()?;
    Some((secs, n))
}

struct Shape {
    name: &'static str,
    requests: Vec<SearchRequest>,
}

fn request(query: String) -> SearchRequest {
    SearchRequest { query, ..SearchRequest::default() }
}

fn shapes(rng: &mut Rng, vocab: &Vocabulary, n: usize) -> Vec<Shape> {
    // Prefixes come from real vocabulary words, file-name tokens, cameras and uploaders.
    let sources: Vec<String> = vocab.words[..250]
        .iter()
        .cloned()
        .chain(
            ["img", "dsc", "pxl", "screenshot", "canon", "nikon", "sony", "apple", "iphone", "fujifilm"]
                .map(String::from),
        )
        .chain(["alice", "bruno", "chloe", "dmitri", "elena", "farid", "greta", "maya", "noah"].map(String::from))
        .collect();
    let prefix = |rng: &mut Rng, len: usize, fixed: &[&str], i: usize| -> String {
        if i < fixed.len() {
            return fixed[i].to_string();
        }
        let word = rng.pick(&sources);
        word.chars().take(len).collect()
    };
    let a2 = (0..n).map(|i| request(prefix(rng, 2, &["br", "ca", "im", "ds"], i))).collect();
    let a3 = (0..n).map(|i| request(prefix(rng, 3, &["cam", "bra", "img", "sum"], i))).collect();
    let b = (0..n)
        .map(|i| {
            let tag = if i == 0 {
                "summer"
            } else if i == 1 {
                "brand"
            } else {
                // Tags of every frequency: the head and the tail of the Zipf curve.
                &vocab.words[rng.below(120) as usize]
            };
            let date = if i == 1 || (i != 0 && rng.chance(0.5)) {
                format!("added>{}-{:02}-01", 2016 + rng.below(9), 1 + rng.below(12))
            } else {
                format!("taken:{}", 2015 + rng.below(10))
            };
            let word = if i == 0 {
                "bea".to_string()
            } else if i == 1 {
                "fin".to_string()
            } else {
                prefix(rng, 3, &[], 99)
            };
            request(format!("tag:{tag} {date} {word}"))
        })
        .collect();
    let d1 = (0..n).map(|_| request(String::new())).collect();
    let common = ["img", "summer", "brand", "product", "team", "jpg", "canon", "alice"];
    let d2 = (0..n).map(|i| request(common[i % common.len()].to_string())).collect();
    let fields = ["agency:North", "agency:South summer", "label:red", "agency:West", "agency:East tag:sky"];
    let e1 = (0..n).map(|i| request(fields[i % fields.len()].to_string())).collect();
    let collections = [
        "collection:\"Spring 2027\"",
        "collection:\"Spring 2027/Print\"",
        "collection:Archive",
        "collection:Archive bea",
    ];
    let e2 = (0..n).map(|i| request(collections[i % collections.len()].to_string())).collect();
    vec![
        Shape { name: "a. prefix, 2 letters", requests: a2 },
        Shape { name: "a. prefix, 3 letters", requests: a3 },
        Shape { name: "b. tag + date + word", requests: b },
        Shape { name: "d. empty query", requests: d1 },
        Shape { name: "d. common word", requests: d2 },
        Shape { name: "e. custom field or label", requests: e1 },
        Shape { name: "e. collection", requests: e2 },
    ]
}

struct Stats {
    p50: f64,
    p99: f64,
    max: f64,
}

fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |q: f64| ms(times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1).min(times.len() - 1)]);
    Stats { p50: at(0.5), p99: at(0.99), max: ms(*times.last().unwrap_or(&Duration::ZERO)) }
}

fn total_label(total: u64, exact: bool) -> String {
    if exact {
        total.to_string()
    } else {
        format!("{total}+")
    }
}

fn measure_shape(library: &Library, conn: &rusqlite::Connection, shape: &Shape) -> anyhow::Result<String> {
    // Warm up on a few instances (first touch of the FTS and index pages).
    for r in shape.requests.iter().take(10) {
        search::run(&bench_ctx(library), r)?;
    }
    let mut times = Vec::with_capacity(shape.requests.len());
    let mut totals = Vec::with_capacity(shape.requests.len());
    let cpu_started = thread_cpu();
    for r in &shape.requests {
        let started = Instant::now();
        let page = search::run(&bench_ctx(library), r)?;
        times.push(started.elapsed());
        totals.push((page.total, page_exact(&page)));
    }
    let cpu = thread_cpu().saturating_sub(cpu_started) / shape.requests.len().max(1) as u32;
    let mut count_times = Vec::with_capacity(shape.requests.len());
    for r in &shape.requests {
        let started = Instant::now();
        // The plain SQL knows words, tags and dates; field and collection shapes have no such column.
        if oracle::exact_count(conn, &r.query).is_err() {
            break;
        }
        count_times.push(started.elapsed());
    }
    let mut slowest: Vec<(Duration, &str, u64)> =
        times.iter().zip(&shape.requests).zip(&totals).map(|((t, r), (n, _))| (*t, r.query.as_str(), *n)).collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (t, q, n) in slowest.iter().take(3) {
        eprintln!("  slow: {:.1} ms `{q}` ({n} matches)", t.as_secs_f64() * 1e3);
    }
    totals.sort();
    let (median_total, exact) = totals[totals.len() / 2];
    let s = stats(times);
    let counted = if count_times.is_empty() {
        "– | –".to_string()
    } else {
        let c = stats(count_times);
        format!("{:.2} | {:.2}", c.p50, c.p99)
    };
    Ok(format!(
        "| {} | `{}` | {} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {counted} |",
        shape.name,
        shape.requests[shape.requests.len().min(2) - 1].query,
        shape.requests.len(),
        s.p50,
        s.p99,
        s.max,
        cpu.as_secs_f64() * 1e3,
        total_label(median_total, exact)
    ))
}

/// Walks the keyset cursors of a sorted browse with no query to page 400 + n, timing pages 401..=400+n (≈ page 500).
fn measure_deep_pages(
    library: &Library,
    conn: &rusqlite::Connection,
    sort: SortKey,
    n: usize,
) -> anyhow::Result<String> {
    let mut cursors: Vec<Option<String>> = vec![None];
    let mut req = SearchRequest { query: String::new(), sort, ..SearchRequest::default() };
    for _ in 0..400 + n - 1 {
        let page = search::run(&bench_ctx(library), &req)?;
        let Some(next) = page.next else { break };
        cursors.push(Some(next.clone()));
        req.cursor = Some(next);
    }
    let mut times = Vec::with_capacity(n);
    let mut cpu = Duration::ZERO;
    let mut count_times = Vec::with_capacity(n);
    let mut total = (0, true);
    for cursor in cursors.iter().skip(400) {
        let req = SearchRequest { query: String::new(), sort, cursor: cursor.clone(), ..SearchRequest::default() };
        let (started, cpu_started) = (Instant::now(), thread_cpu());
        let page = search::run(&bench_ctx(library), &req)?;
        times.push(started.elapsed());
        cpu += thread_cpu().saturating_sub(cpu_started);
        total = (page.total, page_exact(&page));
        let started = Instant::now();
        oracle::exact_count(conn, "")?;
        count_times.push(started.elapsed());
    }
    if times.is_empty() {
        bail!("the library has fewer than 401 pages");
    }
    let s = stats(times);
    let c = stats(count_times);
    let name = format!("{sort:?}").to_lowercase();
    Ok(format!(
        "| c. browse pages 401-{}, sort {name} | `--sort {name}` (cursor) | {} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {:.2} | {:.2} |",
        400 + c_len(&cursors),
        c_len(&cursors),
        s.p50,
        s.p99,
        s.max,
        cpu.as_secs_f64() * 1e3 / c_len(&cursors).max(1) as f64,
        total_label(total.0, total.1),
        c.p50,
        c.p99
    ))
}

fn c_len(cursors: &[Option<String>]) -> usize {
    cursors.len().saturating_sub(400)
}

fn page_exact(page: &tessera_core::domain::Page) -> bool {
    page.total_exact
}

/// `--query`: each query `n` times in a row (the first run warms the cache and is not counted).
fn time_queries(library: &Library, queries: &[String], n: usize) -> anyhow::Result<()> {
    for q in queries {
        let req = request(q.clone());
        let page = search::run(&bench_ctx(library), &req)?;
        let mut times = Vec::with_capacity(n);
        let mut cpu = Vec::with_capacity(n);
        for _ in 0..n.max(1) {
            let (started, cpu_started) = (Instant::now(), thread_cpu());
            search::run(&bench_ctx(library), &req)?;
            times.push(started.elapsed());
            cpu.push(thread_cpu().saturating_sub(cpu_started));
        }
        times.sort();
        cpu.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        eprintln!(
            "{:>8.2} min {:>8.2} median {:>8.2} max ms, CPU median {:>8.2} ms  `{q}` ({} matches)",
            ms(times[0]),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1]),
            ms(cpu[cpu.len() / 2]),
            total_label(page.total, page.total_exact)
        );
    }
    Ok(())
}

/// CPU time of this thread so far (Linux schedstat; zero elsewhere): unlike wall time, not lengthened by other
/// processes on a shared machine, so tuning can compare runs taken at different loads. Updated at scheduler ticks:
/// meaningful summed over many calls, not for one short call.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|ns| ns.parse().ok()))
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

/// The benchmark acts as "bench".
pub(crate) fn bench_ctx(library: &Library) -> Ctx<'_> {
    Ctx::new(library, Actor::named("bench"))
}
