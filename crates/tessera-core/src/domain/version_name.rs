//! Names that look like another version of a file: `poster_v2.jpg`, `poster-final.jpg`, `Poster REVISED.jpg`,
//! `poster (1).jpg`, `poster_final_v3 copy.jpg` all come from `poster`. Ingest uses this to offer a new file as the
//! next version of an existing asset (never to merge it silently).

/// The words that mark a version when they end a name (after a separator), compared without case.
const MARKS: &[&str] = &["final", "revised", "rev", "copy", "edit", "edited", "new", "latest", "updated", "v"];

/// The base a file name's version marks leave (lower case, extension dropped), or `None` when it has none.
pub fn version_base(file_name: &str) -> Option<String> {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(' ') => stem,
        _ => file_name,
    };
    let mut base = stem.trim().to_lowercase();
    let mut marked = false;
    while let Some(shorter) = strip_mark(&base) {
        base = shorter;
        marked = true;
    }
    (marked && !base.is_empty()).then_some(base)
}

/// `base` without its last version mark, when it ends in one.
fn strip_mark(base: &str) -> Option<String> {
    let trimmed = base.trim_end_matches([' ', '_', '-', '.']);
    // "(1)", "(12)": a copy's number, with or without a space before it.
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(').map(|i| (i, t))) {
        let (i, t) = open;
        if t[i + 1..].chars().all(|c| c.is_ascii_digit()) && i + 1 < t.len() {
            return Some(t[..i].trim_end_matches([' ', '_', '-', '.']).to_string());
        }
    }
    let cut = trimmed.rfind([' ', '_', '-', '.'])?;
    let (head, word) = (&trimmed[..cut], &trimmed[cut + 1..]);
    if head.trim().is_empty() {
        return None;
    }
    let digits_after = |prefix: &str| {
        word.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let is_mark = MARKS.contains(&word)
        || digits_after("v")
        || digits_after("version")
        || digits_after("rev")
        || digits_after("r") && word.len() <= 3;
    is_mark.then(|| head.trim_end_matches([' ', '_', '-', '.']).to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]
mod tests {
    use super::version_base;

    /// The cases are shared with the UI's fake (`tests/cases/version_names.json`), which offers versions the same way.
    #[test]
    fn version_marks_are_taken_off_and_plain_names_are_left() {
        let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases/version_names.json"));
        let cases: serde_json::Value = serde_json::from_str(text).unwrap();
        for case in cases["cases"].as_array().unwrap() {
            let name = case[0].as_str().unwrap();
            assert_eq!(version_base(name).as_deref(), case[1].as_str(), "{name}");
        }
    }
}
