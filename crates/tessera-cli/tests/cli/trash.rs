//! `tessera rm`, `tessera trash ls|restore|empty`, `tessera open|reveal`: the trash from the command line, its exit
//! codes, and an emptying killed half-way that `verify` finishes without leaving a row without its original.

use crate::fixtures;
use crate::Sandbox;
use std::os::unix::fs::PermissionsExt;

fn three(sb: &Sandbox) -> (String, String, String) {
    for (i, name) in ["a.jpg", "b.jpg", "c.jpg"].iter().enumerate() {
        fixtures::write(&sb.input().join(name), &fixtures::unique_jpeg(24, 16, i as u32 + 1));
    }
    let (report, code) = sb.ingest(&[&sb.input()]);
    assert_eq!(code, 0, "{report}");
    let id = |n: &str| crate::ingested_id(&report, n);
    (id("a.jpg"), id("b.jpg"), id("c.jpg"))
}

fn trashed_ids(sb: &Sandbox) -> Vec<String> {
    let (ls, code) = sb.json(&["trash", "ls"]);
    assert_eq!(code, 0, "{ls}");
    let mut ids: Vec<String> = ls["assets"].as_array().unwrap().iter().map(|a| a["id"].to_string()).collect();
    ids.sort();
    ids
}

#[test]
fn rm_restore_undo_and_empty_with_their_exit_codes() {
    let sb = Sandbox::create();
    let (a, b, c) = three(&sb);
    let (out, code) = sb.json(&["rm", &a, &b]);
    assert_eq!((code, out["moved"].as_u64()), (0, Some(2)), "{out}");
    assert_eq!(sb.search_names(""), ["c.jpg"], "the default view hides trashed assets");
    assert_eq!(sb.search("is:trashed")["total"], 2);
    assert_eq!(sb.json(&["stats"]).0["trashed"], 2);
    assert_eq!(trashed_ids(&sb), {
        let mut v = vec![a.clone(), b.clone()];
        v.sort();
        v
    });
    // The same file ingested again while its asset is in the trash: not a second asset; the report says where it is.
    let (again, code) = sb.ingest(&[&sb.input().join("a.jpg")]);
    assert_eq!((code, again["ingested"].as_array().unwrap().len()), (0, 0), "{again}");
    assert_eq!(again["in_trash"][0]["id"].to_string(), a, "{again}");
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 3, "no duplicate row");
    let text = sb.run(&["rm", &c]);
    assert_eq!(
        String::from_utf8_lossy(&text.stdout).trim(),
        "1 asset moved to the trash (`tessera undo` brings them back)"
    );
    assert_eq!(sb.run(&["undo"]).status.code(), Some(0));
    assert_eq!(sb.search_names(""), ["c.jpg"], "undo took back the last rm only");

    let (err, code) = sb.json(&["rm", &c, "999999"]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("not_found")), "{err}");
    assert_eq!(sb.search_names(""), ["c.jpg"], "a failed rm trashes none");
    let (out, code) = sb.json(&["trash", "restore", &a]);
    assert_eq!((code, out["moved"].as_u64()), (0, Some(1)), "{out}");
    assert_eq!(trashed_ids(&sb), std::slice::from_ref(&b));

    // Not on a terminal (the test's pipes): refused without --yes, exit 2, nothing deleted.
    let refused = sb.run(&["trash", "empty"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("--yes") && message.contains("1 asset"), "says how to confirm: {message}");
    let (err, _) = sb.json(&["trash", "empty"]);
    assert_eq!((err["error"]["code"].as_str(), err["error"]["field"].as_str()), (Some("invalid_input"), Some("yes")));
    assert_eq!(trashed_ids(&sb), std::slice::from_ref(&b));

    let stored = sb.library().join(sb.json(&["show", &b]).0["file"]["stored_path"].as_str().unwrap());
    assert!(stored.is_file());
    let (out, code) = sb.json(&["trash", "empty", "--yes"]);
    assert_eq!((code, out["assets"].as_u64(), out["files_removed"].as_u64()), (0, Some(1), Some(1)), "{out}");
    assert!(!stored.exists(), "the original left the library");
    assert!(trashed_ids(&sb).is_empty());
    assert_eq!(sb.json(&["show", &b]).1, 2, "the asset is gone");
    let (report, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "a library with an emptied trash verifies clean: {report}");
    let mut names = sb.search_names("");
    names.sort();
    assert_eq!(names, ["a.jpg", "c.jpg"]);
}

#[test]
fn open_and_reveal_hand_the_original_to_the_opener() {
    let sb = Sandbox::create();
    let (a, _, _) = three(&sb);
    let log = sb.dir.path().join("opened.log");
    let script = sb.dir.path().join("opener.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho \"$1 $2\" >> '{}'\n", log.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stored = sb.library().join(sb.json(&["show", &a]).0["file"]["stored_path"].as_str().unwrap());
    for args in [vec!["open", &a], vec!["open", &a, "--reveal"], vec!["reveal", &a]] {
        let out = sb.command().env("TESSERA_OPENER", &script).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let lines = std::fs::read_to_string(&log).unwrap();
    let want = format!("open {0}\nreveal {0}\nreveal {0}\n", stored.display());
    assert_eq!(lines, want, "open passes the original, --reveal and reveal ask to show it");

    let failing = sb.dir.path().join("failing.sh");
    std::fs::write(&failing, "#!/bin/sh\nexit 3\n").unwrap();
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = sb.command().env("TESSERA_OPENER", &failing).args(["--json", "open", &a]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an opener that fails is an error");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"io\""));

    let out = sb.command().env("TESSERA_OPENER", &script).args(["--json", "open", "999999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let mut perms = std::fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false, reason = "the test removes a stored original on purpose")]
    perms.set_readonly(false);
    std::fs::set_permissions(&stored, perms).unwrap();
    std::fs::remove_file(&stored).unwrap();
    let out = sb.command().env("TESSERA_OPENER", &script).args(["--json", "open", &a]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a missing original is an error, not a launch");
    assert!(String::from_utf8_lossy(&out.stdout).contains("not_found"));
    assert_eq!(std::fs::read_to_string(&log).unwrap(), want, "the opener was not run for a missing original");
}

#[test]
fn an_emptying_killed_after_the_rows_leaves_files_that_verify_removes() {
    let sb = Sandbox::create();
    let (a, b, c) = three(&sb);
    let stored = |id: &str| sb.library().join(sb.json(&["show", id]).0["file"]["stored_path"].as_str().unwrap());
    let (sa, sb_path) = (stored(&a), stored(&b));
    sb.json(&["rm", &a, &b]);
    let killed = sb.command().env("TESSERA_TEST_STOP_AFTER_PURGE_ROWS", "1").args(["trash", "empty", "--yes"]).output();
    assert!(!killed.unwrap().status.success(), "the emptying died after deleting the rows");
    assert_eq!(sb.count("SELECT count(*) FROM assets"), 1, "the rows are gone in one transaction");
    assert!(sa.is_file() && sb_path.is_file(), "the files are still there");
    // Every row left has its original: nothing missing; the leftovers are finished, not reported as orphans.
    let (report, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["purged"].as_array().map(Vec::len), Some(2), "{report}");
    assert!(!sa.exists() && !sb_path.exists(), "verify removed the leftovers");
    assert_eq!(sb.count("SELECT count(*) FROM purged_files"), 0);
    let (report, code) = sb.json(&["verify"]);
    assert_eq!((code, report.get("purged")), (0, None), "nothing left to finish: {report}");
    assert_eq!(sb.json(&["show", &c]).1, 0);
}
