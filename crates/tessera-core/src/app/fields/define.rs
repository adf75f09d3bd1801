//! Defining a custom field.

use crate::app::Ctx;
use crate::domain::fields::check_field_name;
use crate::domain::{AssetKind, Choice, CustomField, FieldType};
use crate::error::{Error, Result};
use serde::Deserialize;

/// What the admin asks for; the type and kinds are words as typed (`long-text`, `image,video`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct FieldDefinition {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub choices: Vec<String>,
}

/// Defines a field; refuses a bad or taken name, an unknown type or asset type, and choices on a field without
/// a vocabulary.
pub fn define_field(ctx: &Ctx, definition: &FieldDefinition) -> Result<CustomField> {
    ctx.require(crate::domain::Action::ManageFields)?;
    let name = check_field_name(&definition.name)?;
    let bad = |reason: String| Error::InvalidFieldDefinition { field: name.clone(), reason };
    let kind = FieldType::parse(&definition.kind).ok_or_else(|| {
        let known: Vec<&str> = FieldType::ALL.iter().map(|t| t.as_str()).collect();
        bad(format!("unknown type {:?}; use one of: {}", definition.kind, known.join(", ")))
    })?;
    let mut kinds = Vec::new();
    for word in definition.kinds.iter().flat_map(|k| k.split(',')).map(str::trim).filter(|k| !k.is_empty()) {
        let k = AssetKind::parse(word).ok_or_else(|| {
            bad(format!("unknown asset type {word:?}; use image, video, audio, document, font or other"))
        })?;
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let mut choices: Vec<Choice> = Vec::new();
    for value in definition.choices.iter().flat_map(|c| c.split(',')).map(str::trim).filter(|c| !c.is_empty()) {
        if !choices.iter().any(|c| c.value.eq_ignore_ascii_case(value)) {
            choices.push(Choice { value: check_choice(&name, value)?, retired: false });
        }
    }
    if !choices.is_empty() && !kind.has_vocabulary() {
        return Err(bad(format!("a {} field has no list of values (use --type choice or choices)", kind.as_str())));
    }
    let field = CustomField { id: 0, name, kind, required: definition.required, kinds, position: 0, choices };
    ctx.store().add_field(&field)
}

/// A vocabulary value: one line of at most 200 characters, without commas (they separate values).
pub(super) fn check_choice(field: &str, value: &str) -> Result<String> {
    let v = value.trim();
    let bad =
        |reason: &str| Error::InvalidFieldValue { field: field.into(), value: value.into(), reason: reason.into() };
    if v.is_empty() || v.chars().count() > 200 {
        return Err(bad("a value has 1 to 200 characters"));
    }
    if v.contains(',') || v.chars().any(char::is_control) {
        return Err(bad("a value has no commas or control characters"));
    }
    Ok(v.to_string())
}
