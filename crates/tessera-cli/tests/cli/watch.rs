//! Watched folders through the real `tessera watch run` process and real file system events: bursts, slow writers,
//! restarts, renames, source rules, temporary names, folders that vanish, and polling.

use crate::fixtures;
use crate::Sandbox;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// Every wait in these tests gives up after this long, so a failure fails instead of hanging.
const DEADLINE: Duration = Duration::from_secs(30);

/// A running `tessera watch run`, killed on drop; its stderr goes to a file that failures print.
struct Watcher {
    child: Option<Child>,
    log: PathBuf,
}

impl Watcher {
    fn start(sb: &Sandbox, extra: &[&str]) -> Watcher {
        Watcher::start_settling(sb, 300, extra)
    }

    fn start_settling(sb: &Sandbox, settle_ms: u32, extra: &[&str]) -> Watcher {
        let log = sb.dir.path().join(format!("watch-{}.log", Instant::now().elapsed().as_nanos() ^ rand_suffix()));
        let child = sb
            .command()
            .args(["watch", "run", "--settle-ms", &settle_ms.to_string(), "--refresh-ms", "300"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start tessera watch run");
        Watcher { child: Some(child), log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends `signal` (TERM or INT) and waits for the exit.
    fn stop(mut self, signal: &str) -> ExitStatus {
        let mut child = self.child.take().expect("running");
        let sent = std::process::Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status();
        assert!(sent.expect("kill").success(), "signal sent");
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                return status;
            }
            if started.elapsed() > DEADLINE {
                let _ = child.kill();
                panic!("the watcher did not stop on SIG{signal}:\n{}", self.log());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn rand_suffix() -> u128 {
    std::process::id() as u128 ^ std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
}

/// Polls `check` until it holds; fails with `what` and the watcher's log after [`DEADLINE`].
fn wait_for(watcher: &Watcher, what: &str, mut check: impl FnMut() -> bool) {
    let started = Instant::now();
    while !check() {
        if started.elapsed() > DEADLINE {
            panic!("timed out waiting for {what}\nwatcher log:\n{}", watcher.log());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn add_folder(sb: &Sandbox, dir: &Path, rules: &[&str]) -> i64 {
    std::fs::create_dir_all(dir).unwrap();
    let mut args = vec!["watch", "add", dir.to_str().unwrap()];
    args.extend_from_slice(rules);
    let (folder, code) = sb.json(&args);
    assert_eq!(code, 0, "watch add: {folder}");
    folder["id"].as_i64().expect("an id")
}

fn assets(sb: &Sandbox) -> i64 {
    sb.count("SELECT count(*) FROM assets")
}

fn events(sb: &Sandbox) -> Vec<Value> {
    let out = sb.command().args(["--json", "watch", "events", "--limit", "10000"]).output().unwrap();
    let value: Value = serde_json::from_slice(&out.stdout).expect("events are a JSON array");
    value.as_array().expect("an array").clone()
}

fn events_of(sb: &Sandbox, folder: i64, kind: &str) -> Vec<Value> {
    events(sb).into_iter().filter(|e| e["folder_id"] == folder && e["kind"] == kind).collect()
}

fn sources_like(sb: &Sandbox, pattern: &str) -> i64 {
    sb.db().query_row("SELECT count(*) FROM file_sources WHERE path LIKE ?1", [pattern], |r| r.get(0)).unwrap()
}

/// Stays true for a while (to show nothing more arrives).
fn stays(check: impl Fn() -> bool, for_how_long: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < for_how_long {
        if !check() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    true
}

fn watched(sb: &Sandbox, name: &str) -> PathBuf {
    std::fs::canonicalize(sb.dir.path()).unwrap().join(name)
}

#[test]
fn a_burst_of_500_files_is_ingested_once_each_with_the_folder_rules_and_renames_add_nothing() {
    let sb = Sandbox::create();
    let drop_box = watched(&sb, "dropbox");
    let rules = [
        "--tag",
        "summer",
        "--tag",
        "brand",
        "--creator",
        "Ana Lima",
        "--credit",
        "Studio North",
        "--campaign",
        "Summer 25",
    ];
    let id = add_folder(&sb, &drop_box, &rules);
    let watcher = Watcher::start(&sb, &[]);
    for i in 0..500u32 {
        fixtures::write(&drop_box.join(format!("shoot/{i:03}.jpg")), &fixtures::unique_jpeg(32, 24, i));
    }
    wait_for(&watcher, "500 assets", || assets(&sb) >= 500);
    assert!(stays(|| assets(&sb) == 500, Duration::from_secs(1)), "exactly 500, never more:\n{}", watcher.log());
    assert_eq!(sb.count("SELECT count(DISTINCT hash) FROM files"), 500, "one stored file per content");
    assert_eq!(events_of(&sb, id, "ingested").len(), 500, "one ingested event per file");
    assert!(events_of(&sb, id, "failed").is_empty(), "nothing failed:\n{}", watcher.log());
    assert_eq!(sb.search_names("tag:summer tag:brand").len(), 500, "the folder's tags are on every asset");
    assert_eq!(sb.count("SELECT count(*) FROM assets WHERE creator = 'Ana Lima'"), 500, "creator set by the rule");
    let (found, _) = sb.json(&["search", "--limit", "1", "tag:summer"]);
    let (shown, _) = sb.json(&["show", &found["assets"][0]["id"].to_string()]);
    let credits = (shown["credit"].as_str(), shown["campaign"].as_str(), shown["creator"].as_str());
    assert_eq!(
        credits,
        (Some("Studio North"), Some("Summer 25"), Some("Ana Lima")),
        "`show` has the rule's fields: {shown}"
    );

    // Renaming and moving inside the folder records the new paths as duplicates; no new asset.
    std::fs::rename(drop_box.join("shoot/000.jpg"), drop_box.join("renamed.jpg")).unwrap();
    std::fs::create_dir_all(drop_box.join("elsewhere/deeper")).unwrap();
    std::fs::rename(drop_box.join("shoot/001.jpg"), drop_box.join("elsewhere/deeper/001.jpg")).unwrap();
    std::fs::rename(drop_box.join("shoot"), drop_box.join("shoot-day1")).unwrap();
    wait_for(&watcher, "the renamed paths recorded", || {
        sources_like(&sb, "%/renamed.jpg") == 1
            && sources_like(&sb, "%/elsewhere/deeper/001.jpg") == 1
            && sources_like(&sb, "%/shoot-day1/%") == 498
    });
    assert_eq!(assets(&sb), 500, "renames and moves inside the folder are not new assets");

    // A download in progress waits for its final name.
    let partial = drop_box.join("big.jpg.part");
    fixtures::write(&partial, &fixtures::unique_jpeg(64, 48, 9999));
    assert!(stays(|| assets(&sb) == 500, Duration::from_millis(1500)), "a .part file is not taken");
    std::fs::rename(&partial, drop_box.join("big.jpg")).unwrap();
    wait_for(&watcher, "big.jpg after its rename", || assets(&sb) == 501);
    assert_eq!(watcher.stop("TERM").code(), Some(0), "SIGTERM is a clean stop");
}

#[test]
fn a_file_written_in_slow_chunks_is_ingested_once_and_complete() {
    use std::io::Write;
    let sb = Sandbox::create();
    let dir = watched(&sb, "incoming");
    add_folder(&sb, &dir, &[]);
    // The settle time is longer than the writer's pauses (a writer pausing longer than it looks finished).
    let watcher = Watcher::start_settling(&sb, 900, &[]);
    let chunk: Vec<u8> = (0..512 * 1024u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let path = dir.join("video.mov");
    let mut file = std::fs::File::create(&path).unwrap();
    let mut written = Vec::new();
    for n in 0..8u8 {
        let mut part = chunk.clone();
        part[0] = n;
        file.write_all(&part).unwrap();
        file.flush().unwrap();
        written.extend_from_slice(&part);
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(file);
    wait_for(&watcher, "the finished file", || assets(&sb) >= 1);
    assert!(stays(|| assets(&sb) == 1, Duration::from_millis(1500)), "ingested once:\n{}", watcher.log());
    let (hash, size): (String, i64) =
        sb.db().query_row("SELECT hash, size FROM files", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!(size as usize, written.len(), "the whole file, not a part of it");
    assert_eq!(hash, blake3::hash(&written).to_hex().to_string(), "the content of the finished file");
}

#[test]
fn after_a_restart_files_added_meanwhile_arrive_and_nothing_arrives_twice() {
    let sb = Sandbox::create();
    let dir = watched(&sb, "studio");
    let id = add_folder(&sb, &dir, &[]);
    for i in 0..5u32 {
        fixtures::write(&dir.join(format!("before-{i}.jpg")), &fixtures::unique_jpeg(40, 30, 100 + i));
    }
    let watcher = Watcher::start(&sb, &[]);
    wait_for(&watcher, "the files present at start", || assets(&sb) == 5);
    assert_eq!(watcher.stop("TERM").code(), Some(0), "SIGTERM exits 0");
    let (listed, _) = sb.json(&["watch", "ls"]);
    assert_eq!(listed[0]["status"], Value::Null, "a stopped watcher says it no longer runs: {listed}");

    for i in 0..5u32 {
        fixtures::write(&dir.join(format!("while-stopped-{i}.jpg")), &fixtures::unique_jpeg(40, 30, 200 + i));
    }
    let watcher = Watcher::start(&sb, &[]);
    wait_for(&watcher, "files added while stopped", || assets(&sb) == 10);
    assert!(stays(|| assets(&sb) == 10, Duration::from_secs(1)), "nothing twice:\n{}", watcher.log());
    assert!(events_of(&sb, id, "duplicate").is_empty(), "known files are not even re-read:\n{}", watcher.log());
    let (listed, code) = sb.json(&["watch", "ls"]);
    assert_eq!(code, 0);
    let folder = &listed.as_array().expect("ls --json is an array")[0];
    assert_eq!((folder["id"].as_i64(), folder["state"].as_str()), (Some(id), Some("active")));
    assert_eq!(folder["ingested"], 10, "{listed}");
    assert_eq!(folder["errors"], 0, "{listed}");
    assert_eq!(folder["status"], "watching", "{listed}");
    assert_eq!(watcher.stop("INT").code(), Some(0), "SIGINT exits 0 too");
}

#[test]
fn source_rules_leave_move_and_delete() {
    let sb = Sandbox::create();
    let keep = watched(&sb, "keep");
    let moved = watched(&sb, "moved");
    let gone = watched(&sb, "gone");
    add_folder(&sb, &keep, &["--after", "leave"]);
    let moved_id = add_folder(&sb, &moved, &["--after", "move"]);
    add_folder(&sb, &gone, &["--after", "delete"]);
    let watcher = Watcher::start(&sb, &[]);
    fixtures::write(&keep.join("k.jpg"), &fixtures::unique_jpeg(40, 30, 1));
    fixtures::write(&moved.join("day/m.jpg"), &fixtures::unique_jpeg(40, 30, 2));
    fixtures::write(&gone.join("g.jpg"), &fixtures::unique_jpeg(40, 30, 3));
    // An exact copy of k.jpg: a duplicate, so its content is safe and the source can go.
    fixtures::write(&gone.join("copy-of-k.jpg"), &fixtures::unique_jpeg(40, 30, 1));
    wait_for(&watcher, "moved and deleted sources", || {
        moved.join(".ingested/day/m.jpg").is_file()
            && !gone.join("g.jpg").exists()
            && !gone.join("copy-of-k.jpg").exists()
    });
    // A second file with the same name lands next to the first, never over it.
    fixtures::write(&moved.join("day/m.jpg"), &fixtures::unique_jpeg(40, 30, 4));
    wait_for(&watcher, "the second m.jpg moved", || moved.join(".ingested/day/m-2.jpg").is_file());
    assert!(keep.join("k.jpg").is_file(), "leave leaves the source");
    assert!(!moved.join("day/m.jpg").exists());
    assert!(
        stays(|| assets(&sb) == 4, Duration::from_secs(1)),
        "moved files are not ingested again:\n{}",
        watcher.log()
    );
    assert_eq!(events_of(&sb, moved_id, "ingested").len(), 2, "only the two arrivals");
}

#[test]
fn a_watched_folder_deleted_while_watching_is_reported_and_the_watcher_keeps_going() {
    let sb = Sandbox::create();
    let doomed = watched(&sb, "doomed");
    let other = watched(&sb, "other");
    let doomed_id = add_folder(&sb, &doomed, &[]);
    add_folder(&sb, &other, &["--collection", "Summer 2025"]);
    let watcher = Watcher::start(&sb, &[]);
    wait_for(&watcher, "both folders watched", || {
        let (listed, _) = sb.json(&["watch", "ls"]);
        listed.as_array().unwrap().iter().all(|f| f["status"] == "watching")
    });
    std::fs::remove_dir_all(&doomed).unwrap();
    wait_for(&watcher, "an error event for the vanished folder", || !events_of(&sb, doomed_id, "error").is_empty());
    let (listed, _) = sb.json(&["watch", "ls"]);
    assert_eq!(listed[0]["status"], "unavailable", "{listed}");
    assert!(listed[0]["errors"].as_i64().unwrap() >= 1, "{listed}");

    fixtures::write(&other.join("still.jpg"), &fixtures::unique_jpeg(40, 30, 7));
    wait_for(&watcher, "the other folder still works", || assets(&sb) == 1);
    let rule = events(&sb).into_iter().find(|e| e["kind"] == "rule").expect("the collection rule is reported");
    assert!(rule["detail"].as_str().unwrap().contains("Summer 2025"), "{rule}");
    assert!(rule["detail"].as_str().unwrap().contains("created it"), "a missing collection is made and said: {rule}");
    assert_eq!(sb.search("collection:\"Summer 2025\"")["total"], 1, "the new asset is in the rule's collection");

    // When the folder comes back, watching resumes.
    fixtures::write(&doomed.join("back.jpg"), &fixtures::unique_jpeg(40, 30, 8));
    wait_for(&watcher, "the folder's return", || assets(&sb) == 2);
    assert_eq!(watcher.stop("TERM").code(), Some(0));
}

#[test]
fn polling_takes_files_without_change_events_and_says_so() {
    let sb = Sandbox::create();
    let share = watched(&sb, "share");
    assert_eq!(sb.json(&["user", "add", "nas", "--role", "brand_manager"]).1, 0);
    let id = add_folder(&sb, &share, &["--as", "nas"]);
    let watcher = Watcher::start(&sb, &["--poll", "--poll-ms", "300"]);
    fixtures::write(&share.join("a/b/c.jpg"), &fixtures::unique_jpeg(40, 30, 11));
    wait_for(&watcher, "the polled file", || assets(&sb) == 1);
    assert_eq!(sb.search_names("uploader:nas"), vec!["c.jpg"], "the folder's uploader is recorded");
    assert!(!events_of(&sb, id, "warning").is_empty(), "polling is a visible warning");
    let (listed, _) = sb.json(&["watch", "ls"]);
    assert_eq!(listed[0]["status"], "polling", "{listed}");
}

#[test]
fn watch_commands_manage_folders() {
    let sb = Sandbox::create();
    let dir = watched(&sb, "managed");
    std::fs::create_dir_all(&dir).unwrap();
    let (added, code) =
        sb.json(&["watch", "add", dir.to_str().unwrap(), "--after", "move", "--tag", "x", "--credit", "AP"]);
    assert_eq!(code, 0, "{added}");
    assert_eq!((added["after"].as_str(), added["credit"].as_str()), (Some("move"), Some("AP")));
    let id = added["id"].as_i64().unwrap().to_string();
    let (again, code) = sb.json(&["watch", "add", dir.to_str().unwrap()]);
    assert_eq!(
        (code, again["error"]["code"].as_str()),
        (2, Some("invalid_input")),
        "watched twice is refused: {again}"
    );
    let (paused, _) = sb.json(&["watch", "pause", &id]);
    assert_eq!(paused["state"], "paused");
    let (resumed, _) = sb.json(&["watch", "resume", &id]);
    assert_eq!(resumed["state"], "active");
    let (_, code) = sb.json(&["watch", "rm", &id]);
    assert_eq!(code, 0);
    let (listed, _) = sb.json(&["watch", "ls"]);
    assert_eq!(listed, serde_json::json!([]));
    let (missing, code) = sb.json(&["watch", "rm", &id]);
    assert_eq!((code, missing["error"]["code"].as_str()), (2, Some("not_found")));
}

#[test]
fn a_watcher_killed_again_and_again_leaves_no_asset_without_its_folders_rules() {
    let sb = Sandbox::create();
    let inbox = watched(&sb, "inbox");
    let id = add_folder(&sb, &inbox, &["--tag", "arrivals", "--credit", "Studio North", "--campaign", "Spring"]);
    for i in 0..40u32 {
        fixtures::write(&sb.input().join(format!("{i:02}.jpg")), &fixtures::unique_jpeg(640, 480, 50_000 + i));
    }
    let mut next = 0u32;
    for round in 0..6 {
        let mut watcher = Watcher::start_settling(&sb, 100, &[]);
        // Files keep arriving while it runs; it is killed at a different moment each round.
        for _ in 0..7 {
            if next < 40 {
                std::fs::copy(sb.input().join(format!("{next:02}.jpg")), inbox.join(format!("{next:02}.jpg"))).unwrap();
                next += 1;
            }
        }
        std::thread::sleep(Duration::from_millis(150 + 90 * round));
        let mut child = watcher.child.take().expect("running");
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
    }
    while next < 40 {
        std::fs::copy(sb.input().join(format!("{next:02}.jpg")), inbox.join(format!("{next:02}.jpg"))).unwrap();
        next += 1;
    }
    let watcher = Watcher::start_settling(&sb, 100, &[]);
    wait_for(&watcher, "all 40 files after the restarts", || assets(&sb) >= 40);
    assert!(stays(|| assets(&sb) == 40, Duration::from_millis(800)), "exactly 40:\n{}", watcher.log());
    assert_eq!(sb.search_names("tag:arrivals").len(), 40, "every asset has the folder's tag, whenever the kill came");
    assert_eq!(
        sb.count("SELECT count(*) FROM assets WHERE credit = 'Studio North' AND campaign = 'Spring'"),
        40,
        "and the folder's credit and campaign"
    );
    assert!(events_of(&sb, id, "failed").is_empty(), "nothing failed:\n{}", watcher.log());
    let (check, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "the library verifies clean after the kills: {check}");
}
