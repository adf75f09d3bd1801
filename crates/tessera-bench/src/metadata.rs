//! The metadata shapes' library and the sidebar's reads: fields and collections set once on a generated library (for
//! the `e.` shapes), and the counters, tag tree and collections the sidebar reads (the `f.` row).

use crate::{bench_ctx, stats};
use std::time::Instant;
use tessera_core::Library;

/// Once per library: a choice field `agency` set on the assets of a few tags, a red label on `brand`, and nested
/// collections (`Spring 2027/Social` and `/Print`, `Archive`), each from a select-all edit; the seconds it took, or
/// `None` when the library has them already.
pub fn prepare(library: &Library) -> anyhow::Result<Option<f64>> {
    use tessera_core::app::assets::{set_fields, Selection};
    use tessera_core::app::{collections, fields};
    use tessera_core::domain::FieldAssignment;
    let ctx = bench_ctx(library);
    if fields::list_fields(&ctx)?.iter().any(|f| f.name == "agency") {
        return Ok(None);
    }
    let started = Instant::now();
    let choices = ["North", "South", "East", "West"].map(String::from).to_vec();
    let definition =
        fields::FieldDefinition { name: "agency".into(), kind: "choice".into(), choices, ..Default::default() };
    fields::define_field(&ctx, &definition)?;
    let query = |q: &str| Selection::Query { query: q.into(), except: vec![] };
    let set = |name: &str, value: &str| vec![FieldAssignment { name: name.into(), value: value.into() }];
    for (tag, agency) in [("summer", "North"), ("beach", "South"), ("sky", "East"), ("kalomira", "West")] {
        set_fields(&ctx, &query(&format!("tag:{tag}")), &set("agency", agency))?;
    }
    set_fields(&ctx, &query("tag:brand"), &set("label", "red"))?;
    for (path, q) in
        [("Spring 2027/Social", "tag:sky"), ("Spring 2027/Print", "tag:product"), ("Archive", "taken:2018")]
    {
        collections::add_to_collection(&ctx, path, &query(q), &tessera_core::runtime::NoProgress)?;
    }
    library.checkpoint()?;
    Ok(Some(started.elapsed().as_secs_f64()))
}

/// The sidebar's reads (counters, the tag tree, the collections with their counts), `n` times: one table row.
pub fn measure_sidebar(library: &Library, n: usize) -> anyhow::Result<String> {
    use tessera_core::app::{collections, maintenance::stats as library_stats, tags};
    let ctx = bench_ctx(library);
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let started = Instant::now();
        library_stats::library_info(&ctx)?;
        tags::tag_counts(&ctx)?;
        collections::list_collections(&ctx)?;
        times.push(started.elapsed());
    }
    let s = stats(times);
    Ok(format!(
        "| f. sidebar counts (goal < 20 ms) | library_info + tag_counts + list_collections | {n} | {:.2} | {:.2} | {:.2} | | | – | – |",
        s.p50, s.p99, s.max
    ))
}
