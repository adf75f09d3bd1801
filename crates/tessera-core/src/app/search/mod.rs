//! Searching the library: the query language is parsed in `domain::query` and run by the store.

use crate::app::Ctx;
use crate::domain::{query, Page, SortKey, SortOrder};
use crate::error::Result;

/// What front ends pass to run a search.
#[derive(Debug, Clone, serde::Deserialize, ts_rs::TS)]
pub struct SearchRequest {
    pub query: String,
    pub sort: SortKey,
    /// None: the sort's default order (name A to Z; everything else newest/largest first).
    pub order: Option<SortOrder>,
    pub limit: u32,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest { query: String::new(), sort: SortKey::Added, order: None, limit: 100, cursor: None }
    }
}

/// Parses and runs a search; a query that cannot be read is an error pointing at the bad token.
pub fn run(ctx: &Ctx, request: &SearchRequest) -> Result<Page> {
    let query = query::parse(&request.query)?;
    let order = request.order.unwrap_or(request.sort.default_order());
    ctx.store().search(&query, request.sort, order, request.limit.clamp(1, 10_000), request.cursor.as_deref())
}
