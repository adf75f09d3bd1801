//! Assets once they are in: reading one, editing many, undoing an edit, copying originals out.

pub mod copy_out;
pub mod edit;
pub mod set_fields;
pub mod show;
pub mod undo;

pub use copy_out::{copy_originals, CopiedOriginal, CopyFailure, CopyReport};
pub use edit::{edit_assets, edit_assets_reporting, AssetEdit, EditOutcome, Selection};
pub use set_fields::{set_fields, set_fields_reporting, FieldAssignment};
pub use show::{current_file, detail};
pub use undo::{edit_log, undo_last, UndoOutcome};
