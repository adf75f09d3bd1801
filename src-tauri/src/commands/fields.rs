//! Fields: setting them on a selection, the library's custom field definitions and vocabularies, and templates.

use super::Call;
use crate::error::IpcResult;
use crate::events::EditEvents;
use tessera_core::app::assets::{self, EditOutcome, Selection};
use tessera_core::app::fields::template::{self, Template};
use tessera_core::app::fields::{self, FieldDefinition};
use tessera_core::domain::{CustomField, FieldAssignment};

/// One transaction for the whole selection, reporting `edit-progress` as `edit_assets` does.
pub async fn set_fields(
    call: Call<'_>,
    selection: Selection,
    assignments: Vec<FieldAssignment>,
) -> IpcResult<EditOutcome> {
    let progress = EditEvents::new(call.app.clone());
    Ok(assets::set_fields_reporting(&call.state.ctx()?, &selection, &assignments, &progress)?)
}

pub async fn list_fields(call: Call<'_>) -> IpcResult<Vec<CustomField>> {
    Ok(fields::list_fields(&call.state.ctx()?)?)
}

pub async fn define_field(call: Call<'_>, definition: FieldDefinition) -> IpcResult<CustomField> {
    Ok(fields::define_field(&call.state.ctx()?, &definition)?)
}

pub async fn remove_field(call: Call<'_>, name: String) -> IpcResult<()> {
    Ok(fields::remove_field(&call.state.ctx()?, &name)?)
}

pub async fn edit_field_choices(
    call: Call<'_>,
    name: String,
    add: Vec<String>,
    retire: Vec<String>,
) -> IpcResult<CustomField> {
    Ok(fields::edit_choices(&call.state.ctx()?, &name, &add, &retire)?)
}

pub async fn list_templates(call: Call<'_>) -> IpcResult<Vec<Template>> {
    Ok(template::list_templates(&call.state.ctx()?)?)
}

pub async fn add_template(call: Call<'_>, name: String, assignments: Vec<FieldAssignment>) -> IpcResult<Template> {
    Ok(template::add_template(&call.state.ctx()?, &name, &assignments)?)
}

pub async fn apply_template(call: Call<'_>, name: String, selection: Selection) -> IpcResult<EditOutcome> {
    Ok(template::apply_template(&call.state.ctx()?, &name, &selection)?)
}
