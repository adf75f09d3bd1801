//! Listing the library's custom fields.

use crate::app::Ctx;
use crate::domain::CustomField;
use crate::error::Result;

/// Every custom field in the admin's order, with its vocabulary (retired values marked).
pub fn list_fields(ctx: &Ctx) -> Result<Vec<CustomField>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().fields()
}
