//! `tessera verify`: missing, corrupt and orphaned originals are found; nothing is changed.

use crate::fixtures;
use crate::Sandbox;

#[test]
fn verify_reports_missing_corrupt_and_orphaned_files_and_changes_nothing() {
    let sb = Sandbox::create();
    let input = sb.input();
    for i in 0..4 {
        fixtures::write(&input.join(format!("p{i}.jpg")), &fixtures::unique_jpeg(40, 40, i));
    }
    let (report, _) = sb.ingest(&[&input]);
    let (clean, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "a fresh library verifies clean: {clean}");
    assert_eq!(clean["checked"], 4);
    let stored = |n: usize| {
        let (a, _) = sb.json(&["show", &report["ingested"][n]["id"].to_string()]);
        sb.library().join(a["file"]["stored_path"].as_str().unwrap())
    };
    std::fs::remove_file(stored(0)).unwrap();
    let corrupt = stored(1);
    let mut bytes = std::fs::read(&corrupt).unwrap();
    bytes[100] ^= 0xFF;
    std::fs::write(&corrupt, &bytes).unwrap();
    let orphan = sb.library().join("originals/zz/stray.jpg");
    fixtures::write(&orphan, b"not known");
    let (found, code) = sb.json(&["verify"]);
    assert_eq!(code, 1, "problems give exit code 1: {found}");
    assert_eq!(found["missing"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["corrupt"].as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found["orphaned"][0]["path"], "originals/zz/stray.jpg", "{found}");
    assert!(orphan.exists(), "verify never deletes anything");
    assert!(corrupt.exists());
}

#[test]
fn thumbs_rebuild_remakes_a_deleted_cache() {
    let sb = Sandbox::create();
    for i in 0..3 {
        fixtures::write(&sb.input().join(format!("p{i}.jpg")), &fixtures::unique_jpeg(500, 300, i));
    }
    fixtures::write(&sb.input().join("doc.txt"), b"text");
    sb.ingest(&[&sb.input()]);
    std::fs::remove_dir_all(sb.library().join("cache")).unwrap();
    let (made, code) = sb.json(&["thumbs"]);
    assert_eq!(code, 0, "{made}");
    assert_eq!((made["made"].as_u64(), made["without"].as_u64()), (Some(3), Some(1)), "{made}");
    let (again, _) = sb.json(&["thumbs", "--rebuild", "--previews"]);
    assert_eq!(again["made"], 3, "--rebuild makes every thumbnail again: {again}");
    let previews = std::fs::read_dir(sb.library().join("cache/v1-1024")).map(|d| d.count()).unwrap_or(0);
    assert!(previews > 0, "--previews makes the 1024 px previews");
}
