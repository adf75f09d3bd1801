//! The search oracle: the plain, untuned SQL of a query (`reference_sql`), its exact count, and `--check`, which
//! compares every page of `search::run` with it.

use crate::*;

/// The exact `count(*)` for a query, written the way `Store::search` first built its WHERE clause (text, tag and date
/// filters only: what the benchmark's shapes use).
pub fn exact_count(conn: &rusqlite::Connection, text: &str) -> anyhow::Result<u64> {
    let Some((from, where_clause, params)) = reference_sql(conn, text)? else { return Ok(0) };
    let sql = format!("SELECT count(*) FROM {from} WHERE {where_clause}");
    let n: i64 = conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
    Ok(n as u64)
}

/// FROM, WHERE and parameters of the plain (untuned) SQL for a query; `None` when nothing can match.
fn reference_sql(conn: &rusqlite::Connection, text: &str) -> anyhow::Result<Option<(String, String, Vec<Value>)>> {
    let query = query::parse(text)?;
    let expr = fts::build(&query.text);
    let mut from = "assets a".to_string();
    let mut wheres: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(positive) = expr.positive {
        from = "asset_text t JOIN assets a ON a.id = t.rowid".into();
        wheres.push("asset_text MATCH ?".into());
        params.push(Value::Text(positive));
    }
    if let Some(negative) = expr.negative {
        wheres.push("a.id NOT IN (SELECT rowid FROM asset_text WHERE asset_text MATCH ?)".into());
        params.push(Value::Text(negative));
    }
    for filter in &query.filters {
        match filter {
            Filter::Tag { name, negated, exact } => {
                // By path or synonym; then by path prefix (not through the store's closure table), so the oracle
                // checks the tree the store keeps.
                let path: Option<String> = conn
                    .query_row(
                        "SELECT name FROM tags WHERE name = ?1
                         UNION ALL SELECT t.name FROM tag_synonyms s JOIN tags t ON t.id = s.tag_id WHERE s.name = ?1",
                        [name],
                        |r| r.get(0),
                    )
                    .ok();
                match (path, negated) {
                    (Some(path), _) => {
                        let not = if *negated { "NOT " } else { "" };
                        let beneath = if *exact {
                            String::new()
                        } else {
                            " OR substr(t.name, 1, length(?) + 1) = (? || '/') COLLATE NOCASE".to_string()
                        };
                        wheres.push(format!(
                            "{not}EXISTS (SELECT 1 FROM asset_tags at JOIN tags t ON t.id = at.tag_id \
                             WHERE at.asset_id = a.id AND (t.name = ?{beneath}))"
                        ));
                        params.push(Value::Text(path.clone()));
                        if !*exact {
                            params.push(Value::Text(path.clone()));
                            params.push(Value::Text(path));
                        }
                    }
                    (None, true) => {}
                    (None, false) => return Ok(None),
                }
            }
            Filter::Taken(range) | Filter::Added(range) => {
                let column = if matches!(filter, Filter::Taken(_)) { "a.taken_at" } else { "a.added_at" };
                if let Some(s) = range.start {
                    wheres.push(format!("{column} >= ?"));
                    params.push(Value::Integer(s));
                }
                if let Some(e) = range.end {
                    wheres.push(format!("{column} < ?"));
                    params.push(Value::Integer(e));
                }
            }
            other => bail!("the reference SQL does not handle {other:?}"),
        }
    }
    let where_clause = if wheres.is_empty() { "1".to_string() } else { wheres.join(" AND ") };
    Ok(Some((from, where_clause, params)))
}

/// `--check`: for queries of every shape (33, five of them on a tag tree it makes), every sort and both orders, walks all pages of `search::run` (limit 1000)
/// and compares ids, order and totals with the plain SQL. Meant for a small library (e.g. `--assets 60000`).
pub fn check(library: &Library, conn: &rusqlite::Connection) -> anyhow::Result<()> {
    use tessera_core::app::tags;
    use tessera_core::domain::SortOrder;
    // A tree to search: two common tags moved beneath `places`, one with a synonym, and `summer` beneath `sky` (its old name, a synonym now, is in the queries below).
    let ctx = bench_ctx(library);
    tags::rename_tag(&ctx, "beach", "places/beach", false)?;
    tags::rename_tag(&ctx, "sky", "places/sky", false)?;
    tags::rename_tag(&ctx, "summer", "places/sky/summer", false)?;
    tags::add_tag_synonym(&ctx, "places/beach", "shore")?;
    let queries = [
        "tag:places",
        "tag:=places/sky",
        "tag:shore summer",
        "-tag:places taken:2020",
        "tag:places/sky -tag:=places/sky/summer",
        "",
        "br",
        "cam",
        "summer",
        "tag:summer",
        "tag:kalomira",
        "tag:summer tag:beach",
        "tag:brand -tag:summer",
        "tag:summer taken:2021 bea",
        "tag:brand added>2024-06-01 fin",
        "tag:sky added>2017-07-01 res",
        "-img",
        "img -tag:summer",
        "taken:2019",
        "\"final v3\"",
        "tag:nosuchtag",
        // Words longer than the prefix indexes: written as the terms they match (one or several).
        "summ",
        "camp",
        "canon tag:brand",
        "-summer",
        "brand -tag:summer -camp",
        "tag:summer taken:2019-07 port",
        "tag:beach added>2020-03-15",
        "zzzz",
        // Whole years and months of `taken:` are also tokens of the dates column; other ranges are not.
        "taken:2020-12",
        "taken:2018 -tag:summer",
        "taken>2022 tag:brand",
        "taken:2016-02 camp",
    ];
    let mut checked = 0;
    for text in queries {
        for sort in [SortKey::Added, SortKey::Name, SortKey::Size, SortKey::Taken] {
            for order in [SortOrder::Asc, SortOrder::Desc] {
                let expr = match sort {
                    SortKey::Added => "a.id",
                    SortKey::Taken => "ifnull(a.taken_at, -62135596800)",
                    SortKey::Name => "a.name COLLATE NOCASE",
                    SortKey::Size => "a.size",
                };
                let dir = if order == SortOrder::Asc { "ASC" } else { "DESC" };
                let want: Vec<i64> = match reference_sql(conn, text)? {
                    None => Vec::new(),
                    Some((from, w, params)) => {
                        let sql = format!("SELECT a.id FROM {from} WHERE {w} ORDER BY {expr} {dir}, a.id {dir}");
                        let mut st = conn.prepare(&sql)?;
                        let rows = st.query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))?;
                        rows.collect::<rusqlite::Result<_>>()?
                    }
                };
                let mut got: Vec<i64> = Vec::new();
                let mut req =
                    SearchRequest { query: text.to_string(), sort, order: Some(order), limit: 1000, cursor: None };
                loop {
                    let page = search::run(&bench_ctx(library), &req)?;
                    let total = want.len() as u64;
                    let ok_total = if total > TOTAL_CAP {
                        page.total == TOTAL_CAP && !page.total_exact
                    } else {
                        page.total == total && page.total_exact
                    };
                    if !ok_total {
                        bail!(
                            "`{text}` {sort:?} {order:?}: total {} exact {} but {total} match",
                            page.total,
                            page.total_exact
                        );
                    }
                    got.extend(page.assets.iter().map(|a| a.id.0));
                    match page.next {
                        Some(next) => req.cursor = Some(next),
                        None => break,
                    }
                }
                if got != want {
                    bail!(
                        "`{text}` {sort:?} {order:?}: {} results differ from the plain SQL's {}",
                        got.len(),
                        want.len()
                    );
                }
                checked += 1;
            }
        }
        eprintln!("  ok `{text}`");
    }
    eprintln!("check: {checked} query/sort/order combinations identical to the plain SQL");
    Ok(())
}
