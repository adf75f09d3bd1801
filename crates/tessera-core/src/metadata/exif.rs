//! EXIF extraction on top of `kamadak-exif` (JPEG, TIFF/RAW, PNG, WebP, HEIF).

use std::io::Cursor;

use ::exif::{Exif, Field, In, Reader, Tag, Value};
use serde::{Deserialize, Serialize};

/// The EXIF fields Tessera indexes. Strings are trimmed; empty or invalid
/// values are `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ExifFields {
    /// Capture time as "YYYY-MM-DDTHH:MM:SS" (no time zone): DateTimeOriginal,
    /// else DateTimeDigitized, else DateTime.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub make: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// LensModel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lens: Option<String>,
    /// Seconds as photographers write them: "1/250", "0.5", "2.5", "30".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exposure_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub f_number: Option<f64>,
    /// PhotographicSensitivity (formerly ISOSpeedRatings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub focal_length_mm: Option<f64>,
    /// Decimal degrees, negative south. Set only together with the longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gps_latitude: Option<f64>,
    /// Decimal degrees, negative west. Set only together with the latitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gps_longitude: Option<f64>,
    /// EXIF orientation, 1..=8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orientation: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub software: Option<String>,
}

/// Reads the EXIF fields of any container `kamadak-exif` understands.
/// Never fails: unreadable or absent EXIF gives `ExifFields::default()`.
pub fn read_exif(bytes: &[u8]) -> ExifFields {
    parse(bytes).map(|e| fields_from(&e)).unwrap_or_default()
}

fn parse(bytes: &[u8]) -> Option<Exif> {
    // `kamadak-exif` is fuzzed and not known to panic, but it is fed untrusted
    // files, so a panic in it is contained here rather than taking down an
    // ingest worker.
    std::panic::catch_unwind(|| {
        let mut reader = Reader::new();
        reader.continue_on_error(true);
        reader
            .read_from_container(&mut Cursor::new(bytes))
            // Keep whatever parsed before an error in a later IFD.
            .or_else(|err| err.distill_partial_result(|_| {}))
            .ok()
    })
    .ok()
    .flatten()
}

fn fields_from(exif: &Exif) -> ExifFields {
    let get = |tag: Tag| exif.get_field(tag, In::PRIMARY);
    let text = |tag: Tag| get(tag).and_then(ascii);
    let positive = |tag: Tag| get(tag).and_then(|f| number(f, 0)).filter(|v| *v > 0.0);

    let taken = [Tag::DateTimeOriginal, Tag::DateTimeDigitized, Tag::DateTime]
        .into_iter()
        .find_map(|tag| text(tag).and_then(|s| normalise_datetime(&s)));

    let (gps_latitude, gps_longitude) = match (
        gps_coord(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, 'S', 90.0),
        gps_coord(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, 'W', 180.0),
    ) {
        (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
        _ => (None, None),
    };

    ExifFields {
        taken,
        make: text(Tag::Make),
        model: text(Tag::Model),
        lens: text(Tag::LensModel),
        exposure_time: positive(Tag::ExposureTime).and_then(format_exposure),
        f_number: positive(Tag::FNumber),
        iso: iso(exif),
        focal_length_mm: positive(Tag::FocalLength),
        gps_latitude,
        gps_longitude,
        orientation: get(Tag::Orientation)
            .and_then(|f| f.value.get_uint(0))
            .and_then(|v| u16::try_from(v).ok())
            .filter(|v| (1..=8).contains(v)),
        software: text(Tag::Software),
    }
}

/// First non-empty string of an ASCII (or byte) field, cut at the first NUL
/// and trimmed of whitespace padding. Non-UTF-8 bytes are replaced.
fn ascii(field: &Field) -> Option<String> {
    let clean = |bytes: &[u8]| {
        let bytes = bytes.split(|b| *b == 0).next().unwrap_or_default();
        let s = String::from_utf8_lossy(bytes).trim().to_owned();
        (!s.is_empty()).then_some(s)
    };
    match &field.value {
        Value::Ascii(parts) => parts.iter().find_map(|p| clean(p)),
        Value::Byte(bytes) | Value::Undefined(bytes, _) => clean(bytes),
        _ => None,
    }
}

/// The `idx`-th value of a numeric field as a finite `f64`.
fn number(field: &Field, idx: usize) -> Option<f64> {
    let v = match &field.value {
        Value::Rational(v) => v.get(idx).filter(|r| r.denom != 0)?.to_f64(),
        Value::SRational(v) => v.get(idx).filter(|r| r.denom != 0)?.to_f64(),
        Value::Byte(v) => f64::from(*v.get(idx)?),
        Value::Short(v) => f64::from(*v.get(idx)?),
        Value::Long(v) => f64::from(*v.get(idx)?),
        Value::SByte(v) => f64::from(*v.get(idx)?),
        Value::SShort(v) => f64::from(*v.get(idx)?),
        Value::SLong(v) => f64::from(*v.get(idx)?),
        Value::Float(v) => f64::from(*v.get(idx)?),
        Value::Double(v) => *v.get(idx)?,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// Formats seconds like exiftool: "1/N" below a quarter second, otherwise one
/// decimal with a trailing ".0" dropped.
fn format_exposure(secs: f64) -> Option<String> {
    if !(secs > 0.0 && secs.is_finite()) {
        return None;
    }
    if secs < 0.25001 {
        return Some(format!("1/{}", (1.0 / secs).round() as u64));
    }
    let s = format!("{secs:.1}");
    Some(s.strip_suffix(".0").map(str::to_owned).unwrap_or(s))
}

fn iso(exif: &Exif) -> Option<u32> {
    let get = |tag: Tag| exif.get_field(tag, In::PRIMARY).and_then(|f| f.value.get_uint(0)).filter(|v| *v > 0);
    match get(Tag::PhotographicSensitivity) {
        // 65535 means "65535 or more"; the exact value then lives in ISOSpeed.
        Some(65_535) => get(Tag::ISOSpeed).or(Some(65_535)),
        other => other,
    }
}

fn gps_coord(exif: &Exif, value: Tag, reference: Tag, negative: char, max: f64) -> Option<f64> {
    let field = exif.get_field(value, In::PRIMARY)?;
    let degrees = number(field, 0)?;
    let minutes = number(field, 1).unwrap_or(0.0);
    let seconds = number(field, 2).unwrap_or(0.0);
    let v = degrees + minutes / 60.0 + seconds / 3600.0;
    if !(0.0..=max).contains(&v) {
        return None;
    }
    let is_negative = exif
        .get_field(reference, In::PRIMARY)
        .and_then(ascii)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.eq_ignore_ascii_case(&negative));
    Some(if is_negative { -v } else { v })
}

/// "YYYY:MM:DD HH:MM:SS" (also with '-' or '/' in the date, or 'T') to
/// "YYYY-MM-DDTHH:MM:SS"; `None` for blank or impossible dates.
fn normalise_datetime(s: &str) -> Option<String> {
    let b = s.trim().as_bytes();
    if b.len() < 19 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        part.iter().try_fold(0u32, |acc, d| Some(acc * 10 + u32::from(d - b'0')))
    };
    let date_sep = |i: usize| matches!(b.get(i), Some(b':' | b'-' | b'/'));
    if !(date_sep(4) && date_sep(7) && matches!(b[10], b' ' | b'T') && b[13] == b':' && b[16] == b':') {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if year == 0 || day == 0 || day > days_in_month || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{app1_exif, ascii, jpeg, rational, short, tiff, Entry};
    use super::*;

    fn exif_jpeg(ifd0: Vec<Entry>, exif: Vec<Entry>, gps: Vec<Entry>) -> Vec<u8> {
        jpeg(&[app1_exif(&tiff(ifd0, exif, gps))])
    }

    #[test]
    fn bare_tiff_is_read() {
        let t = tiff(vec![ascii(0x010F, "Nikon"), short(0x0112, 1)], vec![], vec![]);
        let f = read_exif(&t);
        assert_eq!(f.make.as_deref(), Some("Nikon"));
        assert_eq!(f.orientation, Some(1));
    }

    #[test]
    fn orientation_out_of_range_is_none() {
        for bad in [0, 9, 255] {
            let f = read_exif(&exif_jpeg(vec![short(0x0112, bad)], vec![], vec![]));
            assert_eq!(f.orientation, None, "{bad}");
        }
        let f = read_exif(&exif_jpeg(vec![short(0x0112, 8)], vec![], vec![]));
        assert_eq!(f.orientation, Some(8));
    }

    #[test]
    fn taken_falls_back_and_rejects_impossible_dates() {
        let f = read_exif(&exif_jpeg(
            vec![ascii(0x0132, "2020:02:29 23:59:59")],
            vec![ascii(0x9003, "0000:00:00 00:00:00"), ascii(0x9004, "    :  :     :  :  ")],
            vec![],
        ));
        assert_eq!(f.taken.as_deref(), Some("2020-02-29T23:59:59"));
        let f = read_exif(&exif_jpeg(vec![], vec![ascii(0x9004, "2019:12:31 01:02:03")], vec![]));
        assert_eq!(f.taken.as_deref(), Some("2019-12-31T01:02:03"));
    }

    #[test]
    fn datetime_normalisation() {
        assert_eq!(normalise_datetime("2024:01:02 03:04:05").as_deref(), Some("2024-01-02T03:04:05"));
        assert_eq!(normalise_datetime("2024-01-02T03:04:05Z").as_deref(), Some("2024-01-02T03:04:05"));
        for bad in [
            "0000:00:00 00:00:00",
            "2023:02:29 00:00:00",
            "2024:13:01 00:00:00",
            "2024:04:31 00:00:00",
            "2024:01:01 24:00:00",
            "2024:01:01 00:60:00",
            "2024:01:01",
            "",
            "abcd:ef:gh ij:kl:mn",
            "2024:01:0１ 00:00:00",
        ] {
            assert_eq!(normalise_datetime(bad), None, "{bad}");
        }
    }

    #[test]
    fn exposure_formatting() {
        assert_eq!(format_exposure(1.0 / 250.0).as_deref(), Some("1/250"));
        assert_eq!(format_exposure(10.0 / 3200.0).as_deref(), Some("1/320"));
        assert_eq!(format_exposure(0.25).as_deref(), Some("1/4"));
        assert_eq!(format_exposure(0.5).as_deref(), Some("0.5"));
        assert_eq!(format_exposure(2.5).as_deref(), Some("2.5"));
        assert_eq!(format_exposure(30.0).as_deref(), Some("30"));
        assert_eq!(format_exposure(0.0), None);
        let f = read_exif(&exif_jpeg(vec![], vec![rational(0x829A, &[(5, 2)])], vec![]));
        assert_eq!(f.exposure_time.as_deref(), Some("2.5"));
        let f = read_exif(&exif_jpeg(vec![], vec![rational(0x829A, &[(1, 0)])], vec![]));
        assert_eq!(f.exposure_time, None);
    }

    #[test]
    fn gps_north_east_positive_and_invalid_dropped() {
        let f = read_exif(&exif_jpeg(
            vec![],
            vec![],
            vec![
                ascii(0x0001, "N"),
                rational(0x0002, &[(48, 1), (51, 1), (2964, 100)]),
                ascii(0x0003, "E"),
                rational(0x0004, &[(2, 1), (17, 1), (4008, 100)]),
            ],
        ));
        let lat = f.gps_latitude.unwrap_or_default();
        assert!((lat - 48.858_233).abs() < 1e-6, "{lat}");
        assert!(f.gps_longitude.unwrap_or_default() > 2.29);
        // 0/0 degrees (no fix) and latitudes over 90 are rejected, as a pair.
        let f = read_exif(&exif_jpeg(
            vec![],
            vec![],
            vec![rational(0x0002, &[(0, 0), (0, 0), (0, 0)]), rational(0x0004, &[(2, 1), (0, 1), (0, 1)])],
        ));
        assert_eq!((f.gps_latitude, f.gps_longitude), (None, None));
        let f = read_exif(&exif_jpeg(
            vec![],
            vec![],
            vec![rational(0x0002, &[(91, 1), (0, 1), (0, 1)]), rational(0x0004, &[(2, 1), (0, 1), (0, 1)])],
        ));
        assert_eq!((f.gps_latitude, f.gps_longitude), (None, None));
    }

    #[test]
    fn strings_trimmed_nul_padded_and_empty_dropped() {
        let f = read_exif(&exif_jpeg(
            vec![ascii(0x010F, "   "), Entry(0x0110, 2, 12, b"X100V\0\0\0\0\0\0\0".to_vec())],
            vec![ascii(0xA434, "\0\0\0")],
            vec![],
        ));
        assert_eq!(f.make, None);
        assert_eq!(f.model.as_deref(), Some("X100V"));
        assert_eq!(f.lens, None);
    }

    #[test]
    fn iso_65535_uses_iso_speed() {
        let f = read_exif(&exif_jpeg(
            vec![],
            vec![short(0x8827, 65_535), super::super::tests::long(0x8833, 102_400)],
            vec![],
        ));
        assert_eq!(f.iso, Some(102_400));
        let f = read_exif(&exif_jpeg(vec![], vec![short(0x8827, 0)], vec![]));
        assert_eq!(f.iso, None);
    }

    #[test]
    fn garbage_and_truncation_are_default() {
        assert_eq!(read_exif(b""), ExifFields::default());
        assert_eq!(read_exif(b"\xFF\xD8\xFF\xE1\xFF\xFFExif\0\0II*\0"), ExifFields::default());
        let full = exif_jpeg(vec![ascii(0x010F, "Canon")], vec![ascii(0x9003, "2024:07:15 18:42:07")], vec![]);
        for n in 0..full.len() {
            let _ = read_exif(&full[..n]);
        }
    }
}
