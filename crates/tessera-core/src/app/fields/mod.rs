//! Custom fields: defining them (name, type, required, for which asset types, a vocabulary for choice fields),
//! listing them, editing a vocabulary, removing a field no asset uses. Values are set with
//! `app::assets::set_fields`; metadata templates (`template`) set several at once.

mod choices;
mod define;
mod list;
mod remove;
pub mod template;

pub use choices::edit_choices;
pub use define::{define_field, FieldDefinition};
pub use list::list_fields;
pub use remove::remove_field;
