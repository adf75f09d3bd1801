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
    ctx.require(crate::domain::Action::Read)?;
    let query = parse(ctx, &request.query)?;
    let order = request.order.unwrap_or(request.sort.default_order());
    let mut page =
        ctx.store().search(&query, request.sort, order, request.limit.clamp(1, 10_000), request.cursor.as_deref())?;
    // The badge shows the state as of today: approved or published with its rights expired shows as expired.
    let today = crate::app::lifecycle::today(ctx);
    for asset in &mut page.assets {
        asset.status = crate::domain::lifecycle::shown(asset.status, asset.expires.as_deref(), &today);
    }
    Ok(page)
}

/// Parses a query against the library: its custom fields are filters (`shoot_date>2025-03-01`), and
/// `rights:expired` means before today by the context's clock (UTC).
pub fn parse(ctx: &Ctx, text: &str) -> Result<query::Query> {
    // Reading the field definitions costs a few microseconds; skip it when no filter could name one.
    let fields = if text.contains([':', '<', '>', '=']) { ctx.store().fields()? } else { Vec::new() };
    let today = ctx.now().div_euclid(86_400) * 86_400;
    Ok(query::parse_with(text, &fields, Some(today))?)
}
