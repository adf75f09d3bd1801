//! The audit trail and lifecycle from the command line: `audit verify` exits 1 naming the first event edited behind
//! the app's back; `status set` refuses a move the table does not allow with exit 3 (refused) and the reason; archive and
//! restore round-trip; `audit ls --json` and `audit export` list what happened.

use crate::fixtures;
use crate::Sandbox;

fn photos(sb: &Sandbox, n: u32) -> Vec<String> {
    let input = sb.input();
    for i in 0..n {
        fixtures::write(&input.join(format!("{i:04}.jpg")), &fixtures::unique_jpeg(32, 24, 9_000 + i));
    }
    let (report, code) = sb.json(&["ingest", input.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap().to_string()).collect()
}

#[test]
fn verify_names_the_event_edited_behind_the_apps_back() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 2);
    assert_eq!(sb.json(&["tag", &ids[0], "+summer"]).1, 0);
    assert_eq!(sb.json(&["set", &ids[1], "title=Hello"]).1, 0);
    let out = sb.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let (events, code) = sb.json(&["audit", "ls", "--asset", &ids[0]]);
    assert_eq!(code, 0);
    let actions: Vec<&str> =
        events["events"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["ingest", "edit"]);
    let csv = sb.run(&["audit", "export", "--format", "csv", "--actor", "tester"]);
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout).lines().count(),
        5,
        "header, the first profile (tester, made by the first command), ingest, tag, title"
    );

    let db = sb.db();
    db.execute_batch("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'eve' WHERE seq = 2;")
        .unwrap();
    drop(db);
    let out = sb.run(&["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("event 2: changed"), "{text}");
}

#[test]
fn status_set_refuses_what_the_table_does_not_allow_and_archive_restore_round_trip() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 1);
    let out = sb.run(&["status", "set", &ids[0], "published"]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("an asset in draft cannot be published: approve it first"), "{err}");
    for state in ["in_review", "approved"] {
        assert_eq!(sb.json(&["status", "set", &ids[0], state]).1, 0);
    }
    assert_eq!(sb.json(&["archive", &ids[0]]).1, 0);
    let (restored, code) = sb.json(&["restore", &ids[0]]);
    assert_eq!(code, 0);
    assert_eq!(restored["moved"][0]["to"], "approved");
    let (status, _) = sb.json(&["status", &ids[0]]);
    assert_eq!(status["state"], "approved");
    assert_eq!(status["history"].as_array().unwrap().len(), 4);
}
