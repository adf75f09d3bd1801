//! Fields from the command line: `tessera set` on built-in and custom fields, `tessera field add|ls|rm|choices`,
//! `tessera template add|ls|apply`, what `show --json` prints, refusals (exit 2 with the code and the field), and
//! a `set` while another connection writes.

use crate::fixtures;
use crate::Sandbox;
use std::time::Duration;

fn photos(sb: &Sandbox, n: u32) -> Vec<String> {
    let input = sb.input();
    for i in 0..n {
        fixtures::write(&input.join(format!("{i:04}.jpg")), &fixtures::unique_jpeg(32, 24, 9_000 + i));
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap().to_string()).collect()
}

#[test]
fn set_writes_built_in_fields_show_prints_them_and_undo_takes_them_back() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 2);
    assert_eq!(sb.json(&["user", "add", "ana", "--role", "contributor"]).1, 0);
    // Flags anywhere, as everywhere.
    let (out, code) = sb.json(&[
        "set",
        &ids[0],
        "--as",
        "ana",
        &ids[1],
        "alt_text=A crimson entrance",
        "caption=Lisbon, spring",
        "licence=CC BY",
        "usage_terms=Web only",
        "expires=2027-01-31",
        "label=Red",
        "flag=pick",
        "creator=Ana Lima",
        "credit=Studio A",
        "copyright=(c) 2026 Studio A",
        "campaign=Spring",
        "rating=4",
        "title=Door",
    ]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out["changed"], 2);
    assert!(out["edit"].is_number(), "one entry of the edit log: {out}");
    let (a, code) = sb.json(&["show", &ids[1]]);
    assert_eq!(code, 0);
    assert_eq!(a["alt_text"], "A crimson entrance");
    assert_eq!(a["caption"], "Lisbon, spring");
    assert_eq!(a["label"], "red", "stored as the colour's name");
    assert_eq!(a["flag"], "pick");
    assert_eq!(a["rating"], 4);
    assert_eq!(a["creator"], "Ana Lima", "the top-level keys stay");
    assert_eq!(a["credit"], "Studio A");
    assert_eq!(a["campaign"], "Spring");
    assert_eq!(
        a["rights"],
        serde_json::json!({"creator": "Ana Lima", "credit": "Studio A", "copyright": "(c) 2026 Studio A",
            "licence": "CC BY", "usage_terms": "Web only", "expires": "2027-01-31"})
    );
    assert_eq!(a["fields"], serde_json::json!({}));
    // Alt text and caption are found by their words.
    assert_eq!(sb.search("crimson lisbon")["total"], 2);
    // NAME= clears.
    let (_, code) = sb.json(&["set", &ids[0], "label=", "alt_text="]);
    assert_eq!(code, 0);
    let (a, _) = sb.json(&["show", &ids[0]]);
    assert_eq!((a["label"].clone(), a["alt_text"].clone()), (serde_json::Value::Null, serde_json::Value::Null));
    assert_eq!(sb.search("crimson")["total"], 1, "the cleared alt text left the index");
    // Undo as ana: the whole first set, in one step (the clearing was the OS user's).
    let (undo, code) = sb.json(&["undo", "--as", "ana"]);
    assert_eq!(code, 0, "{undo}");
    let (a, _) = sb.json(&["show", &ids[1]]);
    assert_eq!(a["licence"], serde_json::Value::Null);
    assert_eq!(a["rights"]["licence"], serde_json::Value::Null);
    assert_eq!(a["label"], serde_json::Value::Null);
    assert_eq!(a["rating"], serde_json::Value::Null);
    assert_eq!(sb.search("lisbon")["total"], 0, "the caption left the index with the undo");
}

#[test]
fn refused_values_and_unknown_fields_exit_2_naming_the_field() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 1);
    let id = ids[0].as_str();
    for (arg, field) in [
        ("label=white", "label"),
        ("flag=maybe", "flag"),
        ("expires=2027-02-30", "expires"),
        ("rating=6", "rating"),
        ("nope=1", "nope"),
    ] {
        let (out, code) = sb.json(&["set", id, arg]);
        assert_eq!(code, 2, "{arg} is refused: {out}");
        assert_eq!(out["error"]["code"], "invalid_input", "{arg}");
        assert_eq!(out["error"]["field"], field, "{arg} names its field");
    }
    let (out, code) = sb.json(&["set", id, "label=red", "flag=bad"]);
    assert_eq!(code, 2, "{out}");
    let (a, _) = sb.json(&["show", id]);
    assert_eq!(a["label"], serde_json::Value::Null, "all or nothing: the good value was not written either");
    assert_eq!(sb.json(&["set", id]).1, 2, "no fields given");
    let (out, code) = sb.json(&["set", "999", "label=red"]);
    assert_eq!((code, out["error"]["code"].as_str()), (2, Some("not_found")));
}

#[test]
fn custom_fields_defined_set_listed_and_removed() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 2);
    let (f, code) =
        sb.json(&["field", "add", "licence_kind", "--type", "choice", "--choices", "CC BY,CC0,Old", "--required"]);
    assert_eq!(code, 0, "{f}");
    assert_eq!(f["type"], "choice");
    let (_, code) = sb.json(&["field", "add", "shoot_date", "--type", "date", "--kinds", "image,video"]);
    assert_eq!(code, 0);
    let (_, code) = sb.json(&["field", "add", "tags_list", "--type", "choices", "--choices", "a,b,c"]);
    assert_eq!(code, 0);
    let (_, code) = sb.json(&["field", "add", "approved", "--type", "bool"]);
    assert_eq!(code, 0);
    let (taken, code) = sb.json(&["field", "add", "Shoot_Date", "--type", "text"]);
    assert_eq!((code, taken["error"]["code"].as_str()), (2, Some("conflict")), "{taken}");
    let (bad, code) = sb.json(&["field", "add", "x", "--type", "colour"]);
    assert_eq!((code, bad["error"]["field"].as_str()), (2, Some("x")), "{bad}");
    let (ls, _) = sb.json(&["field", "ls"]);
    let names: Vec<&str> = ls["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["licence_kind", "shoot_date", "tags_list", "approved"], "in the order defined");
    assert_eq!(ls["fields"][1]["kinds"], serde_json::json!(["image", "video"]));
    assert!(ls["built_in"].as_array().unwrap().iter().any(|n| n == "alt_text"));

    let (out, code) =
        sb.json(&["set", &ids[0], "licence_kind=cc by", "shoot_date=2025-03-01", "tags_list=c,a", "approved=yes"]);
    assert_eq!(code, 0, "{out}");
    let (a, _) = sb.json(&["show", &ids[0]]);
    assert_eq!(
        a["fields"],
        serde_json::json!({"licence_kind": "CC BY", "shoot_date": "2025-03-01", "tags_list": ["a", "c"], "approved": true})
    );
    assert_eq!(sb.search("shoot_date>2025-02-28 approved:yes tags_list:A")["total"], 1, "custom fields are filters");
    assert_eq!(sb.search("missing:required")["total"], 1, "the other asset lacks the required licence_kind");
    let (bad, code) = sb.json(&["search", "shoot_date>soon"]);
    assert_eq!((code, bad["error"]["code"].as_str()), (2, Some("bad_query")), "{bad}");
    // Retire a value: it stays on the asset, new writes are refused.
    let (f, code) = sb.json(&["field", "choices", "licence_kind", "--retire", "CC BY", "--add", "CC BY-SA"]);
    assert_eq!(code, 0, "{f}");
    assert_eq!(f["choices"][0], serde_json::json!({"value": "CC BY", "retired": true}));
    let (a, _) = sb.json(&["show", &ids[0]]);
    assert_eq!(a["fields"]["licence_kind"], "CC BY", "a retired value stays on old assets");
    let (out, code) = sb.json(&["set", &ids[1], "licence_kind=CC BY"]);
    assert_eq!((code, out["error"]["field"].as_str()), (2, Some("licence_kind")), "{out}");
    assert!(out["error"]["message"].as_str().unwrap().contains("retired"), "{out}");
    // Refused removal names how many assets use it.
    let (out, code) = sb.json(&["field", "rm", "shoot_date"]);
    assert_eq!((code, out["error"]["code"].as_str()), (2, Some("conflict")), "{out}");
    assert!(out["error"]["message"].as_str().unwrap().contains("1 asset"), "{out}");
    let (_, code) = sb.json(&["set", &ids[0], "shoot_date="]);
    assert_eq!(code, 0);
    let (out, code) = sb.json(&["field", "rm", "shoot_date"]);
    assert_eq!(code, 0, "{out}");
    // Custom edits are logged as field:<name> and undone.
    let (_, code) = sb.json(&["set", &ids[1], "tags_list=b"]);
    assert_eq!(code, 0);
    let fields_logged = sb.count("SELECT count(*) FROM edit_changes WHERE field = 'field:tags_list'");
    assert_eq!(fields_logged, 2, "logged under field:tags_list");
    let (_, code) = sb.json(&["undo"]);
    assert_eq!(code, 0);
    let (a, _) = sb.json(&["show", &ids[1]]);
    assert_eq!(a["fields"], serde_json::json!({}), "undone");
}

#[test]
fn templates_fill_many_fields_on_many_assets_in_one_step() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 3);
    let (_, code) = sb.json(&["field", "add", "agency", "--type", "text"]);
    assert_eq!(code, 0);
    let (t, code) = sb.json(&["template", "add", "Agency shoot", "credit=Agency X", "licence=CC BY", "agency=X"]);
    assert_eq!(code, 0, "{t}");
    let (bad, code) = sb.json(&["template", "add", "Bad", "label=white"]);
    assert_eq!((code, bad["error"]["field"].as_str()), (2, Some("label")), "a bad value is refused at save");
    let (ls, _) = sb.json(&["template", "ls"]);
    assert_eq!(ls["templates"][0]["name"], "Agency shoot");
    assert_eq!(ls["templates"][0]["assignments"].as_array().unwrap().len(), 3);
    let (out, code) = sb.json(&["template", "apply", "agency shoot", &ids[0], &ids[1], &ids[2]]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out["changed"], 3);
    let (a, _) = sb.json(&["show", &ids[2]]);
    assert_eq!((a["credit"].as_str(), a["fields"]["agency"].as_str()), (Some("Agency X"), Some("X")));
    let (_, code) = sb.json(&["undo"]);
    assert_eq!(code, 0);
    assert_eq!(sb.count("SELECT count(*) FROM assets WHERE credit IS NOT NULL"), 0, "one undo step");
    assert_eq!(sb.count("SELECT count(*) FROM asset_field_values"), 0);
    let (out, code) = sb.json(&["template", "apply", "nope", &ids[0]]);
    assert_eq!((code, out["error"]["code"].as_str()), (2, Some("not_found")));
}

/// A `set` in one process while another connection holds write transactions: none fails with "database is
/// locked", and both sides' writes are there.
#[test]
fn set_waits_for_another_connection_writing_and_loses_nothing() {
    let sb = Sandbox::create();
    let ids = photos(&sb, 20);
    let db_path = sb.library().join("library.db");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut conn = rusqlite::Connection::open(db_path).unwrap();
            conn.busy_timeout(Duration::from_secs(30)).unwrap();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
                tx.execute("UPDATE assets SET title = ?1 WHERE id = (SELECT min(id) FROM assets)", [format!("t{n}")])
                    .unwrap();
                std::thread::sleep(Duration::from_millis(20));
                tx.commit().unwrap();
                n += 1;
                // A pause between transactions, as a real writer (an import's batches) has: SQLite's busy wait is
                // not a queue, so a writer that takes the lock again at once could starve the other for ever.
                std::thread::sleep(Duration::from_millis(10));
            }
            n
        })
    };
    for (i, id) in ids.iter().enumerate().skip(1) {
        let value = format!("caption=c{i}");
        let (out, code) = sb.json(&["set", id, &value, "label=green"]);
        assert_eq!(code, 0, "set {id} did not wait its turn: {out}");
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let writes = writer.join().unwrap();
    assert!(writes > 5, "the other connection wrote meanwhile ({writes})");
    assert_eq!(sb.count("SELECT count(*) FROM assets WHERE label = 'green'"), 19, "every set is in place");
    assert_eq!(sb.search("c7")["total"], 1, "and in the index");
}
