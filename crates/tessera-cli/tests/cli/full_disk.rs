//! A full disk under every edit path: each edit fails whole, says the disk is full, and leaves the library as it was;
//! once space is freed the same edit goes through. Mounts a tmpfs, so it needs root (`make test` runs it as root).

use crate::{fixtures, ingested_id, Sandbox};

/// An edit, and how to tell from the database whether it happened.
struct Edit {
    what: &'static str,
    args: Vec<String>,
    applied: &'static str,
}

#[test]
#[ignore = "mounts a tmpfs: needs root (make test runs it with --include-ignored when root)"]
fn every_edit_on_a_full_disk_fails_whole_with_the_reason_and_goes_through_once_space_is_freed() {
    let sb = Sandbox::on_small_disk(24);
    let input = sb.input();
    std::fs::create_dir_all(&input).unwrap();
    for i in 0..30 {
        fixtures::write(&input.join(format!("p{i:02}.jpg")), &fixtures::unique_jpeg(64, 48, i));
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let ids: Vec<String> = (0..30).map(|i| ingested_id(&report, &format!("p{i:02}.jpg"))).collect();
    assert_eq!(sb.json(&["tag", &ids[0], "+Old/Name"]).1, 0);
    let long = "words that fill pages ".repeat(150);
    let with_ids = |head: &[&str], tail: &[&str]| -> Vec<String> {
        head.iter()
            .map(|s| s.to_string())
            .chain(ids.iter().cloned())
            .chain(tail.iter().map(|s| s.to_string()))
            .collect()
    };
    let next_version = sb.dir.path().join("p00_v2.jpg");
    fixtures::write(&next_version, &fixtures::unique_jpeg(640, 480, 99));
    let edits = [
        Edit {
            what: "version add",
            args: vec!["version".into(), "add".into(), ids[0].clone(), next_version.to_string_lossy().into_owned()],
            applied: "SELECT count(*) FROM files WHERE original_name = 'p00_v2.jpg'",
        },
        Edit {
            what: "tag",
            args: with_ids(&["tag"], &["+Brand/Sneaker"]),
            applied: "SELECT count(*) FROM tags WHERE name = 'Brand/Sneaker'",
        },
        Edit {
            what: "set",
            args: with_ids(&["set"], &[&format!("description={long}"), "label=red"]),
            applied: "SELECT count(*) FROM assets WHERE label = 'red'",
        },
        Edit {
            what: "collection add",
            args: with_ids(&["collection", "add", "Spring 2027/Social"], &[]),
            applied: "SELECT count(*) FROM collections WHERE name = 'Social'",
        },
        Edit {
            what: "tag rename",
            args: ["tag", "rename", "Old/Name", "New/Name"].map(String::from).to_vec(),
            applied: "SELECT count(*) FROM tags WHERE name = 'New/Name'",
        },
    ];

    for edit in &edits {
        // No room anywhere, the write-ahead log included (truncated first, so no old frame can be reused).
        sb.db().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
        let disk = sb.disk.as_ref().unwrap();
        let filler = disk.fill();
        let args: Vec<&str> = edit.args.iter().map(String::as_str).collect();
        let out = sb.run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: fails on a full disk", edit.what);
        assert!(stderr.contains("disk is full"), "{}: says the disk is full: {stderr}", edit.what);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", edit.what);
        std::fs::remove_file(&filler).unwrap();
        assert_eq!(sb.count(edit.applied), 0, "{}: nothing of it was kept", edit.what);
        let integrity: String = sb.db().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(integrity, "ok", "{}", edit.what);

        let out = sb.run(&args);
        assert!(
            out.status.success(),
            "{}: goes through with space: {}",
            edit.what,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(sb.count(edit.applied) > 0, "{}: applied", edit.what);
    }
    let (shown, _) = sb.json(&["show", &ids[7]]);
    assert_eq!(shown["label"], "red");
    assert!(shown["tags"].as_array().unwrap().iter().any(|t| t == "Brand/Sneaker"), "{shown}");
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{check}");
    let (undone, code) = sb.json(&["undo"]);
    assert_eq!(code, 0, "the edit log is whole: the last edit undoes: {undone}");
}
