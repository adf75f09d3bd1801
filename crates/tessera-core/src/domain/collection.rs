//! Collections as data: paths (`Spring 2027/Social`), what a listing shows, and the checks on names and variables.
//! Manual collections hold assets chosen by hand; smart ones are saved queries (their members are whatever the query
//! matches now).

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A collection's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
pub struct CollectionId(pub i64);

impl std::fmt::Display for CollectionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum CollectionKind {
    Manual,
    Smart,
}

impl CollectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CollectionKind::Manual => "manual",
            CollectionKind::Smart => "smart",
        }
    }

    pub fn parse(s: &str) -> CollectionKind {
        if s == "smart" {
            CollectionKind::Smart
        } else {
            CollectionKind::Manual
        }
    }
}

/// One collection as the sidebar and `tessera collection ls` show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Collection {
    pub id: CollectionId,
    /// The last part of the path.
    pub name: String,
    /// The full path, parts joined by `/`.
    pub path: String,
    pub parent: Option<CollectionId>,
    pub kind: CollectionKind,
    /// Manual: the assets it holds (kept counted by the store). Smart: what its query matches now, exact up to
    /// [`crate::domain::TOTAL_CAP`] (see `count_exact`).
    pub count: u64,
    /// False when a smart collection's count stopped at the cap.
    pub count_exact: bool,
    /// The smart collection's query.
    pub query: Option<String>,
    pub cover: Option<crate::domain::AssetId>,
    /// Key → text (a campaign's legal line), for renditions.
    pub variables: std::collections::BTreeMap<String, String>,
    /// The collections directly beneath this one, by name.
    pub children: Vec<Collection>,
}

/// A collection an asset is in, as `show` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CollectionRef {
    pub id: CollectionId,
    pub name: String,
    pub path: String,
}

/// Longest part of a path, in characters.
const MAX_PART: usize = 200;
/// Deepest nesting.
const MAX_DEPTH: usize = 16;

/// Checks and tidies a collection path: each part trimmed, no empty part, no `/` at either end, no control
/// characters. Returns the parts.
pub fn collection_path(text: &str) -> Result<Vec<String>> {
    let bad = |reason| Error::InvalidCollectionName { name: text.to_string(), reason };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(bad("a collection needs a name"));
    }
    if trimmed.starts_with('/') || trimmed.ends_with('/') {
        return Err(bad("a path cannot start or end with '/'"));
    }
    let parts: Vec<String> = trimmed.split('/').map(|p| p.trim().to_string()).collect();
    if parts.iter().any(String::is_empty) {
        return Err(bad("a path cannot have an empty part ('//')"));
    }
    if parts.iter().any(|p| p.chars().count() > MAX_PART) {
        return Err(bad("each part of a path is at most 200 characters"));
    }
    if parts.len() > MAX_DEPTH {
        return Err(bad("collections nest at most 16 deep"));
    }
    if text.chars().any(char::is_control) {
        return Err(bad("a name cannot hold control characters"));
    }
    Ok(parts)
}

/// Checks a variable's key: letters, digits, `_`, `-` and `.`, starting with a letter, at most 64 characters.
pub fn variable_key(key: &str) -> Result<String> {
    let key = key.trim();
    let ok = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key.len() <= 64
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !ok {
        return Err(Error::InvalidCollectionVariable {
            key: key.to_string(),
            reason: "keys start with a letter and hold letters, digits, '_', '-' or '.' (at most 64)",
        });
    }
    Ok(key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_good_and_bad() {
        let good: &[(&str, &[&str])] = &[
            ("Spring 2027", &["Spring 2027"]),
            ("  Spring 2027 / Social ", &["Spring 2027", "Social"]),
            ("a/b/c", &["a", "b", "c"]),
            ("Été", &["Été"]),
        ];
        for (text, parts) in good {
            assert_eq!(collection_path(text).expect(text), *parts, "{text:?} is a good path");
        }
        for bad in ["", "   ", "/a", "a/", "a//b", "a/ /b", "a\nb", "/"] {
            match collection_path(bad) {
                Err(Error::InvalidCollectionName { name, .. }) => assert_eq!(name, bad, "the error names the value"),
                other => panic!("{bad:?} must be refused, got {other:?}"),
            }
        }
        assert!(collection_path(&"x".repeat(201)).is_err(), "a part longer than 200 characters");
        assert!(collection_path(&vec!["a"; 17].join("/")).is_err(), "deeper than 16");
    }

    #[test]
    fn variable_keys() {
        for good in ["legal", "legal_line", "price.eur", "a-1"] {
            assert_eq!(variable_key(good).expect(good), good);
        }
        for bad in ["", "1legal", "legal line", "lé", "_x", &"k".repeat(65)] {
            assert!(variable_key(bad).is_err(), "{bad:?} is not a key");
        }
    }
}
