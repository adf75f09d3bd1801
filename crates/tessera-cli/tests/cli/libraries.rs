//! `tessera libraries`: the recent list that `init` adds to, shared with the desktop app's switcher.

use crate::Sandbox;

#[test]
fn init_records_the_library_and_libraries_lists_it_with_the_default() {
    let sb = Sandbox::create();
    let other = sb.dir.path().join("Other.tessera");
    let (made, code) = sb.json(&["init", other.to_str().unwrap()]);
    assert_eq!(code, 0, "{made}");

    // Flags anywhere, as for every command.
    let (list, code) = sb.json(&["libraries"]);
    assert_eq!(code, 0, "{list}");
    let entries = list["libraries"].as_array().expect("libraries");
    let names: Vec<&str> = entries.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Other", "test"], "most recent first: {list}");
    let canonical = std::fs::canonicalize(&other).unwrap();
    assert_eq!(entries[0]["path"].as_str(), canonical.to_str());
    assert_eq!(entries[0]["missing"], false);
    assert!(entries[0]["last_opened"].as_i64().unwrap() > 1_700_000_000, "unix seconds: {list}");
    assert_eq!(entries[0]["default"], false);
    assert!(list["default"].as_str().unwrap().ends_with("Default.tessera"), "{list}");

    // Commands that only use a library do not add it (scripts would flood the list).
    let third = sb.dir.path().join("Third.tessera");
    tessera_core::Library::init(&third).unwrap();
    let out = sb.command().args(["--library", third.to_str().unwrap(), "stats"]).output().unwrap();
    assert!(out.status.success());
    let (list, _) = sb.json(&["libraries", "--json"]);
    assert_eq!(list["libraries"].as_array().unwrap().len(), 2, "stats does not record: {list}");
}

#[test]
fn a_library_that_is_gone_shows_as_not_found_and_a_damaged_list_as_empty() {
    let sb = Sandbox::create();
    let gone = sb.dir.path().join("Gone.tessera");
    assert!(sb.run(&["init", gone.to_str().unwrap()]).status.success());
    std::fs::remove_dir_all(&gone).unwrap();
    let (list, _) = sb.json(&["libraries"]);
    assert_eq!(list["libraries"][0]["name"], "Gone");
    assert_eq!(list["libraries"][0]["missing"], true, "{list}");
    let text = String::from_utf8(sb.run(&["libraries"]).stdout).unwrap();
    assert!(text.contains("Gone") && text.contains("not found"), "{text}");

    std::fs::write(sb.config().join("recent-libraries.json"), "{ half a fi").unwrap();
    let (list, code) = sb.json(&["libraries"]);
    assert_eq!((code, list["libraries"].as_array().map(Vec::len)), (0, Some(0)), "a damaged list is empty: {list}");
}
