//! Tests of the field checks: every built-in field and every custom type, good and bad values.
#![allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]

use super::*;

#[test]
fn built_in_values() {
    let good: &[(BuiltIn, &str, Option<Scalar>)] = &[
        (BuiltIn::Rating, "0", Some(Scalar::Int(0))),
        (BuiltIn::Rating, " 5 ", Some(Scalar::Int(5))),
        (BuiltIn::Rating, "", None),
        (BuiltIn::Label, "Red", Some(Scalar::Text("red".into()))),
        (BuiltIn::Label, "purple", Some(Scalar::Text("purple".into()))),
        (BuiltIn::Flag, "PICK", Some(Scalar::Text("pick".into()))),
        (BuiltIn::Flag, "reject", Some(Scalar::Text("reject".into()))),
        (BuiltIn::Expires, "2027-02-28", Some(Scalar::Text("2027-02-28".into()))),
        (BuiltIn::Expires, "2028-02-29", Some(Scalar::Text("2028-02-29".into()))),
        (BuiltIn::Licence, " CC BY ", Some(Scalar::Text("CC BY".into()))),
        (BuiltIn::AltText, "A dog\non a beach", Some(Scalar::Text("A dog\non a beach".into()))),
        (BuiltIn::Headline, " Big news ", Some(Scalar::Text("Big news".into()))),
        (BuiltIn::ContactUrl, "https://ada.example", Some(Scalar::Text("https://ada.example".into()))),
        (BuiltIn::WebStatement, "http://x.example/r", Some(Scalar::Text("http://x.example/r".into()))),
        (BuiltIn::RightsMarked, "yes", Some(Scalar::Int(1))),
        (BuiltIn::RightsMarked, "False", Some(Scalar::Int(0))),
        (BuiltIn::ContactEmail, "ada@example.com", Some(Scalar::Text("ada@example.com".into()))),
    ];
    for (field, raw, want) in good {
        assert_eq!(&field.check(raw).unwrap(), want, "{} = {raw:?}", field.name());
    }
    let bad: &[(BuiltIn, &str)] = &[
        (BuiltIn::Rating, "6"),
        (BuiltIn::Rating, "-1"),
        (BuiltIn::Rating, "4.5"),
        (BuiltIn::Rating, "four"),
        (BuiltIn::Label, "white"),
        (BuiltIn::Label, "redd"),
        (BuiltIn::Flag, "maybe"),
        (BuiltIn::Expires, "2027-02-30"),
        (BuiltIn::Expires, "2027-2-3"),
        (BuiltIn::Expires, "2027-13-01"),
        (BuiltIn::Expires, "27-01-01"),
        (BuiltIn::Expires, "2027-01-01T00:00"),
        (BuiltIn::Expires, "tomorrow"),
        (BuiltIn::Title, "bell\u{7}"),
        (BuiltIn::ContactUrl, "ada.example"),
        (BuiltIn::WebStatement, "ftp://x.example"),
        (BuiltIn::RightsMarked, "maybe"),
    ];
    for (field, raw) in bad {
        let err = field.check(raw).unwrap_err();
        assert_eq!(err.field(), Some(field.name()), "{raw:?} is refused at its field");
        assert!(err.to_string().contains(&format!("{raw:?}")), "the message names the value: {err}");
    }
}

#[test]
fn built_in_names() {
    assert_eq!(BuiltIn::parse("alt-text"), Some(BuiltIn::AltText));
    assert_eq!(BuiltIn::parse("Usage_Terms"), Some(BuiltIn::UsageTerms));
    assert_eq!(BuiltIn::parse("nope"), None);
    assert_eq!(BuiltIn::Copyright.column(), "rights");
}

fn field(kind: FieldType) -> CustomField {
    CustomField {
        id: 1,
        name: "f".into(),
        kind,
        required: false,
        kinds: Vec::new(),
        position: 0,
        choices: vec![
            Choice { value: "CC BY".into(), retired: false },
            Choice { value: "CC0".into(), retired: false },
            Choice { value: "Old".into(), retired: true },
        ],
    }
}

/// Every type x good and bad values.
#[test]
fn custom_values() {
    use FieldType::*;
    let t = |s: &str| Scalar::Text(s.into());
    let good: Vec<(FieldType, &str, Vec<Scalar>)> = vec![
        (Text, "Ana Lima", vec![t("Ana Lima")]),
        (Text, "", vec![]),
        (LongText, "line one\nline two", vec![t("line one\nline two")]),
        (Number, "42", vec![Scalar::Int(42)]),
        (Number, "-3.5", vec![Scalar::Real(-3.5)]),
        (Number, "1e3", vec![Scalar::Real(1000.0)]),
        (Date, "2025-03-01", vec![t("2025-03-01")]),
        (Url, "https://example.com/a?b=c", vec![t("https://example.com/a?b=c")]),
        (Url, "http://x.org", vec![t("http://x.org")]),
        (Bool, "yes", vec![Scalar::Int(1)]),
        (Bool, "False", vec![Scalar::Int(0)]),
        (Bool, "1", vec![Scalar::Int(1)]),
        (Choice, "cc by", vec![t("CC BY")]),
        (Choices, "CC0, cc by, CC0", vec![t("CC0"), t("CC BY")]),
    ];
    for (kind, raw, want) in good {
        assert_eq!(field(kind).check(raw).unwrap(), want, "{} = {raw:?}", kind.as_str());
    }
    let bad: Vec<(FieldType, &str)> = vec![
        (Text, "two\nlines"),
        (Number, "forty"),
        (Number, "inf"),
        (Number, "NaN"),
        (Number, "1,5"),
        (Number, "1e999"),
        (Date, "2025-02-29"),
        (Date, "2025/03/01"),
        (Date, "March 1"),
        (Url, "example.com"),
        (Url, "ftp://x.org"),
        (Url, "https://"),
        (Url, "https://a b.com"),
        (Url, "javascript:alert(1)"),
        (Bool, "maybe"),
        (Bool, "2"),
        (Choice, "CC BY-SA"),
        (Choice, "Old"),
        (Choices, "CC0, nope"),
        (Choices, "CC0, old"),
    ];
    for (kind, raw) in bad {
        let err = field(kind).check(raw).unwrap_err();
        assert_eq!(err.field(), Some("f"), "{} = {raw:?} is refused at the field", kind.as_str());
        assert!(err.to_string().contains(&format!("{raw:?}")), "the message names the value: {err}");
    }
}

#[test]
fn field_names() {
    assert_eq!(check_field_name(" shoot_date ").unwrap(), "shoot_date");
    for bad in ["", "1st", "a b", "a-b", "title", "Alt-Text", "tag", "rating", &"x".repeat(65)] {
        assert!(check_field_name(bad).is_err(), "{bad:?} is refused");
    }
}
