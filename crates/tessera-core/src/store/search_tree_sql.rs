//! The SQL of the filters over trees: `tag:` (a tag and those beneath it, resolved to ids first) and `collection:`
//! (a collection and those beneath it); a child of `search_sql`, whose clause builder they use.

use super::{Reads, Sql};
use crate::domain::query::Filter;
use crate::domain::TOTAL_CAP;
use crate::error::Result;
use rusqlite::Connection;

/// A tag filter's tag: its path (for the phrase in the MATCH) and the ids it stands for (itself, and those beneath
/// it unless the filter is exact).
pub(super) struct ResolvedTag {
    pub path: String,
    pub ids: Vec<i64>,
}

pub(super) fn push_tag(sql: &mut Sql, filter: &Filter, tag: Option<&ResolvedTag>) {
    let Filter::Tag { negated, .. } = filter else { return };
    match tag {
        Some(tag) => {
            let not = if *negated { "NOT " } else { "" };
            let ids = tag.ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            // Probed in the tags' own runs of `asset_tags_by_tag` (a few MB even for a tag on a third of a million
            // assets, so it stays in the connection's cache), not the primary key's, where every candidate lands on
            // another page of the whole table: half the time of a walk over 10,000.
            sql.push(
                Reads::Id,
                format!(
                    "{not}EXISTS (SELECT 1 FROM asset_tags INDEXED BY asset_tags_by_tag \
                     WHERE tag_id IN ({ids}) AND asset_id = {{id}})"
                ),
                Vec::new(),
            );
        }
        None if *negated => {}
        None => sql.impossible = true,
    }
}

/// `collection:NAME`: membership of the collection or any beneath it; the ids are resolved first, so an unknown
/// collection matches nothing. Two plans, chosen from the counters (no rows counted):
/// - few members: `id IN (members)`, the members read once from the primary key (collection, asset), and the page's
///   rows then by id; its cost grows with the members;
/// - many: each candidate probed in that key as the walk over assets goes, which stops after a page (and the count
///   after [`TOTAL_CAP`] matches); its cost grows with how many assets it walks to find them, about
///   `TOTAL_CAP × assets / members`. The two meet near `members² = TOTAL_CAP × assets`.
pub(super) fn push_collection(conn: &Connection, sql: &mut Sql, name: &str) -> Result<()> {
    let ids = crate::store::collections_sql::subtree_ids(conn, name)?;
    if ids.is_empty() {
        sql.impossible = true;
        return Ok(());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let fail = crate::store::collections_sql::fail(conn);
    let members: i64 = conn
        .query_row(&format!("SELECT ifnull(sum(assets), 0) FROM collections WHERE id IN ({list})"), [], |r| r.get(0))
        .map_err(&fail)?;
    let assets: i64 = conn
        .query_row("SELECT ifnull((SELECT n FROM counters WHERE name = 'assets'), 0)", [], |r| r.get(0))
        .map_err(&fail)?;
    // When words drive the query (the full-text index), always probe: a `rowid IN (members)` next to a MATCH lets
    // SQLite run the MATCH once per member (measured: over a minute for `collection:Archive bea` at 1M assets).
    let dense = sql.fts || (members as f64).powi(2) > TOTAL_CAP as f64 * assets as f64;
    let clause = if dense {
        format!("EXISTS (SELECT 1 FROM collection_assets WHERE collection_id IN ({list}) AND asset_id = {{id}})")
    } else {
        format!("{{id}} IN (SELECT asset_id FROM collection_assets WHERE collection_id IN ({list}))")
    };
    sql.push(Reads::Id, clause, Vec::new());
    Ok(())
}
