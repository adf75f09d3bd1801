//! The edit log and undo from the command line: `tessera undo` takes back the acting person's last edit as one step
//! and leaves what someone else changed since; `tessera history` lists the log; an edit or an undo killed with
//! SIGKILL at any moment is all there or not at all, and its log entry with it (tags, fields, collection membership).

use crate::fixtures;
use crate::Sandbox;
use std::process::Stdio;
use std::time::Duration;

/// A library with `n` small photos; their ids.
fn photos(sb: &Sandbox, n: u32) -> Vec<String> {
    let input = sb.input();
    for i in 0..n {
        fixtures::write(&input.join(format!("{i:04}.jpg")), &fixtures::unique_jpeg(32, 24, 7_000 + i));
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap().to_string()).collect()
}

fn tagged(sb: &Sandbox, tag: &str) -> i64 {
    sb.count(&format!("SELECT count(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = '{tag}'"))
}

#[test]
fn undo_takes_back_my_last_edit_and_leaves_what_others_changed_since() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 12);
    let mut args: Vec<&str> = vec!["tag"];
    args.extend(ids.iter().map(String::as_str));
    args.push("+summer");
    let (_, code) = sb.json(&args);
    assert_eq!(code, 0);
    // Someone else removes the tag from one asset after; flags anywhere, as everywhere.
    assert_eq!(sb.json(&["user", "add", "bob", "--role", "contributor"]).1, 0);
    let (_, code) = sb.json(&["tag", &ids[0], "-summer", "--as", "bob"]);
    assert_eq!(code, 0);
    let (undo, code) = sb.json(&["undo"]);
    assert_eq!(code, 0, "{undo}");
    assert_eq!(undo["undid"]["summary"], "+summer");
    assert_eq!(undo["undid"]["actor"], "tester", "the OS user's edit, not bob's");
    assert_eq!(undo["undid"]["assets"], 12);
    assert_eq!(undo["restored"], 11);
    assert_eq!(undo["skipped"], 1, "bob's change was already gone: nothing to take back there");
    assert_eq!(tagged(&sb, "summer"), 0);
    let (log, code) = sb.json(&["history"]);
    assert_eq!(code, 0);
    let edits = log["edits"].as_array().unwrap();
    let shape: Vec<(&str, &str, &str)> = edits
        .iter()
        .map(|e| (e["actor"].as_str().unwrap(), e["action"].as_str().unwrap(), e["summary"].as_str().unwrap()))
        .collect();
    assert_eq!(
        shape,
        [("tester", "undo", "undo +summer"), ("bob", "edit", "-summer"), ("tester", "edit", "+summer")],
        "newest first"
    );
    assert_eq!(edits[2]["undone_by"], edits[0]["id"]);
    let (mine, _) = sb.json(&["history", "--mine", "--limit", "1"]);
    assert_eq!(mine["edits"].as_array().unwrap().len(), 1);
    let (nothing, code) = sb.json(&["undo"]);
    assert_eq!(code, 2, "nothing left to undo is an error a script can see: {nothing}");
    assert_eq!(nothing["error"]["code"], "not_found");
    let text = sb.run(&["history"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("+summer on 12 asset(s)  (undone)"), "{text}");
}

#[test]
fn an_edit_or_an_undo_killed_at_any_moment_is_all_there_or_not_at_all() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 400);
    let all = ids.len() as i64;
    for (round, delay_ms) in [0u64, 3, 8, 15, 30, 60].into_iter().enumerate() {
        let tag = format!("k{round}");
        let mut edit = sb.command();
        edit.arg("tag").args(&ids).arg(format!("+{tag}")).stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = edit.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let n = tagged(&sb, &tag);
        let logged = sb.count(&format!("SELECT count(*) FROM edits WHERE summary = '+{tag}'"));
        assert!(n == 0 || n == all, "killed after {delay_ms} ms: {n} of {all} tagged");
        assert_eq!(logged, (n == all) as i64, "the log entry is there exactly when the edit is");
        if n == 0 {
            continue;
        }
        let mut undo = sb.command();
        undo.arg("undo").stdout(Stdio::null()).stderr(Stdio::null());
        let mut child = undo.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let left = tagged(&sb, &tag);
        let undone = sb.count(&format!("SELECT count(*) FROM edits WHERE summary = 'undo +{tag}'"));
        assert!(left == 0 || left == all, "undo killed after {delay_ms} ms: {left} of {all} still tagged");
        assert_eq!(undone, (left == 0) as i64, "the undo's entry is there exactly when the undo is");
    }
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{check}");
    // The counters the sidebar shows agree with a recount after all the kills.
    let (stats, _) = sb.json(&["stats"]);
    let recount = sb.count("SELECT count(*) FROM assets WHERE id NOT IN (SELECT asset_id FROM asset_tags)");
    assert_eq!(stats["untagged"], recount);
}

#[test]
fn a_field_set_or_a_collection_add_killed_at_any_moment_is_all_there_or_not_at_all() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 400);
    let all = ids.len() as i64;
    let (defined, code) = sb.json(&["field", "add", "agency", "--type", "choice", "--choices", "North,South"]);
    assert_eq!(code, 0, "{defined}");
    for (round, delay_ms) in [0u64, 3, 8, 15, 30, 60].into_iter().enumerate() {
        let agency = if round % 2 == 0 { "North" } else { "South" };
        let collection = format!("Shoot/Round {round}");
        let kill = |args: Vec<String>| {
            let mut child = sb.command().args(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
            std::thread::sleep(Duration::from_millis(delay_ms));
            let _ = child.kill();
            let _ = child.wait();
        };
        let mut set: Vec<String> = vec!["set".into()];
        set.extend(ids.iter().cloned());
        set.extend([format!("agency={agency}"), "label=red".into(), format!("caption=round {round}")]);
        kill(set);
        let with = |sql: &str| sb.count(sql);
        let set_agency = with(&format!(
            "SELECT count(*) FROM asset_field_values v JOIN fields f ON f.id = v.field_id
              WHERE f.name = 'agency' AND v.value = '{agency}'"
        ));
        let captioned = with(&format!("SELECT count(*) FROM assets WHERE caption = 'round {round}' AND label = 'red'"));
        assert!(set_agency == 0 || set_agency == all, "set killed after {delay_ms} ms: {set_agency} of {all} set");
        assert_eq!(captioned, set_agency, "every field of one set lands together, on every asset or none");
        assert_eq!(
            sb.search(&format!("\"round {round}\""))["total"].as_i64(),
            Some(captioned),
            "the full-text index is in step with the caption"
        );
        let mut add: Vec<String> = vec!["collection".into(), "add".into(), collection.clone()];
        add.extend(ids.iter().cloned());
        kill(add);
        let members = sb.search(&format!("collection:\"{collection}\""))["total"].as_i64().unwrap_or(0);
        let kept: i64 = sb
            .db()
            .query_row("SELECT ifnull(sum(assets), 0) FROM collections WHERE path = ?1", [&collection], |r| r.get(0))
            .unwrap();
        assert!(members == 0 || members == all, "add killed after {delay_ms} ms: {members} of {all} in it");
        assert_eq!(kept, members, "the collection's kept count equals its members");
    }
    // The same reads see a set that was not killed: the checks above can fail.
    let mut set: Vec<String> = vec!["set".into()];
    set.extend(ids.iter().cloned());
    set.push("agency=North".into());
    let args: Vec<&str> = set.iter().map(String::as_str).collect();
    assert_eq!(sb.json(&args).1, 0);
    let north = sb.count(
        "SELECT count(*) FROM asset_field_values v JOIN fields f ON f.id = v.field_id
          WHERE f.name = 'agency' AND v.value = 'North'",
    );
    assert_eq!(north, all);
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{check}");
}
