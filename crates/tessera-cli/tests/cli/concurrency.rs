//! Writers that wait their turn: while one process ingests thousands of files, another makes hundreds of tag and
//! field edits; none may fail with "database is locked", and every edit is in place afterwards.

use crate::fixtures;
use crate::{paths_in, Sandbox};
use std::process::Stdio;

const FILES: u32 = 2000;
const EDITS: usize = 150;

#[test]
fn edits_from_another_process_never_fail_while_an_ingest_runs() {
    let sb = Sandbox::create();
    let first = sb.input().join("first");
    for i in 0..40 {
        fixtures::write(&first.join(format!("{i:02}.jpg")), &fixtures::unique_jpeg(64, 48, 100_000 + i));
    }
    let (seed, code) = sb.ingest(&[&first]);
    assert_eq!(code, 0, "{seed}");
    let ids: Vec<i64> = seed["ingested"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    let bulk = sb.input().join("bulk");
    for i in 0..FILES {
        fixtures::write(&bulk.join(format!("{:02}/{i:05}.jpg", i % 50)), &fixtures::unique_jpeg(96, 64, i));
    }
    let mut import = sb
        .command()
        .args(["--json", "ingest", bulk.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the import");
    // Wait until the import is writing, so the edits really overlap it.
    while sb.db().query_row("SELECT count(*) FROM assets", [], |r| r.get::<_, i64>(0)).unwrap_or(0) <= 40 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let mut failures = Vec::new();
    let mut overlapped = 0;
    for n in 0..EDITS {
        let id = ids[n % ids.len()].to_string();
        let tag = format!("+edit-{n}");
        let out = sb.run(&["--json", "tag", &id, &tag]);
        if !out.status.success() {
            failures.push(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)));
        }
        if import.try_wait().unwrap().is_none() {
            overlapped += 1;
        }
    }
    let output = import.wait_with_output().unwrap();
    assert!(output.status.success(), "the import finishes cleanly");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(paths_in(&report, "ingested").len(), FILES as usize, "every file of the import arrived");
    assert!(failures.is_empty(), "no edit failed during the import: {failures:?}");
    assert!(overlapped > 10, "the edits ran while the import did ({overlapped} of {EDITS})");
    let edits =
        sb.count("SELECT count(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name LIKE 'edit-%'");
    assert_eq!(edits, EDITS as i64, "every edit is in place");
    let (stats, _) = sb.json(&["stats"]);
    assert_eq!(stats["assets"], 40 + FILES as i64, "the counters agree with what arrived: {stats}");
}
