//! Tests of the query parser (kept apart from it: they are longer than the parser).
#![allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]

use super::*;

fn ok(input: &str) -> Query {
    parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"))
}
fn filters(input: &str) -> Vec<Filter> {
    let q = ok(input);
    assert!(q.text.is_empty(), "{input:?} -> {q:?}");
    q.filters
}
fn filter(input: &str) -> Filter {
    let f = filters(input);
    assert_eq!(f.len(), 1, "{input:?}");
    f.into_iter().next().unwrap()
}
fn err(input: &str) -> QueryError {
    match parse(input) {
        Ok(q) => panic!("{input:?} parsed: {q:?}"),
        Err(e) => {
            assert_eq!(&input[e.offset..e.offset + e.len], e.token);
            e
        }
    }
}
fn word(t: &str) -> TextTerm {
    TextTerm { text: t.into(), phrase: false, negated: false }
}
fn phrase(t: &str) -> TextTerm {
    TextTerm { text: t.into(), phrase: true, negated: false }
}
fn not(mut t: TextTerm) -> TextTerm {
    t.negated = true;
    t
}
fn period(s: &str) -> (i64, i64) {
    dates::parse_period(s).unwrap()
}

#[test]
fn empty_queries() {
    for s in ["", " ", "\t\n  ", "\u{3000}", "\"\"", "  \" \"  "] {
        let q = ok(s);
        assert!(q.is_empty(), "{s:?}");
        assert_eq!(q, Query::default());
    }
    assert!(!ok("x").is_empty());
    assert!(!ok("type:image").is_empty());
}

#[test]
fn words_phrases_negation() {
    let q = ok("  bra  \"summer campaign\" -draft -\"old stuff\"  ");
    assert_eq!(q.text, [word("bra"), phrase("summer campaign"), not(word("draft")), not(phrase("old stuff"))]);
    assert!(q.filters.is_empty());
    // A lone '-' is a word (fts drops it), "--x" is a negated "-x".
    assert_eq!(ok("- a").text, [word("-"), word("a")]);
    assert_eq!(ok("--x").text, [not(word("-x"))]);
    assert_eq!(ok("x-ray a-").text, [word("x-ray"), word("a-")]);
    // Quotes inside words are just characters; a phrase ends at its closing quote.
    assert_eq!(ok(r#"a"b"#).text, [word(r#"a"b"#)]);
    assert_eq!(ok(r#""a b"c"#).text, [phrase("a b"), word("c")]);
    assert_eq!(ok(r#"" padded ""#).text, [phrase("padded")]);
    assert_eq!(ok("final_v4 ...").text, [word("final_v4"), word("...")]);
}

#[test]
fn unicode_words() {
    assert_eq!(
        ok("café 東京 -Ærø \"naïve façade\"").text,
        [word("café"), word("東京"), not(word("Ærø")), phrase("naïve façade")]
    );
    assert_eq!(
        ok("tag:été uploader:Zoë").filters,
        [Filter::Tag { name: "été".into(), negated: false, exact: false }, Filter::Uploader("Zoë".into())]
    );
}

#[test]
fn colons_in_words() {
    for s in [
        "10:30",
        "http://x",
        "https://example.com/a?b=c",
        r"C:\photos",
        "note:",
        "a:",
        "x:-1",
        "a=",
        "a>",
        "::",
        ":tag",
        "2024:05:01",
        "v2:final",
        "tag2:x",
        "élan:x",
    ] {
        assert_eq!(ok(s).text, [word(s)], "{s:?}");
    }
    assert_eq!(ok("-http://x").text, [not(word("http://x"))]);
}

#[test]
fn tag_filters() {
    assert_eq!(
        filters(r#"tag:logo -tag:old TAG:"summer campaign" Tag=x tag:a:b"#),
        [
            Filter::Tag { name: "logo".into(), negated: false, exact: false },
            Filter::Tag { name: "old".into(), negated: true, exact: false },
            Filter::Tag { name: "summer campaign".into(), negated: false, exact: false },
            Filter::Tag { name: "x".into(), negated: false, exact: false },
            Filter::Tag { name: "a:b".into(), negated: false, exact: false },
        ]
    );
    assert_eq!(filter("tag:=Brand"), Filter::Tag { name: "Brand".into(), negated: false, exact: true });
    assert_eq!(
        filter(r#"-tag:="Brand Guide/Logos""#),
        Filter::Tag { name: "Brand Guide/Logos".into(), negated: true, exact: true }
    );
    assert_eq!(filter(r#"-tag:"old stuff""#), Filter::Tag { name: "old stuff".into(), negated: true, exact: false });
}

#[test]
fn simple_filters() {
    assert_eq!(filter("type:image"), Filter::Kind(AssetKind::Image));
    assert_eq!(filter("Type:VIDEO"), Filter::Kind(AssetKind::Video));
    assert_eq!(filter("type:audio"), Filter::Kind(AssetKind::Audio));
    assert_eq!(filter("type:document"), Filter::Kind(AssetKind::Document));
    assert_eq!(filter("type:font"), Filter::Kind(AssetKind::Font));
    assert_eq!(filter("type:\"other\""), Filter::Kind(AssetKind::Other));
    assert_eq!(filter("ext:jpg"), Filter::Ext("jpg".into()));
    assert_eq!(filter("ext:.PNG"), Filter::Ext("png".into()));
    assert_eq!(filter("EXT:tar.gz"), Filter::Ext("tar.gz".into()));
    assert_eq!(filter("uploader:ann"), Filter::Uploader("ann".into()));
    assert_eq!(filter("uploader:\"Ann Lee\""), Filter::Uploader("Ann Lee".into()));
    assert_eq!(filter("campaign:\"Summer 25\""), Filter::Field(TextField::Campaign, "Summer 25".into()));
    assert_eq!(filter("Credit:AP"), Filter::Field(TextField::Credit, "AP".into()));
    assert_eq!(filter("creator:ana"), Filter::Field(TextField::Creator, "ana".into()));
    assert_eq!(filter("orientation:landscape"), Filter::Orientation(Orientation::Landscape));
    assert_eq!(filter("orientation:Portrait"), Filter::Orientation(Orientation::Portrait));
    assert_eq!(filter("orientation=square"), Filter::Orientation(Orientation::Square));
}

#[test]
fn numeric_filters() {
    assert_eq!(filter("width>1000"), Filter::Width(Cmp::Gt, 1000));
    assert_eq!(filter("width>=1000"), Filter::Width(Cmp::Ge, 1000));
    assert_eq!(filter("width:1920"), Filter::Width(Cmp::Eq, 1920));
    assert_eq!(filter("width=1920"), Filter::Width(Cmp::Eq, 1920));
    assert_eq!(filter("height<=500"), Filter::Height(Cmp::Le, 500));
    assert_eq!(filter("HEIGHT<500"), Filter::Height(Cmp::Lt, 500));
    assert_eq!(filter("height:\"0\""), Filter::Height(Cmp::Eq, 0));
    assert_eq!(filter("rating>=4"), Filter::Rating(Cmp::Ge, 4));
    assert_eq!(filter("rating:5"), Filter::Rating(Cmp::Eq, 5));
    assert_eq!(filter("rating<1"), Filter::Rating(Cmp::Lt, 1));
    assert_eq!(filter("rating:0"), Filter::Rating(Cmp::Eq, 0));
}

#[test]
fn date_filters() {
    let (y0, y1) = period("2024");
    assert_eq!(y0, 1_704_067_200);
    assert_eq!(y1, 1_735_689_600);
    let r = |start, end| TimeRange { start, end };
    assert_eq!(filter("taken:2024"), Filter::Taken(r(Some(y0), Some(y1))));
    assert_eq!(filter("taken=2024"), Filter::Taken(r(Some(y0), Some(y1))));
    let (m0, m1) = period("2024-05");
    assert_eq!((m0, m1), (1_714_521_600, 1_717_200_000));
    assert_eq!(filter("taken:2024-05"), Filter::Taken(r(Some(m0), Some(m1))));
    let (d0, d1) = period("2024-05-01");
    assert_eq!((d0, d1), (1_714_521_600, 1_714_608_000));
    assert_eq!(filter("taken:2024-05-01"), Filter::Taken(r(Some(d0), Some(d1))));
    let (a0, a1) = period("2025-01-01");
    assert_eq!(filter("added>2025-01-01"), Filter::Added(r(Some(a1), None)));
    assert_eq!(filter("added>=2025-01-01"), Filter::Added(r(Some(a0), None)));
    assert_eq!(filter("added<2025-01-01"), Filter::Added(r(None, Some(a0))));
    assert_eq!(filter("added<=2025-01-01"), Filter::Added(r(None, Some(a1))));
    let (j0, _) = period("2023-06");
    assert_eq!(filter("taken>=2023-06"), Filter::Taken(r(Some(j0), None)));
    assert_eq!(filter("ADDED:\"1970\""), Filter::Added(r(Some(0), Some(31_536_000))));

    let may = TimeRange::from_period(Cmp::Eq, (m0, m1));
    assert!(may.contains(m0) && may.contains(m1 - 1));
    assert!(!may.contains(m0 - 1) && !may.contains(m1));
    assert!(TimeRange::from_period(Cmp::Gt, (m0, m1)).contains(m1));
    assert!(!TimeRange::from_period(Cmp::Gt, (m0, m1)).contains(m1 - 1));
    assert!(TimeRange::from_period(Cmp::Le, (m0, m1)).contains(m1 - 1));
    assert!(!TimeRange::from_period(Cmp::Lt, (m0, m1)).contains(m0));
}

#[test]
fn mixed_query() {
    let q = ok(
        r#"brand "summer campaign" -draft tag:logo -tag:old type:image ext:.PNG width>=1000 orientation:landscape rating>=4 taken:2024-05 added<2025-01-01 uploader:"Ann Lee" 10:30"#,
    );
    assert_eq!(q.text, [word("brand"), phrase("summer campaign"), not(word("draft")), word("10:30")]);
    assert_eq!(q.filters.len(), 10);
    assert_eq!(q.filters[3], Filter::Ext("png".into()));
    assert_eq!(q.filters[9], Filter::Uploader("Ann Lee".into()));
}

#[test]
fn display_of_bad_type() {
    let e = err("type:spreadsheet");
    assert_eq!(
        e.to_string(),
        "bad value for type: 'spreadsheet' (expected image, video, audio, document, font or other) at column 6"
    );
    assert_eq!((e.offset, e.len, e.column), (5, 11, 6));
    assert_eq!(e.token, "spreadsheet");
}

#[test]
fn unknown_filter() {
    let e = err("red colour:red");
    assert_eq!((e.offset, e.len, e.column), (4, 7, 5));
    assert_eq!(e.token, "colour:");
    assert_eq!(
        e.message,
        "unknown filter 'colour:' (known: tag, type, ext, uploader, creator, credit, campaign, width, height, orientation, rating, taken, added, is, licence, label, flag, missing, expires, rights, collection, smart, status)"
    );
    let e = err("size>1000");
    assert_eq!((e.offset, e.token.as_str()), (0, "size>"));
    let e = err("-Colour:\"dark red\"");
    assert_eq!((e.offset, e.token.as_str()), (1, "Colour:"));
    assert!(e.message.starts_with("unknown filter 'Colour:'"));
    let e = err("mailto:ann");
    assert_eq!(e.token, "mailto:");
}

#[test]
fn bad_values() {
    let cases = [
        // input, offset, token, message start
        ("width>abc", 6, "abc", "bad value for width: 'abc' (expected a whole number"),
        ("width>-5", 6, "-5", "bad value for width: '-5'"),
        ("height:1.5", 7, "1.5", "bad value for height: '1.5'"),
        ("height:99999999999999999999", 7, "99999999999999999999", "bad value for height"),
        ("rating>=9", 8, "9", "bad value for rating: '9' (expected a whole number from 0 to 5)"),
        ("rating:five", 7, "five", "bad value for rating: 'five'"),
        ("taken:2024-13", 6, "2024-13", "bad value for taken: '2024-13' (expected a date"),
        ("added>2023-02-29", 6, "2023-02-29", "bad value for added: '2023-02-29'"),
        ("taken:0000", 6, "0000", "bad value for taken"),
        ("taken:yesterday", 6, "yesterday", "bad value for taken"),
        (
            "orientation:diagonal",
            12,
            "diagonal",
            "bad value for orientation: 'diagonal' (expected landscape, portrait or square)",
        ),
        ("type:\"spread sheet\"", 5, "\"spread sheet\"", "bad value for type: 'spread sheet'"),
        ("a type:imag", 7, "imag", "bad value for type: 'imag'"),
    ];
    for (input, offset, token, message) in cases {
        let e = err(input);
        assert_eq!(e.offset, offset, "{input}");
        assert_eq!(e.token, token, "{input}");
        assert_eq!(e.column, offset + 1, "{input}");
        assert!(e.message.starts_with(message), "{input}: {}", e.message);
    }
}

#[test]
fn comparison_not_allowed() {
    let e = err("tag>x");
    assert_eq!((e.offset, e.len, e.token.as_str(), e.column), (3, 1, ">", 4));
    assert_eq!(e.message, "tag does not take a comparison '>' (use tag:NAME)");
    for (input, op) in [
        ("type>=image", ">="),
        ("ext<jpg", "<"),
        ("uploader<=a", "<="),
        ("campaign>x", ">"),
        ("orientation>square", ">"),
        ("-tag<x", "<"),
    ] {
        let e = err(input);
        assert_eq!(e.token, op, "{input}");
        assert!(e.message.contains("does not take a comparison"), "{input}");
    }
}

#[test]
fn empty_values() {
    let e = err("tag:");
    assert_eq!((e.offset, e.len, e.token.as_str(), e.column), (0, 4, "tag:", 1));
    assert_eq!(e.message, "empty value for tag: (use tag:NAME)");
    assert_eq!(err("x tag: y").token, "tag:");
    assert_eq!(err("-tag:").token, "-tag:");
    assert_eq!(err("tag:\"\"").token, "tag:\"\"");
    assert_eq!(err("tag:\"  \"").token, "tag:\"  \"");
    assert_eq!(err("width>=").token, "width>=");
    assert_eq!(err("ext:.").token, "ext:.");
    assert!(err("taken:").message.starts_with("empty value for taken:"));
}

#[test]
fn unterminated_quotes() {
    let e = err("a \"summer campaign");
    assert_eq!((e.offset, e.len, e.token.as_str(), e.column), (2, 1, "\"", 3));
    assert_eq!(e.message, "unterminated quote (add a closing \")");
    assert_eq!(e.to_string(), "unterminated quote (add a closing \") at column 3");
    assert_eq!(err("-\"x").offset, 1);
    assert_eq!(err("\"").offset, 0);
    let e = err("tag:\"summer");
    assert_eq!((e.offset, e.token.as_str()), (4, "\""));
    let e = err("\"a\" \"b");
    assert_eq!(e.offset, 4);
}

#[test]
fn negating_other_filters() {
    let e = err("x -type:image");
    assert_eq!((e.offset, e.token.as_str(), e.column), (2, "-type:", 3));
    assert_eq!(e.message, "cannot exclude with '-type:' (only -tag: can be negated)");
    assert_eq!(err("-width>5").token, "-width>");
}

#[test]
fn columns_count_chars() {
    // "café 東京 type:" is 4 + 1 + 2 + 1 + 5 = 13 chars but 5 + 1 + 6 + 1 + 5 = 18 bytes.
    let input = "café 東京 type:spreadsheet";
    let e = err(input);
    assert_eq!(e.offset, 18);
    assert_eq!(e.column, 14);
    assert_eq!(e.token, "spreadsheet");
    assert_eq!(e.caret_line(input), "café 東京 type:spreadsheet\n             ^^^^^^^^^^^");
    let e = err("🙂 \"Ünïcödé");
    assert_eq!((e.offset, e.column), (5, 3));
    let e = err("tag:\"été");
    assert_eq!((e.offset, e.column), (4, 5));
    let e = err("été colour:x");
    assert_eq!((e.offset, e.column), (6, 5));
}

#[test]
fn caret_lines() {
    let input = "brand type:spreadsheet";
    assert_eq!(err(input).caret_line(input), "brand type:spreadsheet\n           ^^^^^^^^^^^");
    let input = "a\ttag>x";
    assert_eq!(err(input).caret_line(input), "a tag>x\n     ^");
    let input = "tag:";
    assert_eq!(err(input).caret_line(input), "tag:\n^^^^");
    // A hand-made error past the end still shows a caret.
    let e = QueryError::new("ab", 2, 0, "x".into());
    assert_eq!(e.column, 3);
    assert_eq!(e.caret_line("ab"), "ab\n  ^");
}

#[test]
fn cmp_and_orientation_helpers() {
    assert!(Cmp::Ge.matches(4, 4) && !Cmp::Gt.matches(4, 4));
    assert!(Cmp::Lt.matches(3, 4) && Cmp::Le.matches(4, 4) && Cmp::Eq.matches(1, 1));
    assert_eq!(Cmp::Le.as_sql(), "<=");
    assert_eq!(Orientation::of(3, 2), Orientation::Landscape);
    assert_eq!(Orientation::of(2, 3), Orientation::Portrait);
    assert_eq!(Orientation::of(2, 2), Orientation::Square);
}

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "", " ", "-", "\"", ":", ">", ">=", "<", "=", "tag", "type", "taken", "x", "é", "東", "2024", "-tag", "\t",
        "\u{3000}", "🙂", "rating", "\\",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let s = format!("{a}{b}{c}");
                if let Err(e) = parse(&s) {
                    assert!(s.is_char_boundary(e.offset));
                    assert_eq!(s.get(e.offset..e.offset + e.len), Some(e.token.as_str()));
                    let _ = e.caret_line(&s);
                }
            }
        }
    }
}

#[test]
fn field_filters() {
    use crate::domain::fields::BuiltIn;
    assert_eq!(filters("label:Red flag:PICK"), [Filter::Label("red".into()), Filter::Flag("pick".into())]);
    assert_eq!(filters("licence:\"CC BY\""), [Filter::Field(TextField::Licence, "CC BY".into())]);
    assert_eq!(
        filters("missing:alt missing:caption missing:required"),
        [
            Filter::Missing(Missing::Field(BuiltIn::AltText)),
            Filter::Missing(Missing::Field(BuiltIn::Caption)),
            Filter::Missing(Missing::Required)
        ]
    );
    assert_eq!(filters("rights:expired"), [Filter::RightsExpired], "without today, left for the store");
    let q = parse_with("rights:expired", &[], Some(86_400)).unwrap();
    assert_eq!(q.filters, [Filter::Expires(TimeRange { start: None, end: Some(86_400) })], "before today");
    let Filter::Expires(range) = &filters("expires<2027-01-01")[0] else { panic!("an expires range") };
    assert_eq!((range.start, range.end.is_some()), (None, true));
    assert_eq!(err("label:white").token, "white");
    assert_eq!(err("flag>pick").token, ">");
    assert_eq!(err("missing:everything").token, "everything");
}

#[test]
fn custom_field_filters_need_the_library_fields() {
    use crate::domain::fields::{CustomField, FieldType, Scalar};
    let field = |name: &str, kind| CustomField {
        id: 7,
        name: name.into(),
        kind,
        required: false,
        kinds: Vec::new(),
        position: 0,
        choices: Vec::new(),
    };
    let fields = [field("shoot_date", FieldType::Date), field("note", FieldType::Text)];
    let q = parse_with("shoot_date>2025-03-01 note:Hi v2:final", &fields, None).unwrap();
    assert_eq!(
        q.filters,
        [
            Filter::Custom(CustomFilter {
                field: 7,
                name: "shoot_date".into(),
                kind: FieldType::Date,
                cmp: Cmp::Gt,
                value: Scalar::Text("2025-03-01".into())
            }),
            Filter::Custom(CustomFilter {
                field: 7,
                name: "note".into(),
                kind: FieldType::Text,
                cmp: Cmp::Eq,
                value: Scalar::Text("Hi".into())
            }),
        ]
    );
    assert_eq!(q.text.len(), 1, "v2:final stays a word");
    let e = parse_with("note>x", &fields, None).unwrap_err();
    assert_eq!(e.token, ">", "a text field takes no comparison");
    let e = parse_with("shoot_date:soon", &fields, None).unwrap_err();
    assert_eq!(e.token, "soon");
    assert_eq!(ok("shoot_date:2025").text.len(), 1, "without the library's fields, an unknown key with _ is a word");
}

#[test]
fn collection_and_smart_filters() {
    let q = parse(r#"collection:"Spring 2027/Social" smart:Selects beach"#).expect("valid");
    assert_eq!(
        q.filters,
        vec![Filter::Collection("Spring 2027/Social".into()), Filter::Smart("Selects".into())],
        "quoted paths keep their spaces and slashes"
    );
    assert_eq!(q.text.len(), 1);
    let e = err("-collection:x");
    assert_eq!(e.column, 1, "only tags can be excluded");
    let e = err("smart:");
    assert!(e.message.contains("empty value for smart"), "{}", e.message);
    let e = err("collection>x");
    assert!(e.message.contains("does not take a comparison"), "{}", e.message);
}
