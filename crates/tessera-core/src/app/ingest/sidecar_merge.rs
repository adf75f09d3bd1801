//! An XMP sidecar read with the file it describes. Where the sidecar and the embedded packet disagree, the newer
//! wins: the sidecar file's modification time against the embedded packet's xmp:MetadataDate (else
//! xmp:ModifyDate, else the file's own modification time). Each disagreement is kept as an [`XmpConflict`] (recorded
//! with the asset, shown by `show --json` and the inspector). Keywords and hierarchical tags of both join.
//! An unreadable or oversized sidecar is ignored, as a malformed packet is.

use crate::domain::query::dates;
use crate::domain::XmpConflict;
use crate::metadata::{self, ExtractedMetadata, XmpFields};
use std::io::Read;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// Merges the sidecar's values into `meta.xmp`; the disagreements.
pub(super) fn with_sidecar(meta: &mut ExtractedMetadata, file: &Path, sidecar: &Path) -> Vec<XmpConflict> {
    let limit = metadata::xmp_sidecar::SIDECAR_LIMIT as u64;
    let mut bytes = Vec::new();
    let Ok(handle) = std::fs::File::open(sidecar) else { return Vec::new() };
    if handle.take(limit + 1).read_to_end(&mut bytes).is_err() || bytes.len() as u64 > limit {
        return Vec::new();
    }
    let side = metadata::xmp::read_xmp(&bytes);
    let embedded_at = packet_time(&meta.xmp).or_else(|| mtime(file));
    // A sidecar with no time to compare (or the same second) wins, as a sidecar is what an editing tool wrote last.
    let sidecar_wins = match (mtime(sidecar), embedded_at) {
        (Some(s), Some(e)) => s >= e,
        _ => true,
    };
    merge(&mut meta.xmp, side, sidecar_wins)
}

fn merge(x: &mut XmpFields, side: XmpFields, sidecar_wins: bool) -> Vec<XmpConflict> {
    let mut conflicts = Vec::new();
    let winner = if sidecar_wins { "sidecar" } else { "embedded" };
    let mut pick = |field: &str, ours: &mut Option<String>, theirs: Option<String>| {
        let Some(theirs) = theirs else { return };
        match ours.as_deref() {
            None => *ours = Some(theirs),
            Some(mine) if mine == theirs => {}
            Some(mine) => {
                conflicts.push(XmpConflict {
                    field: field.into(),
                    embedded: Some(mine.to_string()),
                    sidecar: Some(theirs.clone()),
                    winner: winner.into(),
                });
                if sidecar_wins {
                    *ours = Some(theirs);
                }
            }
        }
    };
    pick("title", &mut x.title, side.title);
    pick("description", &mut x.description, side.description);
    pick("creator", &mut x.creator, side.creator);
    pick("copyright", &mut x.rights, side.rights);
    pick("alt_text", &mut x.alt_text, side.alt_text);
    pick("credit", &mut x.credit, side.credit);
    pick("usage_terms", &mut x.usage_terms, side.usage_terms);
    pick("licence", &mut x.licence, side.licence);
    pick("label", &mut x.label, side.label);
    pick("headline", &mut x.headline, side.headline);
    pick("instructions", &mut x.instructions, side.instructions);
    pick("contact_email", &mut x.contact_email, side.contact_email);
    pick("contact_url", &mut x.contact_url, side.contact_url);
    pick("contact_phone", &mut x.contact_phone, side.contact_phone);
    pick("web_statement", &mut x.web_statement, side.web_statement);
    pick("licensor", &mut x.licensor, side.licensor);
    let mut rating = x.rating.map(|r| r.to_string());
    pick("rating", &mut rating, side.rating.map(|r| r.to_string()));
    x.rating = rating.and_then(|r| r.parse().ok());
    let mut marked = x.marked.map(|m| m.to_string());
    pick("rights_marked", &mut marked, side.marked.map(|m| m.to_string()));
    x.marked = marked.map(|m| m == "true");
    let hierarchical = [side.lr_hierarchical, side.digikam_tags, side.ms_keywords].into_iter().find(|h| !h.is_empty());
    x.keywords.extend(side.keywords);
    x.lr_hierarchical.extend(hierarchical.unwrap_or_default());
    conflicts
}

/// When the embedded packet says it was last changed (unix seconds, UTC; an offset such as `+01:00` is applied).
fn packet_time(x: &XmpFields) -> Option<i64> {
    let raw = x.metadata_date.as_deref().or(x.modify_date.as_deref())?.trim();
    iso_seconds(raw)
}

fn iso_seconds(raw: &str) -> Option<i64> {
    if raw.len() == 10 {
        return dates::parse_datetime(&format!("{raw}T00:00:00"));
    }
    // A trailing ±HH:MM offset.
    let (local, offset) = match raw.len().checked_sub(6).and_then(|at| raw.get(at..).map(|tail| (at, tail))) {
        Some((at, tail)) if (tail.starts_with('+') || tail.starts_with('-')) && tail.as_bytes()[3] == b':' => {
            let sign = if tail.starts_with('-') { -1 } else { 1 };
            let h: i64 = tail.get(1..3)?.parse().ok()?;
            let m: i64 = tail.get(4..6)?.parse().ok()?;
            (&raw[..at], sign * (h * 3600 + m * 60))
        }
        _ => (raw, 0),
    };
    // XMP allows dates without seconds ("2026-01-02T03:04").
    let local = if local.len() == 16 { format!("{local}:00") } else { local.to_string() };
    dates::parse_datetime(&local).map(|t| t - offset)
}

fn mtime(path: &Path) -> Option<i64> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(modified.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_with_offsets() {
        for (raw, want) in [
            ("2026-01-02T03:04:05Z", Some(1_767_323_045)),
            ("2026-01-02T04:04:05+01:00", Some(1_767_323_045)),
            ("2026-01-02T02:04:05-01:00", Some(1_767_323_045)),
            ("2026-01-02T03:04:05.250", Some(1_767_323_045)),
            ("2026-01-02T03:04", Some(1_767_323_040)),
            ("2026-01-02", Some(1_767_312_000)),
            ("yesterday", None),
            ("2026-13-02T03:04:05", None),
            ("", None),
        ] {
            assert_eq!(iso_seconds(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn the_newer_side_wins_and_each_disagreement_is_kept() {
        let embedded = || XmpFields {
            title: Some("Old".into()),
            rating: Some(2),
            credit: Some("Same".into()),
            keywords: vec!["a".into()],
            ..XmpFields::default()
        };
        let side = XmpFields {
            title: Some("New".into()),
            rating: Some(5),
            credit: Some("Same".into()),
            headline: Some("Only here".into()),
            keywords: vec!["b".into()],
            ..XmpFields::default()
        };
        let mut x = embedded();
        let conflicts = merge(&mut x, side.clone(), true);
        assert_eq!((x.title.as_deref(), x.rating), (Some("New"), Some(5)), "the newer sidecar wins");
        assert_eq!(x.headline.as_deref(), Some("Only here"), "a value on one side only is no conflict");
        assert_eq!(x.keywords, ["a", "b"], "keywords of both join");
        let fields: Vec<&str> = conflicts.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["title", "rating"], "equal values are no conflict");
        assert_eq!(conflicts[0].kept(), Some("New"));

        let mut x = embedded();
        let conflicts = merge(&mut x, side, false);
        assert_eq!((x.title.as_deref(), x.rating), (Some("Old"), Some(2)), "the newer embedded packet wins");
        assert_eq!(conflicts[1].winner, "embedded");
        assert_eq!((conflicts[1].embedded.as_deref(), conflicts[1].sidecar.as_deref()), (Some("2"), Some("5")));
    }
}
