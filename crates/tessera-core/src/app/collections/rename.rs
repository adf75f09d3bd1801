//! Renaming or moving a collection with everything beneath it (`Spring 2027` → `Campaigns/Spring 2027`).

use crate::app::Ctx;
use crate::domain::{collection_path, CollectionRef};
use crate::error::Result;

pub fn rename_collection(ctx: &Ctx, from: &str, to: &str) -> Result<CollectionRef> {
    ctx.require(crate::domain::Action::Collections)?;
    let from = collection_path(from)?.join("/");
    let to = collection_path(to)?;
    ctx.store().collection_rename(&from, &to, ctx.now())
}
