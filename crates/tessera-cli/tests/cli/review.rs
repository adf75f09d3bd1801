//! Review from the command line: a workflow template from a file, submit, the queue, decisions with --as, comments
//! with pins, status with the review, and refusals with exit 3.

use crate::fixtures;
use crate::{ingested_id, Sandbox};

#[test]
fn submit_queue_decide_comment_and_status() {
    let sb = Sandbox::create();
    let input = sb.input();
    for i in 0..2 {
        fixtures::write(&input.join(format!("r{i}.jpg")), &fixtures::unique_jpeg(120, 80, 40 + i));
    }
    let (report, _) = sb.ingest(&[&input]);
    let (a, b) = (ingested_id(&report, "r0.jpg"), ingested_id(&report, "r1.jpg"));
    let file = sb.dir.path().join("two.toml");
    std::fs::write(
        &file,
        "[[stage]]\nname = \"Pick\"\npeople = [\"cat\"]\n[[stage]]\nname = \"Final\"\npeople = [\"tester\"]\n",
    )
    .unwrap();
    assert_eq!(sb.json(&["user", "add", "cat", "--role", "reviewer"]).1, 0);
    let (t, code) = sb.json(&["template", "add", "Two", "--file", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{t}");
    let (list, _) = sb.json(&["template", "ls"]);
    let names: Vec<&str> =
        list["review_templates"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Default", "Two"]);
    let cycle = sb.dir.path().join("cycle.toml");
    std::fs::write(&cycle, "[[stage]]\nname = \"A\"\npeople = [\"x\"]\nafter = [\"B\"]\n[[stage]]\nname = \"B\"\npeople = [\"y\"]\nafter = [\"A\"]\n").unwrap();
    let (bad, code) = sb.json(&["template", "add", "Loop", "--file", cycle.to_str().unwrap()]);
    assert_eq!((code, bad["error"]["field"].as_str()), (2, Some("template")), "{bad}");

    let (past, code) = sb.json(&["review", "submit", &a, "--due", "2001-01-01"]);
    assert_eq!(code, 2, "{past}");
    let (sent, code) = sb.json(&["review", "submit", &a, &b, "--template", "Two", "--message", "for the launch"]);
    assert_eq!(code, 0, "{sent}");
    let (queue, _) = sb.json(&["--as", "cat", "review", "queue"]);
    assert_eq!(queue["total"].as_u64(), Some(2), "{queue}");
    // A closed review refuses with exit 3 and the reason on stderr (below); request changes needs a comment.
    let out = sb.run(&["review", "decide", &a, "request-changes", "--as", "cat"]);
    assert_eq!(out.status.code(), Some(2), "request changes needs a comment");
    assert_eq!(sb.json(&["review", "decide", &a, "approve", "--as", "cat"]).1, 0);
    let (done, code) = sb.json(&["review", "decide", &a, "approve"]);
    assert_eq!(code, 0, "{done}");
    assert_eq!(done["status"], "approved");
    let out = sb.run(&["review", "decide", &a, "approve"]);
    assert_eq!(out.status.code(), Some(2), "nothing to decide once approved");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no open review"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (c, code) = sb.json(&["comment", "add", &b, "move the logo @cat", "--rect", "0.1,0.1,0.2,0.2"]);
    assert_eq!(code, 0, "{c}");
    assert_eq!((c["w"].as_f64(), c["mentions"][0].as_str()), (Some(0.2), Some("cat")));
    let (bad, code) = sb.json(&["comment", "add", &b, "x", "--at", "1.5,0.2"]);
    assert_eq!((code, bad["error"]["field"].as_str()), (2, Some("comment")), "{bad}");
    let (notes, _) = sb.json(&["--as", "cat", "notifications"]);
    let kinds: Vec<&str> = notes.as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["waiting", "mentioned"], "{notes}");
    assert_eq!(sb.json(&["comment", "resolve", &c["id"].to_string()]).1, 0);
    assert_eq!(sb.json(&["comment", "ls", &b]).0[0]["resolved_by"], "tester");

    let (status, _) = sb.json(&["status", &a]);
    assert_eq!(status["state"], "approved");
    assert_eq!(status["review"]["stages"][1]["decisions"][0]["reviewer"], "tester", "{status}");
    assert_eq!(sb.json(&["audit", "verify"]).1, 0);
}

#[test]
fn export_lets_only_approved_assets_out_unless_overridden_with_a_reason() {
    let sb = Sandbox::create();
    let input = sb.input();
    for i in 0..2 {
        fixtures::write(&input.join(format!("x{i}.jpg")), &fixtures::unique_jpeg(90, 60, 70 + i));
    }
    let (report, _) = sb.ingest(&[&input]);
    let (a, b) = (ingested_id(&report, "x0.jpg"), ingested_id(&report, "x1.jpg"));
    let out = sb.dir.path().join("out");
    let outs = out.to_str().unwrap();

    let refused = sb.run(&["export", &a, &b, "--out", outs]);
    assert_eq!(refused.status.code(), Some(3), "drafts may not leave: exit 3");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("draft") && stderr.contains("approved"), "the reason names the state: {stderr}");
    assert!(!out.join("x0.jpg").exists(), "nothing refused was written");

    assert_eq!(sb.json(&["review", "submit", &a]).1, 0);
    assert_eq!(sb.json(&["review", "decide", &a, "approve"]).1, 0);
    let (mixed, code) = sb.json(&["export", &b, "--out", outs, &a]);
    assert_eq!(code, 3, "one refused in the batch still exits 3: {mixed}");
    assert_eq!(mixed["exported"].as_array().unwrap().len(), 1, "the approved one went: {mixed}");
    assert!(out.join("x0.jpg").exists());

    sb.json(&["user", "add", "dee", "--role", "contributor"]);
    let denied = sb.run(&["--as", "dee", "export", &b, "--out", outs, "--override", "client asked"]);
    assert_eq!(denied.status.code(), Some(3), "a contributor may not override");
    let (forced, code) = sb.json(&["export", &b, "--override", "the client signed off by mail", "--out", outs]);
    assert_eq!(code, 0, "{forced}");
    assert!(out.join("x1.jpg").exists());
    let (events, _) = sb.json(&["audit", "ls", "--action", "override"]);
    assert!(events.to_string().contains("the client signed off by mail"), "the override is on record: {events}");
    let (exports, _) = sb.json(&["audit", "ls", "--action", "export"]);
    assert_eq!(
        exports["events"].as_array().map(|e| e.len()),
        Some(2),
        "one export event per export that wrote: {exports}"
    );
}
