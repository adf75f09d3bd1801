//! The trash through the use cases: trashed assets leave the default views and the counters at once, come back with
//! restore or one undo, and leave the library (rows, originals, thumbnails) only when the trash is emptied.

use super::{ctx, photo, png};
use tessera_core::api::ErrorCode;
use tessera_core::app::assets::{self, AssetEdit, Selection};
use tessera_core::app::ingest::{ingest, records, IngestOptions};
use tessera_core::app::maintenance::{stats, thumbs, verify};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::blobs::cache::{self, ThumbSize};
use tessera_core::domain::NewAsset;
use tessera_core::runtime::{CancelToken, NoProgress};
use tessera_core::{AssetId, Ctx, Library};

fn ids(ctx: &Ctx, query: &str) -> Vec<AssetId> {
    let request = SearchRequest { query: query.into(), limit: 100, ..SearchRequest::default() };
    let mut found: Vec<AssetId> = search::run(ctx, &request).unwrap().assets.iter().map(|a| a.id).collect();
    found.sort();
    found
}

fn counts(ctx: &Ctx) -> (u64, u64, u64, Option<u64>) {
    let s = stats::stats(ctx).unwrap();
    (s.assets, s.untagged, s.trashed, s.by_type.get("image").copied())
}

fn tagged_library(dir: &std::path::Path) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets: Vec<NewAsset> =
        (0..6).map(|i| NewAsset { tags: if i % 2 == 0 { vec!["keep".into()] } else { vec![] }, ..photo(i) }).collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

#[test]
fn trashed_assets_leave_views_and_counters_and_one_undo_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let (library, all) = tagged_library(dir.path());
    let ana = ctx(&library);
    assert_eq!(counts(&ana), (6, 3, 0, Some(6)));
    // One tagged (0) and one untagged (1), and an id given twice counts once.
    let out = assets::trash_assets(&ana, &[all[0], all[1], all[1]]).unwrap();
    assert_eq!(out.moved, vec![all[0], all[1]]);
    assert!(out.edit.is_some(), "a move to the trash is an edit-log entry");
    assert_eq!(counts(&ana), (4, 2, 2, Some(4)), "counters follow the trash in the same transaction");
    assert_eq!(ids(&ana, ""), all[2..].to_vec(), "the default view hides trashed assets");
    assert_eq!(ids(&ana, "tag:keep"), vec![all[2], all[4]], "tag searches hide them too");
    assert_eq!(ids(&ana, "is:trashed"), vec![all[0], all[1]], "is:trashed finds them");
    assert_eq!(ids(&ana, "is:trashed tag:keep"), vec![all[0]]);
    let listed: Vec<AssetId> = assets::list_trash(&ana).unwrap().iter().map(|t| t.id).collect();
    assert_eq!(listed.len(), 2);
    // Trashing again moves nothing and leaves no empty step in the log.
    assert_eq!(assets::trash_assets(&ana, &[all[0]]).unwrap(), assets::TrashOutcome { moved: vec![], edit: None });

    let undone = assets::undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(undone.restored, 2, "one undo restores the whole move");
    assert_eq!(counts(&ana), (6, 3, 0, Some(6)), "counters are back where they started");
    assert_eq!(ids(&ana, "").len(), 6);
    assert!(ids(&ana, "is:trashed").is_empty());
}

#[test]
fn restore_brings_assets_back_and_is_undoable_and_unknown_ids_move_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (library, all) = tagged_library(dir.path());
    let ana = ctx(&library);
    assets::trash_assets(&ana, &all[..3]).unwrap();
    let err = assets::restore_assets(&ana, &[all[0], AssetId(999)]).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "an unknown id is not found");
    assert_eq!(counts(&ana).2, 3, "a failed restore restores none");
    let err = assets::trash_assets(&ana, &[all[4], AssetId(999)]).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(counts(&ana).2, 3, "a failed move trashes none");

    let out = assets::restore_assets(&ana, &[all[0], all[1], all[5]]).unwrap();
    assert_eq!(out.moved, vec![all[0], all[1]], "an asset not in the trash is not counted");
    assert_eq!(counts(&ana), (5, 3, 1, Some(5)), "0 (tagged) and 1 (untagged) are back");
    assets::undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(counts(&ana), (3, 2, 3, Some(3)), "undoing a restore puts them back in the trash");
    // Tagging a trashed asset (a bulk edit by id) leaves the untagged counter of the default views alone.
    let tag = AssetEdit { add_tags: vec!["late".into()], ..AssetEdit::default() };
    assets::edit_assets(&ana, &Selection::Ids { ids: vec![all[1]] }, &tag).unwrap();
    assert_eq!(counts(&ana), (3, 2, 3, Some(3)));
    assets::restore_assets(&ana, &[all[1]]).unwrap();
    assert_eq!(counts(&ana), (4, 2, 2, Some(4)), "restored with its new tag: counted as tagged");
}

#[test]
fn emptying_the_trash_deletes_rows_originals_and_thumbnails_and_verify_stays_clean() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let ana = ctx(&library);
    let files: Vec<_> = (0..3)
        .map(|i| {
            let f = dir.path().join(format!("p{i}.png"));
            std::fs::write(&f, png(40 + i, 30)).unwrap();
            f
        })
        .collect();
    let report = ingest(&ana, &files, &IngestOptions::default(), &NoProgress).unwrap();
    let mut all: Vec<AssetId> = report.ingested.iter().map(|i| i.id).collect();
    all.sort();
    let gone = assets::detail(&ana, all[0]).unwrap();
    let original = library.root().join(&gone.file.stored_path);
    thumbs::thumbnail_path(&ana, all[0], ThumbSize::Grid).unwrap().expect("a thumbnail");
    assert!(cache::find(library.paths(), &gone.file.hash, ThumbSize::Grid).is_some());

    assets::trash_assets(&ana, &[all[0]]).unwrap();
    let checked = verify::verify(&ana, &CancelToken::new(), &NoProgress).unwrap();
    assert!(checked.is_clean(), "a trashed original is expected, not an orphan: {checked:?}");
    assert_eq!(checked.checked, 3);
    assert!(assets::original_path(&ana, all[0]).is_ok(), "a trashed original can still be opened");

    let emptied = assets::empty_trash(&ana).unwrap();
    assert_eq!((emptied.assets, emptied.files_removed), (1, 1));
    assert!(!original.exists(), "the original left the library");
    assert!(cache::find(library.paths(), &gone.file.hash, ThumbSize::Grid).is_none(), "its thumbnail too");
    assert_eq!(assets::detail(&ana, all[0]).unwrap_err().code(), ErrorCode::NotFound);
    let s = stats::stats(&ana).unwrap();
    assert_eq!((s.assets, s.trashed, s.files), (2, 0, 2), "counters after emptying");
    let checked = verify::verify(&ana, &CancelToken::new(), &NoProgress).unwrap();
    assert!(checked.is_clean() && checked.purged.is_empty(), "nothing left behind: {checked:?}");
    assert_eq!(assets::empty_trash(&ana).unwrap().assets, 0, "an empty trash empties to nothing");
    // The same content ingested again is a new asset (the old one is gone for good).
    let path = &report.ingested.iter().find(|i| i.id == all[0]).unwrap().path;
    let again = ingest(&ana, &[std::path::PathBuf::from(path)], &IngestOptions::default(), &NoProgress).unwrap();
    assert_eq!(again.ingested.len(), 1, "{again:?}");
    assert!(library.root().join(&assets::detail(&ana, again.ingested[0].id).unwrap().file.stored_path).is_file());
}

#[test]
fn opening_a_missing_original_is_an_error_not_a_launch() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let ana = ctx(&library);
    let ids = records::insert(&ana, &[photo(1)]).unwrap();
    // photo(1) has a stored path but no file on disk.
    let err = assets::open_original(&ana, ids[0]).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "{err}");
    assert_eq!(assets::reveal_original(&ana, AssetId(77)).unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn trashing_while_another_connection_tags_the_same_assets_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("l.tessera");
    let library = Library::init(&root).unwrap();
    let assets_in: Vec<NewAsset> = (0..400).map(photo).collect();
    let all = records::insert(&ctx(&library), &assets_in).unwrap();
    let other = Library::open(&root).unwrap();
    std::thread::scope(|s| {
        let tagger = s.spawn(|| {
            let bo = ctx(&other);
            for (i, chunk) in all.chunks(20).enumerate() {
                let edit = AssetEdit { add_tags: vec![format!("batch{i}")], ..AssetEdit::default() };
                assets::edit_assets(&bo, &Selection::Ids { ids: chunk.to_vec() }, &edit).unwrap();
            }
        });
        let ana = ctx(&library);
        for chunk in all.chunks(10) {
            assets::trash_assets(&ana, chunk).unwrap();
        }
        tagger.join().unwrap();
    });
    let ana = ctx(&library);
    let s = stats::stats(&ana).unwrap();
    assert_eq!((s.assets, s.trashed, s.untagged), (0, 400, 0), "every asset trashed, counters in step");
    for (i, id) in all.iter().enumerate() {
        let d = assets::detail(&ana, *id).unwrap();
        assert_eq!(d.tags, vec![format!("batch{}", i / 20)], "no tag lost for asset {id:?}");
    }
    assert_eq!(assets::restore_assets(&ana, &all).unwrap().moved.len(), 400);
    let s = stats::stats(&ana).unwrap();
    assert_eq!((s.assets, s.trashed, s.untagged, s.by_type.get("image").copied()), (400, 0, 0, Some(400)));
}

#[test]
fn tag_and_collection_counts_leave_trashed_assets_out_through_edits_merges_and_emptying() {
    use tessera_core::app::{collections, tags};
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let ana = ctx(&library);
    let assets_in: Vec<NewAsset> =
        (0..4).map(|i| NewAsset { tags: vec!["Brand/Shoe".into(), format!("old{}", i % 2)], ..photo(i) }).collect();
    let all = records::insert(&ana, &assets_in).unwrap();
    collections::add_to_collection(&ana, "Spring", &Selection::Ids { ids: all.clone() }, &NoProgress).unwrap();
    let counts = |ctx: &Ctx| {
        let tags: Vec<(String, u64, u64)> =
            tags::tag_counts(ctx).unwrap().into_iter().map(|t| (t.name, t.count, t.total)).collect();
        let spring = collections::list_collections_flat(ctx).unwrap().into_iter().find(|c| c.path == "Spring").unwrap();
        (tags, spring.count, stats::stats(ctx).unwrap().tags)
    };
    let t = |name: &str, count: u64, total: u64| (name.to_string(), count, total);
    assets::trash_assets(&ana, &[all[0], all[1]]).unwrap();
    assert_eq!(
        counts(&ana),
        (vec![t("Brand", 0, 2), t("Brand/Shoe", 2, 2), t("old0", 1, 1), t("old1", 1, 1)], 2, 3),
        "the trash moves out of every tag and collection count"
    );
    // Tagging a trashed asset counts nowhere; merging a tag with trashed links keeps the counts of the rest.
    let late = AssetEdit { add_tags: vec!["late".into()], ..AssetEdit::default() };
    assets::edit_assets(&ana, &Selection::Ids { ids: vec![all[0]] }, &late).unwrap();
    tags::merge_tags(&ana, "old0", "old1").unwrap();
    assert_eq!(counts(&ana), (vec![t("Brand", 0, 2), t("Brand/Shoe", 2, 2), t("old1", 2, 2)], 2, 2));
    assets::restore_assets(&ana, &[all[1]]).unwrap();
    assert_eq!(counts(&ana), (vec![t("Brand", 0, 3), t("Brand/Shoe", 3, 3), t("old1", 3, 3)], 3, 2));
    assets::empty_trash(&ana).unwrap();
    assert_eq!(
        counts(&ana),
        (vec![t("Brand", 0, 3), t("Brand/Shoe", 3, 3), t("old1", 3, 3)], 3, 2),
        "emptying counts nothing twice"
    );
    assets::trash_assets(&ana, &all[1..]).unwrap();
    assets::restore_assets(&ana, &all[1..]).unwrap();
    assert_eq!(counts(&ana).0, vec![t("Brand", 0, 3), t("Brand/Shoe", 3, 3), t("old1", 3, 3)], "a round trip is exact");
}

#[test]
fn only_roles_that_may_trash_restore_or_empty_do_and_a_refusal_moves_nothing() {
    use tessera_core::domain::permission::Role;
    use tessera_core::Actor;
    let dir = tempfile::tempdir().unwrap();
    let (library, all) = tagged_library(dir.path());
    let ana = ctx(&library);
    for role in [Role::Contributor, Role::Reviewer, Role::Viewer, Role::Publisher] {
        let who = Ctx::new(&library, Actor::with_role("someone", role));
        for err in [
            assets::trash_assets(&who, &all[..1]).unwrap_err(),
            assets::restore_assets(&who, &all[..1]).unwrap_err(),
            assets::empty_trash(&who).unwrap_err(),
        ] {
            assert_eq!(err.code(), ErrorCode::Forbidden, "{role:?}: {err}");
        }
        assert!(assets::list_trash(&who).is_ok(), "{role:?} may look at the trash");
    }
    assert_eq!(counts(&ana).2, 0, "a refused move moves nothing");
    let manager = Ctx::new(&library, Actor::with_role("bea", Role::BrandManager));
    assert_eq!(assets::trash_assets(&manager, &all[..2]).unwrap().moved.len(), 2);
    assert_eq!(assets::empty_trash(&manager).unwrap().assets, 2);
}
