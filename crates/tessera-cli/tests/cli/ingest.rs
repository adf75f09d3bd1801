//! Ingest of ordinary files: folders, duplicates, skip rules, metadata, stored originals.

use crate::fixtures::{self, Exif};
use crate::{paths_in, reason_for, Sandbox};

#[test]
fn nested_folders_duplicates_and_skips_each_land_in_exactly_one_list() {
    let sb = Sandbox::create();
    let input = sb.input();
    for (i, rel) in ["a.jpg", "sub/b.jpg", "sub/deeper/c.jpg", "sub/deeper/even/d.jpg"].iter().enumerate() {
        fixtures::write(&input.join(rel), &fixtures::unique_jpeg(64, 48, i as u32));
    }
    fixtures::write(&input.join("sub/copy-of-a.jpg"), &fixtures::unique_jpeg(64, 48, 0));
    fixtures::write(&input.join(".DS_Store"), b"junk");
    fixtures::write(&input.join("sub/Thumbs.db"), b"junk");
    fixtures::write(&input.join("~$budget.xlsx"), b"lock");
    fixtures::write(&input.join("movie.mp4.part"), b"partial");
    fixtures::write(&input.join(".git/config"), b"[core]");
    fixtures::write(&input.join("notes.txt"), b"shoot notes\n");

    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "nothing failed, so the exit code is 0: {report}");
    let ingested = paths_in(&report, "ingested");
    assert_eq!(ingested.len(), 5, "four images and a text file are new: {report}");
    assert_eq!(paths_in(&report, "duplicates").len(), 1, "copy-of-a.jpg is a duplicate");
    let dup = &report["duplicates"][0];
    let a_id = report["ingested"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"].as_str().unwrap().ends_with("/a.jpg"))
        .unwrap()["id"]
        .clone();
    assert_eq!(dup["id"], a_id, "a duplicate reports the existing asset's id");
    assert_eq!(reason_for(&report, "skipped", ".DS_Store"), "macOS folder metadata");
    assert_eq!(reason_for(&report, "skipped", "Thumbs.db"), "system file");
    assert_eq!(reason_for(&report, "skipped", "~$budget.xlsx"), "Office lock file");
    assert_eq!(reason_for(&report, "skipped", "movie.mp4.part"), "temporary or incomplete download");
    assert_eq!(reason_for(&report, "skipped", ".git"), "hidden folder");
    assert!(report["failed"].as_array().unwrap().is_empty());
    assert!(report["seconds"].as_f64().is_some(), "the report says how long it took");

    assert_eq!(sb.count("SELECT count(*) FROM assets"), 5);
    let stored = walk_originals(&sb);
    assert_eq!(stored.len(), 5, "one stored original per asset, none for the duplicate");

    // A second run finds everything already there.
    let (again, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0);
    assert_eq!(paths_in(&again, "ingested").len(), 0, "nothing is ingested twice");
    assert_eq!(paths_in(&again, "duplicates").len(), 6);
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 5);
}

pub fn walk_originals(sb: &Sandbox) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let originals = sb.library().join("originals");
    for shard in std::fs::read_dir(&originals).expect("originals").flatten() {
        if shard.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        out.extend(std::fs::read_dir(shard.path()).expect("shard").flatten().map(|e| e.path()));
    }
    out.sort();
    out
}

#[test]
fn stored_original_is_content_addressed_and_byte_identical() {
    let sb = Sandbox::create();
    let bytes = fixtures::unique_jpeg(80, 60, 7);
    let file = sb.input().join("photo.JPG");
    fixtures::write(&file, &bytes);
    let (report, _) = sb.ingest(&[&file]);
    let id = report["ingested"][0]["id"].as_i64().expect("id").to_string();
    let (asset, code) = sb.json(&["show", &id]);
    assert_eq!(code, 0);
    let hash = blake3::hash(&bytes).to_hex().to_string();
    assert_eq!(asset["file"]["hash"], hash.as_str(), "the hash is BLAKE3 of the content");
    let stored = asset["file"]["stored_path"].as_str().expect("stored path");
    assert_eq!(stored, format!("originals/{}/{hash}.jpg", &hash[..2]));
    assert_eq!(
        std::fs::read(sb.library().join(stored)).expect("stored file"),
        bytes,
        "stored bytes are the original's"
    );
    assert_eq!(asset["file"]["original_name"], "photo.JPG");
    assert_eq!(asset["uploader"], "tester", "the OS user is the default uploader");
    assert!(asset["file"]["source_path"].as_str().unwrap().ends_with("/in/photo.JPG"));
    assert_eq!(asset["file"]["mime"], "image/jpeg");
    assert!(asset["added"].as_i64().unwrap() > 1_700_000_000);
    let thumb = sb.library().join(format!("cache/v1-256/{}/{hash}.jpg", &hash[..2]));
    assert!(thumb.is_file(), "the grid thumbnail is made at ingest: {}", thumb.display());
}

#[test]
fn exif_xmp_and_iptc_metadata_become_searchable_fields() {
    let sb = Sandbox::create();
    let exif = Exif {
        make: Some("Canon"),
        model: Some("Canon EOS R5"),
        date_taken: Some("2024:07:14 09:30:00"),
        iso: Some(400),
        orientation: Some(1),
    };
    let jpeg = fixtures::with_segments(
        &fixtures::unique_jpeg(120, 80, 3),
        &[
            fixtures::exif_segment(&exif),
            fixtures::xmp_segment("Lighthouse at dawn", "Brittany coast, summer shoot", &["coast", "Summer"], 4),
            fixtures::iptc_segment(&["lighthouse", "summer"]),
        ],
    );
    let file = sb.input().join("IMG_0001.jpg");
    fixtures::write(&file, &jpeg);
    assert_eq!(sb.json(&["user", "add", "ana", "--role", "contributor"]).1, 0);
    let (report, code) = sb.json(&["ingest", "--as", "ana", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    let id = report["ingested"][0]["id"].as_i64().unwrap().to_string();
    let (a, _) = sb.json(&["show", &id]);
    assert_eq!(a["title"], "Lighthouse at dawn");
    assert_eq!(a["description"], "Brittany coast, summer shoot");
    assert_eq!(a["rating"], 4);
    assert_eq!(a["creator"], "Ada Photographer");
    assert_eq!(a["uploader"], "ana", "--as names the uploader");
    assert_eq!(a["taken"], "2024-07-14T09:30:00");
    assert_eq!(a["exif"]["make"], "Canon");
    assert_eq!(a["exif"]["model"], "Canon EOS R5");
    assert_eq!(a["exif"]["iso"], 400);
    let tags: Vec<&str> = a["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(tags, vec!["coast", "lighthouse", "Summer"], "XMP and IPTC keywords merge without case duplicates");
    assert_eq!((a["width"].as_i64(), a["height"].as_i64()), (Some(120), Some(80)));

    assert_eq!(sb.search_names("lighthouse"), vec!["IMG_0001.jpg"], "title words are searchable");
    assert_eq!(sb.search_names("EOS"), vec!["IMG_0001.jpg"], "the camera is searchable");
    assert_eq!(sb.search_names("tag:summer taken:2024 rating>=4"), vec!["IMG_0001.jpg"]);
    assert_eq!(sb.search_names("uploader:ana").len(), 1);
}

#[test]
fn tag_edits_change_search_results() {
    let sb = Sandbox::create();
    let input = sb.input();
    fixtures::write(&input.join("one.jpg"), &fixtures::unique_jpeg(40, 40, 1));
    fixtures::write(&input.join("two.jpg"), &fixtures::unique_jpeg(40, 40, 2));
    let (report, _) = sb.ingest(&[&input]);
    let ids: Vec<String> = report["ingested"].as_array().unwrap().iter().map(|e| e["id"].to_string()).collect();
    let (out, code) = sb.json(&["tag", &ids[0], &ids[1], "+campaign", "+draft"]);
    assert_eq!(code, 0, "{out}");
    let (out, code) = sb.json(&["tag", &ids[1], "-draft"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out["assets"][0]["tags"], serde_json::json!(["campaign"]));
    assert_eq!(sb.search_names("tag:campaign").len(), 2);
    assert_eq!(sb.search_names("tag:draft"), vec!["one.jpg"]);
    assert_eq!(sb.search_names("tag:campaign -tag:draft"), vec!["two.jpg"]);
    assert_eq!(sb.search_names("campa"), vec!["one.jpg", "two.jpg"], "tags are in the full-text index, prefix too");
    let (err, code) = sb.json(&["tag", "999999", "+x"]);
    assert_eq!(code, 2, "an unknown asset is an error");
    assert_eq!(err["error"]["code"], "not_found");
}
