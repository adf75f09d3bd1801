//! Library folders: init, the default library, schema versions.

use crate::Sandbox;

#[test]
fn init_creates_the_folder_layout_and_is_idempotent() {
    let sb = Sandbox::create();
    for part in ["library.db", "originals", "cache"] {
        assert!(sb.library().join(part).exists(), "{part} exists after init");
    }
    let (again, code) = sb.json(&["init", sb.library().to_str().unwrap()]);
    assert_eq!((code, again["created"].as_bool()), (0, Some(false)), "init on a library leaves it as it is");
}

#[test]
fn the_default_library_is_created_in_the_data_folder_on_first_use() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env_remove("TESSERA_LIBRARY")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .args(["--json", "stats"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["assets"], 0);
    let expected = home.path().join("data/tessera/Default.tessera");
    assert_eq!(stats["library"].as_str().map(std::path::PathBuf::from), Some(expected.clone()));
    assert!(expected.join("library.db").is_file());
}

#[test]
fn a_library_from_a_newer_version_is_refused_with_a_clear_message() {
    let sb = Sandbox::create();
    sb.db().pragma_update(None, "user_version", 99).unwrap();
    let (err, code) = sb.json(&["stats"]);
    assert_eq!(code, 2);
    assert_eq!(err["error"]["code"], "schema_too_new");
    assert!(err["error"]["message"].as_str().unwrap().contains("newer Tessera"), "{err}");
}

#[test]
fn a_folder_that_is_not_a_library_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tessera"))
        .env("TESSERA_LIBRARY", dir.path())
        .args(["search", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Tessera library"));
}

#[test]
fn stats_count_assets_by_type() {
    let sb = Sandbox::create();
    crate::fixtures::write(&sb.input().join("a.jpg"), &crate::fixtures::unique_jpeg(20, 20, 1));
    crate::fixtures::write(&sb.input().join("b.txt"), b"hello");
    sb.ingest(&[&sb.input()]);
    let (stats, code) = sb.json(&["stats"]);
    assert_eq!(code, 0);
    assert_eq!(stats["assets"], 2);
    assert_eq!(stats["by_type"]["image"], 1);
    assert_eq!(stats["by_type"]["document"], 1);
    assert_eq!(stats["untagged"], 2);
}
