//! Property tests: random and mutated input to the query parser and to the EXIF, XMP and IPTC readers never panics.
//! A panic in a reader would abort an ingest worker; these keep that proof running on every build.

use proptest::prelude::*;
use tessera_core::domain::query;
use tessera_core::metadata::{self, exif, iptc, xmp};

/// Pieces queries are made of, so random queries reach deep into the grammar, not only its first error.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("tag:".to_string()),
        Just("-tag:".to_string()),
        Just("\"".to_string()),
        Just("rating>=".to_string()),
        Just("taken:2024-".to_string()),
        Just("added>".to_string()),
        Just("width<".to_string()),
        Just("type:".to_string()),
        Just(" ".to_string()),
        Just("-".to_string()),
        "[a-z0-9:<>=\"*() -]{0,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|parts| parts.concat())
}

fn jpeg_with(segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    for (marker, body) in segments {
        let body = &body[..body.len().min(60_000)];
        out.extend([0xFF, *marker]);
        out.extend(((body.len() + 2) as u16).to_be_bytes());
        out.extend(body);
    }
    out.extend([0xFF, 0xD9]);
    out
}

const XMP: &str = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Hero</rdf:li></rdf:Alt></dc:title><dc:subject><rdf:Bag><rdf:li>a</rdf:li><rdf:li>b</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn the_query_parser_never_panics(text in query_text()) {
        if let Err(e) = query::parse(&text) {
            // The caret line is drawn from the offset: it must stay inside the text.
            let _ = e.caret_line(&text);
        }
    }

    #[test]
    fn the_query_parser_never_panics_on_any_string(text in any::<String>()) {
        let _ = query::parse(&text);
    }

    #[test]
    fn metadata_readers_never_panic_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let _ = exif::read_exif(&bytes);
        let _ = xmp::read_xmp(&bytes);
        let _ = iptc::read_iptc_keywords(&bytes);
        let _ = metadata::extract(&bytes);
    }

    #[test]
    fn metadata_readers_never_panic_on_mutated_segments(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..24),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut app1 = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
        app1.extend(XMP.as_bytes());
        let mut exif_body = b"Exif\0\0II*\0\x08\0\0\0\x02\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\x0f\x01\x02\0\x04\0\0\0Ab\0\0\0\0\0\0".to_vec();
        exif_body.extend([0u8; 16]);
        let iptc_body = b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0c\x1c\x02\x19\0\x07summer!\0".to_vec();
        let mut bytes = jpeg_with(&[(0xE1, exif_body), (0xE1, app1), (0xED, iptc_body)]);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let _ = metadata::extract(&bytes);
        let _ = exif::read_exif(&bytes);
        let _ = xmp::read_xmp(&bytes);
        let _ = iptc::read_iptc_keywords(&bytes);
    }
}
