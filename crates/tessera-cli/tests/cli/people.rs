//! People from the command line: `--as` in any position (and `TESSERA_AS`), roles refusing with exit 3 and the role
//! needed, deactivated profiles refused, `users audit`, two processes adding people at once, and a `user add` killed
//! mid-way leaving the library consistent.

use crate::fixtures;
use crate::{ingested_id, Sandbox};

fn add(sb: &Sandbox, name: &str, role: &str) {
    let (out, code) = sb.json(&["user", "add", name, "--role", role]);
    assert_eq!(code, 0, "user add {name}: {out}");
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_os_user_is_the_first_admin_and_as_works_in_any_position() {
    let sb = Sandbox::create();
    let (list, code) = sb.json(&["user", "ls"]);
    assert_eq!(code, 0, "{list}");
    assert_eq!(list["profiles"][0]["name"], "tester", "the OS user's profile: {list}");
    assert_eq!(list["profiles"][0]["role"], "admin");
    add(&sb, "vic", "viewer");
    add(&sb, "cara", "contributor");
    let file = sb.input().join("a.jpg");
    fixtures::write(&file, &fixtures::unique_jpeg(60, 40, 1));
    let (report, code) = sb.json(&["ingest", file.to_str().unwrap(), "--as", "cara"]);
    assert_eq!(code, 0, "{report}");
    let id = ingested_id(&report, "a.jpg");
    for args in [
        vec!["--as", "vic", "tag", &id, "+x"],
        vec!["tag", "--as", "vic", &id, "+x"],
        vec!["tag", &id, "+x", "--as", "vic"],
    ] {
        let out = sb.run(&args);
        assert_eq!(out.status.code(), Some(3), "a viewer may not tag ({args:?}): {}", stderr(&out));
        assert!(
            stderr(&out).contains("vic (viewer) may not tag assets: needs role admin, brand manager or contributor"),
            "the refusal names the role needed: {}",
            stderr(&out)
        );
    }
    let out = sb.command().env("TESSERA_AS", "vic").args(["tag", &id, "+x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "TESSERA_AS acts like --as: {}", stderr(&out));
    assert_eq!(sb.json(&["tag", &id, "+x", "--as", "cara"]).1, 0, "a contributor may tag");
    let (a, _) = sb.json(&["show", &id, "--as", "vic"]);
    assert_eq!(a["uploader"], "cara", "a viewer reads; the uploader is the acting profile");
    let out = sb.run(&["search", "--as", "nobody", "x"]);
    assert_eq!(out.status.code(), Some(3), "an unknown --as is refused");
    assert!(stderr(&out).contains("no profile named \"nobody\""), "{}", stderr(&out));
    let out = sb.command().env("USER", "stranger").args(["search", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "an OS user without a profile among several is refused");
    assert!(stderr(&out).contains("tester, vic, cara"), "the refusal lists the profiles: {}", stderr(&out));
    let out = sb.run(&["user", "add", "x", "--role", "owner"]);
    assert_eq!(out.status.code(), Some(2), "an unknown role is bad input");
    let out = sb.run(&["--as", "cara", "user", "add", "x", "--role", "viewer"]);
    assert_eq!(out.status.code(), Some(3), "only admins add people");
}

#[test]
fn deactivation_needs_a_handover_for_open_reviews_and_refuses_the_profile_after() {
    let sb = Sandbox::create();
    add(&sb, "rita", "reviewer");
    add(&sb, "rob", "reviewer");
    let file = sb.input().join("r.jpg");
    fixtures::write(&file, &fixtures::unique_jpeg(60, 40, 2));
    let (report, _) = sb.ingest(&[&file]);
    let id = ingested_id(&report, "r.jpg");
    let template = sb.dir.path().join("rita.toml");
    std::fs::write(&template, "[[stage]]\nname = \"Look\"\npeople = [\"rita\"]\n").unwrap();
    assert_eq!(sb.json(&["template", "add", "Rita", "--file", template.to_str().unwrap()]).1, 0);
    assert_eq!(sb.json(&["review", "submit", &id, "--template", "Rita"]).1, 0);
    let out = sb.run(&["user", "deactivate", "rita"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 open review(s)") && stderr(&out).contains("--handover"), "{}", stderr(&out));
    let out = sb.run(&["user", "deactivate", "tester"]);
    assert!(stderr(&out).contains("last active admin"), "{}", stderr(&out));
    let (done, code) = sb.json(&["user", "deactivate", "rita", "--handover", "rob"]);
    assert_eq!((code, done["stages_handed_over"].as_u64()), (0, Some(1)), "{done}");
    let out = sb.run(&["--as", "rita", "review", "queue"]);
    assert_eq!(out.status.code(), Some(3), "a deactivated profile cannot act");
    assert!(stderr(&out).contains("deactivated"), "{}", stderr(&out));
    assert_eq!(sb.json(&["review", "decide", &id, "approve", "--as", "rob"]).1, 0, "rob took the stage over");
    let (audit, code) = sb.json(&["users", "audit"]);
    assert_eq!(code, 0, "{audit}");
    let rows = audit["profiles"].as_array().unwrap();
    let row = |n: &str| rows.iter().find(|r| r["name"] == n).unwrap().clone();
    assert_eq!(
        (row("rita")["active"].as_bool(), row("rita")["allowed"].as_array().map(Vec::len)),
        (Some(false), Some(0))
    );
    assert!(row("rob")["allowed"].as_array().unwrap().iter().any(|a| a == "decide"));
    assert!(row("rob")["last_acted_at"].is_number(), "rob's decision is his last action: {audit}");
    assert!(row("tester")["allowed"].as_array().unwrap().iter().any(|a| a == "manage_users"));
    assert_eq!(sb.json(&["audit", "verify"]).1, 0, "people changes keep the chain whole");
}

#[test]
fn two_processes_adding_people_at_once_both_succeed() {
    let sb = Sandbox::create();
    assert_eq!(sb.json(&["user", "ls"]).1, 0, "the first profile exists before the race");
    let children: Vec<_> = (0..6)
        .map(|i| {
            sb.command()
                .args(["--json", "user", "add", &format!("p{i}"), "--role", "viewer"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "concurrent writers wait their turn: {}", stderr(&out));
    }
    assert_eq!(sb.count("SELECT COUNT(*) FROM profiles"), 7);
    assert_eq!(sb.json(&["audit", "verify"]).1, 0, "the audit chain stays whole");
}

#[test]
fn a_user_add_killed_at_any_moment_leaves_the_library_consistent() {
    let sb = Sandbox::create();
    assert_eq!(sb.json(&["user", "ls"]).1, 0);
    for i in 0..8u64 {
        let mut child = sb
            .command()
            .args(["user", "add", &format!("k{i}"), "--role", "viewer"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 3));
        let _ = child.kill();
        let _ = child.wait();
    }
    let profiles = sb.count("SELECT COUNT(*) FROM profiles");
    let events = sb.count("SELECT COUNT(*) FROM audit_events WHERE action = 'user_add'");
    assert_eq!(profiles, events, "each profile arrived with its audit event, or neither did");
    assert_eq!(sb.json(&["audit", "verify"]).1, 0, "the chain verifies after the kills");
    assert_eq!(sb.json(&["user", "add", "after", "--role", "viewer"]).1, 0, "the library still takes writes");
}
