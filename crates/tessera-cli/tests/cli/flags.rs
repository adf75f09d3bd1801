//! Flags in any position, as the CLI's contract and every user's habit have it: `tessera search beach --json
//! --limit 5` is `tessera search --json --limit 5 beach`; a word starting with `-` stays a query word; `--` ends flags.

use crate::fixtures;
use crate::Sandbox;

#[test]
fn flags_after_the_query_are_read_as_flags_and_dashed_words_stay_query_words() {
    let sb = Sandbox::create();
    for (name, seed) in [("beach-1.jpg", 1), ("beach-2.jpg", 2), ("beach-3.jpg", 3), ("city.jpg", 4)] {
        fixtures::write(&sb.input().join(name), &fixtures::unique_jpeg(32, 32, seed));
    }
    let (report, code) = sb.ingest(&[&sb.input()]);
    assert_eq!(code, 0, "{report}");
    let ids: Vec<String> =
        report["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap().to_string()).collect();
    sb.run(&["tag", &ids[0], "+draft"]);

    let out = sb.run(&["search", "", "--json", "--limit", "2"]);
    let after: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json after the query gives JSON");
    assert_eq!((after["total"].as_i64(), after["assets"].as_array().map(Vec::len)), (Some(4), Some(2)));
    let out = sb.run(&["search", "beach", "--json", "--limit", "5"]);
    let before = sb.run(&["search", "--json", "--limit", "5", "beach"]);
    assert_eq!(out.stdout, before.stdout, "the same answer wherever the flags are");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 3);
    let v: serde_json::Value =
        serde_json::from_slice(&sb.run(&["search", "beach", "-tag:draft", "--json"]).stdout).unwrap();
    assert_eq!(v["total"], 2, "-tag:draft is a query word, not a flag: {v}");
    let v: serde_json::Value = serde_json::from_slice(&sb.run(&["search", "-beach", "--json"]).stdout).unwrap();
    assert_eq!(v["total"], 1, "-beach excludes: {v}");
    let out = sb.run(&["tag", &ids[1], "-nothing", "+x", "--json"]);
    assert!(out.status.success(), "tag edits after --json and dashed edits: {}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["assets"][0]["tags"][0], "x");
    // As a flag, a last `--limit` would lack its value and be refused; after `--` it is a query word (an exclusion).
    let out = sb.run(&["--json", "search", "--", "beach", "--limit"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 3, "after --, --limit is a query word: {v}");
}
