//! IPTC-IIM keywords (dataset 2:25) from a JPEG's Photoshop APP13 segment.
//!
//! Layout: JPEG markers -> APP13 "Photoshop 3.0\0" -> 8BIM image resource
//! blocks -> resource 0x0404 (IPTC-NAA) -> IIM datasets. Every read is
//! bounds-checked and every loop advances, so hostile input can neither panic
//! nor hang.

const PHOTOSHOP_ID: &[u8] = b"Photoshop 3.0\0";
const RESOURCE_IPTC: u16 = 0x0404;
/// ISO 2022 escape for UTF-8 in dataset 1:90 (coded character set).
const UTF8_ESCAPE: &[u8] = b"\x1b%G";

/// Keywords (IPTC 2:25) of a JPEG, trimmed, empties dropped, file order kept.
/// Non-JPEG or malformed input gives an empty list.
pub fn read_iptc_keywords(bytes: &[u8]) -> Vec<String> {
    let resources = photoshop_resources(bytes);
    let mut raw = Vec::new();
    let mut utf8 = false;
    for_each_resource(&resources, |id, data| {
        if id == RESOURCE_IPTC {
            read_datasets(data, &mut raw, &mut utf8);
        }
    });
    raw.iter()
        .map(|k| decode(k, utf8))
        .map(|k| k.trim_matches(|c: char| c.is_whitespace() || c == '\0').to_owned())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Concatenated payloads of all Photoshop APP13 segments (large resource
/// sets are split across several segments).
fn photoshop_resources(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return out;
    }
    let mut pos = 2;
    loop {
        // Fill bytes: any number of 0xFF before the marker code.
        if bytes.get(pos) != Some(&0xFF) {
            break;
        }
        while bytes.get(pos) == Some(&0xFF) {
            pos += 1;
        }
        let Some(&marker) = bytes.get(pos) else { break };
        pos += 1;
        match marker {
            0xD9 | 0xDA => break,                  // EOI, SOS
            0x01 | 0xD0..=0xD7 | 0xD8 => continue, // standalone markers
            _ => {}
        }
        let Some(len) = be16(bytes, pos).map(usize::from) else {
            break;
        };
        if len < 2 {
            break;
        }
        let Some(data) = bytes.get(pos + 2..pos + len) else {
            break;
        };
        if marker == 0xED {
            if let Some(payload) = data.strip_prefix(PHOTOSHOP_ID) {
                out.extend_from_slice(payload);
            }
        }
        pos += len;
    }
    out
}

/// Calls `f(id, data)` for each image resource block; stops at the first
/// malformed one. A truncated final block yields the bytes that are there.
fn for_each_resource(bytes: &[u8], mut f: impl FnMut(u16, &[u8])) {
    let mut pos = 0usize;
    while let Some(sig) = bytes.get(pos..pos + 4) {
        if !matches!(sig, b"8BIM" | b"PHUT" | b"AgHg" | b"DCSR" | b"MeSa") {
            break;
        }
        let Some(id) = be16(bytes, pos + 4) else {
            break;
        };
        // Pascal name: length byte + text, padded to an even total.
        let Some(&name_len) = bytes.get(pos + 6) else {
            break;
        };
        let name_total = (1 + usize::from(name_len) + 1) & !1;
        let size_at = pos + 6 + name_total;
        let Some(size) = be32(bytes, size_at).and_then(|s| usize::try_from(s).ok()) else {
            break;
        };
        let start = size_at + 4;
        let end = start.saturating_add(size).min(bytes.len());
        let Some(data) = bytes.get(start..end) else {
            break;
        };
        f(id, data);
        // Data is padded to an even length.
        let Some(next) = start.checked_add(size).and_then(|e| e.checked_add(size & 1)) else {
            break;
        };
        pos = next;
    }
}

/// Collects 2:25 values and notes a UTF-8 declaration in 1:90.
fn read_datasets(bytes: &[u8], keywords: &mut Vec<Vec<u8>>, utf8: &mut bool) {
    let mut pos = 0usize;
    while let Some(&[tag, record, dataset]) = bytes.get(pos..pos + 3) {
        if tag != 0x1C {
            break;
        }
        let Some(len_field) = be16(bytes, pos + 3) else {
            break;
        };
        pos += 5;
        let len = if len_field & 0x8000 == 0 {
            usize::from(len_field)
        } else {
            // Extended dataset: the low 15 bits give the size of the length.
            let n = usize::from(len_field & 0x7FFF);
            let Some(len_bytes) = bytes.get(pos..pos.saturating_add(n)) else {
                break;
            };
            if n > std::mem::size_of::<usize>() {
                break;
            }
            pos += n;
            len_bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b))
        };
        let Some(data) = bytes.get(pos..pos.saturating_add(len)) else {
            break;
        };
        match (record, dataset) {
            (1, 90) => *utf8 |= data.windows(UTF8_ESCAPE.len()).any(|w| w == UTF8_ESCAPE),
            (2, 25) => keywords.push(data.to_vec()),
            _ => {}
        }
        pos += len;
    }
}

/// UTF-8 if declared or valid, otherwise Latin-1 (ISO 8859-1).
fn decode(bytes: &[u8], declared_utf8: bool) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) if declared_utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app13, iptc_datasets, jpeg, resource, segment};
    use super::*;

    fn keywords_jpeg(sets: &[(u8, u8, &[u8])]) -> Vec<u8> {
        jpeg(&[app13(&resource(0x0404, &iptc_datasets(sets)))])
    }

    #[test]
    fn reads_keywords_in_order() {
        let j = keywords_jpeg(&[(2, 5, b"Title"), (2, 25, b" one "), (2, 25, b""), (2, 25, b"two")]);
        assert_eq!(read_iptc_keywords(&j), vec!["one", "two"]);
    }

    #[test]
    fn latin1_and_utf8_decoding() {
        let j = keywords_jpeg(&[(2, 25, b"Caf\xe9"), (2, 25, b"M\xfcnchen")]);
        assert_eq!(read_iptc_keywords(&j), vec!["Caf\u{e9}", "M\u{fc}nchen"]);
        let j = keywords_jpeg(&[(2, 25, "Zürich".as_bytes())]);
        assert_eq!(read_iptc_keywords(&j), vec!["Z\u{fc}rich"]);
        // Declared UTF-8 but invalid: lossy UTF-8, not Latin-1.
        let j = keywords_jpeg(&[(1, 90, b"\x1b%G"), (2, 25, b"Caf\xe9")]);
        assert_eq!(read_iptc_keywords(&j), vec!["Caf\u{fffd}"]);
    }

    #[test]
    fn skips_other_resources_names_and_extended_datasets() {
        let mut res = resource(0x03ED, b"abc"); // odd size -> padded
                                                // Resource with a Pascal name "IPTC" (1 + 4 bytes, padded to 6).
        let iptc = [
            vec![0x1C, 2, 0x0A, 0x80, 0x02, 0x00, 0x03, b'x', b'y', b'z'], // extended length 3
            iptc_datasets(&[(2, 25, b"kw")]),
        ]
        .concat();
        res.extend_from_slice(b"8BIM\x04\x04\x04IPTC\0");
        res.extend_from_slice(&(iptc.len() as u32).to_be_bytes());
        res.extend_from_slice(&iptc);
        let j = jpeg(&[segment(0xE0, b"JFIF\0\x01\x02"), app13(&res)]);
        assert_eq!(read_iptc_keywords(&j), vec!["kw"]);
    }

    #[test]
    fn app13_split_across_segments() {
        let res = resource(0x0404, &iptc_datasets(&[(2, 25, b"split")]));
        let (a, b) = res.split_at(9);
        let j = jpeg(&[app13(a), app13(b)]);
        assert_eq!(read_iptc_keywords(&j), vec!["split"]);
    }

    #[test]
    fn stops_at_sos_and_ignores_non_jpeg() {
        let iptc = app13(&resource(0x0404, &iptc_datasets(&[(2, 25, b"late")])));
        let mut j = vec![0xFF, 0xD8];
        j.extend(segment(0xDA, b"\x01\x01\x00"));
        j.extend(iptc.clone());
        assert!(read_iptc_keywords(&j).is_empty());
        assert!(read_iptc_keywords(&iptc).is_empty());
        assert!(read_iptc_keywords(b"").is_empty());
    }

    #[test]
    fn truncation_and_hostile_lengths_never_panic() {
        let full = keywords_jpeg(&[(1, 90, b"\x1b%G"), (2, 25, b"alpha"), (2, 25, b"beta")]);
        for n in 0..full.len() {
            let _ = read_iptc_keywords(&full[..n]);
        }
        // Truncating inside the 8BIM block/datasets (segment length adjusted).
        let res = resource(0x0404, &iptc_datasets(&[(2, 25, b"alpha"), (2, 25, b"beta")]));
        for n in 0..res.len() {
            let _ = read_iptc_keywords(&jpeg(&[app13(&res[..n])]));
        }
        // Huge 8BIM size, huge extended length, zero-length segment.
        let mut big = b"8BIM\x04\x04\0\0\xFF\xFF\xFF\xFF".to_vec();
        big.extend_from_slice(&[0x1C, 2, 25, 0x80, 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        assert!(read_iptc_keywords(&jpeg(&[app13(&big)])).is_empty());
        let mut big = b"8BIM\x04\x04\0\0\0\0\0\x10".to_vec();
        big.extend_from_slice(&[0x1C, 2, 25, 0xFF, 0xFF]);
        assert!(read_iptc_keywords(&jpeg(&[app13(&big)])).is_empty());
        assert!(read_iptc_keywords(&[0xFF, 0xD8, 0xFF, 0xED, 0x00, 0x00]).is_empty());
        assert!(read_iptc_keywords(&[0xFF, 0xD8, 0xFF, 0xFF, 0xFF]).is_empty());
    }
}
