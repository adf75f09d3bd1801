//! Tags: names are unique without regard to case; the first spelling seen wins.

use super::Store;
use crate::domain::TagCount;
use crate::error::Result;
use rusqlite::{params, Transaction};

/// Attaches tags to an asset (creating missing tag names); returns the asset's full tag list, sorted.
pub(super) fn attach_tags(tx: &Transaction<'_>, asset: i64, names: &[String]) -> Result<Vec<String>> {
    let fail = super::assets_write::db_fail(tx);
    for name in names {
        tx.prepare_cached("INSERT OR IGNORE INTO tags (name) VALUES (?1)")
            .and_then(|mut st| st.execute(params![name]))
            .map_err(&fail)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) SELECT ?1, id FROM tags WHERE name = ?2",
        )
        .and_then(|mut st| st.execute(params![asset, name]))
        .map_err(&fail)?;
    }
    tags_in(tx, asset).map_err(&fail)
}

pub(super) fn tags_in(conn: &rusqlite::Connection, asset: i64) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.asset_id = ?1 ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = st.query_map(params![asset], |r| r.get(0))?;
    rows.collect()
}

impl Store {
    /// Every tag in use with the number of assets carrying it (kept by the schema's triggers), most used first.
    pub fn tag_counts(&self) -> Result<Vec<TagCount>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached("SELECT name, uses FROM tags WHERE uses > 0 ORDER BY uses DESC, name COLLATE NOCASE")
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| Ok(TagCount { name: r.get(0)?, count: r.get::<_, i64>(1)? as u64 }))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }
}
