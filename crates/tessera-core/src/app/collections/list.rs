//! Listing collections as a tree with counts: manual ones read their counter (kept by the store), smart ones run
//! their query's count (exact up to the search's cap).

use crate::app::Ctx;
use crate::domain::{collection_path, query, AssetId, Collection, CollectionKind, SortKey, SortOrder};
use crate::error::Result;

/// Every collection, flat and ordered by path, smart ones counted.
pub fn list_collections_flat(ctx: &Ctx) -> Result<Vec<Collection>> {
    ctx.require(crate::domain::Action::Read)?;
    let mut all = ctx.store().collections()?;
    for c in all.iter_mut().filter(|c| c.kind == CollectionKind::Smart) {
        let Some(text) = &c.query else { continue };
        let page = ctx.store().search(&query::parse(text)?, SortKey::Added, SortOrder::Desc, 1, None)?;
        c.count = page.total;
        c.count_exact = page.total_exact;
    }
    Ok(all)
}

/// The tree: top-level collections, each with its children, by path.
pub fn list_collections(ctx: &Ctx) -> Result<Vec<Collection>> {
    ctx.require(crate::domain::Action::Read)?;
    Ok(nest(list_collections_flat(ctx)?))
}

fn nest(flat: Vec<Collection>) -> Vec<Collection> {
    // Ordered by path, so parents come before their children; attach from the deepest up.
    let mut nodes: Vec<Option<Collection>> = flat.into_iter().map(Some).collect();
    let index: std::collections::HashMap<_, _> =
        nodes.iter().enumerate().filter_map(|(i, c)| c.as_ref().map(|c| (c.id, i))).collect();
    for i in (0..nodes.len()).rev() {
        let Some(parent) = nodes[i].as_ref().and_then(|c| c.parent) else { continue };
        let Some(&p) = index.get(&parent) else { continue };
        if let Some(child) = nodes[i].take() {
            if let Some(parent) = nodes[p].as_mut() {
                parent.children.insert(0, child);
            }
        }
    }
    nodes.into_iter().flatten().collect()
}

/// A manual collection's assets in its order.
pub fn collection_assets(ctx: &Ctx, path: &str) -> Result<Vec<AssetId>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().collection_members(&collection_path(path)?.join("/"))
}
