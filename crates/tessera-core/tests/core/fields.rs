//! Fields through the use cases: `set_fields` on a selection of any size in one step of the edit log, custom field
//! definitions and their vocabularies, values of every type, templates, and the searches on fields.

use super::ctx;
use tessera_core::app::assets::{self, set_fields, undo_last, FieldAssignment, Selection};
use tessera_core::app::fields::{self, FieldDefinition};
use tessera_core::app::ingest::records;
use tessera_core::app::search::{self, SearchRequest};
use tessera_core::domain::{FieldValue, NewAsset, Scalar};
use tessera_core::runtime::NoProgress;
use tessera_core::{AssetId, AssetKind, Ctx, Library};

pub(crate) fn library(dir: &std::path::Path, n: usize) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets: Vec<NewAsset> = (0..n)
        .map(|i| NewAsset {
            kind: Some(if i % 5 == 0 { AssetKind::Video } else { AssetKind::Image }),
            ext: "jpg".into(),
            mime: "image/jpeg".into(),
            name: format!("IMG_{i:05}.jpg"),
            source_path: format!("/shoot/IMG_{i:05}.jpg"),
            stored_path: format!("originals/00/{i:064}.jpg"),
            hash: format!("{i:064}"),
            size: 1000,
            added_at: 1_700_000_000 + i as i64,
            uploader: "ana".into(),
            ..NewAsset::default()
        })
        .collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

pub(crate) fn set(name: &str, value: &str) -> FieldAssignment {
    FieldAssignment { name: name.into(), value: value.into() }
}

pub(crate) fn total(ctx: &Ctx, query: &str) -> u64 {
    search::run(ctx, &SearchRequest { query: query.into(), limit: 1, ..SearchRequest::default() }).unwrap().total
}

pub(crate) fn define(ctx: &Ctx, name: &str, kind: &str, choices: &[&str]) {
    let definition = FieldDefinition {
        name: name.into(),
        kind: kind.into(),
        choices: choices.iter().map(|c| c.to_string()).collect(),
        ..FieldDefinition::default()
    };
    fields::define_field(ctx, &definition).unwrap();
}

#[test]
fn one_undo_takes_back_a_set_of_ten_thousand_assets() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 10_000);
    let ana = ctx(&library);
    define(&ana, "agency", "choice", &["X", "Y"]);
    // A few assets already have one of the values: they are not counted as changed for it.
    set_fields(&ana, &Selection::Ids { ids: ids[..10].to_vec() }, &[set("label", "red")]).unwrap();
    let all = Selection::Query { query: String::new(), except: Vec::new() };
    let assignments =
        [set("label", "red"), set("licence", "CC BY"), set("alt_text", "harbour at dawn"), set("agency", "x")];
    let outcome = set_fields(&ana, &all, &assignments).unwrap();
    assert_eq!(outcome.changed, 10_000);
    assert!(outcome.assets.is_empty(), "no details for a large selection");
    assert_eq!(total(&ana, "harbour"), 10_000, "alt text is searchable");
    assert_eq!(total(&ana, "agency:x"), 10_000, "a common value: probed asset by asset");
    assert_eq!(total(&ana, "agency:Y"), 0);
    let d = assets::detail(&ana, ids[42]).unwrap();
    assert_eq!((d.label.as_deref(), d.rights.licence.as_deref()), (Some("red"), Some("CC BY")));
    assert_eq!(d.fields.get("agency"), Some(&FieldValue::One(Scalar::Text("X".into()))), "the vocabulary's spelling");
    let undone = undo_last(&ana, &NoProgress).unwrap();
    assert_eq!(undone.undid.assets, 10_000, "one step for the whole set");
    assert_eq!(undone.skipped, 0);
    assert_eq!(total(&ana, "harbour"), 0, "the index follows the undo");
    let d = assets::detail(&ana, ids[42]).unwrap();
    assert_eq!((d.label, d.rights.licence, d.fields.len()), (None, None, 0), "everything back as it was");
    let d = assets::detail(&ana, ids[3]).unwrap();
    assert_eq!(d.label.as_deref(), Some("red"), "the earlier edit stays: it is another step");
}

#[test]
fn every_custom_type_round_trips_and_bad_values_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 2);
    let ana = ctx(&library);
    for (name, kind) in [("shot", "date"), ("count", "number"), ("site", "url"), ("ok", "bool"), ("note", "long-text")]
    {
        define(&ana, name, kind, &[]);
    }
    define(&ana, "tone", "choices", &["warm", "cold", "muted"]);
    let one = Selection::Ids { ids: vec![ids[0]] };
    let good = [
        set("shot", "2025-03-01"),
        set("count", "12"),
        set("site", "https://example.com"),
        set("ok", "no"),
        set("note", "two\nlines"),
        set("tone", "muted, warm"),
    ];
    set_fields(&ana, &one, &good).unwrap();
    let d = assets::detail(&ana, ids[0]).unwrap();
    assert_eq!(d.fields["count"], FieldValue::One(Scalar::Int(12)));
    assert_eq!(d.fields["ok"], FieldValue::Yes(false));
    assert_eq!(d.fields["tone"], FieldValue::Many(vec!["muted".into(), "warm".into()]));
    for (name, value) in
        [("shot", "2025-02-30"), ("count", "lots"), ("site", "ftp://x"), ("ok", "perhaps"), ("tone", "hot")]
    {
        let err = set_fields(&ana, &one, &[set("count", "99"), set(name, value)]).unwrap_err();
        assert_eq!(err.field(), Some(name), "{name}={value}");
    }
    let d = assets::detail(&ana, ids[0]).unwrap();
    assert_eq!(d.fields["count"], FieldValue::One(Scalar::Int(12)), "a refused set writes nothing");
    let err = set_fields(&ana, &one, &[set("unknown", "1")]).unwrap_err();
    assert_eq!((err.code(), err.field()), (tessera_core::api::ErrorCode::InvalidInput, Some("unknown")));
}

#[test]
fn searches_on_fields_labels_flags_missing_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 10);
    // Today is 2026-12-03 by the library's clock.
    let library = library.with_clock(std::sync::Arc::new(tessera_core::runtime::FixedClock(1_796_300_000)));
    let ana = ctx(&library);
    define(&ana, "shoot_date", "date", &[]);
    define(&ana, "frames", "number", &[]);
    define(&ana, "agency", "choice", &["North", "South"]);
    define(&ana, "tone", "choices", &["warm", "cold"]);
    let required = FieldDefinition {
        name: "brief".into(),
        kind: "text".into(),
        required: true,
        kinds: vec!["image".into()],
        ..FieldDefinition::default()
    };
    fields::define_field(&ana, &required).unwrap();
    let on = |i: &[usize]| Selection::Ids { ids: i.iter().map(|&i| ids[i]).collect() };
    set_fields(&ana, &on(&[0, 1]), &[set("label", "red"), set("flag", "pick"), set("licence", "CC BY")]).unwrap();
    set_fields(&ana, &on(&[2]), &[set("label", "blue"), set("flag", "reject"), set("alt_text", "a gull")]).unwrap();
    set_fields(&ana, &on(&[0]), &[set("expires", "2026-01-01"), set("shoot_date", "2025-03-02")]).unwrap();
    set_fields(&ana, &on(&[1]), &[set("expires", "2027-06-30"), set("shoot_date", "2025-02-27")]).unwrap();
    set_fields(&ana, &on(&[3]), &[set("expires", "2026-12-03"), set("frames", "12"), set("agency", "north")]).unwrap();
    set_fields(&ana, &on(&[4]), &[set("frames", "3.5"), set("tone", "cold,warm"), set("brief", "x")]).unwrap();
    let cases: &[(&str, u64)] = &[
        ("label:red", 2),
        ("label:RED flag:pick", 2),
        ("flag:reject", 1),
        ("licence:\"cc by\"", 2),
        ("missing:alt", 9),
        ("missing:caption", 10),
        ("missing:licence", 8),
        ("expires<2027-01-01", 2),
        ("expires:2027", 1),
        ("expires>=2026-12-03", 2),
        ("rights:expired", 1),
        ("shoot_date>2025-03-01", 1),
        ("shoot_date<=2025-03-01", 1),
        ("shoot_date:2025-03-02", 1),
        ("frames>=4", 1),
        ("frames<4", 1),
        ("agency:North", 1),
        ("agency:south", 0),
        ("tone:warm", 1),
        ("brief:X", 1),
        // Ids 0 and 5 are videos (brief is for images); of the 8 images, one has a brief.
        ("missing:required", 7),
        ("gull", 1),
        ("gull label:blue", 1),
    ];
    for (query, want) in cases {
        assert_eq!(total(&ana, query), *want, "{query}");
    }
    // Retired choices stay searchable.
    fields::edit_choices(&ana, "agency", &[], &["North".into()]).unwrap();
    assert_eq!(total(&ana, "agency:north"), 1, "a retired value is still on the asset and found");
    let refused: &[(&str, &str)] = &[
        ("label:white", "white"),
        ("flag:maybe", "maybe"),
        ("agency:East", "East"),
        ("frames>many", "many"),
        ("shoot_date>2025-02-30", "2025-02-30"),
        ("agency>North", ">"),
        ("colour:red", "colour:"),
        ("missing:everything", "everything"),
        ("rights:fine", "fine"),
    ];
    for (query, token) in refused {
        let err =
            search::run(&ana, &SearchRequest { query: query.to_string(), ..SearchRequest::default() }).unwrap_err();
        match err {
            tessera_core::Error::Query(q) => assert_eq!(q.token, *token, "{query}: the caret is under the bad token"),
            other => panic!("{query}: {other}"),
        }
    }
}
