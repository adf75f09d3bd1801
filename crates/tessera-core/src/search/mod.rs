//! Search: the query language ([`query`]), its full-text part ([`fts`]) and dates ([`dates`]). Running a query is
//! the store's job (`Store::search`); [`run`] is the front ends' entry point.

pub mod dates;
pub mod fts;
pub mod query;

use crate::error::Result;
use crate::library::Library;
use crate::store::{Page, SortKey, SortOrder};

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
pub fn run(library: &Library, request: &SearchRequest) -> Result<Page> {
    let query = query::parse(&request.query)?;
    let order = request.order.unwrap_or(request.sort.default_order());
    library.store().search(&query, request.sort, order, request.limit.clamp(1, 10_000), request.cursor.as_deref())
}
