//! What a parsed query holds: words and phrases, filters with their values, and the error a query that cannot be
//! read gives (with where it is).

use crate::domain::fields::{BuiltIn, FieldType, Scalar};
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
    /// `is:archived`: archived assets, which the default views leave out.
    Archived,
    /// `is:trashed`: assets in the trash, which every other view leaves out.
    Trashed,
    /// `status:approved` etc.: the lifecycle state as shown (`status:expired` matches approved and published assets
    /// whose rights expiry has passed, and `status:approved` no longer does).
    Status(crate::domain::lifecycle::Status),
    /// [`Filter::Status`] with today's date ("YYYY-MM-DD", UTC) to count expiry against: what [`parse_with`] makes of
    /// it given today (the context's clock), so `status:expired` and `rights:expired` agree on what today is.
    StatusOn(crate::domain::lifecycle::Status, String),
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
    pub(super) fn new(input: &str, offset: usize, len: usize, message: String) -> QueryError {
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

/// Text fields of an asset that a filter matches whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Creator,
    Credit,
    Campaign,
    Licence,
}
