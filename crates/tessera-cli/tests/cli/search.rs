//! Search through the CLI: words, prefixes, phrases, every filter, sorting, keyset pages, and errors.

use crate::fixtures::{self, Exif};
use crate::Sandbox;

fn seeded() -> Sandbox {
    let sb = Sandbox::create();
    let input = sb.input();
    let photo = |seed: u32, w: u32, h: u32, date: &str, title: &str, keywords: &[&str], rating: u8| {
        fixtures::with_segments(
            &fixtures::unique_jpeg(w, h, seed),
            &[
                fixtures::exif_segment(&Exif {
                    date_taken: Some(date),
                    make: Some("Nikon"),
                    model: Some("Z6"),
                    ..Exif::default()
                }),
                fixtures::xmp_segment(title, "", keywords, rating),
            ],
        )
    };
    fixtures::write(
        &input.join("final_final_v4_REVISED.jpg"),
        &photo(1, 300, 200, "2024:03:01 10:00:00", "Brand hero", &["brand", "hero"], 5),
    );
    fixtures::write(
        &input.join("beach-sunset.jpg"),
        &photo(2, 200, 300, "2023:08:15 19:00:00", "Sunset over the bay", &["summer", "beach"], 3),
    );
    fixtures::write(
        &input.join("beach-morning.jpg"),
        &photo(3, 250, 250, "2024:06:20 07:00:00", "Morning light", &["summer"], 4),
    );
    fixtures::write(&input.join("logo.png"), &fixtures::png_rgba(64, 32));
    fixtures::write(&input.join("brief.pdf"), b"%PDF-1.4\n%%EOF\n");
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    sb
}

#[test]
fn words_prefixes_phrases_and_filters() {
    let sb = seeded();
    assert_eq!(sb.search("")["total"], 5, "an empty query matches every asset");
    assert_eq!(sb.search_names("bea"), vec!["beach-morning.jpg", "beach-sunset.jpg"], "prefix match on names");
    assert_eq!(sb.search_names("revised"), vec!["final_final_v4_REVISED.jpg"], "underscores split words");
    assert_eq!(sb.search_names("final_v4"), vec!["final_final_v4_REVISED.jpg"]);
    assert_eq!(sb.search_names("\"over the bay\""), vec!["beach-sunset.jpg"], "quoted phrase");
    assert!(sb.search_names("\"the over bay\"").is_empty(), "a phrase keeps its word order");
    assert_eq!(sb.search_names("beach -sunset"), vec!["beach-morning.jpg"], "excluded word");
    assert_eq!(sb.search_names("tag:summer"), vec!["beach-morning.jpg", "beach-sunset.jpg"]);
    assert_eq!(sb.search_names("tag:summer -tag:beach"), vec!["beach-morning.jpg"]);
    assert!(sb.search_names("tag:nonexistent").is_empty(), "an unknown tag matches nothing");
    assert_eq!(sb.search_names("-tag:nonexistent").len(), 5, "excluding an unknown tag excludes nothing");
    assert_eq!(sb.search_names("type:image").len(), 4);
    assert_eq!(sb.search_names("type:document"), vec!["brief.pdf"]);
    assert_eq!(sb.search_names("ext:png"), vec!["logo.png"]);
    assert_eq!(sb.search_names("ext:.JPG").len(), 3, "extensions ignore case and a leading dot");
    assert_eq!(sb.search_names("uploader:tester").len(), 5);
    assert_eq!(sb.search_names("width>260"), vec!["final_final_v4_REVISED.jpg"]);
    assert_eq!(sb.search_names("height<100"), vec!["logo.png"]);
    assert_eq!(sb.search_names("orientation:portrait"), vec!["beach-sunset.jpg"]);
    assert_eq!(sb.search_names("orientation:square"), vec!["beach-morning.jpg"]);
    assert_eq!(sb.search_names("orientation:landscape").len(), 2);
    assert_eq!(sb.search_names("taken:2024"), vec!["beach-morning.jpg", "final_final_v4_REVISED.jpg"]);
    assert_eq!(sb.search_names("taken:2023-08"), vec!["beach-sunset.jpg"]);
    assert_eq!(sb.search_names("taken<2024-01-01"), vec!["beach-sunset.jpg"]);
    assert_eq!(sb.search_names("added>2020-01-01").len(), 5);
    assert!(sb.search_names("added<2020-01-01").is_empty());
    assert_eq!(sb.search_names("rating>=4"), vec!["beach-morning.jpg", "final_final_v4_REVISED.jpg"]);
    assert_eq!(sb.search_names("rating:3"), vec!["beach-sunset.jpg"]);
    assert_eq!(sb.search_names("nikon"), vec!["beach-morning.jpg", "beach-sunset.jpg", "final_final_v4_REVISED.jpg"]);
    assert_eq!(sb.search_names("is:untagged"), vec!["brief.pdf", "logo.png"], "the sidebar's Untagged");
    assert_eq!(sb.search_names("brand tag:hero rating>=5 taken:2024 type:image"), vec!["final_final_v4_REVISED.jpg"]);
}

#[test]
fn sorting_and_keyset_pages_cover_every_asset_once() {
    let sb = seeded();
    for sort in ["added", "taken", "name", "size"] {
        for reverse in [false, true] {
            let mut seen = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let mut args = vec!["search", "--sort", sort, "--limit", "2"];
                if reverse {
                    args.push("--reverse");
                }
                if let Some(c) = &cursor {
                    args.push("--after");
                    args.push(c);
                }
                let (page, code) = sb.json(&args);
                assert_eq!(code, 0, "{page}");
                assert_eq!(page["total"], 5);
                seen.extend(page["assets"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap().to_string()));
                match page["next"].as_str() {
                    Some(next) => cursor = Some(next.to_string()),
                    None => break,
                }
            }
            let mut unique = seen.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), 5, "sort {sort} reverse {reverse}: every asset exactly once: {seen:?}");
            assert_eq!(seen.len(), 5, "sort {sort} reverse {reverse}: no repeats: {seen:?}");
            if sort == "name" && !reverse {
                let mut sorted = seen.clone();
                sorted.sort_by_key(|n| n.to_lowercase());
                assert_eq!(seen, sorted, "name sort is A to Z, ignoring case");
            }
            if sort == "taken" && !reverse {
                assert_eq!(seen[0], "beach-morning.jpg", "latest taken first");
            }
        }
    }
}

#[test]
fn a_bad_query_points_at_the_bad_token() {
    let sb = seeded();
    let (err, code) = sb.json(&["search", "beach type:spreadsheet"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err["error"]["code"], "bad_query");
    let message = err["error"]["message"].as_str().unwrap();
    assert!(message.contains("spreadsheet") && message.contains("column 12"), "{message}");
    assert!(message.contains("^^^^"), "a caret line under the token: {message}");
    let (err, code) = sb.json(&["search", "is:tagged"]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("bad_query")), "{err}");
    let out = sb.run(&["search", "rating>=9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rating"), "plain-text errors go to stderr");
    let (err, code) = sb.json(&["search", "--after", "not-a-cursor", ""]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("invalid_input")));
    assert_eq!(err["error"]["field"], "cursor", "the error names the input it refused: {err}");
}
