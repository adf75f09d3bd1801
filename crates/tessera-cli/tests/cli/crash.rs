//! Crash safety: an ingest killed with SIGKILL at any moment leaves a library that verifies clean, and a second run
//! finishes the work with exact counts and no duplicates.

use crate::fixtures;
use crate::ingest::walk_originals;
use crate::{paths_in, Sandbox};
use std::time::{Duration, Instant};

const FILES: u32 = 120;

#[test]
fn sigkill_mid_ingest_then_rerun_gives_exact_counts_and_one_file_per_row() {
    let sb = Sandbox::create();
    let input = sb.input();
    for i in 0..FILES {
        fixtures::write(&input.join(format!("shoot/{:03}.jpg", i)), &fixtures::unique_jpeg(900, 600, i));
    }
    // Kill at three moments: before the first commit, early, and late in the run.
    for kill_after_rows in [0i64, 20, 70] {
        let mut child = sb
            .command()
            .args(["--json", "ingest", "--threads", "2", input.to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start ingest");
        let started = Instant::now();
        loop {
            let rows = sb.db().query_row("SELECT count(*) FROM assets", [], |r| r.get::<_, i64>(0)).unwrap_or(0);
            let pending =
                sb.db().query_row("SELECT count(*) FROM pending_originals", [], |r| r.get::<_, i64>(0)).unwrap_or(0);
            let moment = if kill_after_rows == 0 { pending > 0 || rows > 0 } else { rows >= kill_after_rows };
            if moment || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().expect("SIGKILL");
        let status = child.wait().unwrap();
        assert!(!status.success(), "the ingest was killed, not finished (kill after {kill_after_rows} rows)");
        // The library is consistent right away: verify rolls back what the crash left and finds nothing wrong.
        let (check, code) = sb.json(&["verify"]);
        assert_eq!(code, 0, "after a kill at {kill_after_rows} rows the library verifies clean: {check}");
        assert_eq!(
            walk_originals(&sb).len() as i64,
            sb.count("SELECT count(*) FROM files"),
            "one stored file per row after the kill"
        );
    }
    let before = sb.count("SELECT count(*) FROM assets");
    assert!(before < FILES as i64, "the kills interrupted the work ({before} of {FILES} done)");
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    assert!(paths_in(&report, "failed").is_empty(), "{report}");
    assert_eq!(paths_in(&report, "ingested").len() as i64, FILES as i64 - before, "the rerun takes exactly the rest");
    assert_eq!(paths_in(&report, "duplicates").len() as i64, before, "what was done before is recognised");
    assert_eq!(sb.count("SELECT count(*) FROM assets"), FILES as i64, "exact count, no duplicates");
    assert_eq!(sb.count("SELECT count(DISTINCT hash) FROM files"), FILES as i64);
    let stored = walk_originals(&sb);
    assert_eq!(stored.len(), FILES as usize, "one stored original per asset");
    let db = sb.db();
    let mut st = db.prepare("SELECT stored_path FROM files").unwrap();
    let rows: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    for rel in rows {
        assert!(sb.library().join(&rel).is_file(), "{rel} exists for its row");
    }
    let incoming = sb.library().join("originals/.incoming");
    let leftovers = std::fs::read_dir(&incoming).map(|d| d.count()).unwrap_or(0);
    assert_eq!(leftovers, 0, "no temporary copies remain");
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{check}");
}

#[test]
fn ctrl_c_stops_at_a_safe_point_and_reports_what_was_not_read() {
    let sb = Sandbox::create();
    let input = sb.input();
    for i in 0..FILES {
        fixtures::write(&input.join(format!("{:03}.jpg", i)), &fixtures::unique_jpeg(900, 600, i + 1000));
    }
    let child = sb
        .command()
        .args(["--json", "ingest", "--threads", "1", input.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start ingest");
    let started = Instant::now();
    while sb.db().query_row("SELECT count(*) FROM assets", [], |r| r.get::<_, i64>(0)).unwrap_or(0) < 5
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(2));
    }
    let sent = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a report is printed after Ctrl-C");
    assert_eq!(out.status.code(), Some(0), "cancelling is not a failure: {report}");
    assert_eq!(report["cancelled"], true);
    let ingested = paths_in(&report, "ingested").len();
    let skipped = paths_in(&report, "skipped");
    assert!(ingested >= 5 && ingested < FILES as usize, "stopped part way ({ingested})");
    assert_eq!(ingested + skipped.len(), FILES as usize, "every file is in one list: {report}");
    assert!(report["skipped"][0]["reason"].as_str().unwrap().contains("cancelled"));
    assert_eq!(sb.count("SELECT count(*) FROM assets"), ingested as i64);
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "{check}");
}
