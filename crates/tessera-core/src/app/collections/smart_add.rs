//! Saving a smart collection: a query, checked by parsing it now (refused with the column, as a search is) and by
//! expanding the smart collections it names (refused when they lead back to it).

use crate::app::Ctx;
use crate::domain::{collection_path, query, CollectionRef};
use crate::error::Result;

pub fn add_smart_collection(ctx: &Ctx, path: &str, query_text: &str) -> Result<CollectionRef> {
    ctx.require(crate::domain::Action::Collections)?;
    let parts = collection_path(path)?;
    let parsed = query::parse(query_text)?;
    ctx.store().check_smart_query(&parts.join("/"), &parsed)?;
    ctx.store().collection_create(&parts, Some(query_text.trim()), false, ctx.now())
}
