//! Deleting a collection (and those beneath it); never the assets. A collection that holds anything is only deleted
//! when asked (`force`); otherwise the refusal says how much it holds.

use crate::app::Ctx;
use crate::domain::{collection_path, CollectionKind};
use crate::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DeleteOutcome {
    pub path: String,
    /// Memberships removed with it (the assets stay in the library).
    pub memberships: u64,
    /// Collections beneath it, deleted with it.
    pub children: u64,
}

/// `kind` limits the deletion to that kind (`tessera smart rm` deletes only smart collections).
pub fn delete_collection(ctx: &Ctx, path: &str, kind: Option<CollectionKind>, force: bool) -> Result<DeleteOutcome> {
    ctx.require(crate::domain::Action::Collections)?;
    let path = collection_path(path)?.join("/");
    let deleted = ctx.store().collection_delete(&path, kind, force)?;
    Ok(DeleteOutcome { path, memberships: deleted.memberships, children: deleted.children })
}
