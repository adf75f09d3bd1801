//! Fields of an asset: the built-in ones every library has, and the custom ones a library defines, with the rules
//! that decide whether a value may be written. No I/O: the store writes what these functions accept.
//!
//! Every value is typed as text by a person or a script (`licence=CC BY`, `expires=2027-01-01`); [`BuiltIn::check`]
//! and [`CustomField::check`] turn it into what is stored, or refuse it with an error that names the field and the
//! value. To add a built-in field: a variant, its name and column in [`BuiltIn::ALL`]/[`BuiltIn::column`], a column
//! in a migration, its check.

use super::query::dates;
use super::AssetKind;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A value as stored: text, a number, or (yes/no fields) 0/1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum Scalar {
    Int(i64),
    Real(f64),
    Text(String),
}

impl Scalar {
    /// As people read it and as `tessera set` takes it back.
    pub fn display(&self) -> String {
        match self {
            Scalar::Int(n) => n.to_string(),
            Scalar::Real(x) => x.to_string(),
            Scalar::Text(s) => s.clone(),
        }
    }
}

/// A custom field's value on an asset, as `show --json` and the inspector get it: yes/no as a boolean, a `choices`
/// field as its list of values, anything else as text or a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum FieldValue {
    Yes(bool),
    Many(Vec<String>),
    One(Scalar),
}

/// `NAME=VALUE`: an empty value clears the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct FieldAssignment {
    pub name: String,
    pub value: String,
}

impl FieldAssignment {
    /// Reads `NAME=VALUE` (`NAME=` clears); `None` when there is no `=` or no name.
    pub fn parse(text: &str) -> Option<FieldAssignment> {
        let (name, value) = text.split_once('=')?;
        let name = name.trim();
        (!name.is_empty()).then(|| FieldAssignment { name: name.to_string(), value: value.to_string() })
    }
}

/// The built-in fields, by the names the CLI, the edit log and the IPC use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BuiltIn {
    Title,
    Description,
    AltText,
    Caption,
    Creator,
    Credit,
    Copyright,
    Licence,
    UsageTerms,
    Expires,
    Campaign,
    Label,
    Flag,
    Rating,
    /// photoshop:Headline.
    Headline,
    /// photoshop:Instructions (special instructions to whoever uses the asset).
    Instructions,
    /// The creator's contact (Iptc4xmpCore:CreatorContactInfo): work e-mail, web site, phone.
    ContactEmail,
    ContactUrl,
    ContactPhone,
    /// xmpRights:WebStatement: a page that states the rights.
    WebStatement,
    /// xmpRights:Marked: yes = copyrighted, no = public domain (stored 1/0).
    RightsMarked,
    /// plus:LicensorName: who licenses the asset.
    Licensor,
}

/// The colour labels, in the order the app shows them.
pub const LABELS: [&str; 6] = ["red", "orange", "yellow", "green", "blue", "purple"];
/// The culling flags.
pub const FLAGS: [&str; 2] = ["pick", "reject"];
/// Longest text accepted in a text field (a long description is a few thousand characters).
pub const MAX_TEXT: usize = 20_000;

impl BuiltIn {
    pub const ALL: [BuiltIn; 22] = [
        BuiltIn::Title,
        BuiltIn::Description,
        BuiltIn::AltText,
        BuiltIn::Caption,
        BuiltIn::Creator,
        BuiltIn::Credit,
        BuiltIn::Copyright,
        BuiltIn::Licence,
        BuiltIn::UsageTerms,
        BuiltIn::Expires,
        BuiltIn::Campaign,
        BuiltIn::Label,
        BuiltIn::Flag,
        BuiltIn::Rating,
        BuiltIn::Headline,
        BuiltIn::Instructions,
        BuiltIn::ContactEmail,
        BuiltIn::ContactUrl,
        BuiltIn::ContactPhone,
        BuiltIn::WebStatement,
        BuiltIn::RightsMarked,
        BuiltIn::Licensor,
    ];

    /// The field's name (also its name in the edit log).
    pub fn name(self) -> &'static str {
        match self {
            BuiltIn::Title => "title",
            BuiltIn::Description => "description",
            BuiltIn::AltText => "alt_text",
            BuiltIn::Caption => "caption",
            BuiltIn::Creator => "creator",
            BuiltIn::Credit => "credit",
            BuiltIn::Copyright => "copyright",
            BuiltIn::Licence => "licence",
            BuiltIn::UsageTerms => "usage_terms",
            BuiltIn::Expires => "expires",
            BuiltIn::Campaign => "campaign",
            BuiltIn::Label => "label",
            BuiltIn::Flag => "flag",
            BuiltIn::Rating => "rating",
            BuiltIn::Headline => "headline",
            BuiltIn::Instructions => "instructions",
            BuiltIn::ContactEmail => "contact_email",
            BuiltIn::ContactUrl => "contact_url",
            BuiltIn::ContactPhone => "contact_phone",
            BuiltIn::WebStatement => "web_statement",
            BuiltIn::RightsMarked => "rights_marked",
            BuiltIn::Licensor => "licensor",
        }
    }

    /// The column of `assets` holding it (copyright lives in the older `rights` column).
    pub fn column(self) -> &'static str {
        match self {
            BuiltIn::Copyright => "rights",
            other => other.name(),
        }
    }

    /// The field of that name (any case; `alt-text` and `usage-terms` too).
    pub fn parse(name: &str) -> Option<BuiltIn> {
        let name = name.trim().replace('-', "_");
        BuiltIn::ALL.into_iter().find(|b| b.name().eq_ignore_ascii_case(&name))
    }

    /// The field whose edit-log name or column is `name`.
    pub fn from_log_name(name: &str) -> Option<BuiltIn> {
        BuiltIn::ALL.into_iter().find(|b| b.name() == name)
    }

    /// Whether its text is in the full-text index.
    pub fn is_searchable_text(self) -> bool {
        matches!(self, BuiltIn::Title | BuiltIn::Description | BuiltIn::AltText | BuiltIn::Caption)
    }

    /// The stored value for `raw` (`None` clears: an empty or blank value), or an error naming field and value.
    pub fn check(self, raw: &str) -> Result<Option<Scalar>> {
        let v = raw.trim();
        if v.is_empty() {
            return Ok(None);
        }
        let bad = |reason: &str| invalid(self.name(), raw, reason);
        Ok(Some(match self {
            BuiltIn::Rating => match v.parse::<i64>() {
                Ok(n) if (0..=5).contains(&n) => Scalar::Int(n),
                _ => return Err(bad("a rating is a whole number from 0 to 5")),
            },
            BuiltIn::Label => Scalar::Text(one_of(v, &LABELS).ok_or_else(|| bad(&listed(&LABELS)))?.into()),
            BuiltIn::Flag => Scalar::Text(one_of(v, &FLAGS).ok_or_else(|| bad(&listed(&FLAGS)))?.into()),
            BuiltIn::Expires => Scalar::Text(date(v).ok_or_else(|| bad("a date is YYYY-MM-DD, e.g. 2027-01-31"))?),
            BuiltIn::ContactUrl | BuiltIn::WebStatement => {
                Scalar::Text(url(v).ok_or_else(|| bad("a web address starts with https:// or http://"))?)
            }
            BuiltIn::RightsMarked => {
                Scalar::Int(i64::from(boolean(v).ok_or_else(|| bad("yes (copyrighted) or no (public domain)"))?))
            }
            _ => Scalar::Text(text(self.name(), raw, v)?),
        }))
    }
}

/// The type of a custom field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    Text,
    LongText,
    Number,
    Date,
    Url,
    Bool,
    Choice,
    Choices,
}

impl FieldType {
    pub const ALL: [FieldType; 8] = [
        FieldType::Text,
        FieldType::LongText,
        FieldType::Number,
        FieldType::Date,
        FieldType::Url,
        FieldType::Bool,
        FieldType::Choice,
        FieldType::Choices,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::LongText => "long-text",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Url => "url",
            FieldType::Bool => "bool",
            FieldType::Choice => "choice",
            FieldType::Choices => "choices",
        }
    }

    pub fn parse(s: &str) -> Option<FieldType> {
        let s = s.trim().replace('_', "-");
        FieldType::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(&s))
    }

    /// Whether searches compare its values with `<` and `>`.
    pub fn is_ordered(self) -> bool {
        matches!(self, FieldType::Number | FieldType::Date)
    }

    pub fn has_vocabulary(self) -> bool {
        matches!(self, FieldType::Choice | FieldType::Choices)
    }
}

/// One value of a field's vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Choice {
    pub value: String,
    /// Kept on the assets that have it; refused on new writes.
    pub retired: bool,
}

/// A custom field as the library defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct CustomField {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    pub required: bool,
    /// The asset types it applies to; empty: every type.
    pub kinds: Vec<AssetKind>,
    pub position: i64,
    /// For choice and choices fields, in the admin's order.
    pub choices: Vec<Choice>,
}

impl CustomField {
    /// The edit log's name for it.
    pub fn log_name(&self) -> String {
        format!("field:{}", self.name)
    }

    /// The stored values for `raw` (empty when cleared; several for a `choices` field), or an error naming the field
    /// and the value.
    pub fn check(&self, raw: &str) -> Result<Vec<Scalar>> {
        let v = raw.trim();
        if v.is_empty() {
            return Ok(Vec::new());
        }
        let bad = |reason: &str| invalid(&self.name, raw, reason);
        Ok(match self.kind {
            FieldType::Text | FieldType::LongText => {
                let v = text(&self.name, raw, v)?;
                if self.kind == FieldType::Text && v.contains('\n') {
                    return Err(bad("a text field is one line (use a long-text field for more)"));
                }
                vec![Scalar::Text(v)]
            }
            FieldType::Number => vec![number(v).ok_or_else(|| bad("a number, e.g. 42 or 3.5"))?],
            FieldType::Date => vec![Scalar::Text(date(v).ok_or_else(|| bad("a date is YYYY-MM-DD, e.g. 2025-03-01"))?)],
            FieldType::Url => {
                vec![Scalar::Text(url(v).ok_or_else(|| bad("a web address starting with http:// or https://"))?)]
            }
            FieldType::Bool => {
                vec![Scalar::Int(boolean(v).ok_or_else(|| bad("yes or no (also true/false, 1/0)"))? as i64)]
            }
            FieldType::Choice => vec![Scalar::Text(self.choice(raw, v)?)],
            FieldType::Choices => {
                let mut out: Vec<Scalar> = Vec::new();
                for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let value = Scalar::Text(self.choice(raw, part)?);
                    if !out.contains(&value) {
                        out.push(value);
                    }
                }
                out
            }
        })
    }

    /// The vocabulary's spelling of `v`, refused when it is not in the list or retired.
    fn choice(&self, raw: &str, v: &str) -> Result<String> {
        let active: Vec<&str> = self.choices.iter().filter(|c| !c.retired).map(|c| c.value.as_str()).collect();
        match self.choices.iter().find(|c| c.value.eq_ignore_ascii_case(v)) {
            Some(c) if !c.retired => Ok(c.value.clone()),
            Some(c) => {
                Err(invalid(&self.name, raw, &format!("{:?} is retired; use one of: {}", c.value, active.join(", "))))
            }
            None if active.is_empty() => Err(invalid(&self.name, raw, "the field has no values to choose from yet")),
            None => Err(invalid(&self.name, raw, &format!("not in the list; use one of: {}", active.join(", ")))),
        }
    }

    /// Whether the field applies to assets of `kind`.
    pub fn applies_to(&self, kind: AssetKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }
}

/// A field name a library may define: letters, digits and `_`, starting with a letter, at most 64 (so that
/// `name:value` reads as a search filter); not a built-in field's name nor a search filter's.
pub fn check_field_name(name: &str) -> Result<String> {
    let n = name.trim();
    let bad = |reason: &str| Error::InvalidFieldName { name: name.to_string(), reason: reason.to_string() };
    if n.is_empty() || n.len() > 64 {
        return Err(bad("a field name has 1 to 64 characters"));
    }
    if !n.starts_with(|c: char| c.is_ascii_alphabetic()) || !n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(bad("a field name is letters, digits and _, starting with a letter"));
    }
    if BuiltIn::parse(n).is_some() {
        return Err(bad("that is a built-in field"));
    }
    if super::query::is_reserved_key(n) {
        return Err(bad("that name is a search filter"));
    }
    Ok(n.to_string())
}

/// `YYYY-MM-DD` exactly, a real day.
pub fn date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    (shape && dates::parse_period(v).is_some()).then(|| v.to_string())
}

fn number(v: &str) -> Option<Scalar> {
    if let Ok(n) = v.parse::<i64>() {
        return Some(Scalar::Int(n));
    }
    // Plain decimals only: no "inf", "NaN" or "1e400".
    let plain = v.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    v.parse::<f64>().ok().filter(|x| plain && x.is_finite()).map(Scalar::Real)
}

fn url(v: &str) -> Option<String> {
    let rest = v.strip_prefix("https://").or_else(|| v.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok = !host.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()) && v.len() <= 2048;
    ok.then(|| v.to_string())
}

fn boolean(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "on" => Some(true),
        "no" | "n" | "false" | "0" | "off" => Some(false),
        _ => None,
    }
}

fn text(field: &str, raw: &str, v: &str) -> Result<String> {
    if v.chars().count() > MAX_TEXT {
        return Err(invalid(
            field,
            &raw.chars().take(40).collect::<String>(),
            &format!("at most {MAX_TEXT} characters"),
        ));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(invalid(field, raw, "control characters are not allowed"));
    }
    Ok(v.to_string())
}

fn one_of(v: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|x| x.eq_ignore_ascii_case(v))
}

fn listed(list: &[&str]) -> String {
    format!("use one of: {}", list.join(", "))
}

fn invalid(field: &str, value: &str, reason: &str) -> Error {
    Error::InvalidFieldValue { field: field.to_string(), value: value.to_string(), reason: reason.to_string() }
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;
