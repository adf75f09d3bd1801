//! Collections through the use cases: nested paths, membership as undoable edits on a selection, counts kept in
//! step, order, cover, variables, smart collections and the `collection:` / `smart:` filters.

use super::{ctx, photo};
use tessera_core::api::ErrorCode;
use tessera_core::app::assets::{self, undo_last, Selection};
use tessera_core::app::collections::{self as coll};
use tessera_core::app::ingest::records;
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{Collection, CollectionKind, NewAsset};
use tessera_core::runtime::NoProgress;
use tessera_core::{AssetId, Ctx, Library};

pub(crate) fn library(dir: &std::path::Path, n: usize) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets: Vec<NewAsset> = (0..n)
        .map(|i| NewAsset {
            rating: Some((i % 6) as u8),
            tags: if i % 2 == 0 { vec!["even".into()] } else { vec!["odd".into()] },
            ..photo(i)
        })
        .collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

fn ids(list: &[AssetId]) -> Selection {
    Selection::Ids { ids: list.to_vec() }
}

fn total(ctx: &Ctx, query: &str) -> u64 {
    search::run(ctx, &SearchRequest { query: query.into(), limit: 1, ..SearchRequest::default() }).unwrap().total
}

fn flat(ctx: &Ctx) -> Vec<Collection> {
    coll::list_collections_flat(ctx).unwrap()
}

fn count_of(ctx: &Ctx, path: &str) -> u64 {
    flat(ctx).into_iter().find(|c| c.path == path).unwrap_or_else(|| panic!("no collection {path}")).count
}

#[test]
fn nested_collections_are_made_with_their_parents_and_list_as_a_tree_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 10);
    let ana = ctx(&library);
    let out = coll::add_to_collection(&ana, " Spring 2027 / Social ", &ids(&a[..3]), &NoProgress).unwrap();
    assert_eq!(out.collection.path, "Spring 2027/Social", "parts are trimmed");
    assert_eq!(out.changed, 3);
    coll::add_to_collection(&ana, "spring 2027/Print", &ids(&a[2..5]), &NoProgress).unwrap();
    let tree = coll::list_collections(&ana).unwrap();
    assert_eq!(tree.len(), 1, "one top-level collection: {tree:?}");
    assert_eq!(tree[0].path, "Spring 2027", "the parent keeps its first spelling");
    let children: Vec<(&str, u64)> = tree[0].children.iter().map(|c| (c.path.as_str(), c.count)).collect();
    assert_eq!(children, vec![("Spring 2027/Print", 3), ("Spring 2027/Social", 3)], "children with their counts");
    assert_eq!(tree[0].count, 0, "the parent itself holds nothing");
    // An asset in many collections; collection: takes the sub-collections in.
    assert_eq!(total(&ana, "collection:\"Spring 2027\""), 5, "assets of the parent and everything beneath it");
    assert_eq!(total(&ana, "collection:\"spring 2027/social\""), 3, "any case");
    assert_eq!(total(&ana, "collection:\"Spring 2027/Social\" tag:even"), 2, "with other filters");
    assert_eq!(total(&ana, "collection:Nope"), 0, "an unknown collection matches nothing");
    let detail = assets::detail(&ana, a[2]).unwrap();
    let paths: Vec<&str> = detail.collections.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(paths, vec!["Spring 2027/Print", "Spring 2027/Social"], "the asset lists its collections");
}

#[test]
fn bad_collection_names_are_refused_naming_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 2);
    let ana = ctx(&library);
    for bad in ["", " ", "/Spring", "Spring/", "Spring//Social", "a/ /b"] {
        let err = coll::add_to_collection(&ana, bad, &ids(&a), &NoProgress).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{bad:?} is refused");
        assert_eq!(err.field(), Some("collection"));
        assert!(err.to_string().contains(&format!("{bad:?}")), "the error names the value: {err}");
    }
    assert!(flat(&ana).is_empty(), "nothing was made");
    let err = coll::add_to_collection(&ana, "Real", &ids(&[a[0], AssetId(999)]), &NoProgress).unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound, "an unknown asset");
    assert!(flat(&ana).is_empty(), "all or nothing: the collection was not made either");
}

#[test]
fn one_undo_takes_back_adding_ten_thousand_assets() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 10_500);
    let ana = ctx(&library);
    coll::add_to_collection(&ana, "Campaign", &ids(&a[..5]), &NoProgress).unwrap();
    let selection = Selection::Query { query: "".into(), except: a[10_000..].to_vec() };
    let out = coll::add_to_collection(&ana, "Campaign", &selection, &NoProgress).unwrap();
    assert_eq!((out.selected, out.changed), (10_000, 9_995), "the five already in are no change");
    assert_eq!(count_of(&ana, "Campaign"), 10_000, "the counter follows");
    assert_eq!(total(&ana, "collection:Campaign"), 10_000);
    let undone = undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(undone.undid.id, out.edit.unwrap(), "the add is one step");
    assert_eq!(undone.restored, 9_995);
    assert_eq!(count_of(&ana, "Campaign"), 5, "back to the five that were in before");
    assert_eq!(total(&ana, "collection:Campaign"), 5);
    let removed = coll::remove_from_collection(&ana, "Campaign", &ids(&a[..2]), &NoProgress).unwrap();
    assert_eq!(removed.changed, 2);
    assert_eq!(count_of(&ana, "Campaign"), 3);
    undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(count_of(&ana, "Campaign"), 5, "undoing a removal puts them back");
    assert_eq!(total(&ana, "collection:Campaign"), 5);
}

#[test]
fn adding_while_another_connection_writes_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 3_000);
    let path = library.root().to_path_buf();
    let tagger = {
        let a = a.clone();
        std::thread::spawn(move || {
            let other = Library::open(&path).unwrap();
            let ctx = super::ctx(&other);
            for (n, id) in a.iter().take(200).enumerate() {
                tessera_core::app::tags::edit_tags(
                    &ctx,
                    &[*id],
                    &tessera_core::domain::TagEdit { add: vec![format!("t{n}")], remove: vec![] },
                )
                .expect("a tag edit never fails while collections are edited");
            }
        })
    };
    let ana = ctx(&library);
    for chunk in a.chunks(100) {
        coll::add_to_collection(&ana, "Busy/Day", &ids(chunk), &NoProgress).expect("no add fails either");
    }
    tagger.join().unwrap();
    assert_eq!(count_of(&ana, "Busy/Day"), 3_000, "every add is in");
    assert_eq!(total(&ana, "collection:Busy"), 3_000);
    for n in [0usize, 99, 199] {
        assert_eq!(total(&ana, &format!("tag:t{n}")), 1, "every tag edit is in");
    }
}

#[test]
fn order_cover_variables_rename_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 6);
    let ana = ctx(&library);
    coll::add_to_collection(&ana, "Spring/Social", &ids(&a[..4]), &NoProgress).unwrap();
    assert_eq!(coll::collection_assets(&ana, "Spring/Social").unwrap(), a[..4].to_vec(), "added order");
    let order = coll::reorder_collection(&ana, "Spring/Social", &[a[3], a[1]]).unwrap();
    assert_eq!(order, vec![a[3], a[1], a[0], a[2]], "the named first, the rest as they were");
    let err = coll::reorder_collection(&ana, "Spring/Social", &[a[5]]).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput, "only members can be ordered");
    coll::set_cover(&ana, "Spring/Social", Some(a[2])).unwrap();
    let err = coll::set_cover(&ana, "Spring/Social", Some(a[5])).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::InvalidInput, Some("asset")), "a cover is a member");
    let vars = coll::set_variables(&ana, "Spring", &[("legal".into(), Some("© 2027 Brand".into()))]).unwrap();
    assert_eq!(vars.get("legal").map(String::as_str), Some("© 2027 Brand"));
    let err = coll::set_variables(&ana, "Spring", &[("bad key".into(), Some("x".into()))]).unwrap_err();
    assert_eq!(err.field(), Some("variable"));

    let renamed = coll::rename_collection(&ana, "spring", "Campaigns/Spring 2027").unwrap();
    assert_eq!(renamed.path, "Campaigns/Spring 2027");
    let listed = flat(&ana);
    let social = listed.iter().find(|c| c.path == "Campaigns/Spring 2027/Social").expect("children move along");
    assert_eq!((social.count, social.cover), (4, Some(a[2])), "with their assets and cover");
    let spring = listed.iter().find(|c| c.path == "Campaigns/Spring 2027").unwrap();
    assert_eq!(spring.variables.get("legal").map(String::as_str), Some("© 2027 Brand"), "variables stay");
    assert_eq!(total(&ana, "collection:Campaigns"), 4);
    let err = coll::rename_collection(&ana, "Campaigns", "Campaigns/Spring 2027/Social/x").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "not into itself");
    coll::add_to_collection(&ana, "Other", &ids(&[]), &NoProgress).unwrap();
    let err = coll::rename_collection(&ana, "Other", "campaigns").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "onto an existing collection");

    let err = coll::delete_collection(&ana, "Campaigns", None, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "not empty");
    assert!(err.to_string().contains("4 assets"), "the refusal says how much: {err}");
    let gone = coll::delete_collection(&ana, "Campaigns", None, true).unwrap();
    assert_eq!((gone.memberships, gone.children), (4, 2));
    assert_eq!(flat(&ana).len(), 1, "only Other is left");
    assert_eq!(total(&ana, ""), 6, "the assets stay");
    assert!(assets::detail(&ana, a[0]).unwrap().collections.is_empty());
    coll::delete_collection(&ana, "Other", None, false).expect("an empty collection goes without asking");
}

#[test]
fn smart_collections_are_live_saved_queries() {
    let dir = tempfile::tempdir().unwrap();
    let (library, a) = library(dir.path(), 12);
    let ana = ctx(&library);
    coll::add_smart_collection(&ana, "Selects/Best", "rating>=4 tag:even").unwrap();
    let count = |ctx: &Ctx| count_of(ctx, "Selects/Best");
    assert_eq!(count(&ana), 2, "ratings 4 and 5 that are even: 4 and 10");
    assert_eq!(total(&ana, "smart:Selects/Best"), 2);
    assets::edit_assets(
        &ana,
        &ids(&[a[5]]),
        &assets::AssetEdit { add_tags: vec!["even".into()], ..Default::default() },
    )
    .unwrap();
    assert_eq!(count(&ana), 3, "live: a new match counts at once");
    let kinds: Vec<CollectionKind> = flat(&ana).iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![CollectionKind::Manual, CollectionKind::Smart], "the parent is a manual folder");
    coll::add_smart_collection(&ana, "Wider", "smart:\"Selects/Best\" -tag:nothing").unwrap();
    assert_eq!(total(&ana, "smart:Wider"), 3, "a smart collection may use another");
    assert_eq!(total(&ana, "smart:Wider rating:5"), 1, "expanded in place, ANDed with the rest");

    let err = coll::add_smart_collection(&ana, "Broken", "rating>=9").unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadQuery, "checked by parsing at save time");
    assert!(err.to_string().contains("column 9"), "with the column: {err}");
    let err = coll::add_smart_collection(&ana, "Loop", "smart:Loop").unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadQuery, "a query naming itself");
    assert!(err.to_string().contains("refers back to itself"), "{err}");
    let err = coll::add_to_collection(&ana, "Wider", &ids(&a[..1]), &NoProgress).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "a smart collection has no hand-picked members");
    let err = coll::add_smart_collection(&ana, "wider", "rating:1").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "the name is taken");

    // A rename reaches the saved queries that name the collection.
    coll::rename_collection(&ana, "Selects/Best", "Old").unwrap();
    assert_eq!(total(&ana, "smart:Wider"), 3, "Wider's query follows the rename");
    let wider = flat(&ana).into_iter().find(|c| c.path == "Wider").unwrap();
    assert_eq!(wider.query.as_deref(), Some("smart:Old -tag:nothing"));
    // A chain through another collection that leads back is refused when saved.
    let err = coll::add_smart_collection(&ana, "Loop2", "smart:Wider smart:Loop2").unwrap_err();
    assert_eq!(err.code(), ErrorCode::BadQuery, "{err}");

    let err = coll::delete_collection(&ana, "Wider", Some(CollectionKind::Manual), false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "collection rm does not delete a smart one by mistake");
    coll::delete_collection(&ana, "Wider", Some(CollectionKind::Smart), false).unwrap();
    assert_eq!(total(&ana, "smart:Wider"), 0);
}
