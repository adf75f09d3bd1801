//! `tessera collection …` and `tessera smart …`: nested collections with counts, membership as undoable edits,
//! order, cover, variables, rename, delete (refused when not empty without --yes), smart collections with live
//! counts, the `collection:` and `smart:` search filters, `show --json`'s collections; and adding from one process
//! while another writes.

use crate::fixtures;
use crate::Sandbox;

fn photos(sb: &Sandbox, n: u32) -> Vec<String> {
    let input = sb.input();
    for i in 0..n {
        fixtures::write(&input.join(format!("{i:04}.jpg")), &fixtures::unique_jpeg(32, 24, 9_000 + i));
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let mut ids: Vec<i64> = report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids.into_iter().map(|id| id.to_string()).collect()
}

fn args<'a>(head: &[&'a str], ids: &'a [String]) -> Vec<&'a str> {
    head.iter().copied().chain(ids.iter().map(String::as_str)).collect()
}

#[test]
fn collections_from_the_command_line() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 6);
    let (out, code) = sb.json(&args(&["collection", "add", "Spring 2027/Social"], &ids[..3]));
    assert_eq!(code, 0, "{out}");
    assert_eq!((out["changed"].as_i64(), out["collection"]["path"].as_str()), (Some(3), Some("Spring 2027/Social")));
    // Flags in any position.
    let mut a = args(&["collection", "add", "Spring 2027/Print"], &ids[2..4]);
    a.insert(2, "--json");
    let out = sb.run(&a);
    assert!(out.status.success());
    let (tree, _) = sb.json(&["collection", "ls"]);
    let top = &tree["collections"][0];
    assert_eq!(top["path"], "Spring 2027", "{tree}");
    assert_eq!(top["kind"], "manual");
    assert_eq!(top["children"][0]["path"], "Spring 2027/Print");
    assert_eq!(top["children"][0]["count"], 2);
    assert_eq!(top["children"][1]["count"], 3);
    assert_eq!(sb.search("collection:\"Spring 2027\"")["total"], 4, "the collection and those beneath it");

    let (shown, _) = sb.json(&["show", &ids[2]]);
    let paths: Vec<&str> =
        shown["collections"].as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap()).collect();
    assert_eq!(paths, vec!["Spring 2027/Print", "Spring 2027/Social"], "show --json lists the collections: {shown}");
    assert!(shown["collections"][0]["id"].is_i64() && shown["collections"][0]["name"] == "Print");

    let (order, code) = sb.json(&["collection", "order", "Spring 2027/Social", &ids[2], &ids[0]]);
    assert_eq!(code, 0, "{order}");
    assert_eq!(
        order["order"],
        serde_json::json!([
            ids[2].parse::<i64>().unwrap(),
            ids[0].parse::<i64>().unwrap(),
            ids[1].parse::<i64>().unwrap()
        ])
    );
    let (_, code) = sb.json(&["collection", "cover", "Spring 2027/Social", &ids[1]]);
    assert_eq!(code, 0);
    let (err, code) = sb.json(&["collection", "cover", "Spring 2027/Social", &ids[5]]);
    assert_eq!(
        (code, err["error"]["code"].as_str(), err["error"]["field"].as_str()),
        (2, Some("invalid_input"), Some("asset"))
    );
    let (vars, _) = sb.json(&["collection", "var", "Spring 2027", "legal=© 2027 Brand", "price=9"]);
    assert_eq!(vars["variables"]["legal"], "© 2027 Brand");
    let (vars, _) = sb.json(&["collection", "var", "Spring 2027", "price="]);
    assert!(vars["variables"].get("price").is_none(), "KEY= removes: {vars}");

    let (removed, _) = sb.json(&["collection", "remove", "Spring 2027/Social", &ids[0]]);
    assert_eq!(removed["changed"], 1);
    let (undone, code) = sb.json(&["undo"]);
    assert_eq!(code, 0, "{undone}");
    assert_eq!(sb.search("collection:\"Spring 2027/Social\"")["total"], 3, "the removal is undone");

    let (renamed, code) = sb.json(&["collection", "rename", "Spring 2027", "Campaigns/Spring"]);
    assert_eq!(code, 0, "{renamed}");
    assert_eq!(sb.search("collection:Campaigns/Spring/Social")["total"], 3);

    let (err, code) = sb.json(&["collection", "rm", "Campaigns"]);
    assert_eq!(code, 2, "not empty without --yes: {err}");
    assert_eq!(err["error"]["code"], "conflict");
    assert!(err["error"]["message"].as_str().unwrap().contains("4 assets"), "it says how many: {err}");
    let (gone, code) = sb.json(&["collection", "rm", "Campaigns", "--yes"]);
    assert_eq!(code, 0);
    assert_eq!(gone["deleted"]["children"], 3);
    assert_eq!(sb.search("")["total"], 6, "the assets stay");

    for bad in ["/x", "x/", "a//b", " "] {
        let (err, code) = sb.json(&["collection", "add", bad]);
        assert_eq!(code, 2, "{bad:?}");
        assert_eq!(
            (err["error"]["code"].as_str(), err["error"]["field"].as_str()),
            (Some("invalid_input"), Some("collection"))
        );
    }
    let (err, code) = sb.json(&["collection", "remove", "Nope", &ids[0]]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("not_found")));
}

#[test]
fn smart_collections_from_the_command_line() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 4);
    sb.run(&["tag", &ids[0], &ids[1], "+hero"]);
    let (saved, code) = sb.json(&["smart", "add", "Heroes", "tag:hero", "-tag:draft"]);
    assert_eq!(code, 0, "a query word starting with - stays in the query: {saved}");
    let (list, _) = sb.json(&["smart", "ls"]);
    assert_eq!(list["smart"][0]["count"], 2, "{list}");
    assert_eq!(list["smart"][0]["query"], "tag:hero -tag:draft");
    sb.run(&["tag", &ids[2], "+hero"]);
    let (list, _) = sb.json(&["smart", "ls"]);
    assert_eq!(list["smart"][0]["count"], 3, "live");
    let (tree, _) = sb.json(&["collection", "ls"]);
    assert_eq!(tree["collections"][0]["kind"], "smart");
    assert_eq!(sb.search("smart:Heroes")["total"], 3);

    let (err, code) = sb.json(&["smart", "add", "Bad", "rating>=9"]);
    assert_eq!(code, 2);
    assert_eq!(err["error"]["code"], "bad_query");
    assert!(err["error"]["message"].as_str().unwrap().contains("column 9"), "{err}");
    let (err, code) = sb.json(&["smart", "add", "Me", "smart:Me"]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("bad_query")), "{err}");
    let (err, code) = sb.json(&["collection", "add", "Heroes", &ids[3]]);
    assert_eq!((code, err["error"]["code"].as_str()), (2, Some("conflict")), "no hand-picked members: {err}");
    let (_, code) = sb.json(&["smart", "rm", "Heroes"]);
    assert_eq!(code, 0);
    assert_eq!(sb.search("smart:Heroes")["total"], 0);
}

#[test]
fn adding_from_one_process_while_another_writes_loses_nothing() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 60);
    let adder = {
        let exe = sb.command().get_program().to_owned();
        let lib = sb.library();
        let config = sb.config();
        let ids = ids.clone();
        std::thread::spawn(move || {
            let mut failures = Vec::new();
            for chunk in ids.chunks(3) {
                let out = std::process::Command::new(&exe)
                    .env("TESSERA_CONFIG_DIR", &config)
                    .arg("--library")
                    .arg(&lib)
                    .args(["--json", "collection", "add", "Busy"])
                    .args(chunk)
                    .output()
                    .unwrap();
                if !out.status.success() {
                    failures.push(String::from_utf8_lossy(&out.stdout).into_owned());
                }
            }
            failures
        })
    };
    let mut failures = Vec::new();
    for (n, id) in ids.iter().enumerate().take(20) {
        let out = sb.run(&["--json", "tag", id, &format!("+t{n}")]);
        if !out.status.success() {
            failures.push(String::from_utf8_lossy(&out.stdout).into_owned());
        }
    }
    let add_failures = adder.join().unwrap();
    assert!(failures.is_empty() && add_failures.is_empty(), "no write failed: {failures:?} {add_failures:?}");
    assert_eq!(sb.search("collection:Busy")["total"], 60, "every add is in");
    assert_eq!(sb.count("SELECT assets FROM collections WHERE path = 'Busy'"), 60, "the counter too");
    assert_eq!(
        sb.count("SELECT count(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name LIKE 't%'"),
        20
    );
}
