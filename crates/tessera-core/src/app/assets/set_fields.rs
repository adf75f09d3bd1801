//! Setting fields by name, built-in (`licence`, `label`, `expires`…) or custom (`shoot_date`), on one asset, many,
//! or every match of a query: every value is checked first (an error names the field and the value), then all of
//! them are written in one transaction, one step of the edit log.

use super::edit::{apply, EditOutcome, Selection};
use crate::app::Ctx;
pub use crate::domain::FieldAssignment;
use crate::domain::{BuiltIn, CustomField, EditProgress, Scalar};
use crate::error::{Error, Result};
use crate::runtime::{NoProgress, ProgressSink};
use crate::store::Changes;

/// The assignments checked: built-in values and custom values ready for the store.
pub(crate) struct Checked {
    pub columns: Vec<(BuiltIn, Option<Scalar>)>,
    pub custom: Vec<(CustomField, Vec<Scalar>)>,
}

/// Checks every assignment against the field it names (a later assignment of the same field wins).
pub(crate) fn check(ctx: &Ctx, assignments: &[FieldAssignment]) -> Result<Checked> {
    let mut checked = Checked { columns: Vec::new(), custom: Vec::new() };
    let mut defined: Option<Vec<CustomField>> = None;
    for a in assignments {
        if let Some(field) = BuiltIn::parse(&a.name) {
            let value = field.check(&a.value)?;
            checked.columns.retain(|(f, _)| *f != field);
            checked.columns.push((field, value));
            continue;
        }
        let fields = match &defined {
            Some(fields) => fields,
            None => defined.insert(ctx.store().fields()?),
        };
        let field = fields
            .iter()
            .find(|f| f.name.eq_ignore_ascii_case(a.name.trim()))
            .ok_or_else(|| Error::UnknownField(a.name.trim().to_string()))?;
        let values = field.check(&a.value)?;
        checked.custom.retain(|(f, _)| f.id != field.id);
        checked.custom.push((field.clone(), values));
    }
    Ok(checked)
}

/// Sets the fields on the selection, all or nothing, as one step of the edit log.
pub fn set_fields(ctx: &Ctx, selection: &Selection, assignments: &[FieldAssignment]) -> Result<EditOutcome> {
    set_fields_reporting(ctx, selection, assignments, &NoProgress)
}

/// [`set_fields`], reporting progress every few thousand assets.
pub fn set_fields_reporting(
    ctx: &Ctx,
    selection: &Selection,
    assignments: &[FieldAssignment],
    progress: &dyn ProgressSink<EditProgress>,
) -> Result<EditOutcome> {
    ctx.require(crate::domain::Action::EditMetadata)?;
    let checked = check(ctx, assignments)?;
    let changes = Changes { columns: &checked.columns, custom: &checked.custom, ..Changes::default() };
    apply(ctx, selection, &changes, progress)
}
