//! `tessera label set NAME COLOUR`: a label text (new, or one of the Bridge or Lightroom defaults) stands for one of
//! the six colours from now on. Assets already ingested keep their colour; `xmp write` writes a text back only while
//! it still stands for the asset's colour.

use crate::app::Ctx;
use crate::domain::fields::{LABELS, MAX_TEXT};
use crate::domain::LabelName;
use crate::error::{Error, Result};

pub fn set_label(ctx: &Ctx, name: &str, colour: &str) -> Result<LabelName> {
    let invalid = |field: &str, value: &str, reason: &str| Error::InvalidFieldValue {
        field: field.into(),
        value: value.into(),
        reason: reason.into(),
    };
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100.min(MAX_TEXT) || name.chars().any(char::is_control) {
        return Err(invalid("name", name, "a label name is 1 to 100 characters, no control characters"));
    }
    let colour = LABELS
        .iter()
        .find(|c| c.eq_ignore_ascii_case(colour.trim()))
        .ok_or_else(|| invalid("colour", colour, &format!("use one of: {}", LABELS.join(", "))))?;
    ctx.store().set_label_name(name, colour, &ctx.actor.name, ctx.now())?;
    let names = ctx.store().label_names()?;
    let set = names.into_iter().find(|n| n.name.eq_ignore_ascii_case(name)).map(|n| n.set);
    Ok(LabelName { name: name.into(), colour: (*colour).into(), set: set.unwrap_or_else(|| "custom".into()) })
}
