//! Calendar arithmetic for search filters and metadata, without external crates.
//!
//! Everything here is proleptic Gregorian and UTC: `taken:2024-05` in the query language means
//! "May 2024 in UTC", and EXIF dates (which carry no zone) are stored as if they were UTC.
//!
//! * [`days_from_civil`] / [`civil_from_days`] convert between a civil date and days since
//!   1970-01-01 (Howard Hinnant's algorithms, valid for any `i64` year range we care about).
//! * [`parse_period`] turns `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a half-open `[start, end)`
//!   range of unix seconds; it is what the query parser uses for `taken:` and `added:`.
//! * [`parse_datetime`] reads the normalised EXIF form `YYYY-MM-DDTHH:MM:SS`.
//! * [`format_utc`] renders unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
//!
//! To support a new input form (say `2024-W19` or `2024-Q2`), add a branch to [`parse_period`]
//! that computes the first day of the period and the first day after it with
//! [`days_from_civil`], and add round-trip tests below. Keep the functions total: return `None`
//! for anything invalid instead of panicking.

/// Seconds in a day.
pub const SECS_PER_DAY: i64 = 86_400;

/// Smallest and largest year accepted by the parsers.
pub const MIN_YEAR: i64 = 1;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i64 = 9999;

/// True for Gregorian leap years.
pub fn is_leap_year(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in month `m` (1..=12) of year `y`; 0 for an invalid month.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of the civil date `y-m-d` (month 1..=12, day 1..=31; not validated).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let y = yoe + era * 400 + i64::from(m <= 2);
    // The ranges above make these conversions lossless.
    (y, m as u32, d as u32)
}

/// Parses exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<i64> {
    if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a month or day written with one or two digits.
fn small(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn valid_year(y: i64) -> Option<i64> {
    (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(y)
}

fn valid_month(m: u32) -> Option<u32> {
    (1..=12).contains(&m).then_some(m)
}

fn valid_day(y: i64, m: u32, d: u32) -> Option<u32> {
    (d >= 1 && d <= days_in_month(y, m)).then_some(d)
}

/// Parses `YYYY-MM-DD` into a validated `(y, m, d)`.
fn parse_ymd(s: &str) -> Option<(i64, u32, u32)> {
    let mut parts = s.split('-');
    let y = valid_year(digits(parts.next()?, 4)?)?;
    let m = valid_month(small(parts.next()?)?)?;
    let d = valid_day(y, m, small(parts.next()?)?)?;
    if parts.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

/// `"YYYY"`, `"YYYY-MM"`, `"YYYY-MM-DD"` -> the `[start, end)` period in unix seconds (UTC).
///
/// Month and day may be written with one or two digits (`2024-5-1`). Returns `None` if invalid
/// (month 13, Feb 30, year < 1 or > 9999, trailing garbage).
pub fn parse_period(s: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = s.split('-').collect();
    let (first, next) = match parts.as_slice() {
        [y] => {
            let y = valid_year(digits(y, 4)?)?;
            (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1))
        }
        [y, m] => {
            let y = valid_year(digits(y, 4)?)?;
            let m = valid_month(small(m)?)?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            (days_from_civil(y, m, 1), days_from_civil(ny, nm, 1))
        }
        [_, _, _] => {
            let (y, m, d) = parse_ymd(s)?;
            let day = days_from_civil(y, m, d);
            (day, day + 1)
        }
        _ => return None,
    };
    Some((first * SECS_PER_DAY, next * SECS_PER_DAY))
}

/// `"YYYY-MM-DDTHH:MM:SS"` (as EXIF dates are normalised) -> unix seconds (UTC).
///
/// Also accepts a space instead of `T`, fractional seconds (ignored) and a trailing `Z`.
/// Returns `None` if invalid.
pub fn parse_datetime(s: &str) -> Option<i64> {
    let s = s.strip_suffix('Z').unwrap_or(s);
    let split = s.find(['T', ' '])?;
    let (date, time) = (&s[..split], &s[split + 1..]);
    let (y, m, d) = parse_ymd(date)?;
    let time = match time.split_once('.') {
        Some((hms, frac)) if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) => hms,
        Some(_) => return None,
        None => time,
    };
    let mut hms = time.split(':');
    let h = digits(hms.next()?, 2)?;
    let mi = digits(hms.next()?, 2)?;
    let sec = digits(hms.next()?, 2)?;
    if hms.next().is_some() || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    Some(days_from_civil(y, m, d) * SECS_PER_DAY + h * 3600 + mi * 60 + sec)
}

/// Unix seconds -> `"YYYY-MM-DDTHH:MM:SSZ"` (UTC).
pub fn format_utc(secs: i64) -> String {
    let days = secs.div_euclid(SECS_PER_DAY);
    let rem = secs.rem_euclid(SECS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_neighbours() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2024, 5, 1), 19_844);
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
    }

    #[test]
    fn round_trip_every_day_over_a_wide_range() {
        // 1600-01-01 .. 2400-12-31 covers 400-year cycles, centuries and the epoch.
        let start = days_from_civil(1600, 1, 1);
        let end = days_from_civil(2401, 1, 1);
        let mut expected = (1600, 1, 1);
        for day in start..end {
            let got = civil_from_days(day);
            assert_eq!(got, expected, "day {day}");
            assert_eq!(days_from_civil(got.0, got.1, got.2), day);
            let (y, m, d) = expected;
            expected = if d < days_in_month(y, m) {
                (y, m, d + 1)
            } else if m < 12 {
                (y, m + 1, 1)
            } else {
                (y + 1, 1, 1)
            };
        }
        // Extremes of the accepted range.
        for (y, m, d) in [(1, 1, 1), (9999, 12, 31), (-4713, 11, 24)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2024, 13), 0);
        assert_eq!(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28), 2);
        assert_eq!(days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28), 1);
    }

    #[test]
    fn periods() {
        let day = SECS_PER_DAY;
        let y2024 = days_from_civil(2024, 1, 1) * day;
        assert_eq!(parse_period("2024"), Some((y2024, y2024 + 366 * day)));
        assert_eq!(parse_period("2023"), Some((days_from_civil(2023, 1, 1) * day, days_from_civil(2024, 1, 1) * day)));
        assert_eq!(parse_period("1970"), Some((0, 365 * day)));
        assert_eq!(parse_period("1969"), Some((-365 * day, 0)));
        assert_eq!(parse_period("1969-12-31"), Some((-day, 0)));
        assert_eq!(parse_period("1970-01-01"), Some((0, day)));
        let may = days_from_civil(2024, 5, 1) * day;
        assert_eq!(parse_period("2024-05"), Some((may, may + 31 * day)));
        assert_eq!(parse_period("2024-5"), parse_period("2024-05"));
        assert_eq!(parse_period("2024-05-01"), Some((may, may + day)));
        assert_eq!(parse_period("2024-5-1"), Some((may, may + day)));
        let feb = days_from_civil(2024, 2, 1) * day;
        assert_eq!(parse_period("2024-02"), Some((feb, feb + 29 * day)));
        let dec = days_from_civil(2023, 12, 1) * day;
        assert_eq!(parse_period("2023-12"), Some((dec, y2024)));
        assert_eq!(parse_period("2024-02-29"), Some((feb + 28 * day, feb + 29 * day)));
        assert!(parse_period("9999-12-31").is_some());
        assert!(parse_period("0001").is_some());
    }

    #[test]
    fn invalid_periods() {
        for s in [
            "",
            "24",
            "20245",
            "0000",
            "10000",
            "2024-13",
            "2024-00",
            "2023-02-29",
            "2024-02-30",
            "2024-04-31",
            "2024-05-00",
            "2024-05-01-01",
            "2024-",
            "-2024",
            "2024--01",
            "2024-005",
            "2024-05-001",
            "abcd",
            "2024-ab",
            "+202",
            "２０２４",
            "2024-05-01T00:00:00",
            " 2024",
        ] {
            assert_eq!(parse_period(s), None, "{s:?}");
        }
    }

    #[test]
    fn datetimes() {
        assert_eq!(parse_datetime("1970-01-01T00:00:00"), Some(0));
        assert_eq!(parse_datetime("1969-12-31T23:59:59"), Some(-1));
        assert_eq!(parse_datetime("2024-05-01T12:34:56"), Some(1_714_566_896));
        assert_eq!(parse_datetime("2024-05-01 12:34:56"), Some(1_714_566_896));
        assert_eq!(parse_datetime("2024-05-01T12:34:56Z"), Some(1_714_566_896));
        assert_eq!(parse_datetime("2024-05-01T12:34:56.789"), Some(1_714_566_896));
        assert_eq!(parse_datetime("2000-02-29T00:00:00"), Some(951_782_400));
        for s in [
            "",
            "2024-05-01",
            "2024-05-01T",
            "2024-05-01T24:00:00",
            "2024-05-01T23:60:00",
            "2024-05-01T23:59:60",
            "2024-05-01T1:02:03",
            "2024-05-01T12:34",
            "2024-05-01T12:34:56:00",
            "2024-05-01T12:34:56.",
            "2024-05-01T12:34:56.x",
            "2023-02-29T00:00:00",
            "2024:05:01 12:34:56",
        ] {
            assert_eq!(parse_datetime(s), None, "{s:?}");
        }
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_utc(1_714_566_896), "2024-05-01T12:34:56Z");
        assert_eq!(format_utc(951_782_400), "2000-02-29T00:00:00Z");
        for secs in [
            0,
            -1,
            1,
            86_399,
            86_400,
            -86_401,
            951_868_799,
            1_709_164_800,
            4_102_444_800,
            -2_208_988_800,
            253_402_300_799,
            -62_135_596_800,
        ] {
            let s = format_utc(secs);
            assert_eq!(parse_datetime(&s), Some(secs), "{s}");
        }
        // Every hour across a leap day and the epoch.
        for secs in (-3 * SECS_PER_DAY..3 * SECS_PER_DAY).step_by(3599) {
            assert_eq!(parse_datetime(&format_utc(secs)), Some(secs));
            let base = 1_709_078_400; // 2024-02-28
            assert_eq!(parse_datetime(&format_utc(base + secs)), Some(base + secs));
        }
    }
}
