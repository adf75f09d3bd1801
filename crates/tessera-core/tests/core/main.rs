//! Cross-module tests of the core library used directly (as the desktop shell uses it).
#![allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly, which is what a test should do")]

use std::sync::Arc;
use tessera_core::clock::FixedClock;
use tessera_core::ingest::{ingest, IngestOptions};
use tessera_core::job::NoProgress;
use tessera_core::library::cache::{self, ThumbSize};
use tessera_core::{thumbs, Library};

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 9]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).unwrap();
    out
}

#[test]
fn previews_are_made_on_first_view_and_served_from_the_cache_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut library =
        Library::init(&dir.path().join("l.tessera")).unwrap().with_clock(Arc::new(FixedClock(1_750_000_000)));
    let file = dir.path().join("wide.png");
    std::fs::write(&file, png(2000, 1000)).unwrap();
    let report = ingest(&mut library, &[file], &IngestOptions::default(), &NoProgress).unwrap();
    let id = report.ingested[0].id;
    let detail = library.store().asset_detail(id).unwrap();
    assert_eq!(detail.added, 1_750_000_000, "the injected clock dates the ingest");
    assert!(
        cache::find(library.paths(), &detail.file.hash, ThumbSize::Preview).is_none(),
        "no preview at ingest by default"
    );
    let preview = thumbs::thumbnail_path(&library, id, ThumbSize::Preview).unwrap().expect("a preview");
    let size = imagesize::size(&preview).unwrap();
    assert_eq!((size.width, size.height), (1024, 512), "previews fit 1024 px");
    let modified = std::fs::metadata(&preview).unwrap().modified().unwrap();
    let again = thumbs::thumbnail_path(&library, id, ThumbSize::Preview).unwrap().unwrap();
    assert_eq!(std::fs::metadata(&again).unwrap().modified().unwrap(), modified, "the second view reads the cache");
}

#[test]
fn assets_without_pixels_have_no_thumbnail_and_a_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::init(&dir.path().join("l.tessera")).unwrap();
    let file = dir.path().join("brief.pdf");
    std::fs::write(&file, b"%PDF-1.4\n%%EOF\n").unwrap();
    let report = ingest(&mut library, &[file], &IngestOptions::default(), &NoProgress).unwrap();
    let id = report.ingested[0].id;
    assert!(thumbs::thumbnail_path(&library, id, ThumbSize::Grid).unwrap().is_none());
    let detail = library.store().asset_detail(id).unwrap();
    let svg = tessera_core::media::placeholder::svg(detail.kind, &detail.ext);
    assert!(svg.contains(">PDF<") && svg.contains("document"), "the placeholder names the type");
}
