//! Tags as data: names, edits (`+a -b`) and counts.

use crate::error::{Error, Result};

/// A tag and how many assets carry it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct TagCount {
    pub name: String,
    pub count: u64,
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

/// Trims and checks a tag name.
pub fn normalise_tag(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(Error::InvalidTag(name.to_string()));
    }
    Ok(name.to_string())
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
}
