//! A tag's colour and synonyms (`trainer` ~ `Footwear/Sneaker`: a synonym typed in a search or an edit resolves to
//! the tag).

use crate::app::Ctx;
use crate::domain::{normalise_colour, normalise_tag};
use crate::error::Result;

/// Sets (`Some`) or clears (`None`) the colour; returns the tag's path.
pub fn set_tag_colour(ctx: &Ctx, name: &str, colour: Option<&str>) -> Result<String> {
    ctx.require(crate::domain::Action::ManageTags)?;
    let colour = colour.map(normalise_colour).transpose()?;
    ctx.store().set_tag_colour(&normalise_tag(name)?, colour.as_deref())
}

/// Makes `synonym` resolve to the tag `name`; returns the tag's path.
pub fn add_tag_synonym(ctx: &Ctx, name: &str, synonym: &str) -> Result<String> {
    ctx.require(crate::domain::Action::ManageTags)?;
    ctx.store().add_tag_synonym(&normalise_tag(name)?, &normalise_tag(synonym)?)
}

/// Removes a synonym; returns the path of the tag it resolved to.
pub fn remove_tag_synonym(ctx: &Ctx, synonym: &str) -> Result<String> {
    ctx.require(crate::domain::Action::ManageTags)?;
    ctx.store().remove_tag_synonym(&normalise_tag(synonym)?)
}
