//! The tag tree through the use cases: paths with their ancestors, searches that take in what is beneath a tag,
//! synonyms, rename, move, merge and delete in one transaction each, with the sidebar's counts kept right.

use super::{ctx, photo};
use tessera_core::api::ErrorCode;
use tessera_core::app::assets::{self, undo_last, AssetEdit, Selection};
use tessera_core::app::ingest::records;
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::app::tags;
use tessera_core::domain::{NewAsset, TagCount};
use tessera_core::runtime::NoProgress;
use tessera_core::{AssetId, Ctx, Library};

fn asset(i: usize, tags: &[&str]) -> NewAsset {
    NewAsset { tags: tags.iter().map(|t| t.to_string()).collect(), ..photo(i) }
}

/// Four assets: 0 `Brand/Product/Sneaker`, 1 `Brand/Product/Boot` and `Colour/Red`, 2 `Colour/Red` and
/// `Colour/Blue`, 3 `Brand` itself.
fn library(dir: &std::path::Path) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets = [
        asset(0, &["Brand/Product/Sneaker"]),
        asset(1, &["Brand/Product/Boot", "Colour/Red"]),
        asset(2, &["Colour/Red", "Colour/Blue"]),
        asset(3, &["Brand"]),
    ];
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

fn found(ctx: &Ctx, query: &str) -> Vec<AssetId> {
    let request = SearchRequest { query: query.into(), limit: 100, ..SearchRequest::default() };
    let mut ids: Vec<AssetId> = search::run(ctx, &request).unwrap().assets.into_iter().map(|a| a.id).collect();
    ids.sort();
    ids
}

fn matches(ctx: &Ctx, query: &str) -> u64 {
    search::run(ctx, &SearchRequest { query: query.into(), limit: 1, ..SearchRequest::default() }).unwrap().total
}

fn tree(ctx: &Ctx) -> Vec<(String, u64, u64)> {
    tags::tag_counts(ctx).unwrap().into_iter().map(|t| (t.name, t.count, t.total)).collect()
}

/// Every count the sidebar shows is what a search for the tag finds.
fn assert_counts_match_searches(ctx: &Ctx) {
    for TagCount { name, count, total, .. } in tags::tag_counts(ctx).unwrap() {
        assert_eq!(matches(ctx, &format!("tag:\"{name}\"")), total, "total of {name}");
        assert_eq!(matches(ctx, &format!("tag:=\"{name}\"")), count, "count of {name}");
    }
}

fn tags_of(ctx: &Ctx, id: AssetId) -> Vec<String> {
    assets::detail(ctx, id).unwrap().tags
}

fn add_tags(ctx: &Ctx, ids: &[AssetId], add: &[&str]) {
    let edit = AssetEdit { add_tags: add.iter().map(|t| t.to_string()).collect(), ..AssetEdit::default() };
    assets::edit_assets(ctx, &Selection::Ids { ids: ids.to_vec() }, &edit).unwrap();
}

#[test]
fn a_path_brings_its_ancestors_and_a_search_takes_in_what_is_beneath() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    assert_eq!(
        tree(&ana),
        [
            ("Brand".to_string(), 1, 3),
            ("Brand/Product".into(), 0, 2),
            ("Brand/Product/Boot".into(), 1, 1),
            ("Brand/Product/Sneaker".into(), 1, 1),
            ("Colour".into(), 0, 2),
            ("Colour/Blue".into(), 1, 1),
            ("Colour/Red".into(), 2, 2),
        ],
        "path order, children right after their parent, an asset with two colours counted once for Colour"
    );
    assert_eq!(found(&ana, "tag:Brand"), [ids[0], ids[1], ids[3]]);
    assert_eq!(found(&ana, "tag:=Brand"), [ids[3]]);
    assert_eq!(found(&ana, "tag:brand/product"), [ids[0], ids[1]], "paths match without regard to case");
    assert_eq!(found(&ana, "-tag:Brand"), [ids[2]]);
    assert_eq!(found(&ana, "tag:Product"), [], "a part is not a path");
    assert_eq!(found(&ana, "sneaker"), [ids[0]], "the words of a path are searchable");
    add_tags(&ana, &[ids[2]], &["brand / Product / Sandal"]);
    assert_eq!(tags_of(&ana, ids[2]), ["Brand/Product/Sandal", "Colour/Blue", "Colour/Red"], "first spelling wins");
    assert_counts_match_searches(&ana);
}

#[test]
fn bad_paths_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    for bad in ["/Brand", "Brand/", "Brand//Sneaker", "Brand/ /x", " "] {
        let edit = AssetEdit { add_tags: vec![bad.into()], ..AssetEdit::default() };
        let err = assets::edit_assets(&ana, &Selection::Ids { ids: vec![ids[0]] }, &edit).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{bad:?}");
        assert_eq!(err.field(), Some("tag"));
    }
    assert_eq!(tags_of(&ana, ids[0]), ["Brand/Product/Sneaker"], "nothing changed");
}

#[test]
fn a_synonym_resolves_in_searches_and_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    assert_eq!(tags::add_tag_synonym(&ana, "brand/product/sneaker", "trainer").unwrap(), "Brand/Product/Sneaker");
    assert_eq!(found(&ana, "tag:trainer"), [ids[0]]);
    add_tags(&ana, &[ids[2]], &["Trainer", "trainer/Red"]);
    assert_eq!(
        tags_of(&ana, ids[2]),
        ["Brand/Product/Sneaker", "Brand/Product/Sneaker/Red", "Colour/Blue", "Colour/Red"]
    );
    let err = tags::add_tag_synonym(&ana, "Colour/Red", "TRAINER").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "a synonym names one tag: {err}");
    let err = tags::add_tag_synonym(&ana, "Colour/Red", "Colour/Blue").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "a tag's path is not a synonym: {err}");
    assert_eq!(tags::set_tag_colour(&ana, "trainer", Some("#F80")).unwrap(), "Brand/Product/Sneaker");
    let sneaker = tags::tag_counts(&ana).unwrap().into_iter().find(|t| t.name == "Brand/Product/Sneaker").unwrap();
    assert_eq!(
        (sneaker.colour.as_deref(), sneaker.synonyms.as_slice()),
        (Some("#ff8800"), &["trainer".to_string()][..])
    );
    assert_eq!(tags::set_tag_colour(&ana, "Colour", Some("red")).unwrap_err().code(), ErrorCode::InvalidInput);
    tags::remove_tag_synonym(&ana, "trainer").unwrap();
    assert_eq!(found(&ana, "tag:trainer"), []);
    assert_eq!(tags::remove_tag_synonym(&ana, "trainer").unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_move_takes_the_subtree_along_and_the_old_paths_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    let change = tags::rename_tag(&ana, "Brand/Product", "Catalogue/Shoes", false).unwrap();
    assert_eq!((change.tag.as_str(), change.tags, change.assets), ("Catalogue/Shoes", 3, 2));
    assert_eq!(tags_of(&ana, ids[1]), ["Catalogue/Shoes/Boot", "Colour/Red"]);
    assert_eq!(found(&ana, "tag:Catalogue"), [ids[0], ids[1]]);
    assert_eq!(found(&ana, "tag:Brand"), [ids[3]], "Brand keeps only its own asset");
    assert_eq!(found(&ana, "tag:Brand/Product/Sneaker"), [ids[0]], "a saved query naming the old path still works");
    assert_eq!(found(&ana, "shoes"), [ids[0], ids[1]], "the full-text index follows");
    assert_eq!(found(&ana, "product"), [], "and forgets the old words");
    assert_counts_match_searches(&ana);
    // A change of case only is a rename too.
    tags::rename_tag(&ana, "catalogue", "CATALOGUE", false).unwrap();
    assert_eq!(tags_of(&ana, ids[0]), ["CATALOGUE/Shoes/Sneaker"]);
    assert!(undo_last(&ana, &NoProgress).is_err(), "a rename is on record, not undone: nothing else to undo");
}

#[test]
fn a_rename_onto_another_tag_is_refused_unless_a_merge_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    let err = tags::rename_tag(&ana, "Colour/Blue", "colour/red", false).unwrap_err();
    assert_eq!((err.code(), err.field()), (ErrorCode::Conflict, Some("tag")), "{err}");
    let err = tags::rename_tag(&ana, "Brand", "Brand/Old", false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict, "not beneath itself: {err}");
    assert_eq!(tags::rename_tag(&ana, "Nope", "Other", false).unwrap_err().code(), ErrorCode::NotFound);
    let change = tags::rename_tag(&ana, "Colour/Blue", "colour/red", true).unwrap();
    assert_eq!((change.tag.as_str(), change.assets), ("Colour/Red", 1));
    assert_eq!(tags_of(&ana, ids[2]), ["Colour/Red"]);
    assert_counts_match_searches(&ana);
}

#[test]
fn a_merge_moves_assets_children_and_synonyms_and_counts_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    add_tags(&ana, &[ids[2]], &["Shoes/Boot", "Shoes/Clog"]);
    tags::add_tag_synonym(&ana, "Brand/Product", "range").unwrap();
    let change = tags::merge_tags(&ana, "range", "Shoes").unwrap();
    // Product and its Sneaker and Boot: Boot merges into Shoes/Boot, Sneaker moves beneath Shoes.
    assert_eq!((change.tag.as_str(), change.tags, change.assets), ("Shoes", 3, 2));
    assert_eq!(tags_of(&ana, ids[0]), ["Shoes/Sneaker"]);
    assert_eq!(tags_of(&ana, ids[1]), ["Colour/Red", "Shoes/Boot"]);
    assert_eq!(tags_of(&ana, ids[2]), ["Colour/Blue", "Colour/Red", "Shoes/Boot", "Shoes/Clog"]);
    assert_eq!(found(&ana, "tag:range"), found(&ana, "tag:Shoes"), "synonyms follow the merge");
    assert_eq!(found(&ana, "tag:Brand/Product"), [ids[0], ids[1], ids[2]], "the merged path resolves to Shoes");
    assert_eq!(tags::merge_tags(&ana, "Shoes", "Shoes/Boot").unwrap_err().code(), ErrorCode::Conflict);
    assert_eq!(tags::merge_tags(&ana, "Shoes", "shoes").unwrap_err().code(), ErrorCode::Conflict);
    assert_counts_match_searches(&ana);
}

#[test]
fn a_delete_lists_its_assets_first_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    let listed = tags::tag_assets(&ana, "brand", 2).unwrap();
    assert_eq!((listed.tag.as_str(), listed.total, listed.ids.as_slice()), ("Brand", 3, &ids[..2]));
    let change = tags::delete_tag(&ana, "Brand").unwrap();
    assert_eq!((change.tags, change.assets), (4, 3));
    assert!(tags_of(&ana, ids[0]).is_empty());
    assert_eq!(found(&ana, "is:untagged"), [ids[0], ids[3]]);
    assert!(tree(&ana).iter().all(|(name, ..)| !name.starts_with("Brand")));
    undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(tags_of(&ana, ids[1]), ["Brand/Product/Boot", "Colour/Red"]);
    assert_eq!(found(&ana, "tag:Brand"), [ids[0], ids[1], ids[3]]);
    assert_counts_match_searches(&ana);
}

#[test]
fn a_rename_and_a_merge_while_another_connection_tags_the_same_assets_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.tessera");
    let library = Library::init(&path).unwrap();
    let assets: Vec<NewAsset> = (0..400).map(|i| asset(i, &["Shoot/Day1", "Draft"])).collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    let other = std::thread::spawn({
        let (path, ids) = (path.clone(), ids.clone());
        move || {
            let library = Library::open(&path).unwrap();
            for id in &ids {
                add_tags(&ctx(&library), &[*id], &["Checked"]);
            }
        }
    });
    for round in 0..5 {
        tags::rename_tag(&ctx(&library), "Shoot", &format!("Shoot{round}"), false).unwrap();
        tags::rename_tag(&ctx(&library), &format!("Shoot{round}"), "Shoot", false).unwrap();
    }
    tags::merge_tags(&ctx(&library), "Draft", "Shoot/Day1").unwrap();
    other.join().unwrap();
    let ana = ctx(&library);
    assert_eq!(matches(&ana, "tag:Checked"), 400, "every edit of the other connection is kept");
    assert_eq!(matches(&ana, "tag:=Shoot/Day1"), 400);
    assert_eq!(tags_of(&ana, ids[7]), ["Checked", "Shoot/Day1"]);
    assert_counts_match_searches(&ana);
}

#[test]
fn an_undo_after_a_merge_never_takes_away_a_tag_the_asset_had_before() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    add_tags(&ana, &[ids[1], ids[2]], &["approved"]);
    tags::merge_tags(&ana, "approved", "Colour/Red").unwrap();
    let undone = undo_last(&ana, &NoProgress).unwrap();
    assert_eq!((undone.restored, undone.skipped), (0, 2), "the tag added is not there under its path any more");
    assert_eq!(tags_of(&ana, ids[1]), ["Brand/Product/Boot", "Colour/Red"], "Colour/Red, there before, stays");
    assert_counts_match_searches(&ana);
}
