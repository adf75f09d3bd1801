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
