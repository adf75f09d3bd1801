//! Assets once they are in: reading one, editing many, undoing an edit, copying originals out, the trash, opening
//! and revealing originals.

pub mod copy_out;
pub mod edit;
pub mod empty_trash;
pub mod export;
pub mod full_view;
pub mod locate;
pub mod restore;
pub mod set_fields;
pub mod show;
pub mod trash;
pub mod undo;

pub use copy_out::{copy_originals, CopiedOriginal, CopyFailure, CopyReport};
pub use edit::{edit_assets, edit_assets_reporting, AssetEdit, EditOutcome, Selection};
pub use empty_trash::{empty_trash, finish_purge, EmptyTrashOutcome};
pub use export::{export_originals, ExportReport};
pub use full_view::full_view;
pub use locate::{open_original, original_path, reveal_original};
pub use restore::{list_trash, restore_assets};
pub use set_fields::{set_fields, set_fields_reporting, FieldAssignment};
pub use show::{current_file, detail};
pub use trash::{trash_assets, TrashOutcome};
pub use undo::{edit_log, undo_last, UndoOutcome};
