//! Removing a custom field.

use crate::app::Ctx;
use crate::error::Result;

/// Removes a field; refused (`Conflict`, with the count) while any asset has a value in it, so nothing is lost.
pub fn remove_field(ctx: &Ctx, name: &str) -> Result<()> {
    ctx.require(crate::domain::Action::ManageFields)?;
    ctx.store().remove_field(name.trim())
}
