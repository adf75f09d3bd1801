//! Part 1: a queue of `--assets` pending reviews, opened by its reviewer.

use crate::{ms, quantile, Args};
use anyhow::{bail, Context};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};
use tessera_core::app::ingest::records;
use tessera_core::app::people::{self, NewPerson};
use tessera_core::app::review::{self, SubmitRequest};
use tessera_core::domain::{NewAsset, Profile, Role};
use tessera_core::{Actor, AssetKind, Ctx, Library};

const TEMPLATE: &str = "bench-one-stage";
const REVIEWER: &str = "rita";
const SUBMIT_BATCH: usize = 1_000;

/// What part 3 needs of the library built here.
pub struct Built {
    pub reviewer: Profile,
}

fn assets(n: usize) -> Vec<NewAsset> {
    const PREFIXES: [&str; 4] = ["IMG_", "DSC0", "PXL_2024", "brand_summer_"];
    const TAGS: [&str; 6] = ["summer", "brand", "campaign", "portrait", "beach", "web"];
    (0..n)
        .map(|i| NewAsset {
            kind: Some(AssetKind::Image),
            ext: "jpg".into(),
            mime: "image/jpeg".into(),
            name: format!("{}{i:05}.jpg", PREFIXES[i % PREFIXES.len()]),
            source_path: format!("/shoot/{i:05}.jpg"),
            stored_path: format!("originals/00/{i:064x}.jpg"),
            hash: format!("{i:064x}"),
            size: 1_000 + i as u64,
            added_at: 1_700_000_000 + i as i64,
            uploader: "bench".into(),
            tags: vec![TAGS[i % TAGS.len()].into(), TAGS[(i / 7) % TAGS.len()].into()],
            ..NewAsset::default()
        })
        .collect()
}

pub fn run(args: &Args, root: &Path, md: &mut String) -> anyhow::Result<Built> {
    let started = Instant::now();
    let library = Library::init(root)?;
    let admin = Ctx::new(&library, Actor::named("bench"));
    let ids = records::insert(&admin, &assets(args.assets))?;
    let inserted = started.elapsed();
    let reviewer = people::add(&admin, &NewPerson { name: REVIEWER.into(), role: Role::Reviewer, email: None })?;
    review::add_template(&admin, TEMPLATE, &format!("[[stage]]\nname = \"Review\"\npeople = [\"{REVIEWER}\"]\n"))?;
    let started = Instant::now();
    for (n, chunk) in ids.chunks(SUBMIT_BATCH).enumerate() {
        let request = SubmitRequest {
            ids: chunk.to_vec(),
            template: Some(TEMPLATE.into()),
            due: Some(format!("2030-01-{:02}", 10 - n % 10)),
            message: Some(format!("batch {n}")),
            ..SubmitRequest::default()
        };
        review::submit(&admin, &request).with_context(|| format!("submitting batch {n}"))?;
    }
    let submitted = started.elapsed();
    library.checkpoint()?;
    drop(admin);
    drop(library);

    // As the app opens a library and acts as a profile: the first call pays for new connections and statements.
    let library = Library::open(root)?.for_long_running()?;
    let ctx = Ctx::acting(&library, &reviewer);
    let started = Instant::now();
    let first = review::queue(&ctx, 50)?;
    let cold = started.elapsed();
    if first.total != args.assets as u64 || first.items.len() != 50.min(args.assets) {
        bail!(
            "the queue should hold all {} reviews and show 50: total {}, {} shown",
            args.assets,
            first.total,
            first.items.len()
        );
    }
    let mut times: Vec<Duration> = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        let started = Instant::now();
        std::hint::black_box(review::queue(&ctx, 50)?);
        times.push(started.elapsed());
    }
    times.sort();

    writeln!(
        md,
        "Queue: {} assets inserted in {:.1} s, each submitted through template `{TEMPLATE}` (one stage, reviewer: the \
         profile `{REVIEWER}`, role reviewer) in batches of {SUBMIT_BATCH} due on 10 dates: {:.1} s \
         ({:.0} submissions/s). Then `app::review::queue(ctx, 50)` as `{REVIEWER}` on the library opened again as the \
         app opens it (`Library::for_long_running`, `Ctx::acting`).",
        args.assets,
        inserted.as_secs_f64(),
        submitted.as_secs_f64(),
        args.assets as f64 / submitted.as_secs_f64()
    )?;
    writeln!(md)?;
    writeln!(md, "| review queue, {} pending, limit 50 | n | p50 ms | p99 ms | max ms | goal |", args.assets)?;
    writeln!(md, "|---|--:|--:|--:|--:|--:|")?;
    let c = ms(cold);
    writeln!(md, "| first call (fresh connections) | 1 | {c:.2} | {c:.2} | {c:.2} | < 200 ms |")?;
    writeln!(
        md,
        "| the calls after it | {} | {:.2} | {:.2} | {:.2} | < 200 ms |",
        times.len(),
        ms(quantile(&times, 0.5)),
        ms(quantile(&times, 0.99)),
        ms(times.last().copied().unwrap_or_default())
    )?;
    writeln!(md)?;
    Ok(Built { reviewer })
}
