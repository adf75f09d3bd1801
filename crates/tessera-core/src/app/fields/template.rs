//! Metadata templates: a named set of `NAME=VALUE` assignments kept in the library, applied to many assets at once
//! (one edit, one undo step). The values are checked when the template is saved and again when it is applied (a
//! vocabulary value may have been retired since).

use crate::app::assets::edit::{apply as apply_changes, EditOutcome, Selection};
use crate::app::assets::set_fields::check;
use crate::app::assets::FieldAssignment;
use crate::app::Ctx;
use crate::error::{Error, Result};
use crate::runtime::NoProgress;
use crate::store::Changes;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Template {
    pub name: String,
    pub assignments: Vec<FieldAssignment>,
}

/// Saves a template (refused when the name is taken or a value would be refused).
pub fn add_template(ctx: &Ctx, name: &str, assignments: &[FieldAssignment]) -> Result<Template> {
    ctx.require(crate::domain::Action::ManageTemplates)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(Error::InvalidFieldValue {
            field: "template".into(),
            value: name.into(),
            reason: "a template name has 1 to 100 characters".into(),
        });
    }
    if assignments.is_empty() {
        return Err(Error::InvalidFieldValue {
            field: "template".into(),
            value: name.into(),
            reason: "a template sets at least one field (NAME=VALUE)".into(),
        });
    }
    check(ctx, assignments)?;
    let template = Template { name: name.to_string(), assignments: assignments.to_vec() };
    ctx.store().add_template(&template.name, &template.assignments)?;
    Ok(template)
}

/// Every template, by name.
pub fn list_templates(ctx: &Ctx) -> Result<Vec<Template>> {
    ctx.require(crate::domain::Action::Read)?;
    Ok(ctx.store().templates()?.into_iter().map(|(name, assignments)| Template { name, assignments }).collect())
}

/// Applies a template to the selection: one edit, one step of the edit log.
pub fn apply_template(ctx: &Ctx, name: &str, selection: &Selection) -> Result<EditOutcome> {
    ctx.require(crate::domain::Action::EditMetadata)?;
    let (_, assignments) = ctx
        .store()
        .templates()?
        .into_iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Error::TemplateNotFound(name.trim().to_string()))?;
    let checked = check(ctx, &assignments)?;
    let changes = Changes { columns: &checked.columns, custom: &checked.custom, ..Changes::default() };
    apply_changes(ctx, selection, &changes, &NoProgress)
}
