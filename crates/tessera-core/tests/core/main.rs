//! Cross-module tests of the core library used directly (as the desktop shell uses it).
#![allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly, which is what a test should do")]

mod audit;
mod collections;
mod fields;
mod lifecycle;
mod people;
mod permissions;
mod review;
mod robustness;
mod search_cases;
mod tag_tree;
mod trash;
mod undo;

use std::sync::Arc;
use tessera_core::app::assets::{self, AssetEdit, Selection};
use tessera_core::app::ingest::{ingest, IngestOptions};
use tessera_core::app::maintenance::{samples, thumbs};
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::blobs::cache::{self, ThumbSize};
use tessera_core::runtime::{FixedClock, NoProgress};
use tessera_core::{Actor, Ctx, Library};

/// The `i`-th photo of a shoot as ingest would record it (a distinct hash and name, added a second after the one
/// before, uploaded by ana), for tests that set what they need on top: `NewAsset { tags, ..photo(i) }`.
fn photo(i: usize) -> tessera_core::domain::NewAsset {
    tessera_core::domain::NewAsset {
        kind: Some(tessera_core::AssetKind::Image),
        ext: "jpg".into(),
        mime: "image/jpeg".into(),
        name: format!("IMG_{i:05}.jpg"),
        source_path: format!("/shoot/IMG_{i:05}.jpg"),
        stored_path: format!("originals/00/{i:064}.jpg"),
        hash: format!("{i:064}"),
        size: 1000,
        added_at: 1_700_000_000 + i as i64,
        uploader: "ana".into(),
        ..Default::default()
    }
}

fn ctx(library: &Library) -> Ctx<'_> {
    Ctx::new(library, Actor::named("ana"))
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 9]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

#[test]
fn previews_are_made_on_first_view_and_served_from_the_cache_after() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap().with_clock(Arc::new(FixedClock(1_750_000_000)));
    let file = dir.path().join("wide.png");
    std::fs::write(&file, png(2000, 1000)).unwrap();
    let report = ingest(&ctx(&library), &[file], &IngestOptions::default(), &NoProgress).unwrap();
    let id = report.ingested[0].id;
    let detail = assets::detail(&ctx(&library), id).unwrap();
    assert_eq!(detail.uploader, "ana", "the actor is the uploader");
    assert_eq!(detail.added, 1_750_000_000, "the injected clock dates the ingest");
    assert!(
        cache::find(library.paths(), &detail.file.hash, ThumbSize::Preview).is_none(),
        "no preview at ingest by default"
    );
    let preview = thumbs::thumbnail_path(&ctx(&library), id, ThumbSize::Preview).unwrap().expect("a preview");
    let size = imagesize::size(&preview).unwrap();
    assert_eq!((size.width, size.height), (1024, 512), "previews fit 1024 px");
    let modified = std::fs::metadata(&preview).unwrap().modified().unwrap();
    let again = thumbs::thumbnail_path(&ctx(&library), id, ThumbSize::Preview).unwrap().unwrap();
    assert_eq!(std::fs::metadata(&again).unwrap().modified().unwrap(), modified, "the second view reads the cache");
}

#[test]
fn assets_without_pixels_have_no_thumbnail_and_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let file = dir.path().join("brief.pdf");
    std::fs::write(&file, b"%PDF-1.4\n%%EOF\n").unwrap();
    let report = ingest(&ctx(&library), &[file], &IngestOptions::default(), &NoProgress).unwrap();
    let id = report.ingested[0].id;
    assert!(thumbs::thumbnail_path(&ctx(&library), id, ThumbSize::Grid).unwrap().is_none());
    let detail = assets::detail(&ctx(&library), id).unwrap();
    let svg = tessera_core::media::placeholder::svg(detail.kind, &detail.ext);
    assert!(svg.contains(">PDF<") && svg.contains("document"), "the placeholder names the type");
}

#[test]
fn sample_assets_arrive_with_thumbnails_titles_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let files = samples::write_samples(&dir.path().join("samples")).unwrap();
    assert_eq!(files.len(), 12);
    let report = ingest(&ctx(&library), &files, &IngestOptions::default(), &NoProgress).unwrap();
    assert_eq!(report.ingested.len(), 12, "every sample is a distinct, valid image: {report:?}");
    let brand =
        search::run(&ctx(&library), &SearchRequest { query: "tag:brand".into(), ..Default::default() }).unwrap();
    assert_eq!(brand.total, 3, "keywords become tags");
    for entry in &report.ingested {
        let detail = assets::detail(&ctx(&library), entry.id).unwrap();
        assert!(detail.title.is_some() || detail.ext == "png", "JPEG samples carry a title");
        assert!(
            cache::find(library.paths(), &detail.file.hash, ThumbSize::Grid).is_some(),
            "{} has a thumbnail",
            detail.name
        );
    }
}

#[test]
fn editing_title_rating_and_tags_on_several_assets_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let files = samples::write_samples(&dir.path().join("samples")).unwrap();
    let report = ingest(&ctx(&library), &files[..2], &IngestOptions::default(), &NoProgress).unwrap();
    let ids: Vec<_> = report.ingested.iter().map(|e| e.id).collect();
    let edit: AssetEdit =
        serde_json::from_str(r#"{"title":"Approved hero","rating":2,"add_tags":["approved"],"description":null}"#)
            .unwrap();
    let selection = Selection::Ids { ids: ids.clone() };
    let after = assets::edit_assets(&ctx(&library), &selection, &edit).unwrap();
    assert_eq!(after.changed, 2);
    for a in &after.assets {
        assert_eq!((a.title.as_deref(), a.rating, a.description.as_deref()), (Some("Approved hero"), Some(2), None));
        assert!(a.tags.contains(&"approved".to_string()));
    }
    let found =
        search::run(&ctx(&library), &SearchRequest { query: "approved hero rating:2".into(), ..Default::default() })
            .unwrap();
    assert_eq!(found.total, 2, "edits reach the full-text index");
    let bad: AssetEdit = serde_json::from_str(r#"{"rating":9}"#).unwrap();
    assert!(assets::edit_assets(&ctx(&library), &selection, &bad).is_err(), "ratings stop at 5");
    let untouched: AssetEdit = serde_json::from_str(r#"{"rating":null}"#).unwrap();
    let first = Selection::Ids { ids: ids[..1].to_vec() };
    let cleared = assets::edit_assets(&ctx(&library), &first, &untouched).unwrap().assets;
    assert_eq!((cleared[0].rating, cleared[0].title.as_deref()), (None, Some("Approved hero")), "absent fields stay");
}
