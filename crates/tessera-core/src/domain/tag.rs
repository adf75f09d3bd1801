//! Tags as data: paths (`Brand/Product/Sneaker`), edits (`+a -b`), colours and the tree with its counts.

use crate::error::{Error, Result};

/// Between the parts of a tag's path.
pub const TAG_SEPARATOR: char = '/';

/// Longest tag path accepted, in characters.
const MAX_TAG_CHARS: usize = 200;

/// A tag of the tree with its counts, as the sidebar and `tessera tag ls` show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct TagCount {
    /// The full path, e.g. `Brand/Product/Sneaker`.
    pub name: String,
    /// Assets carrying this tag itself.
    pub count: u64,
    /// Assets carrying this tag or any tag beneath it, each counted once (what `tag:NAME` finds).
    pub total: u64,
    /// `#rrggbb`, when the tag has a colour.
    pub colour: Option<String>,
    /// Other names that resolve to this tag.
    pub synonyms: Vec<String>,
}

/// What a rename, a move, a merge or a delete did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct TagChange {
    /// The tag's path afterwards (for a delete, the path it had).
    pub tag: String,
    /// Tags renamed, moved, merged or deleted (the tag and those beneath it).
    pub tags: u64,
    /// Assets whose tags changed.
    pub assets: u64,
    /// The change's entry in the edit log.
    pub edit: Option<super::EditId>,
}

/// A tag edit: names to add and to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagEdit {
    pub add: Vec<String>,
    pub remove: Vec<String>,
}

impl TagEdit {
    /// Reads `+a -b c` (a bare word adds).
    pub fn parse<S: AsRef<str>>(words: &[S]) -> Result<TagEdit> {
        let mut edit = TagEdit::default();
        for word in words {
            let word = word.as_ref();
            let (list, name) = match word.strip_prefix('-') {
                Some(name) => (&mut edit.remove, name),
                None => (&mut edit.add, word.strip_prefix('+').unwrap_or(word)),
            };
            list.push(normalise_tag(name)?);
        }
        Ok(edit)
    }
}

fn invalid(name: &str, reason: &str) -> Error {
    Error::InvalidTag { name: name.to_string(), reason: reason.to_string() }
}

/// Trims a tag path and each of its parts, and checks it: no empty part, no `/` at either end, no control
/// characters, at most 200 characters.
pub fn normalise_tag(name: &str) -> Result<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(invalid(name, "a tag needs a name"));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(invalid(name, "a tag cannot hold control characters"));
    }
    if trimmed.starts_with(TAG_SEPARATOR) || trimmed.ends_with(TAG_SEPARATOR) {
        return Err(invalid(name, "a tag path cannot start or end with '/'"));
    }
    let parts: Vec<&str> = trimmed.split(TAG_SEPARATOR).map(str::trim).collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(invalid(name, "a tag path cannot have an empty part ('//')"));
    }
    let path = parts.join("/");
    if path.chars().count() > MAX_TAG_CHARS {
        return Err(invalid(name, "a tag path is at most 200 characters"));
    }
    Ok(path)
}

/// A keyword read from a file as a tag path, forgivingly (empty parts dropped); `None` when nothing usable is left.
pub fn keyword_tag(keyword: &str) -> Option<String> {
    let parts: Vec<&str> = keyword.split(TAG_SEPARATOR).map(str::trim).filter(|p| !p.is_empty()).collect();
    normalise_tag(&parts.join("/")).ok()
}

/// The path one level up (`Brand/Product` for `Brand/Product/Sneaker`), `None` for a top-level tag.
pub fn tag_parent(path: &str) -> Option<&str> {
    path.rfind(TAG_SEPARATOR).map(|i| &path[..i])
}

/// The last part of a path (`Sneaker` for `Brand/Product/Sneaker`).
pub fn tag_leaf(path: &str) -> &str {
    path.rfind(TAG_SEPARATOR).map_or(path, |i| &path[i + 1..])
}

/// A colour as `#rrggbb` (lower case), from `#rgb`, `#rrggbb` or either without the `#`.
pub fn normalise_colour(colour: &str) -> Result<String> {
    let hex = colour.trim().trim_start_matches('#');
    let bad = || Error::InvalidColour(colour.to_string());
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return Err(bad()),
    };
    Ok(format!("#{}", full.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_minus_and_bare_words() {
        let e = TagEdit::parse(&["+summer", "-draft", "beach"]).expect("valid");
        assert_eq!(e.add, vec!["summer", "beach"]);
        assert_eq!(e.remove, vec!["draft"]);
        assert!(TagEdit::parse(&["+"]).is_err(), "an empty tag is refused");
    }

    #[test]
    fn paths_are_trimmed_part_by_part_and_checked() {
        let good = [("Brand/Product/Sneaker", "Brand/Product/Sneaker"), (" Brand / Product ", "Brand/Product")];
        for (input, want) in good {
            assert_eq!(normalise_tag(input).expect("valid"), want, "{input:?}");
        }
        for bad in ["", "  ", "/Brand", "Brand/", "Brand//Sneaker", "Brand/ /Sneaker", "a\u{7}b", &"x".repeat(201)] {
            let err = normalise_tag(bad).expect_err(bad);
            assert!(matches!(err, Error::InvalidTag { .. }), "{bad:?}: {err}");
        }
    }

    #[test]
    fn keywords_from_files_are_read_forgivingly() {
        assert_eq!(keyword_tag("AC/DC").as_deref(), Some("AC/DC"));
        assert_eq!(keyword_tag("/People//Ana/").as_deref(), Some("People/Ana"));
        assert_eq!(keyword_tag(" / "), None);
    }

    #[test]
    fn parents_leaves_and_colours() {
        assert_eq!(tag_parent("Brand/Product/Sneaker"), Some("Brand/Product"));
        assert_eq!(tag_parent("Brand"), None);
        assert_eq!(tag_leaf("Brand/Product/Sneaker"), "Sneaker");
        assert_eq!(normalise_colour("#F0a").expect("valid"), "#ff00aa");
        assert_eq!(normalise_colour("12ab3C").expect("valid"), "#12ab3c");
        for bad in ["", "#12", "red", "#1234567", "#ggg"] {
            assert!(normalise_colour(bad).is_err(), "{bad:?}");
        }
    }
}
