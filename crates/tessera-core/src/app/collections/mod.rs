//! Collections: manual ones (assets picked by hand, nested by path, ordered, with a cover and variables) and smart
//! ones (saved queries that stay live). Membership changes are edits: one transaction on a selection, one entry of
//! the edit log, undone in one step.

mod add;
mod cover;
mod delete;
mod list;
mod remove;
mod rename;
mod reorder;
mod smart_add;
mod variables;

pub use add::add_to_collection;
pub use cover::set_cover;
pub use delete::{delete_collection, DeleteOutcome};
pub use list::{collection_assets, list_collections, list_collections_flat};
pub use remove::remove_from_collection;
pub use rename::rename_collection;
pub use reorder::reorder_collection;
pub use smart_add::add_smart_collection;
pub use variables::set_variables;

use crate::app::assets::Selection;
use crate::domain::{query, CollectionRef, EditId};
use crate::error::Result;
use crate::store::Targets;
use serde::Serialize;

/// What adding or removing a selection did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MembershipOutcome {
    pub collection: CollectionRef,
    /// Assets the selection named.
    pub selected: u64,
    /// Assets whose membership changed (the others were in already, or not in).
    pub changed: u64,
    /// The edit's entry in the edit log (what `undo` takes back); `null` when nothing changed.
    pub edit: Option<EditId>,
}

impl From<crate::store::MembershipEdited> for MembershipOutcome {
    fn from(m: crate::store::MembershipEdited) -> Self {
        MembershipOutcome { collection: m.collection, selected: m.selected, changed: m.changed, edit: m.edit }
    }
}

/// Runs `f` with the selection as the store's targets (a query parsed first).
fn with_targets<T>(selection: &Selection, f: impl FnOnce(&Targets<'_>) -> Result<T>) -> Result<T> {
    match selection {
        Selection::Ids { ids } => f(&Targets::Ids(ids)),
        Selection::Query { query: text, except } => {
            let query = query::parse(text)?;
            f(&Targets::Query(&query, except))
        }
    }
}
