//! The tag tree from the command line: `tessera tag ls|rename|merge|rm|colour|synonym`, their `--json` contract,
//! flags in any position, clear refusals (exit 2, code and field), and a rename killed at any moment or run while
//! another process tags the same assets: all or nothing, nothing lost.

use crate::fixtures;
use crate::Sandbox;
use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;

fn photos(sb: &Sandbox, n: u32) -> Vec<String> {
    let input = sb.input();
    for i in 0..n {
        fixtures::write(&input.join(format!("{i:04}.jpg")), &fixtures::unique_jpeg(16, 12, 9_000 + i));
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap().to_string()).collect()
}

fn ok(sb: &Sandbox, args: &[&str]) -> Value {
    let (v, code) = sb.json(args);
    assert_eq!(code, 0, "{args:?}: {v}");
    v
}

fn tree(sb: &Sandbox) -> Vec<(String, i64, i64)> {
    ok(sb, &["tag", "ls"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_string(), t["count"].as_i64().unwrap(), t["total"].as_i64().unwrap()))
        .collect()
}

/// Every tag's kept total equals a recount, and every tag's closure rows reach the root along its parents.
fn assert_consistent(sb: &Sandbox) {
    let wrong = sb.count(
        "SELECT count(*) FROM tags t WHERE total <> (SELECT count(DISTINCT at.asset_id) FROM tag_paths p
           JOIN asset_tags at ON at.tag_id = p.tag_id WHERE p.ancestor_id = t.id)
         OR uses <> (SELECT count(*) FROM asset_tags WHERE tag_id = t.id)",
    );
    assert_eq!(wrong, 0, "kept counts equal a recount");
    let orphans = sb.count(
        "SELECT count(*) FROM tags c JOIN tags p ON p.id = c.parent_id
          WHERE substr(c.name, 1, length(p.name) + 1) <> p.name || '/'
             OR NOT EXISTS (SELECT 1 FROM tag_paths WHERE ancestor_id = p.id AND tag_id = c.id)",
    );
    assert_eq!(orphans, 0, "a child's path starts with its parent's, and the closure knows it");
}

#[test]
fn the_tree_can_be_listed_reshaped_and_searched_with_flags_anywhere() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 3);
    ok(&sb, &["tag", &ids[0], &ids[1], "+Brand/Product/Sneaker", "+Colour/Red"]);
    ok(&sb, &["tag", &ids[2], "+Colour/Blue"]);
    assert_eq!(
        tree(&sb),
        [
            ("Brand".to_string(), 0, 2),
            ("Brand/Product".into(), 0, 2),
            ("Brand/Product/Sneaker".into(), 2, 2),
            ("Colour".into(), 0, 3),
            ("Colour/Blue".into(), 1, 1),
            ("Colour/Red".into(), 2, 2),
        ]
    );
    assert_eq!(sb.search("tag:Colour")["total"], 3);
    assert_eq!(sb.search("tag:=Colour")["total"], 0);
    let moved = ok(&sb, &["tag", "rename", "--json", "Brand/Product", "Catalogue/Shoes"]);
    assert_eq!(
        (moved["tag"].as_str(), moved["tags"].as_i64(), moved["assets"].as_i64()),
        (Some("Catalogue/Shoes"), Some(2), Some(2))
    );
    let shown = ok(&sb, &["show", &ids[0]]);
    assert_eq!(shown["tags"], serde_json::json!(["Catalogue/Shoes/Sneaker", "Colour/Red"]), "show lists full paths");
    assert_eq!(sb.search("tag:Brand/Product/Sneaker")["total"], 2, "the old path keeps working");
    let (v, code) = sb.json(&["tag", "rename", "Colour/Blue", "Colour/Red"]);
    assert_eq!(
        (code, v["error"]["code"].as_str(), v["error"]["field"].as_str()),
        (2, Some("conflict"), Some("tag")),
        "{v}"
    );
    let merged = ok(&sb, &["tag", "rename", "Colour/Blue", "Colour/Red", "--merge"]);
    assert_eq!(merged["assets"], 1);
    ok(&sb, &["tag", "synonym", "Catalogue/Shoes/Sneaker", "trainer"]);
    ok(&sb, &["tag", "colour", "trainer", "#0a0"]);
    let listed = ok(&sb, &["tag", "ls"]);
    let sneaker = listed.as_array().unwrap().iter().find(|t| t["name"] == "Catalogue/Shoes/Sneaker").unwrap();
    assert_eq!(sneaker["colour"], "#00aa00");
    assert_eq!(sneaker["synonyms"], serde_json::json!(["Brand/Product/Sneaker", "trainer"]));
    assert_eq!(sb.search("tag:trainer")["total"], 2);
    ok(&sb, &["tag", "synonym", "--remove", "trainer"]);
    assert_eq!(sb.search("tag:trainer")["total"], 0);
    let (v, code) = sb.json(&["tag", "colour", "Colour", "crimson"]);
    assert_eq!((code, v["error"]["field"].as_str()), (2, Some("colour")), "{v}");
    let (v, code) = sb.json(&["tag", &ids[0], "+Brand//Sneaker"]);
    assert_eq!((code, v["error"]["code"].as_str()), (2, Some("invalid_input")), "{v}");
    assert_consistent(&sb);
}

#[test]
fn a_delete_lists_the_assets_first_and_undo_puts_the_tag_back() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 3);
    ok(&sb, &["tag", &ids[0], &ids[1], "+People/Ana"]);
    let out = sb.run(&["tag", "rm", "People"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut carrying = [ids[0].parse::<i64>().unwrap(), ids[1].parse().unwrap()];
    carrying.sort();
    let listed = format!("2 asset(s) carry People: {}, {}", carrying[0], carrying[1]);
    assert!(stderr.contains(&listed) && stderr.contains("--yes"), "{stderr}");
    assert_eq!(sb.search("tag:People")["total"], 2, "nothing deleted without --yes");
    let deleted = ok(&sb, &["tag", "rm", "--yes", "People"]);
    assert_eq!((deleted["tags"].as_i64(), deleted["assets"].as_i64()), (Some(2), Some(2)));
    assert!(tree(&sb).is_empty());
    ok(&sb, &["undo"]);
    assert_eq!(sb.search("tag:People/Ana")["total"], 2);
    let (v, code) = sb.json(&["tag", "rm", "Nobody"]);
    assert_eq!((code, v["error"]["code"].as_str()), (2, Some("not_found")), "{v}");
    assert_consistent(&sb);
}

#[test]
fn a_rename_killed_at_any_moment_is_all_there_or_not_at_all() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 300);
    let mut args: Vec<&str> = vec!["tag"];
    args.extend(ids.iter().map(String::as_str));
    args.extend(["+Shoot/Day1", "+Shoot/Day2"]);
    ok(&sb, &args);
    for (round, delay) in [0u64, 5, 15, 40, 80].into_iter().enumerate() {
        let (from, to) = if round % 2 == 0 { ("Shoot", "Archive/Shoot") } else { ("Archive/Shoot", "Shoot") };
        let mut child = sb.command().args(["tag", "rename", from, to]).stdout(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let at = |path: &str| sb.count(&format!("SELECT count(*) FROM tags WHERE name = '{path}'"));
        let (old, renamed) = (at(&format!("{from}/Day2")), at(&format!("{to}/Day2")));
        assert_eq!(old + renamed, 1, "round {round}: the tag is at one path, the old or the new");
        let path = if renamed == 1 { to } else { from };
        for day in ["Day1", "Day2"] {
            let carrying = sb.count(&format!(
                "SELECT count(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = '{path}/{day}'"
            ));
            assert_eq!(carrying, 300, "round {round}: every asset keeps {path}/{day}");
        }
        assert_eq!(sb.search(&format!("tag:{from}"))["total"], 300, "the old path finds them, renamed or not");
        assert_consistent(&sb);
        if renamed == 0 {
            ok(&sb, &["tag", "rename", from, to]);
        }
    }
}

#[test]
fn a_rename_while_another_process_tags_the_same_assets_loses_nothing() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 60);
    let mut args: Vec<&str> = vec!["tag"];
    args.extend(ids.iter().map(String::as_str));
    args.push("+Shoot");
    ok(&sb, &args);
    let tagger = std::thread::scope(|scope| {
        let tagger =
            scope.spawn(|| ids.iter().map(|id| sb.json(&["tag", id, "+Checked"]).1).filter(|code| *code != 0).count());
        for round in 0..6 {
            let (from, to) = if round % 2 == 0 { ("Shoot", "Done/Shoot") } else { ("Done/Shoot", "Shoot") };
            ok(&sb, &["tag", "rename", from, to]);
        }
        tagger.join().unwrap()
    });
    assert_eq!(tagger, 0, "no tag edit failed");
    assert_eq!(sb.search("tag:Checked")["total"], 60);
    assert_eq!(sb.search("tag:=Shoot")["total"], 60);
    assert_consistent(&sb);
}
