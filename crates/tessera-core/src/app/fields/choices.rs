//! Editing a choice field's vocabulary.

use super::define::check_choice;
use crate::app::Ctx;
use crate::domain::CustomField;
use crate::error::Result;

/// Adds values (bringing back retired ones) and retires others: retired values stay on the assets that have them
/// and are refused on new writes.
pub fn edit_choices(ctx: &Ctx, name: &str, add: &[String], retire: &[String]) -> Result<CustomField> {
    ctx.require(crate::domain::Action::ManageFields)?;
    let split = |list: &[String]| -> Vec<String> {
        list.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string).collect()
    };
    let add = split(add).iter().map(|v| check_choice(name, v)).collect::<Result<Vec<_>>>()?;
    ctx.store().edit_choices(name.trim(), &add, &split(retire))
}
