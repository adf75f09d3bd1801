//! XMP, the rest of issue 8: the IPTC/PLUS properties both ways, embedded vs sidecar (the newer wins, the
//! disagreement recorded), label sets, Adobe-style sidecar names, and hostile sidecars. ExifTool is the independent
//! reader and writer.

use crate::fixtures;
use crate::Sandbox;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn exiftool_present() -> bool {
    Command::new("exiftool").arg("-ver").output().is_ok_and(|o| o.status.success())
}

fn exiftool_write(path: &Path, args: &[&str]) {
    let out = Command::new("exiftool").arg("-overwrite_original").args(args).arg(path).output().expect("exiftool");
    assert!(out.status.success(), "exiftool {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn exiftool_read(path: &Path) -> Value {
    let out = Command::new("exiftool").args(["-j", "-struct", "-G1"]).arg(path).output().expect("run exiftool");
    assert!(out.status.success(), "exiftool failed: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("exiftool json");
    v[0].clone()
}

fn show(sb: &Sandbox, id: &str) -> Value {
    let (v, code) = sb.json(&["show", id]);
    assert_eq!(code, 0, "{v}");
    v
}

#[test]
fn headline_contact_rights_licensor_and_ms_keywords_travel_both_ways_through_exiftool() {
    if !exiftool_present() {
        eprintln!("SKIPPED: exiftool is not installed (make test-deps installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let input = sb.input();
    fixtures::write(&input.join("quay.jpg"), &fixtures::unique_jpeg(32, 24, 9_101));
    let sidecar = input.join("quay.jpg.xmp");
    exiftool_write(
        &sidecar,
        &[
            "-XMP-photoshop:Headline=Quay at dawn",
            "-XMP-photoshop:Instructions=Embargo until Monday",
            "-XMP-iptcCore:CreatorWorkEmail=ana@example.com",
            "-XMP-iptcCore:CreatorWorkURL=https://ana.example",
            "-XMP-iptcCore:CreatorWorkTelephone=+351 1",
            "-XMP-xmpRights:WebStatement=https://ana.example/rights",
            "-XMP-xmpRights:Marked=True",
            "-XMP-plus:LicensorName=Ana Lima Photo",
            "-XMP-microsoft:LastKeywordXMP=Places/Porto",
            "-XMP-xmp:Label=Approved",
        ],
    );
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let id = crate::ingested_id(&report, "quay.jpg");
    let a = show(&sb, &id);
    assert_eq!(a["headline"], "Quay at dawn", "{a}");
    assert_eq!(a["instructions"], "Embargo until Monday");
    assert_eq!(a["contact_email"], "ana@example.com");
    assert_eq!(a["contact_url"], "https://ana.example");
    assert_eq!(a["contact_phone"], "+351 1");
    assert_eq!(a["web_statement"], "https://ana.example/rights");
    assert_eq!(a["rights_marked"], true);
    assert_eq!(a["licensor"], "Ana Lima Photo");
    assert_eq!((a["label"].as_str(), a["label_text"].as_str()), (Some("green"), Some("Approved")), "{a}");
    let tags: Vec<&str> = a["tags"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(tags.contains(&"Places/Porto"), "LastKeywordXMP is a path: {tags:?}");
    assert_eq!(a["xmp_conflicts"], serde_json::json!([]), "no embedded packet, no conflict");

    // Edited here, written out, read by ExifTool.
    let (out, code) = sb.json(&["set", &id, "headline=Quay, later", "rights_marked=no", "licensor=Studio B"]);
    assert_eq!(code, 0, "{out}");
    let dir = sb.dir.path().join("export");
    let (written, code) = sb.json(&["xmp", "write", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    let x = exiftool_read(&dir.join("quay.jpg.xmp"));
    assert_eq!(x["XMP-photoshop:Headline"], "Quay, later", "{x}");
    assert_eq!(x["XMP-photoshop:Instructions"], "Embargo until Monday");
    let contact = &x["XMP-iptcCore:CreatorContactInfo"];
    assert_eq!(contact["CiEmailWork"], "ana@example.com", "{x}");
    assert_eq!(contact["CiUrlWork"], "https://ana.example");
    assert_eq!(contact["CiTelWork"], "+351 1");
    assert_eq!(x["XMP-xmpRights:WebStatement"], "https://ana.example/rights");
    assert_eq!(x["XMP-xmpRights:Marked"], false, "edited to public domain: {x}");
    assert_eq!(x["XMP-plus:Licensor"][0]["LicensorName"], "Studio B", "{x}");
    assert_eq!(x["XMP-microsoft:LastKeywordXMP"], serde_json::json!(["Places/Porto"]), "{x}");
    assert_eq!(x["XMP-xmp:Label"], "Approved", "a Bridge label goes back as Bridge wrote it");

    // Relabelled here: the old text no longer fits, so the colour's Lightroom name is written.
    let (out, code) = sb.json(&["set", &id, "label=red"]);
    assert_eq!(code, 0, "{out}");
    let (_, code) = sb.json(&["xmp", "write", &id, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(exiftool_read(&dir.join("quay.jpg.xmp"))["XMP-xmp:Label"], "Red");

    let bad = [("rights_marked=maybe", "rights_marked"), ("contact_url=ana.example", "contact_url")];
    for (arg, field) in bad {
        let (out, code) = sb.json(&["set", &id, arg]);
        assert_eq!((code, out["error"]["field"].as_str()), (2, Some(field)), "{arg}: {out}");
    }
}

#[test]
fn embedded_and_sidecar_disagree_the_newer_wins_and_the_conflict_is_shown() {
    if !exiftool_present() {
        eprintln!("SKIPPED: exiftool is not installed (make test-deps installs libimage-exiftool-perl)");
        return;
    }
    let sb = Sandbox::create();
    let input = sb.input();
    // old.jpg: its packet says 2001, so the sidecar (written now) is newer. future.jpg: its packet says 2099.
    for (name, seed, date) in
        [("old.jpg", 9_201, "2001:01:01 00:00:00Z"), ("future.jpg", 9_202, "2099:01:01 00:00:00Z")]
    {
        let path = input.join(name);
        fixtures::write(&path, &fixtures::unique_jpeg(32, 24, seed));
        let metadata_date = format!("-XMP-xmp:MetadataDate={date}");
        exiftool_write(
            &path,
            &["-XMP-dc:Title=Embedded title", "-XMP-xmp:Rating=2", "-XMP-photoshop:Credit=Same", &metadata_date],
        );
        let sidecar = input.join(format!("{name}.xmp"));
        exiftool_write(&sidecar, &["-XMP-dc:Title=Sidecar title", "-XMP-xmp:Rating=5", "-XMP-photoshop:Credit=Same"]);
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let old = show(&sb, &crate::ingested_id(&report, "old.jpg"));
    assert_eq!((old["title"].as_str(), old["rating"].as_i64()), (Some("Sidecar title"), Some(5)), "{old}");
    let conflicts = old["xmp_conflicts"].as_array().unwrap();
    let fields: Vec<&str> = conflicts.iter().filter_map(|c| c["field"].as_str()).collect();
    assert_eq!(fields, ["rating", "title"], "equal credits are no conflict: {old}");
    assert_eq!(conflicts[1]["embedded"], "Embedded title");
    assert_eq!(conflicts[1]["sidecar"], "Sidecar title");
    assert_eq!(conflicts[1]["winner"], "sidecar");

    let future = show(&sb, &crate::ingested_id(&report, "future.jpg"));
    assert_eq!(
        (future["title"].as_str(), future["rating"].as_i64()),
        (Some("Embedded title"), Some(2)),
        "the embedded packet is newer: {future}"
    );
    assert_eq!(future["xmp_conflicts"][0]["winner"], "embedded", "{future}");
    let human = sb.run(&["show", &crate::ingested_id(&report, "future.jpg")]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("title: kept Embedded title (embedded, newer), not Sidecar title"), "{text}");
}

#[test]
fn label_sets_map_texts_to_colours_and_are_edited_by_label_set() {
    let sb = Sandbox::create();
    let (ls, code) = sb.json(&["label", "ls"]);
    assert_eq!(code, 0, "{ls}");
    let names: Vec<(&str, &str)> = ls["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["name"].as_str().unwrap(), l["colour"].as_str().unwrap()))
        .collect();
    for want in [("Approved", "green"), ("To Do", "purple"), ("Red", "red"), ("Second", "yellow")] {
        assert!(names.contains(&want), "the Bridge and Lightroom defaults: {ls}");
    }
    let (set, code) = sb.json(&["label", "set", "Client OK", "Orange"]);
    assert_eq!(code, 0, "{set}");
    assert_eq!((set["colour"].as_str(), set["set"].as_str()), (Some("orange"), Some("custom")), "{set}");
    let (set, code) = sb.json(&["label", "set", "review", "red"]);
    assert_eq!((code, set["set"].as_str()), (0, Some("bridge")), "a default is remapped in place: {set}");
    for (args, field) in [(["label", "set", "X", "white"], "colour"), (["label", "set", " ", "red"], "name")] {
        let (out, code) = sb.json(&args);
        assert_eq!((code, out["error"]["field"].as_str()), (2, Some(field)), "{args:?}: {out}");
    }
    assert!(sb.count("SELECT count(*) FROM audit_events WHERE action = 'label.set'") == 2, "recorded in the audit");

    let input = sb.input();
    fixtures::write(&input.join("ok.jpg"), &fixtures::unique_jpeg(32, 24, 9_301));
    let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Label="client ok"/></rdf:RDF></x:xmpmeta>"#;
    fixtures::write(&input.join("ok.jpg.xmp"), packet.as_bytes());
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let a = show(&sb, &crate::ingested_id(&report, "ok.jpg"));
    assert_eq!((a["label"].as_str(), a["label_text"].as_str()), (Some("orange"), Some("client ok")), "{a}");
}

#[test]
fn adobe_names_drop_the_extension_and_refuse_two_files_sharing_a_base_name() {
    let sb = Sandbox::create();
    let input = sb.input();
    fixtures::write(&input.join("photo.jpg"), &fixtures::unique_jpeg(32, 24, 9_401));
    fixtures::write(&input.join("photo.png"), &fixtures::png_rgba(8, 8));
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    let (jpg, png) = (crate::ingested_id(&report, "photo.jpg"), crate::ingested_id(&report, "photo.png"));
    for (value, ok) in [("adobe", true), ("keep-extension", true), ("Adobe ", false), ("short", false)] {
        let (out, code) = sb.json(&["config", "set", "xmp.naming", value]);
        assert_eq!(code == 0, ok, "{value:?}: {out}");
        if !ok {
            assert_eq!(out["error"]["field"], "xmp.naming", "{out}");
        }
    }
    let (out, code) = sb.json(&["config", "set", "nope", "x"]);
    assert_eq!((code, out["error"]["field"].as_str()), (2, Some("key")), "{out}");
    let (out, code) = sb.json(&["config", "set", "xmp.naming", "adobe"]);
    assert_eq!(code, 0, "{out}");
    let (got, _) = sb.json(&["config", "get", "xmp.naming"]);
    assert_eq!(got["settings"][0]["value"], "adobe", "{got}");

    let dir = sb.dir.path().join("export");
    let (written, code) = sb.json(&["xmp", "write", &jpg, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    assert!(dir.join("photo.xmp").is_file() && !dir.join("photo.jpg.xmp").exists(), "Adobe's name: {written}");
    // The PNG would write the same file: refused, naming both, whether in one call or a later one.
    for ids in [vec![png.as_str()], vec![jpg.as_str(), png.as_str()]] {
        let mut args = vec!["xmp", "write"];
        args.extend(&ids);
        args.extend(["--out", dir.to_str().unwrap()]);
        let out = sb.run(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("photo.jpg") && err.contains("photo.png") && err.contains("photo.xmp"), "{err}");
    }
    assert_eq!(sb.count("SELECT count(*) FROM xmp_sidecars"), 1, "nothing written by a refused call");
    // Beside the originals (content-addressed names) the Adobe name never clashes, and verify knows it.
    let (written, code) = sb.json(&["xmp", "write", &jpg, &png]);
    assert_eq!(code, 0, "{written}");
    assert!(written["sidecars"][0]["path"].as_str().unwrap().ends_with(".xmp"));
    assert!(!written["sidecars"][0]["path"].as_str().unwrap().ends_with(".jpg.xmp"), "{written}");
    let (report, code) = sb.json(&["verify"]);
    assert_eq!(code, 0, "an Adobe-named sidecar beside its original is not an orphan: {report}");
}

#[test]
fn hostile_sidecars_are_ignored_and_the_rest_of_the_ingest_goes_on() {
    let sb = Sandbox::create();
    let input = sb.input();
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">&lol9;</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"#;
    let wrong_ns = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="urn:not-dublin-core" xmlns:xmp="urn:nope" xmp:Rating="5"><dc:title>Nope</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"#;
    let mut huge = b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Huge</dc:title>".to_vec();
    huge.resize(5 << 20, b' ');
    huge.extend_from_slice(b"</rdf:Description></rdf:RDF></x:xmpmeta>");
    let cases: [(&str, Vec<u8>); 5] = [
        ("malformed", b"<x:xmpmeta><rdf:RDF><rdf:Description><dc:title>".to_vec()),
        ("laughs", laughs.as_bytes().to_vec()),
        ("wrongns", wrong_ns.as_bytes().to_vec()),
        ("huge", huge),
        ("binary", (0..=255u8).cycle().take(10_000).collect()),
    ];
    for (i, (name, bytes)) in cases.iter().enumerate() {
        fixtures::write(&input.join(format!("{name}.jpg")), &fixtures::unique_jpeg(32, 24, 9_500 + i as u32));
        fixtures::write(&input.join(format!("{name}.jpg.xmp")), bytes);
    }
    fixtures::write(&input.join("fine.jpg"), &fixtures::unique_jpeg(32, 24, 9_599));
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "every file goes in, the bad sidecars are only noted as read with their file: {report}");
    assert_eq!(report["ingested"].as_array().unwrap().len(), 6, "{report}");
    for (name, _) in &cases {
        let a = show(&sb, &crate::ingested_id(&report, &format!("{name}.jpg")));
        assert!(a["title"].is_null() || a["title"] == "Huge", "{name}: nothing read from it: {a}");
        assert!(a["title"] != "Huge", "{name}: a sidecar over the size cap is not read: {a}");
        assert!(a["rating"].is_null(), "{name}: a rating in a foreign namespace is not ours: {a}");
        let title = a["title"].as_str().unwrap_or("");
        assert!(!title.contains("lol"), "{name}: entities are never expanded: {a}");
    }
}
