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

/// A saved query with every `collection:` and `smart:` value that names `old` (or a collection beneath it) written for
/// `new`, so smart collections keep working after a rename; `None` when the query does not name it.
pub fn rename_in_query(query: &str, old: &str, new: &str) -> Option<String> {
    let mut out = String::with_capacity(query.len());
    let mut changed = false;
    let mut rest = query;
    while !rest.is_empty() {
        let word_start = out.is_empty() || out.ends_with(char::is_whitespace) || out.ends_with('-');
        let key = ["collection:", "smart:"]
            .into_iter()
            .find(|k| rest.get(..k.len()).is_some_and(|head| head.eq_ignore_ascii_case(k)));
        let Some(key) = key.filter(|_| word_start) else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        out.push_str(&rest[..key.len()]);
        rest = &rest[key.len()..];
        let (value, len) = match rest.strip_prefix('"') {
            Some(quoted) => match quoted.find('"') {
                Some(end) => (quoted[..end].trim(), end + 2),
                None => (quoted, rest.len()),
            },
            None => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], end)
            }
        };
        let lower = value.to_lowercase();
        let old_lower = old.to_lowercase();
        let renamed = if lower == old_lower {
            Some(new.to_string())
        } else if lower.starts_with(&format!("{old_lower}/")) {
            Some(format!("{new}{}", &value[old.len()..]))
        } else {
            None
        };
        match renamed {
            Some(v) => {
                changed = true;
                if v.contains(char::is_whitespace) || v.contains('"') {
                    out.push_str(&format!("\"{}\"", v.replace('"', "")));
                } else {
                    out.push_str(&v);
                }
            }
            None => out.push_str(&rest[..len]),
        }
        rest = &rest[len..];
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_reach_saved_queries() {
        let cases: &[(&str, Option<&str>)] = &[
            ("collection:Spring", Some("collection:\"Campaigns/Spring 27\"")),
            ("rating>=4 collection:\"spring\" tag:x", Some("rating>=4 collection:\"Campaigns/Spring 27\" tag:x")),
            ("collection:Spring/Social", Some("collection:\"Campaigns/Spring 27/Social\"")),
            ("smart:Spring", Some("smart:\"Campaigns/Spring 27\"")),
            ("collection:Springtime", None),
            ("tag:Spring spring", None),
            ("mycollection:Spring", None),
        ];
        for (query, want) in cases {
            assert_eq!(rename_in_query(query, "Spring", "Campaigns/Spring 27").as_deref(), *want, "{query:?}");
        }
    }

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
