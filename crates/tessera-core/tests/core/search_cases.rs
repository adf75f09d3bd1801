//! The shared query-language and paging cases (`tests/cases/search.json`), run against a real library.
//!
//! The same file drives the UI's in-memory fake (`ui/src/lib/api/fake-cases.test.ts`), so the fake behaves like the
//! core: the core is the reference, and a case that fails here means the data or the core is wrong. The fixture's
//! assets are recorded through `app::ingest::records::insert` (rows only, no files), in order, so they get ids 1, 2, …
//! Every case walks all its pages from its start, checks each page (size, total, `next`), and compares the ids in
//! order with the expectation and with one big page of the same request. Every failure names its query.

use serde::Deserialize;
use serde_json::Value;
use tessera_core::api::ApiError;
use tessera_core::app::assets::{set_fields, FieldAssignment, Selection};
use tessera_core::app::ingest::records;
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::blobs::originals::stored_rel_path;
use tessera_core::domain::query::dates::parse_datetime;
use tessera_core::domain::{NewAsset, SortKey, SortOrder};
use tessera_core::{Actor, AssetKind, Ctx, Error, Library};

const CASES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases/search.json"));

#[derive(Deserialize)]
struct Cases {
    assets: Vec<Asset>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Asset {
    id: i64,
    name: String,
    kind: String,
    ext: String,
    width: Option<u32>,
    height: Option<u32>,
    size: u64,
    rating: Option<u8>,
    title: Option<String>,
    description: Option<String>,
    tags: Vec<String>,
    /// Manual collections (paths) the asset is in.
    #[serde(default)]
    collections: Vec<String>,
    uploader: String,
    camera: Option<String>,
    taken: Option<String>,
    added: String,
    creator: Option<String>,
    credit: Option<String>,
    campaign: Option<String>,
    /// Built-in fields set after the asset is recorded (`tessera set`).
    #[serde(default)]
    fields: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Case {
    query: String,
    #[serde(default = "added")]
    sort: SortKey,
    order: Option<SortOrder>,
    #[serde(default = "hundred")]
    limit: u32,
    /// A keyset position `[sort, value, id]`, encoded as the core encodes its cursors.
    after: Option<Value>,
    /// A cursor passed as it is.
    cursor: Option<String>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    ids: Option<Vec<i64>>,
    total: Option<u64>,
    total_exact: Option<bool>,
    error: Option<ExpectedError>,
}

#[derive(Deserialize)]
struct ExpectedError {
    code: String,
    message: Option<String>,
    column: Option<usize>,
}

fn added() -> SortKey {
    SortKey::Added
}

fn hundred() -> u32 {
    100
}

fn new_asset(a: &Asset) -> NewAsset {
    let hash = format!("{:064x}", a.id);
    let at = |s: &str| parse_datetime(s).unwrap_or_else(|| panic!("asset {}: bad date {s:?}", a.id));
    NewAsset {
        kind: Some(AssetKind::parse(&a.kind).unwrap_or_else(|| panic!("asset {}: bad kind", a.id))),
        ext: a.ext.clone(),
        mime: "application/octet-stream".into(),
        name: a.name.clone(),
        source_path: format!("/cases/{}", a.name),
        stored_path: stored_rel_path(&hash, &a.ext),
        hash,
        size: a.size,
        stored_size: a.width.zip(a.height),
        display_size: a.width.zip(a.height),
        orientation: None,
        title: a.title.clone(),
        description: a.description.clone(),
        creator: a.creator.clone(),
        rights: None,
        credit: a.credit.clone(),
        campaign: a.campaign.clone(),
        rating: a.rating,
        taken: a.taken.clone(),
        taken_at: a.taken.as_deref().map(at),
        added_at: at(&a.added),
        uploader: a.uploader.clone(),
        camera: a.camera.clone(),
        tags: a.tags.clone(),
        collections: a.collections.clone(),
        exif_json: "{}".into(),
        xmp_json: "{}".into(),
        thumbnail_note: None,
        // Fields are set after the asset is recorded (`fields` of a case), as an edit would.
        ..NewAsset::default()
    }
}

/// The core's cursor for a position: hex of its JSON.
fn encode_cursor(after: &Value) -> String {
    after.to_string().bytes().map(|b| format!("{b:02x}")).collect()
}

/// Every page of a case from its start: the ids in order, or the first error. Page problems go to `problems`.
fn walk(ctx: &Ctx, case: &Case, start: Option<String>, problems: &mut Vec<String>) -> Result<Vec<i64>, Error> {
    let mut request = SearchRequest {
        query: case.query.clone(),
        sort: case.sort,
        order: case.order,
        limit: case.limit,
        cursor: start,
    };
    let page_size = case.limit.clamp(1, 10_000) as usize;
    let mut ids = Vec::new();
    for _ in 0..1000 {
        let page = search::run(ctx, &request)?;
        let n = ids.len();
        if let Some(total) = case.expect.total.or(case.expect.ids.as_ref().map(|ids| ids.len() as u64)) {
            if page.total != total {
                problems.push(format!("page at row {n}: total {} instead of {total}", page.total));
            }
        }
        if page.total_exact != case.expect.total_exact.unwrap_or(true) {
            problems.push(format!("page at row {n}: total_exact {}", page.total_exact));
        }
        ids.extend(page.assets.iter().map(|a| a.id.0));
        match page.next {
            Some(next) => {
                if page.assets.len() != page_size {
                    problems.push(format!("page at row {n}: {} rows before the end", page.assets.len()));
                }
                request.cursor = Some(next);
            }
            None => return Ok(ids),
        }
    }
    problems.push("more than 1000 pages".into());
    Ok(ids)
}

fn check(ctx: &Ctx, case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let start = case.cursor.clone().or(case.after.as_ref().map(encode_cursor));
    let walked = walk(ctx, case, start.clone(), &mut problems);
    match (&case.expect.error, walked) {
        (Some(want), Err(err)) => {
            let column = match &err {
                Error::Query(q) => Some(q.column),
                _ => None,
            };
            let api = serde_json::to_value(ApiError::from(err)).unwrap();
            if api["code"] != want.code.as_str() {
                problems.push(format!("error code {} instead of {}", api["code"], want.code));
            }
            if let Some(message) = &want.message {
                if api["message"] != message.as_str() {
                    problems.push(format!("error message {} instead of {message:?}", api["message"]));
                }
            }
            if want.column.is_some() && column != want.column {
                problems.push(format!("error column {column:?} instead of {:?}", want.column));
            }
        }
        (Some(want), Ok(ids)) => problems.push(format!("found {ids:?} instead of the error {:?}", want.code)),
        (None, Err(err)) => problems.push(format!("refused: {err}")),
        (None, Ok(ids)) => {
            let mut seen = ids.clone();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() != ids.len() {
                problems.push(format!("an id comes twice in {ids:?}"));
            }
            if let Some(want) = &case.expect.ids {
                if &ids != want {
                    problems.push(format!("found {ids:?} instead of {want:?}"));
                }
            }
            let all = SearchRequest {
                query: case.query.clone(),
                sort: case.sort,
                order: case.order,
                limit: 10_000,
                cursor: start,
            };
            let one: Vec<i64> = search::run(ctx, &all).unwrap().assets.iter().map(|a| a.id.0).collect();
            if one != ids {
                problems.push(format!("one page of everything is {one:?}, the pages walked {ids:?}"));
            }
        }
    }
    problems
}

#[test]
fn the_shared_search_cases_pass_against_the_core() {
    let cases: Cases = serde_json::from_str(CASES).expect("tests/cases/search.json is valid");
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("cases.tessera")).unwrap();
    let ctx = Ctx::new(&library, Actor::named("cases"));
    let assets: Vec<NewAsset> = cases.assets.iter().map(new_asset).collect();
    let ids = records::insert(&ctx, &assets).unwrap();
    let want: Vec<i64> = cases.assets.iter().map(|a| a.id).collect();
    assert_eq!(ids.iter().map(|id| id.0).collect::<Vec<_>>(), want, "the fixture's ids are the order of insertion");
    for (asset, id) in cases.assets.iter().zip(&ids) {
        if asset.fields.is_empty() {
            continue;
        }
        let assignments: Vec<FieldAssignment> = asset
            .fields
            .iter()
            .map(|(name, value)| FieldAssignment { name: name.clone(), value: value.clone() })
            .collect();
        set_fields(&ctx, &Selection::Ids { ids: vec![*id] }, &assignments).unwrap();
    }

    let mut failures = Vec::new();
    for case in &cases.cases {
        for problem in check(&ctx, case) {
            let order = case.order.map(|o| format!(" {o:?}")).unwrap_or_default();
            failures.push(format!("{:?} (sort {:?}{order}, limit {}): {problem}", case.query, case.sort, case.limit));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of the shared search cases' checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cases.cases.len() >= 100, "the shared cases are all read");
}
