//! Embedded-metadata extraction: EXIF, XMP and IPTC.
//!
//! [`extract`] takes the raw bytes of a file and returns an
//! [`ExtractedMetadata`] with everything Tessera indexes:
//!
//! * **EXIF** ([`exif`], via `kamadak-exif`, which finds the EXIF block in
//!   JPEG, TIFF/RAW, PNG, WebP and HEIF containers): capture time, camera
//!   make/model, lens, exposure time, f-number, ISO, focal length, GPS
//!   position, orientation and software.
//! * **XMP** ([`xmp`], via `quick-xml`): the XMP packet is located by a
//!   byte search (so it works for any container that stores it uncompressed:
//!   JPEG APP1, PNG iTXt, TIFF, WebP, PSD, ...), then parsed for title,
//!   description, keywords (`dc:subject`), rating, creator and rights.
//! * **IPTC-IIM** ([`iptc`]): keywords (dataset 2:25) from the Photoshop
//!   APP13 segment of JPEG files.
//!
//! Every reader is total: malformed, truncated or absent metadata simply
//! yields empty fields, never an error or a panic.
//!
//! # Adding a field
//!
//! 1. Add an `Option<_>` field to [`ExifFields`] or [`XmpFields`] with
//!    `#[serde(skip_serializing_if = "Option::is_none")]` (the structs are
//!    `#[serde(default)]`, so previously stored JSON still deserializes).
//! 2. EXIF: read it in `exif::fields_from` with the `ascii`/`number` helpers
//!    and the `exif::Tag` constant. XMP: add a variant to `xmp::Prop`, map
//!    its namespace + local name in `xmp::classify`, and store it in
//!    `xmp::apply` (element and attribute forms both go through there).
//! 3. Extend the round-trip test in that file's builder-based tests.

pub mod exif;
pub mod iptc;
pub mod xmp;
pub mod xmp_sidecar;

pub use exif::ExifFields;
pub use xmp::XmpFields;

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Everything extracted from one file's embedded metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExtractedMetadata {
    pub exif: ExifFields,
    pub xmp: XmpFields,
    pub iptc_keywords: Vec<String>,
}

/// Extracts EXIF, XMP and IPTC metadata from a file's bytes.
///
/// Never panics and never fails: malformed or absent metadata yields empty fields.
pub fn extract(bytes: &[u8]) -> ExtractedMetadata {
    ExtractedMetadata {
        exif: exif::read_exif(bytes),
        xmp: xmp::read_xmp(bytes),
        iptc_keywords: iptc::read_iptc_keywords(bytes),
    }
}

impl ExtractedMetadata {
    /// Keywords from XMP dc:subject and IPTC 2:25, trimmed, de-duplicated case-insensitively, order kept, empties dropped.
    pub fn keywords(&self) -> Vec<String> {
        let mut seen = HashSet::new();
        self.xmp
            .keywords
            .iter()
            .chain(&self.iptc_keywords)
            .map(|k| k.trim())
            .filter(|k| !k.is_empty() && seen.insert(k.to_lowercase()))
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    //! Byte builders shared by all metadata tests (`super::super::tests::*`
    //! from the submodules), plus whole-file tests.
    use super::*;

    /// One TIFF IFD entry: tag, type, count, little-endian value bytes.
    pub(super) struct Entry(pub u16, pub u16, pub u32, pub Vec<u8>);

    pub(super) fn ascii(tag: u16, s: &str) -> Entry {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        Entry(tag, 2, v.len() as u32, v)
    }
    pub(super) fn short(tag: u16, v: u16) -> Entry {
        Entry(tag, 3, 1, v.to_le_bytes().to_vec())
    }
    pub(super) fn long(tag: u16, v: u32) -> Entry {
        Entry(tag, 4, 1, v.to_le_bytes().to_vec())
    }
    pub(super) fn rational(tag: u16, vals: &[(u32, u32)]) -> Entry {
        let mut v = Vec::new();
        for (n, d) in vals {
            v.extend_from_slice(&n.to_le_bytes());
            v.extend_from_slice(&d.to_le_bytes());
        }
        Entry(tag, 5, vals.len() as u32, v)
    }

    /// Serializes one IFD located at `offset`; values over 4 bytes follow it.
    fn ifd(entries: &[Entry], offset: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut data = Vec::new();
        let data_start = offset + 2 + 12 * entries.len() as u32 + 4;
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for Entry(tag, typ, count, bytes) in entries {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&typ.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            if bytes.len() <= 4 {
                let mut inline = bytes.clone();
                inline.resize(4, 0);
                out.extend_from_slice(&inline);
            } else {
                let at = data_start + data.len() as u32;
                out.extend_from_slice(&at.to_le_bytes());
                data.extend_from_slice(bytes);
                if data.len() % 2 == 1 {
                    data.push(0);
                }
            }
        }
        out.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
        out.extend_from_slice(&data);
        out
    }

    /// Little-endian TIFF: IFD0 (+ pointers), Exif sub-IFD, GPS IFD.
    pub(super) fn tiff(mut ifd0: Vec<Entry>, exif: Vec<Entry>, gps: Vec<Entry>) -> Vec<u8> {
        // Pointer values are inline LONGs, so IFD0's size does not depend on them.
        let n_ptr = usize::from(!exif.is_empty()) + usize::from(!gps.is_empty());
        let placeholder: Vec<Entry> = (0..n_ptr).map(|_| long(0xFFFF, 0)).collect();
        let mut probe: Vec<Entry> = ifd0.iter().map(|e| Entry(e.0, e.1, e.2, e.3.clone())).collect();
        probe.extend(placeholder);
        let ifd0_len = ifd(&probe, 8).len() as u32;
        let exif_off = 8 + ifd0_len;
        let exif_bytes = ifd(&exif, exif_off);
        let gps_off = exif_off + if exif.is_empty() { 0 } else { exif_bytes.len() as u32 };
        if !exif.is_empty() {
            ifd0.push(long(0x8769, exif_off));
        }
        if !gps.is_empty() {
            ifd0.push(long(0x8825, gps_off));
        }
        ifd0.sort_by_key(|e| e.0);
        let mut out = b"II*\0".to_vec();
        out.extend_from_slice(&8u32.to_le_bytes());
        out.extend(ifd(&ifd0, 8));
        if !exif.is_empty() {
            out.extend(exif_bytes);
        }
        if !gps.is_empty() {
            out.extend(ifd(&gps, gps_off));
        }
        out
    }

    /// A JPEG marker segment: FF `marker`, big-endian length, payload.
    pub(super) fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(payload);
        out
    }

    pub(super) fn app1_exif(tiff: &[u8]) -> Vec<u8> {
        segment(0xE1, &[b"Exif\0\0".as_slice(), tiff].concat())
    }

    pub(super) fn app1_xmp(packet: &str) -> Vec<u8> {
        segment(0xE1, &[b"http://ns.adobe.com/xap/1.0/\0".as_slice(), packet.as_bytes()].concat())
    }

    /// IPTC-IIM datasets: (record, dataset, data).
    pub(super) fn iptc_datasets(sets: &[(u8, u8, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (rec, ds, data) in sets {
            out.extend_from_slice(&[0x1C, *rec, *ds]);
            out.extend_from_slice(&(data.len() as u16).to_be_bytes());
            out.extend_from_slice(data);
        }
        out
    }

    /// One 8BIM image resource block with an empty Pascal name.
    pub(super) fn resource(id: u16, data: &[u8]) -> Vec<u8> {
        let mut out = b"8BIM".to_vec();
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(&[0, 0]); // empty name, padded to even
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(data);
        if data.len() % 2 == 1 {
            out.push(0);
        }
        out
    }

    pub(super) fn app13(resources: &[u8]) -> Vec<u8> {
        segment(0xED, &[b"Photoshop 3.0\0".as_slice(), resources].concat())
    }

    pub(super) fn jpeg(segments: &[Vec<u8>]) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8];
        for s in segments {
            out.extend_from_slice(s);
        }
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        let body = [kind.as_slice(), data].concat();
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
        out
    }

    /// A 1x1 PNG whose XMP sits in an uncompressed iTXt chunk.
    pub(super) fn png_with_xmp(packet: &str) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
        out.extend(png_chunk(b"IHDR", &ihdr));
        let itxt = [b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), packet.as_bytes()].concat();
        out.extend(png_chunk(b"iTXt", &itxt));
        out.extend(png_chunk(b"IEND", &[]));
        out
    }

    pub(super) const FULL_XMP: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmp:Rating="4">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sunset &amp; Sea</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Evening at the beach</rdf:li></rdf:Alt></dc:description>
   <dc:subject><rdf:Bag><rdf:li>beach</rdf:li><rdf:li>Sunset</rdf:li></rdf:Bag></dc:subject>
   <dc:creator><rdf:Seq><rdf:li>Ada Lovelace</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">(c) 2024 Ada</rdf:li></rdf:Alt></dc:rights>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#;

    /// A JPEG with EXIF (IFD0 + Exif + GPS), XMP and IPTC.
    pub(super) fn full_jpeg() -> Vec<u8> {
        let t = tiff(
            vec![
                ascii(0x010F, "Canon"),
                ascii(0x0110, "Canon EOS R5"),
                short(0x0112, 6),
                ascii(0x0131, "  Tessera Test 1.0 "),
            ],
            vec![
                rational(0x829A, &[(1, 250)]),
                rational(0x829D, &[(28, 10)]),
                short(0x8827, 400),
                ascii(0x9003, "2024:07:15 18:42:07"),
                rational(0x920A, &[(50, 1)]),
                ascii(0xA434, "RF24-105mm F4 L IS USM   "),
            ],
            vec![
                ascii(0x0001, "S"),
                rational(0x0002, &[(33, 1), (51, 1), (3_000, 100)]),
                ascii(0x0003, "W"),
                rational(0x0004, &[(151, 1), (12, 1), (36, 1)]),
            ],
        );
        let iptc = iptc_datasets(&[(1, 90, b"\x1b%G"), (2, 25, b"beach"), (2, 25, "Caf\u{e9}".as_bytes())]);
        jpeg(&[app1_exif(&t), app1_xmp(FULL_XMP), app13(&resource(0x0404, &iptc))])
    }

    #[test]
    fn full_jpeg_round_trip() {
        let m = extract(&full_jpeg());
        let e = &m.exif;
        assert_eq!(e.taken.as_deref(), Some("2024-07-15T18:42:07"));
        assert_eq!(e.make.as_deref(), Some("Canon"));
        assert_eq!(e.model.as_deref(), Some("Canon EOS R5"));
        assert_eq!(e.lens.as_deref(), Some("RF24-105mm F4 L IS USM"));
        assert_eq!(e.exposure_time.as_deref(), Some("1/250"));
        assert_eq!(e.f_number, Some(2.8));
        assert_eq!(e.iso, Some(400));
        assert_eq!(e.focal_length_mm, Some(50.0));
        let lat = e.gps_latitude.unwrap_or_default();
        let lon = e.gps_longitude.unwrap_or_default();
        assert!((lat - -(33.0 + 51.0 / 60.0 + 30.0 / 3600.0)).abs() < 1e-9, "{lat}");
        assert!((lon - -(151.0 + 12.0 / 60.0 + 36.0 / 3600.0)).abs() < 1e-9, "{lon}");
        assert_eq!(e.orientation, Some(6));
        assert_eq!(e.software.as_deref(), Some("Tessera Test 1.0"));

        let x = &m.xmp;
        assert_eq!(x.title.as_deref(), Some("Sunset & Sea"));
        assert_eq!(x.description.as_deref(), Some("Evening at the beach"));
        assert_eq!(x.keywords, vec!["beach", "Sunset"]);
        assert_eq!(x.rating, Some(4));
        assert_eq!(x.creator.as_deref(), Some("Ada Lovelace"));
        assert_eq!(x.rights.as_deref(), Some("(c) 2024 Ada"));

        assert_eq!(m.iptc_keywords, vec!["beach", "Caf\u{e9}"]);
        assert_eq!(m.keywords(), vec!["beach", "Sunset", "Caf\u{e9}"]);

        let json = serde_json::to_string(&m).unwrap_or_default();
        let back: ExtractedMetadata = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, m);
    }

    #[test]
    fn truncated_full_jpeg_never_panics() {
        let full = full_jpeg();
        for n in 0..full.len() {
            let m = extract(&full[..n]);
            // Whatever survives must still be well-formed.
            assert!(matches!(m.exif.orientation, None | Some(1..=8)));
        }
    }

    #[test]
    fn corrupted_full_jpeg_never_panics() {
        let full = full_jpeg();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3_000 {
            let mut b = full.clone();
            for _ in 0..(next() % 8 + 1) {
                let i = (next() % b.len() as u64) as usize;
                b[i] = next() as u8;
            }
            let _ = extract(&b);
        }
    }

    #[test]
    fn png_itxt_xmp_is_found() {
        let m = extract(&png_with_xmp(FULL_XMP));
        assert_eq!(m.xmp.title.as_deref(), Some("Sunset & Sea"));
        assert_eq!(m.xmp.rating, Some(4));
        assert_eq!(m.exif, ExifFields::default());
        assert!(m.iptc_keywords.is_empty());
    }

    #[test]
    fn keywords_merge_and_dedup() {
        let meta = ExtractedMetadata {
            xmp: XmpFields { keywords: vec![" Beach ".into(), "sunset".into(), "".into()], ..Default::default() },
            iptc_keywords: vec!["beach".into(), "Holiday".into(), "SUNSET".into(), "  ".into()],
            ..Default::default()
        };
        assert_eq!(meta.keywords(), vec!["Beach", "sunset", "Holiday"]);
    }

    #[test]
    fn extract_garbage_is_default() {
        assert_eq!(extract(&[]), ExtractedMetadata::default());
        assert_eq!(extract(b"not an image at all"), ExtractedMetadata::default());
        let noise: Vec<u8> = (0..10_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert_eq!(extract(&noise), ExtractedMetadata::default());
        // Looks like a JPEG/TIFF/PNG header followed by junk.
        for head in [&[0xFF, 0xD8, 0xFF, 0xE1][..], b"II*\0", b"MM\0*", b"\x89PNG\r\n\x1a\n"] {
            let mut b = head.to_vec();
            b.extend_from_slice(&noise[..200]);
            assert_eq!(extract(&b), ExtractedMetadata::default());
        }
    }

    #[test]
    fn serde_skips_empty_fields() {
        let json = serde_json::to_string(&ExtractedMetadata::default()).unwrap_or_default();
        assert_eq!(json, r#"{"exif":{},"xmp":{},"iptc_keywords":[]}"#);
        let back: ExtractedMetadata = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, ExtractedMetadata::default());
        let partial: ExtractedMetadata = serde_json::from_str(r#"{"exif":{"iso":100}}"#).unwrap_or_default();
        assert_eq!(partial.exif.iso, Some(100));
    }
}
