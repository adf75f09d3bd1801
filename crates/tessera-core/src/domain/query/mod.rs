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
//! 1. Add a [`Filter`] variant.
//! 2. Add the key to `Key` in `keys.rs` (`ALL`, `name`, `usage`, and `takes_comparison` if it accepts
//!    `<`/`>`); the "known:" list in the unknown-filter error follows automatically.
//! 3. Convert the value in `Parser::filter` (return [`QueryError`]s via `bad_value` for bad
//!    input), then add tests for a good value, a bad value (offset/column) and the operators.

pub mod dates;

use crate::domain::fields::{BuiltIn, CustomField, FieldType, Scalar, FLAGS, LABELS};
use crate::domain::AssetKind;

/// A parsed search query. Everything in it is ANDed; an empty query matches every asset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Free-text terms, in input order.
    pub text: Vec<TextTerm>,
    /// Structured filters, in input order.
    pub filters: Vec<Filter>,
}

impl Query {
    /// True when the query puts no constraint at all (empty or whitespace-only input).
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.filters.is_empty()
    }
}

/// A free-text term: a prefix-matched word or an exact phrase, possibly excluded.
#[derive(Debug, Clone, PartialEq)]
pub struct TextTerm {
    /// The word or the phrase's content (without quotes or the leading `-`).
    pub text: String,
    /// True for `"quoted phrases"` (exact match), false for words (prefix match).
    pub phrase: bool,
    /// True for `-word` / `-"phrase"`.
    pub negated: bool,
}

/// A numeric comparison; `key:N` and `key=N` are [`Cmp::Eq`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// The SQL operator for this comparison.
    pub fn as_sql(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }

    /// Whether `value <cmp> target` holds.
    pub fn matches(self, value: i64, target: i64) -> bool {
        match self {
            Cmp::Eq => value == target,
            Cmp::Lt => value < target,
            Cmp::Le => value <= target,
            Cmp::Gt => value > target,
            Cmp::Ge => value >= target,
        }
    }
}

/// Image orientation (after EXIF rotation), from width vs height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Landscape,
    Portrait,
    Square,
}

impl Orientation {
    /// The query-language spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
            Orientation::Square => "square",
        }
    }

    /// The orientation of a `width` x `height` image.
    pub fn of(width: i64, height: i64) -> Orientation {
        match width.cmp(&height) {
            std::cmp::Ordering::Greater => Orientation::Landscape,
            std::cmp::Ordering::Less => Orientation::Portrait,
            std::cmp::Ordering::Equal => Orientation::Square,
        }
    }
}

/// Half-open [start, end) unix seconds; either side may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    pub start: Option<i64>,
    pub end: Option<i64>,
}

impl TimeRange {
    /// Whether `secs` lies in the range.
    pub fn contains(&self, secs: i64) -> bool {
        !matches!(self.start, Some(s) if secs < s) && !matches!(self.end, Some(e) if secs >= e)
    }

    /// The range selected by `cmp` applied to the period `[start, end)`: `:`/`=` within it,
    /// `>` after it, `>=` from its start, `<` before its start, `<=` up to its end.
    pub fn from_period(cmp: Cmp, (start, end): (i64, i64)) -> TimeRange {
        let (start, end) = match cmp {
            Cmp::Eq => (Some(start), Some(end)),
            Cmp::Gt => (Some(end), None),
            Cmp::Ge => (Some(start), None),
            Cmp::Lt => (None, Some(start)),
            Cmp::Le => (None, Some(end)),
        };
        TimeRange { start, end }
    }
}

/// A structured filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `tag:NAME` / `-tag:NAME`: the tag (a path or a synonym) or any tag beneath it; `tag:=NAME` that tag alone.
    /// Several tag filters AND together.
    Tag { name: String, negated: bool, exact: bool },
    /// `type:image` etc.
    Kind(AssetKind),
    /// `ext:jpg`, lower-cased, without a leading dot.
    Ext(String),
    /// `uploader:NAME`
    Uploader(String),
    /// `creator:NAME`, `credit:NAME`, `campaign:NAME`: the whole field, any case.
    Field(TextField, String),
    /// `width>1000`, `width:1920`, ...
    Width(Cmp, i64),
    /// `height<=500`, ...
    Height(Cmp, i64),
    /// `orientation:landscape|portrait|square`
    Orientation(Orientation),
    /// `rating>=4`, 0..=5
    Rating(Cmp, i64),
    /// `taken:2024-05`, `taken>=2023-06`, ... (capture date, UTC)
    Taken(TimeRange),
    /// `added>2025-01-01`, ... (import date, UTC)
    Added(TimeRange),
    /// `is:untagged`: assets without any tag.
    Untagged,
    /// `label:red`
    Label(String),
    /// `flag:pick`, `flag:reject`
    Flag(String),
    /// `missing:alt` (any built-in field: `missing:caption`, `missing:licence`…), `missing:required`.
    Missing(Missing),
    /// `expires<2027-01-01`, `expires:2027`: the rights expiry date (UTC days).
    Expires(TimeRange),
    /// `rights:expired`: expires before today. [`parse_with`] turns it into an [`Filter::Expires`] range ending
    /// today; the store reads today from SQLite's clock only when a query was parsed without one.
    RightsExpired,
    /// `shoot_date>2025-03-01`, `agency:X`: a custom field of the library (see [`parse_with`]).
    Custom(CustomFilter),
    /// `collection:"Spring 2027"`: assets in that manual collection or any beneath it.
    Collection(String),
    /// `smart:NAME`: what the smart collection's saved query matches (expanded in place by the store).
    Smart(String),
}

/// What `missing:` looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Field(BuiltIn),
    /// Required custom fields of the asset's type without a value.
    Required,
}

/// A condition on a custom field: its value compared with one value of the field's type (for choice fields, a
/// value of the vocabulary, retired ones too: they are still on assets).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFilter {
    pub field: i64,
    pub name: String,
    pub kind: FieldType,
    pub cmp: Cmp,
    pub value: Scalar,
}

/// Why a query could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} at column {column}")]
pub struct QueryError {
    /// Byte offset of the bad token in the input.
    pub offset: usize,
    /// Byte length of the bad token.
    pub len: usize,
    /// The bad token as it appears in the input.
    pub token: String,
    /// Human-readable explanation (without the position).
    pub message: String,
    /// 1-based column of the bad token, counted in chars.
    pub column: usize,
}

impl QueryError {
    fn new(input: &str, offset: usize, len: usize, message: String) -> QueryError {
        let token = input.get(offset..offset + len).unwrap_or_default().to_owned();
        let column = input.get(..offset).unwrap_or(input).chars().count() + 1;
        QueryError { offset, len, token, message, column }
    }

    /// The input on one line and `^^^` under the bad token on the next (no trailing newline).
    /// Control characters (tabs, newlines) are shown as spaces so the carets line up; wide
    /// (e.g. CJK) characters count as one column.
    pub fn caret_line(&self, input: &str) -> String {
        let mut line = String::with_capacity(input.len());
        let mut marks = String::new();
        for (i, c) in input.char_indices() {
            line.push(if c.is_control() { ' ' } else { c });
            if i < self.offset {
                marks.push(' ');
            } else if i < self.offset + self.len {
                marks.push('^');
            }
        }
        if !marks.ends_with('^') {
            marks.push('^'); // empty token or past the end of the input
        }
        format!("{line}\n{marks}")
    }
}

/// Parses a search query. Empty or whitespace-only input gives an empty [`Query`].
/// Whether `name` is a filter key of the language (a custom field may not take it).
pub fn is_reserved_key(name: &str) -> bool {
    Key::parse(name).is_some()
}

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

/// Text fields of an asset that a filter matches whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Creator,
    Credit,
    Campaign,
    Licence,
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
                if !v.eq_ignore_ascii_case("untagged") {
                    return Err(self.bad_value(key, &value, "untagged"));
                }
                Filter::Untagged
            }
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
