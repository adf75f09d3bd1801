//! The search-bar query language: text in, [`Query`] AST out, or a [`QueryError`] that points at
//! the offending token.
//!
//! ```text
//! brand "summer campaign" -draft tag:logo -tag:old type:image ext:.PNG width>=1000
//! orientation:landscape rating>=4 taken:2024-05 added<2025-01-01 uploader:"Ann Lee"
//! campaign:"Summer 25" credit:AP creator:"Ana Lima" collection:"Spring 2027" smart:Selects
//! ```
//!
//! * Words are prefix-matched free text, `"quoted phrases"` are exact, `-` excludes either.
//!   Everything in a query is ANDed; see [`super::fts`] for how text terms reach SQLite.
//! * Filters are `key:value` or `key<op>value` with `op` one of `=`, `<`, `<=`, `>`, `>=`. Keys
//!   are case-insensitive, values may be quoted. Only `tag:` can be excluded (`-tag:old`).
//! * `:` (and `=`) mean "equals" for numbers and "within the period" for dates; periods are
//!   `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in UTC (see [`super::dates`]) and become half-open
//!   [`TimeRange`]s.
//! * A word with a colon whose "key" is not purely alphabetic or whose value does not start with
//!   a letter, digit or quote stays a word (`10:30`, `http://x`, `C:\photos`, `note:`); an
//!   alphabetic unknown key with a value (`colour:red`) is an error, so typos don't silently
//!   turn into text searches.
//!
//! Errors carry the byte offset and length of the bad token (the value for bad values, the
//! operator for a misplaced comparison, `key:` for unknown keys and empty values, the opening
//! quote for an unterminated quote), so UIs can underline it ([`QueryError::caret_line`]).
//!
//! ## Adding a filter
//! 1. Add a [`Filter`] variant (in `parsed.rs`, with what a parsed query holds).
//! 2. Add the key to `Key` in `keys.rs` (`ALL`, `name`, `usage`, and `takes_comparison` if it accepts
//!    `<`/`>`); the "known:" list in the unknown-filter error follows automatically.
//! 3. Convert the value in `Parser::filter` (return [`QueryError`]s via `bad_value` for bad
//!    input), then add tests for a good value, a bad value (offset/column) and the operators.

pub mod dates;
mod parsed;

pub use parsed::{Cmp, CustomFilter, Filter, Missing, Orientation, Query, QueryError, TextField, TextTerm, TimeRange};

use crate::domain::fields::{BuiltIn, CustomField, FLAGS, LABELS};
use crate::domain::AssetKind;

/// Whether `name` is a filter key of the language (a custom field may not take it).
pub fn is_reserved_key(name: &str) -> bool {
    Key::parse(name).is_some()
}

/// Parses a search query. Empty or whitespace-only input gives an empty [`Query`].
pub fn parse(input: &str) -> Result<Query, QueryError> {
    parse_with(input, &[], None)
}

/// [`parse`], knowing the library's custom fields (so `shoot_date>2025-03-01` is a filter, checked against the
/// field's type, and other unknown keys stay errors) and today's start in unix seconds (UTC) for `rights:expired`.
pub fn parse_with(input: &str, fields: &[CustomField], today: Option<i64>) -> Result<Query, QueryError> {
    let mut query = parse_items(input, fields)?;
    if let Some(today) = today {
        for f in &mut query.filters {
            if *f == Filter::RightsExpired {
                *f = Filter::Expires(TimeRange { start: None, end: Some(today) });
            } else if let Filter::Status(status) = f {
                *f = Filter::StatusOn(*status, dates::format_utc(today).chars().take(10).collect());
            }
        }
    }
    Ok(query)
}

fn parse_items(input: &str, fields: &[CustomField]) -> Result<Query, QueryError> {
    let mut parser = Parser { input, pos: 0, fields };
    let mut query = Query::default();
    while let Some(item) = parser.next_item()? {
        match item {
            Item::Text(t) => query.text.push(t),
            Item::Filter(f) => query.filters.push(f),
            Item::Nothing => {}
        }
    }
    Ok(query)
}

/// The operator between key and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Colon,
    Cmp(Cmp),
}

impl Op {
    /// The operator at the start of `s`, and its byte length.
    fn at(s: &str) -> Option<(Op, usize)> {
        let b = s.as_bytes();
        let two = |c| b.get(1) == Some(&c);
        Some(match b.first()? {
            b':' => (Op::Colon, 1),
            b'=' => (Op::Cmp(Cmp::Eq), 1),
            b'<' if two(b'=') => (Op::Cmp(Cmp::Le), 2),
            b'<' => (Op::Cmp(Cmp::Lt), 1),
            b'>' if two(b'=') => (Op::Cmp(Cmp::Ge), 2),
            b'>' => (Op::Cmp(Cmp::Gt), 1),
            _ => return None,
        })
    }

    fn cmp(self) -> Cmp {
        match self {
            Op::Colon => Cmp::Eq,
            Op::Cmp(c) => c,
        }
    }

    /// Whether the operator is an ordering comparison (`<`, `<=`, `>`, `>=`).
    fn is_ordering(self) -> bool {
        !matches!(self, Op::Colon | Op::Cmp(Cmp::Eq))
    }
}

enum Item {
    Text(TextTerm),
    Filter(Filter),
    /// Something that contributes nothing, like `""`.
    Nothing,
}

/// A filter value with its byte span in the input (quotes included).
struct Value {
    text: String,
    start: usize,
    end: usize,
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
    fields: &'a [CustomField],
}

impl<'a> Parser<'a> {
    fn error(&self, offset: usize, len: usize, message: String) -> QueryError {
        QueryError::new(self.input, offset, len, message)
    }

    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    /// End of the whitespace-delimited run starting at `from`.
    fn run_end(&self, from: usize) -> usize {
        self.input[from..].find(char::is_whitespace).map_or(self.input.len(), |i| from + i)
    }

    /// Reads `"..."` whose opening quote is at `at`; returns the content and the position after
    /// the closing quote.
    fn quoted(&self, at: usize) -> Result<(&'a str, usize), QueryError> {
        let content = at + 1;
        match self.input[content..].find('"') {
            Some(i) => Ok((&self.input[content..content + i], content + i + 1)),
            None => Err(self.error(at, 1, "unterminated quote (add a closing \")".to_owned())),
        }
    }

    fn next_item(&mut self) -> Result<Option<Item>, QueryError> {
        let skipped = self.rest().len() - self.rest().trim_start().len();
        self.pos += skipped;
        if self.pos >= self.input.len() {
            return Ok(None);
        }
        let start = self.pos;
        let rest = self.rest();
        // A leading '-' negates, unless it is the whole word.
        let negated = rest.starts_with('-') && rest[1..].chars().next().is_some_and(|c| !c.is_whitespace());
        let body = start + usize::from(negated);

        if self.input[body..].starts_with('"') {
            let (content, end) = self.quoted(body)?;
            self.pos = end;
            let text = content.trim();
            if text.is_empty() {
                return Ok(Some(Item::Nothing));
            }
            return Ok(Some(Item::Text(TextTerm { text: text.to_owned(), phrase: true, negated })));
        }

        // A key is a letter, then letters, digits and `_` (custom field names are made so).
        let key_len = if self.input[body..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.input[body..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count()
        } else {
            0
        };
        if key_len > 0 {
            let key_end = body + key_len;
            if let Some((op, op_len)) = Op::at(&self.input[key_end..]) {
                let key_text = &self.input[body..key_end];
                let value_start = key_end + op_len;
                match Key::parse(key_text) {
                    Some(key) => {
                        return self
                            .filter(start, negated, key, body, (op, op_len), value_start)
                            .map(|f| Some(Item::Filter(f)));
                    }
                    None if self.fields.iter().any(|f| f.name.eq_ignore_ascii_case(key_text)) => {
                        return self
                            .custom(start, negated, key_text, (op, op_len), value_start)
                            .map(|f| Some(Item::Filter(f)));
                    }
                    None => {
                        // `v2:final` stays a word: only an alphabetic unknown key is taken for a mistyped filter.
                        let looks_like_filter = key_text.bytes().all(|b| b.is_ascii_alphabetic())
                            && self.input[value_start..]
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_alphanumeric() || c == '"');
                        if looks_like_filter {
                            return Err(self.error(
                                body,
                                value_start - body,
                                format!(
                                    "unknown filter '{}' (known: {})",
                                    &self.input[body..value_start],
                                    Key::known_list()
                                ),
                            ));
                        }
                    }
                }
            }
        }

        let end = self.run_end(body);
        self.pos = end;
        let text = &self.input[body..end];
        Ok(Some(Item::Text(TextTerm { text: text.to_owned(), phrase: false, negated })))
    }

    /// Reads the value starting at `at` (quoted or up to the next whitespace) and moves past it.
    fn value(&mut self, at: usize) -> Result<Value, QueryError> {
        let (text, end) = if self.input[at..].starts_with('"') {
            let (content, end) = self.quoted(at)?;
            (content.trim(), end)
        } else {
            let end = self.run_end(at);
            (&self.input[at..end], end)
        };
        self.pos = end;
        Ok(Value { text: text.to_owned(), start: at, end })
    }

    fn filter(
        &mut self,
        start: usize,
        negated: bool,
        key: Key,
        key_start: usize,
        (op, op_len): (Op, usize),
        value_start: usize,
    ) -> Result<Filter, QueryError> {
        if negated && key != Key::Tag {
            return Err(self.error(
                start,
                value_start - start,
                format!("cannot exclude with '-{}' (only -tag: can be negated)", &self.input[key_start..value_start]),
            ));
        }
        let op_start = value_start - op_len;
        if op.is_ordering() && !key.takes_comparison() {
            return Err(self.error(
                op_start,
                op_len,
                format!(
                    "{key} does not take a comparison '{}' (use {})",
                    &self.input[op_start..value_start],
                    key.usage()
                ),
            ));
        }
        // `tag:=NAME`: that tag alone, not the tags beneath it.
        let exact = key == Key::Tag && self.input[value_start..].starts_with('=');
        let value = self.value(value_start + exact as usize)?;
        if value.text.is_empty() {
            return Err(self.error(start, value.end - start, format!("empty value for {key}: (use {})", key.usage())));
        }
        let v = value.text.as_str();
        let cmp = op.cmp();
        Ok(match key {
            Key::Tag => Filter::Tag { name: value.text.clone(), negated, exact },
            Key::Type => Filter::Kind(
                AssetKind::parse(v)
                    .ok_or_else(|| self.bad_value(key, &value, "image, video, audio, document, font or other"))?,
            ),
            Key::Ext => {
                let ext = v.strip_prefix('.').unwrap_or(v).to_lowercase();
                if ext.is_empty() {
                    return Err(self.error(
                        start,
                        value.end - start,
                        format!("empty value for {key}: (use {})", key.usage()),
                    ));
                }
                Filter::Ext(ext)
            }
            Key::Uploader => Filter::Uploader(value.text.clone()),
            Key::Creator => Filter::Field(TextField::Creator, value.text.clone()),
            Key::Credit => Filter::Field(TextField::Credit, value.text.clone()),
            Key::Campaign => Filter::Field(TextField::Campaign, value.text.clone()),
            Key::Licence => Filter::Field(TextField::Licence, value.text.clone()),
            Key::Label => Filter::Label(
                LABELS
                    .iter()
                    .find(|l| l.eq_ignore_ascii_case(v))
                    .ok_or_else(|| self.bad_value(key, &value, &LABELS.join(", ")))?
                    .to_string(),
            ),
            Key::Flag => Filter::Flag(
                FLAGS
                    .iter()
                    .find(|l| l.eq_ignore_ascii_case(v))
                    .ok_or_else(|| self.bad_value(key, &value, "pick or reject"))?
                    .to_string(),
            ),
            Key::Missing => {
                if v.eq_ignore_ascii_case("required") {
                    Filter::Missing(Missing::Required)
                } else if v.eq_ignore_ascii_case("alt") {
                    Filter::Missing(Missing::Field(BuiltIn::AltText))
                } else {
                    Filter::Missing(Missing::Field(BuiltIn::parse(v).ok_or_else(|| {
                        self.bad_value(key, &value, "alt, required, or a built-in field: caption, licence, creator…")
                    })?))
                }
            }
            Key::Rights => {
                if !v.eq_ignore_ascii_case("expired") {
                    return Err(self.bad_value(key, &value, "expired"));
                }
                Filter::RightsExpired
            }
            Key::Expires => {
                let period = dates::parse_period(v)
                    .ok_or_else(|| self.bad_value(key, &value, "a date: YYYY, YYYY-MM or YYYY-MM-DD"))?;
                Filter::Expires(TimeRange::from_period(cmp, period))
            }
            Key::Width | Key::Height => {
                let n = number(v).ok_or_else(|| self.bad_value(key, &value, "a whole number of pixels"))?;
                if key == Key::Width {
                    Filter::Width(cmp, n)
                } else {
                    Filter::Height(cmp, n)
                }
            }
            Key::Orientation => Filter::Orientation(
                [Orientation::Landscape, Orientation::Portrait, Orientation::Square]
                    .into_iter()
                    .find(|o| o.as_str().eq_ignore_ascii_case(v))
                    .ok_or_else(|| self.bad_value(key, &value, "landscape, portrait or square"))?,
            ),
            Key::Rating => {
                let n = number(v)
                    .filter(|n| (0..=5).contains(n))
                    .ok_or_else(|| self.bad_value(key, &value, "a whole number from 0 to 5"))?;
                Filter::Rating(cmp, n)
            }
            Key::Is => {
                if v.eq_ignore_ascii_case("archived") {
                    Filter::Archived
                } else if v.eq_ignore_ascii_case("untagged") {
                    Filter::Untagged
                } else if v.eq_ignore_ascii_case("trashed") {
                    Filter::Trashed
                } else {
                    return Err(self.bad_value(key, &value, "untagged, archived or trashed"));
                }
            }
            Key::Status => Filter::Status(crate::domain::lifecycle::Status::parse(v).ok_or_else(|| {
                self.bad_value(
                    key,
                    &value,
                    "draft, in_review, approved, changes_requested, rejected, published, archived or expired",
                )
            })?),
            Key::Collection => Filter::Collection(value.text.clone()),
            Key::Smart => Filter::Smart(value.text.clone()),
            Key::Taken | Key::Added => {
                let period = dates::parse_period(v)
                    .ok_or_else(|| self.bad_value(key, &value, "a date: YYYY, YYYY-MM or YYYY-MM-DD"))?;
                let range = TimeRange::from_period(cmp, period);
                if key == Key::Taken {
                    Filter::Taken(range)
                } else {
                    Filter::Added(range)
                }
            }
        })
    }

    fn bad_value(&self, key: Key, value: &Value, expected: &str) -> QueryError {
        self.error(
            value.start,
            value.end - value.start,
            format!("bad value for {key}: '{}' (expected {expected})", value.text),
        )
    }
}

/// A non-negative decimal integer (ASCII digits only).
fn number(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

mod custom;
mod keys;
use keys::Key;

#[cfg(test)]
mod tests;
