//! The edit log and undo, through the use cases: one step undoes a bulk edit of any size, an undo never overwrites
//! what someone changed since, and an edit that changes nothing leaves no step.

use super::{ctx, photo};
use tessera_core::api::ErrorCode;
use tessera_core::app::assets::{self, edit_log, undo_last, AssetEdit, Selection};
use tessera_core::app::ingest::records;
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::app::{maintenance::stats, tags};
use tessera_core::domain::{EditAction, EditProgress, NewAsset};
use tessera_core::runtime::NoProgress;
use tessera_core::{Actor, AssetId, Ctx, Library};

fn library(dir: &std::path::Path, n: usize) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets: Vec<NewAsset> = (0..n)
        .map(|i| NewAsset {
            rating: (i % 3 == 0).then_some((i % 6) as u8),
            title: (i % 2 == 0).then(|| format!("frame {i}")),
            tags: if i % 4 == 0 { vec!["keep".into(), "draft".into()] } else { vec!["keep".into()] },
            ..photo(i)
        })
        .collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

fn total(ctx: &Ctx, query: &str) -> u64 {
    search::run(ctx, &SearchRequest { query: query.into(), limit: 1, ..SearchRequest::default() }).unwrap().total
}

/// Ratings, titles and tags of every asset, in id order: what an undo must give back exactly.
fn snapshot(ctx: &Ctx, ids: &[AssetId]) -> Vec<(Option<u8>, Option<String>, Vec<String>)> {
    ids.iter()
        .map(|id| {
            let d = assets::detail(ctx, *id).unwrap();
            (d.rating, d.title, d.tags)
        })
        .collect()
}

#[test]
fn one_undo_takes_back_a_bulk_edit_of_ten_thousand_assets() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 10_000);
    let ana = ctx(&library);
    let sample: Vec<AssetId> = ids.iter().step_by(97).copied().collect();
    let before = snapshot(&ana, &sample);
    let stats_before = stats::library_info(&ana).unwrap().stats;
    let edit = AssetEdit {
        rating: Some(Some(4)),
        add_tags: vec!["approved".into()],
        remove_tags: vec!["draft".into()],
        ..AssetEdit::default()
    };
    let reports = std::sync::Mutex::new(Vec::<EditProgress>::new());
    let outcome = assets::edit_assets_reporting(
        &ana,
        &Selection::Query { query: String::new(), except: vec![] },
        &edit,
        &|p: &EditProgress| reports.lock().unwrap().push(*p),
    )
    .unwrap();
    assert_eq!(outcome.changed, 10_000);
    let reports = reports.into_inner().unwrap();
    assert!(reports.len() >= 5, "progress comes during the edit, not only at the end: {reports:?}");
    assert_eq!(reports.last(), Some(&EditProgress { done: 10_000, total: 10_000 }));
    assert_eq!(total(&ana, "rating>=4 tag:approved -tag:draft"), 10_000);

    let undone = undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(undone.undid.id, outcome.edit.unwrap());
    assert_eq!(undone.skipped, 0);
    // Ratings changed where they were not 4 already; every asset gained a tag; a quarter lost "draft".
    let rated_4 = (0..10_000).filter(|i| i % 3 == 0 && i % 6 == 4).count() as u64;
    assert_eq!(undone.restored, (10_000 - rated_4) + 10_000 + 2_500);
    assert_eq!(snapshot(&ana, &sample), before, "every value is back as it was");
    assert_eq!(total(&ana, "tag:approved"), 0, "the full-text index is back in step");
    assert_eq!(total(&ana, "tag:draft"), 2_500);
    let stats_after = stats::library_info(&ana).unwrap().stats;
    assert_eq!((stats_after.tags, stats_after.untagged), (stats_before.tags, stats_before.untagged));
    let counts = tags::tag_counts(&ana).unwrap();
    assert_eq!(counts.iter().find(|t| t.name == "draft").map(|t| t.count), Some(2_500), "tag counters restored");
    assert!(counts.iter().all(|t| t.name != "approved"), "an unused tag is not counted");

    let log = edit_log(&ana, 10, true).unwrap();
    assert_eq!(log[0].action, EditAction::Undo);
    assert_eq!(log[0].undoes, Some(undone.undid.id));
    assert_eq!(log[1].undone_by, Some(log[0].id));
    assert_eq!(log[1].summary, "rating 4, +approved, -draft");
    assert_eq!(log[1].assets, 10_000);
    let again = undo_last(&ana, &NoProgress).unwrap_err();
    assert_eq!(again.code(), ErrorCode::NotFound, "an undo is not undone by a second undo: {again}");
}

#[test]
fn an_undo_leaves_what_someone_changed_since_and_counts_it() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 10);
    let ana = ctx(&library);
    let bob = Ctx::new(&library, Actor::named("bob"));
    let rate = |ctx: &Ctx, ids: &[AssetId], r: u8| {
        let edit = AssetEdit { rating: Some(Some(r)), ..AssetEdit::default() };
        assets::edit_assets(ctx, &Selection::Ids { ids: ids.to_vec() }, &edit).unwrap()
    };
    rate(&ana, &ids, 5);
    rate(&bob, &ids[3..4], 1);
    let undone = undo_last(&ana, &NoProgress).unwrap();
    assert_eq!((undone.restored, undone.skipped), (9, 1));
    assert_eq!(assets::detail(&ana, ids[3]).unwrap().rating, Some(1), "bob's later rating stays");
    assert_eq!(assets::detail(&ana, ids[1]).unwrap().rating, None, "the others are as before ana's edit");
    let bobs = undo_last(&bob, &NoProgress).unwrap();
    assert_eq!(bobs.undid.actor, "bob", "each person undoes their own edits");
    assert_eq!(assets::detail(&ana, ids[3]).unwrap().rating, Some(5), "bob's undo gives back what ana left there");
}

#[test]
fn undo_goes_back_one_edit_at_a_time_and_an_edit_that_changes_nothing_is_no_step() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 4);
    let ana = ctx(&library);
    let one = Selection::Ids { ids: vec![ids[1]] };
    let title = |t: &str| AssetEdit { title: Some(Some(t.into())), ..AssetEdit::default() };
    assets::edit_assets(&ana, &one, &title("first")).unwrap();
    assets::edit_assets(&ana, &one, &title("second")).unwrap();
    let same = assets::edit_assets(&ana, &one, &title("second")).unwrap();
    assert_eq!(same.edit, None, "nothing changed: no entry in the log");
    let tagged = assets::edit_assets(
        &ana,
        &one,
        &AssetEdit { add_tags: vec!["keep".into(), "new".into()], ..AssetEdit::default() },
    )
    .unwrap();
    assert!(tagged.edit.is_some(), "\"new\" was added even though \"keep\" was there");
    undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(assets::detail(&ana, ids[1]).unwrap().tags, vec!["keep"], "only what the edit added goes");
    assert_eq!(total(&ana, "tag:new"), 0);
    undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(assets::detail(&ana, ids[1]).unwrap().title.as_deref(), Some("first"));
    undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(assets::detail(&ana, ids[1]).unwrap().title, None, "ids[1] had no title at first");
    assert_eq!(total(&ana, "first"), 0, "the title left the full-text index too");
    assert_eq!(undo_last(&ana, &NoProgress).unwrap_err().code(), ErrorCode::NotFound);
}
