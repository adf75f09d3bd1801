//! `tessera copy ID... --out DIR`: originals out of the library under their names, byte for byte, never overwriting
//! a file already there; one that cannot be copied (changed on disk since import, unknown id) is reported, exit 1,
//! and the others are copied.

use crate::fixtures;
use crate::Sandbox;

#[test]
fn originals_are_copied_out_under_their_names_without_overwriting() {
    let sb = Sandbox::create();
    let (a, b, c) = (sb.input().join("a/shot.jpg"), sb.input().join("b/shot.jpg"), sb.input().join("c.jpg"));
    fixtures::write(&a, &fixtures::unique_jpeg(24, 16, 1));
    fixtures::write(&b, &fixtures::unique_jpeg(24, 16, 2));
    fixtures::write(&c, &fixtures::unique_jpeg(24, 16, 3));
    let (report, code) = sb.ingest(&[&sb.input()]);
    assert_eq!(code, 0, "{report}");
    let id_of = |name: &str| crate::ingested_id(&report, name);
    let (ia, ib, ic) = (id_of("a/shot.jpg"), id_of("b/shot.jpg"), id_of("c.jpg"));
    let out = sb.dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("c.jpg"), b"someone else's file").unwrap();
    let (copied, code) = sb.json(&["copy", &ia, &ib, &ic, "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{copied}");
    let paths: Vec<String> =
        copied["copied"].as_array().unwrap().iter().map(|c| c["path"].as_str().unwrap().to_string()).collect();
    assert_eq!(
        paths,
        [out.join("shot.jpg"), out.join("shot (2).jpg"), out.join("c (2).jpg")]
            .map(|p| p.to_string_lossy().into_owned())
    );
    assert_eq!(std::fs::read(out.join("shot.jpg")).unwrap(), std::fs::read(&a).unwrap(), "byte for byte");
    assert_eq!(std::fs::read(out.join("shot (2).jpg")).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(std::fs::read(out.join("c.jpg")).unwrap(), b"someone else's file", "never overwritten");
    let leftovers = std::fs::read_dir(&out)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(leftovers, 0, "no temporary file left behind");

    // An original changed on disk since import, and an id that does not exist: reported; the rest still copied.
    let stored = sb.json(&["show", &ia]).0["file"]["stored_path"].as_str().unwrap().to_string();
    let stored = sb.library().join(stored);
    let mut perms = std::fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false, reason = "the test damages a stored original on purpose")]
    perms.set_readonly(false);
    std::fs::set_permissions(&stored, perms).unwrap();
    std::fs::write(&stored, b"damaged").unwrap();
    let again = sb.dir.path().join("again");
    let (report, code) = sb.json(&["copy", "--out", again.to_str().unwrap(), &ia, "999999", &ib]);
    assert_eq!(code, 1, "{report}");
    let failed: Vec<String> =
        report["failed"].as_array().unwrap().iter().map(|f| f["reason"].as_str().unwrap().to_string()).collect();
    assert_eq!(failed.len(), 2, "{report}");
    assert!(failed[0].contains("changed since import"), "{failed:?}");
    assert!(failed[1].contains("999999"), "{failed:?}");
    assert_eq!(report["copied"].as_array().unwrap().len(), 1);
    assert!(again.join("shot.jpg").exists() && !again.join("shot (2).jpg").exists(), "the damaged one left no file");
}
