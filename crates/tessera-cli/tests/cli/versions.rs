//! Versions from the command line: `version add` makes a new file the asset's current one (the asset keeps its
//! metadata), `version ls` lists the stack, `version revert` makes an older one current again; a file that is
//! already in the library, of another kind or unreadable is refused with its reason and leaves no trace; a SIGKILL
//! in the middle of `version add` leaves a library that verifies clean with one stored file per row; tagging the
//! asset from another process meanwhile never fails.

use crate::fixtures;
use crate::ingest::walk_originals;
use crate::{ingested_id, Sandbox};
use std::time::Duration;

fn photo(sb: &Sandbox, name: &str, w: u32, h: u32, seed: u32) -> std::path::PathBuf {
    let path = sb.input().join(name);
    fixtures::write(&path, &fixtures::unique_jpeg(w, h, seed));
    path
}

fn one_asset(sb: &Sandbox) -> String {
    let first = photo(sb, "poster.jpg", 400, 300, 1);
    let (report, code) = sb.ingest(&[&first]);
    assert_eq!(code, 0, "{report}");
    ingested_id(&report, "poster.jpg")
}

#[test]
fn add_list_and_revert_keep_the_asset_and_follow_the_current_file() {
    let sb = Sandbox::create();
    let id = one_asset(&sb);
    assert_eq!(sb.json(&["set", &id, "title=Spring poster"]).1, 0);
    let second = photo(&sb, "poster_v2.jpg", 800, 600, 2);
    let (added, code) = sb.json(&["version", "add", &id, second.to_str().unwrap()]);
    assert_eq!(code, 0, "{added}");
    assert_eq!(
        (added["number"].as_u64(), added["versions"].as_u64(), added["changed"].as_bool()),
        (Some(2), Some(2), Some(true))
    );
    let (shown, _) = sb.json(&["show", &id]);
    assert_eq!((shown["width"].as_u64(), shown["height"].as_u64()), (Some(800), Some(600)), "{shown}");
    assert_eq!(shown["title"], "Spring poster", "the metadata stays with the asset");
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 1, "a version is not a new asset");

    let (stack, code) = sb.json(&["version", "ls", &id]);
    assert_eq!(code, 0);
    let stack = stack.as_array().unwrap();
    assert_eq!(stack.len(), 2);
    assert_eq!((stack[0]["number"].as_u64(), stack[0]["current"].as_bool()), (Some(1), Some(false)));
    assert_eq!((stack[1]["number"].as_u64(), stack[1]["current"].as_bool()), (Some(2), Some(true)));
    assert_eq!(stack[1]["file"]["original_name"], "poster_v2.jpg");
    assert_eq!(stack[1]["width"].as_u64(), Some(800));

    let (reverted, code) = sb.json(&["version", "revert", &id, "1"]);
    assert_eq!(code, 0, "{reverted}");
    assert_eq!((reverted["number"].as_u64(), reverted["changed"].as_bool()), (Some(1), Some(true)));
    assert_eq!(sb.json(&["show", &id]).0["width"].as_u64(), Some(400));
    let (again, _) = sb.json(&["version", "revert", &id, "1"]);
    assert_eq!(again["changed"].as_bool(), Some(false), "reverting to the current one changes nothing");

    let (missing, code) = sb.json(&["version", "revert", &id, "3"]);
    assert_eq!(code, 2);
    assert_eq!(missing["error"]["code"], "not_found", "{missing}");
    assert_eq!(missing["error"]["field"], "version");
    assert!(missing["error"]["message"].as_str().unwrap().contains("it has 2"), "{missing}");

    // Undo takes back the title, not a version: versions are taken back by reverting.
    assert_eq!(sb.json(&["undo"]).1, 0);
    assert_eq!(sb.json(&["version", "ls", &id]).0.as_array().unwrap().len(), 2);
    let (check, code) = sb.json(&["audit", "verify"]);
    assert_eq!(code, 0, "{check}");
    let (events, _) = sb.json(&["audit", "ls"]);
    let versions =
        events["events"].as_array().unwrap().iter().filter(|e| e.to_string().contains("\"version\"")).count();
    assert_eq!(versions, 2, "the add and the revert that changed something are on record: {events}");
    assert!(events.to_string().contains(r#"{"after":2,"asset":1,"before":1,"field":"version"}"#), "{events}");
    assert_eq!(sb.json(&["verify"]).1, 0);
}

#[test]
fn a_duplicate_another_kind_or_an_unreadable_file_is_refused_and_leaves_no_trace() {
    let sb = Sandbox::create();
    let id = one_asset(&sb);
    let other = photo(&sb, "other.jpg", 300, 300, 7);
    let (report, _) = sb.ingest(&[&other]);
    let other_id = ingested_id(&report, "other.jpg");
    let text = sb.input().join("notes.txt");
    fixtures::write(&text, b"not a picture\n");
    let own = photo(&sb, "poster again.jpg", 400, 300, 1);
    let files_before = sb.count("SELECT count(*) FROM files");
    let cases: [(&std::path::Path, &str, &str, &str); 4] = [
        (&other, "conflict", "file", &format!("asset {other_id}")),
        (&own, "invalid_input", "file", "already one of this asset's versions"),
        (&text, "invalid_input", "file", "the asset is an image"),
        (std::path::Path::new("/nonexistent/poster_v3.jpg"), "invalid_input", "file", "poster_v3.jpg"),
    ];
    for (file, code_name, field, says) in cases {
        let (refused, code) = sb.json(&["version", "add", &id, file.to_str().unwrap()]);
        assert_eq!(code, 2, "{} is refused: {refused}", file.display());
        assert_eq!(refused["error"]["code"], code_name, "{refused}");
        assert_eq!(refused["error"]["field"], field, "{refused}");
        assert!(refused["error"]["message"].as_str().unwrap().contains(says), "{refused}");
    }
    let (unknown, code) = sb.json(&["version", "add", "999", own.to_str().unwrap()]);
    assert_eq!((code, unknown["error"]["code"].as_str()), (2, Some("not_found")), "{unknown}");
    assert_eq!(sb.count("SELECT count(*) FROM files"), files_before, "nothing was recorded");
    assert_eq!(walk_originals(&sb).len() as i64, files_before, "no stored file was left behind");
    assert_eq!(sb.count("SELECT count(*) FROM pending_originals"), 0);
    assert_eq!(sb.json(&["verify"]).1, 0);
}

#[test]
fn sigkill_during_version_add_leaves_a_consistent_library() {
    let sb = Sandbox::create();
    let id = one_asset(&sb);
    for (round, delay) in [5u64, 30, 80, 150, 300].into_iter().enumerate() {
        let file = photo(&sb, &format!("poster_r{round}.jpg"), 3000, 2000, 100 + round as u32);
        let mut child = sb
            .command()
            .args(["version", "add", &id, file.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start version add");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let (check, code) = sb.json(&["verify"]);
        assert_eq!(code, 0, "after a kill at {delay} ms the library verifies clean: {check}");
        assert_eq!(
            walk_originals(&sb).len() as i64,
            sb.count("SELECT count(*) FROM files"),
            "one stored file per row after a kill at {delay} ms"
        );
        let current = sb.count(&format!(
            "SELECT count(*) FROM assets a JOIN files f ON f.id = a.current_file_id AND f.asset_id = a.id WHERE a.id = {id}"
        ));
        assert_eq!(current, 1, "the asset points at one of its own files");
    }
    let versions = sb.json(&["version", "ls", &id]).0.as_array().unwrap().len();
    assert_eq!(versions as i64, sb.count("SELECT count(*) FROM files"));
    assert!(versions < 6, "at least the earliest kill interrupted an add ({versions} versions of 6)");
}

#[test]
fn files_named_like_versions_are_offered_as_versions_never_merged() {
    let sb = Sandbox::create();
    let id = one_asset(&sb);
    let later = sb.dir.path().join("later");
    for (name, seed) in
        [("poster_v2.jpg", 2), ("Poster (1).jpg", 3), ("poster-final.jpg", 4), ("beach.jpg", 5), ("beach_v2.jpg", 6)]
    {
        fixtures::write(&later.join(name), &fixtures::unique_jpeg(200, 150, seed));
    }
    let (report, code) = sb.ingest(&[&later]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ingested"].as_array().unwrap().len(), 5, "every file is its own asset until the user says");
    let beach = ingested_id(&report, "/beach.jpg");
    let mut offers: Vec<(String, String, String)> = report["version_offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let name = o["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (name, o["of"].to_string(), o["of_name"].as_str().unwrap().to_string())
        })
        .collect();
    offers.sort();
    let want = [
        ("Poster (1).jpg", &id, "poster.jpg"),
        ("beach_v2.jpg", &beach, "beach.jpg"),
        ("poster-final.jpg", &id, "poster.jpg"),
        ("poster_v2.jpg", &id, "poster.jpg"),
    ];
    let want: Vec<(String, String, String)> =
        want.iter().map(|(n, of, name)| (n.to_string(), of.to_string(), name.to_string())).collect();
    assert_eq!(offers, want, "{report}");
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 6);

    // Accepting one: the file joins the stack, its own asset goes, the library stays consistent.
    let v2 = ingested_id(&report, "poster_v2.jpg");
    sb.json(&["tag", &v2, "+stray"]);
    let (stacked, code) = sb.json(&["version", "stack", &v2, "--onto", &id]);
    assert_eq!(code, 0, "{stacked}");
    assert_eq!((stacked["number"].as_u64(), stacked["versions"].as_u64()), (Some(2), Some(2)));
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 5);
    assert_eq!(sb.json(&["show", &v2]).1, 2, "the stacked asset is gone");
    assert_eq!(sb.json(&["show", &id]).0["width"].as_u64(), Some(200), "the asset shows its new file");
    assert!(sb.search_names("tag:stray").is_empty(), "nothing of the stacked asset's own rows is left");
    let (stats, _) = sb.json(&["stats"]);
    assert_eq!((stats["assets"].as_u64(), stats["files"].as_u64()), (Some(5), Some(6)), "{stats}");
    for (from, onto, says) in
        [(id.as_str(), id.as_str(), "itself"), (id.as_str(), beach.as_str(), "versions of its own")]
    {
        let (refused, code) = sb.json(&["version", "stack", from, "--onto", onto]);
        assert_eq!(code, 2, "{refused}");
        assert!(refused["error"]["message"].as_str().unwrap().contains(says), "{refused}");
    }
    assert_eq!(sb.json(&["verify"]).1, 0);
    assert_eq!(sb.json(&["audit", "verify"]).1, 0);
    let text = sb.run(&["ingest", later.to_str().unwrap()]);
    assert!(text.status.success());
}

#[test]
fn tagging_while_a_version_is_added_never_fails() {
    let sb = Sandbox::create();
    let id = one_asset(&sb);
    let big = photo(&sb, "poster_big.jpg", 4000, 3000, 9);
    let mut adder = sb.command().args(["version", "add", &id, big.to_str().unwrap()]).spawn().expect("start");
    for i in 0..20 {
        let out = sb.run(&["tag", &id, &format!("+round{i}")]);
        assert!(out.status.success(), "tag edit {i} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(adder.wait().unwrap().success());
    assert_eq!(sb.count(&format!("SELECT count(*) FROM asset_tags WHERE asset_id = {id}")), 20, "no edit was lost");
    assert_eq!(sb.json(&["version", "ls", &id]).0.as_array().unwrap().len(), 2);
}
