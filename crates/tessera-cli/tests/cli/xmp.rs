//! `tessera xmp write`: sidecars read back by ExifTool, the independent reader (installed by `make test-deps`).

use crate::fixtures;
use crate::Sandbox;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn exiftool_present() -> bool {
    Command::new("exiftool").arg("-ver").output().is_ok_and(|o| o.status.success())
}

/// `exiftool -j -struct -G1 FILE`, the first (only) object.
fn exiftool(path: &Path) -> Value {
    let out = Command::new("exiftool").args(["-j", "-struct", "-G1"]).arg(path).output().expect("run exiftool");
    assert!(out.status.success(), "exiftool failed: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("exiftool json");
    v[0].clone()
}

/// A list property as strings (ExifTool prints a one-item list as a scalar).
fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string)).collect(),
        Value::Null => Vec::new(),
        other => vec![other.as_str().map_or_else(|| other.to_string(), str::to_string)],
    }
}

fn one_photo(sb: &Sandbox) -> String {
    let path = sb.input().join("photo.jpg");
    fixtures::write(&path, &fixtures::unique_jpeg(32, 24, 8_800));
    let (report, code) = sb.ingest(&[&path]);
    assert_eq!(code, 0, "{report}");
    report["ingested"][0]["id"].as_i64().unwrap().to_string()
}

#[test]
fn written_sidecar_reads_back_in_exiftool_property_by_property() {
    if !exiftool_present() {
        eprintln!("SKIPPED: exiftool is not installed (make test-deps installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let id = one_photo(&sb);
    let (out, code) = sb.json(&[
        "set",
        &id,
        "title=Red door & <arch>",
        "description=A door in Lisbon",
        "alt_text=A crimson entrance",
        "creator=Ana Lima",
        "credit=Studio A",
        "copyright=(c) 2026 Studio A",
        "usage_terms=Web only",
        "licence=CC BY 4.0",
        "label=red",
        "rating=4",
    ]);
    assert_eq!(code, 0, "{out}");
    let out = sb.run(&["tag", &id, "+Brand/Product/Sneaker", "+Places/Lisbon", "+a|b"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let dir = sb.dir.path().join("export");
    let (written, code) = sb.json(&["xmp", "write", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    let path = written["sidecars"][0]["path"].as_str().unwrap().to_string();
    assert_eq!(written["sidecars"][0]["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(Path::new(&path), dir.join("photo.jpg.xmp"), "the name keeps the extension");

    let x = exiftool(Path::new(&path));
    assert_eq!(x["XMP-dc:Title"], "Red door & <arch>", "{x}");
    assert_eq!(x["XMP-dc:Description"], "A door in Lisbon");
    assert_eq!(x["XMP-iptcCore:AltTextAccessibility"], "A crimson entrance", "{x}");
    assert_eq!(list(&x["XMP-dc:Creator"]), ["Ana Lima"]);
    assert_eq!(x["XMP-photoshop:Credit"], "Studio A");
    assert_eq!(x["XMP-dc:Rights"], "(c) 2026 Studio A");
    assert_eq!(x["XMP-xmpRights:UsageTerms"], "Web only");
    assert_eq!(x["XMP-plus:OtherLicenseInfo"], "CC BY 4.0", "the licence, as PLUS: {x}");
    assert_eq!(x["XMP-xmp:Label"], "Red", "Lightroom's label text");
    assert_eq!(x["XMP-xmp:Rating"], 4);
    let mut subject = list(&x["XMP-dc:Subject"]);
    subject.sort();
    assert_eq!(subject, ["Brand", "Lisbon", "Places", "Product", "Sneaker", "a|b"], "leaves and ancestors, flat: {x}");
    let mut lr = list(&x["XMP-lr:HierarchicalSubject"]);
    lr.sort();
    assert_eq!(lr, ["Brand|Product|Sneaker", "Places|Lisbon", "a|b"], "{x}");
    let mut dk = list(&x["XMP-digiKam:TagsList"]);
    dk.sort();
    assert_eq!(dk, ["Brand/Product/Sneaker", "Places/Lisbon", "a|b"], "{x}");
    assert_eq!(sb.count("SELECT count(*) FROM xmp_sidecars"), 1, "what was written is recorded");
}

#[test]
fn a_rejected_asset_is_rating_minus_one_and_other_tools_properties_survive_a_rewrite() {
    if !exiftool_present() {
        eprintln!("SKIPPED: exiftool is not installed (make test-deps installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let id = one_photo(&sb);
    let (out, code) = sb.json(&["set", &id, "flag=reject", "rating=3", "title=First"]);
    assert_eq!(code, 0, "{out}");
    let (written, code) = sb.json(&["xmp", "write", &id]);
    assert_eq!(code, 0, "{written}");
    let path = written["sidecars"][0]["path"].as_str().unwrap().to_string();
    assert!(path.starts_with(sb.library().join("originals").to_str().unwrap()), "beside the original: {path}");
    assert!(path.ends_with(".jpg.xmp"), "{path}");
    assert_eq!(exiftool(Path::new(&path))["XMP-xmp:Rating"], -1, "a reject is rating -1");

    // Another tool adds its own property; our next write keeps it and replaces only ours.
    let out = Command::new("exiftool")
        .args(["-overwrite_original", "-XMP-photoshop:TransmissionReference=Job 42", "-XMP-dc:Title=Theirs"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (out, code) = sb.json(&["set", &id, "title=Second"]);
    assert_eq!(code, 0, "{out}");
    let (_, code) = sb.json(&["xmp", "write", &id]);
    assert_eq!(code, 0);
    let x = exiftool(Path::new(&path));
    assert_eq!(x["XMP-photoshop:TransmissionReference"], "Job 42", "an unknown property is kept: {x}");
    assert_eq!(x["XMP-dc:Title"], "Second", "ours is replaced, once: {x}");

    let (report, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "a sidecar beside its original is not an orphan: {report}");
    let original = std::fs::read(sb.library().join(path.strip_suffix(".xmp").unwrap())).unwrap();
    assert_eq!(original, fixtures::unique_jpeg(32, 24, 8_800), "the stored original is never written");
}

#[test]
fn a_sidecar_that_is_not_xmp_is_refused_and_left_alone() {
    let sb = Sandbox::create();
    let id = one_photo(&sb);
    let dir = sb.dir.path().join("export");
    fixtures::write(&dir.join("photo.jpg.xmp"), b"<not closed");
    let out = sb.run(&["xmp", "write", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "refused: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(dir.join("photo.jpg.xmp")).unwrap(), b"<not closed", "another tool's file is not lost");
}

fn exiftool_edit(path: &str, args: &[&str]) {
    let out = Command::new("exiftool").arg("-overwrite_original").args(args).arg(path).output().expect("run exiftool");
    assert!(out.status.success(), "exiftool {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn show(sb: &Sandbox, id: &str) -> Value {
    let (v, code) = sb.json(&["show", id]);
    assert_eq!(code, 0, "{v}");
    v
}

#[test]
fn read_merges_three_ways_what_exiftool_changed_as_one_undoable_edit() {
    if !exiftool_present() {
        eprintln!("SKIPPED: exiftool is not installed (make test-deps installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let id = one_photo(&sb);
    let (out, code) = sb.json(&["set", &id, "title=Ours", "credit=Studio A", "description=Before", "rating=2"]);
    assert_eq!(code, 0, "{out}");
    let out = sb.run(&["tag", &id, "+a/x", "+a/y", "+keep"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = sb.dir.path().join("export");
    let (written, code) = sb.json(&["xmp", "write", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    let path = written["sidecars"][0]["path"].as_str().unwrap().to_string();

    // The other tool: removes keyword x, adds b/z, changes the description, the rating and the credit.
    exiftool_edit(
        &path,
        &[
            "-XMP-dc:Subject-=x",
            "-XMP-lr:HierarchicalSubject-=a|x",
            "-XMP-digiKam:TagsList-=a/x",
            "-XMP-dc:Subject+=z",
            "-XMP-lr:HierarchicalSubject+=b|z",
            "-XMP-dc:Description=After",
            "-XMP-xmp:Rating=5",
            "-XMP-photoshop:Credit=Theirs",
        ],
    );
    // Meanwhile here: the credit changes too (a conflict: ours is kept).
    let (out, code) = sb.json(&["set", &id, "credit=Ours since"]);
    assert_eq!(code, 0, "{out}");

    let (read, code) = sb.json(&["xmp", "read", &id, &path]);
    assert_eq!(code, 1, "a conflict is reported: {read}");
    assert_eq!(read["removed_tags"], serde_json::json!(["a/x"]), "a keyword removed there is removed here: {read}");
    assert_eq!(read["added_tags"], serde_json::json!(["b", "b/z"]), "{read}");
    assert_eq!(read["conflicts"][0]["field"], "credit", "{read}");
    let a = show(&sb, &id);
    let tags: Vec<&str> = a["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(
        !tags.contains(&"a/x") && tags.contains(&"a/y") && tags.contains(&"b/z") && tags.contains(&"keep"),
        "{tags:?}"
    );
    assert_eq!(a["description"], "After", "changed there only: taken");
    assert_eq!(a["rating"], 5);
    assert_eq!(a["title"], "Ours", "unchanged on both sides");
    assert_eq!(a["credit"], "Ours since", "changed on both sides: ours kept");

    // Reading the same file again changes nothing (what it says is now the base).
    let (again, code) = sb.json(&["xmp", "read", &id, &path]);
    assert_eq!(code, 0, "{again}");
    assert!(again["edit"].is_null() && again["added_tags"] == serde_json::json!([]), "{again}");

    // One undo takes the whole read back.
    let (undo, code) = sb.json(&["undo"]);
    assert_eq!(code, 0, "{undo}");
    let a = show(&sb, &id);
    let tags: Vec<&str> = a["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(tags.contains(&"a/x") && !tags.contains(&"b/z"), "undone in one step: {tags:?}");
    assert_eq!((a["description"].as_str(), a["rating"].as_i64()), (Some("Before"), Some(2)));
}

fn sidecar(title: &str, path: &str) -> String {
    format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:lr="http://ns.adobe.com/lightroom/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:subject><rdf:Bag>{leaves}<rdf:li>flat|one</rdf:li></rdf:Bag></dc:subject>
<lr:hierarchicalSubject><rdf:Bag><rdf:li>{path}</rdf:li></rdf:Bag></lr:hierarchicalSubject>
</rdf:Description></rdf:RDF></x:xmpmeta>"#,
        leaves = path.split('|').map(|l| format!("<rdf:li>{l}</rdf:li>")).collect::<String>()
    )
}

#[test]
fn sidecars_beside_files_are_read_with_them_and_not_ingested_as_assets() {
    let sb = Sandbox::create();
    let input = sb.input();
    fixtures::write(&input.join("photo.jpg"), &fixtures::unique_jpeg(32, 24, 8_801));
    fixtures::write(&input.join("photo.jpg.xmp"), sidecar("From darktable", "Brand|Product|Sneaker").as_bytes());
    fixtures::write(&input.join("other.jpg"), &fixtures::unique_jpeg(32, 24, 8_802));
    fixtures::write(&input.join("other.xmp"), sidecar("From Lightroom", "Places|Lisbon").as_bytes());
    fixtures::write(&input.join("lonely.xmp"), sidecar("Nobody's", "x").as_bytes());
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let mut names: Vec<&str> =
        report["ingested"].as_array().unwrap().iter().map(|e| e["path"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names.len(), 3, "two sidecars attached, one without a file stays an asset: {report}");
    assert!(names.iter().any(|n| n.ends_with("lonely.xmp")), "{report}");
    let skipped = crate::paths_in(&report, "skipped");
    assert!(
        skipped.iter().any(|p| p.ends_with("photo.jpg.xmp")) && skipped.iter().any(|p| p.ends_with("other.xmp")),
        "{report}"
    );
    assert_eq!(crate::reason_for(&report, "skipped", "photo.jpg.xmp"), "XMP sidecar, read with photo.jpg");

    let id_of = |suffix: &str| crate::ingested_id(&report, suffix);
    let photo = show(&sb, &id_of("photo.jpg"));
    assert_eq!(photo["title"], "From darktable", "the sidecar is read: {photo}");
    let tags: Vec<&str> = photo["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(tags.contains(&"Brand/Product/Sneaker"), "hierarchical keywords become paths: {tags:?}");
    assert!(!tags.contains(&"Sneaker"), "a flat leaf of a path is not a tag of its own: {tags:?}");
    assert!(tags.contains(&"flat|one"), "a | in a flat keyword stays: {tags:?}");
    let other = show(&sb, &id_of("other.jpg"));
    assert_eq!(other["title"], "From Lightroom", "photo.xmp (Lightroom's name) is read too: {other}");
}

#[test]
fn a_sidecar_written_by_exiftool_fills_the_rights_and_the_culling_fields_at_ingest() {
    if !exiftool_present() {
        eprintln!("skipped: exiftool is missing (`make test-deps` installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let input = sb.input();
    fixtures::write(&input.join("gulls.jpg"), &fixtures::unique_jpeg(32, 24, 8_803));
    fixtures::write(&input.join("pier.jpg"), &fixtures::unique_jpeg(32, 24, 8_804));
    let write = |file: &str, args: &[&str]| {
        let out = Command::new("exiftool").args(args).arg(input.join(file)).output().expect("run exiftool");
        assert!(out.status.success(), "exiftool: {}", String::from_utf8_lossy(&out.stderr));
    };
    // ExifTool makes a sidecar from nothing, as Bridge would write one: Bridge's "Approved" label, rejected (-1).
    write(
        "gulls.jpg.xmp",
        &[
            "-XMP-iptcCore:AltTextAccessibility=Two gulls over the bay",
            "-XMP-plus:OtherLicenseInfo=CC BY 4.0",
            "-XMP-xmpRights:UsageTerms=Web and social only",
            "-XMP-photoshop:Credit=Agency North",
            "-XMP-xmp:Label=Approved",
            "-XMP-xmp:Rating=-1",
        ],
    );
    write("pier.xmp", &["-XMP-xmp:Label=Red", "-XMP-xmp:Rating=4", "-XMP-xmp:Label=Client OK"]);
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let id_of = |suffix: &str| crate::ingested_id(&report, suffix);
    let gulls = show(&sb, &id_of("gulls.jpg"));
    assert_eq!(gulls["alt_text"], "Two gulls over the bay", "{gulls}");
    assert_eq!(gulls["rights"]["licence"], "CC BY 4.0");
    assert_eq!(gulls["rights"]["usage_terms"], "Web and social only");
    assert_eq!(gulls["rights"]["credit"], "Agency North");
    assert_eq!(gulls["label"], "green", "Bridge's Approved is its green label");
    assert_eq!((gulls["flag"].as_str(), gulls["rating"].is_null()), (Some("reject"), true), "-1 is a reject");
    assert_eq!(sb.search("gulls bay")["total"], 1, "alt text is searchable from the first moment");
    let pier = show(&sb, &id_of("pier.jpg"));
    assert_eq!(
        (pier["rating"].as_i64(), pier["label"].is_null()),
        (Some(4), true),
        "a label text with no colour: {pier}"
    );
}
