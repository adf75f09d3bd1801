//! Assets once they are in: reading one, editing many.

pub mod edit;
pub mod show;

pub use edit::{edit_assets, AssetEdit, EditOutcome, Selection};
pub use show::{current_file, detail};
