//! Library-wide counts for `tessera stats` and the app's sidebar, read from the counters the schema's triggers keep
//! in step (migration 4): microseconds at a million assets.

use super::Store;
use crate::domain::LibraryStats;
use crate::error::Result;
use std::collections::BTreeMap;

impl Store {
    pub fn stats(&self) -> Result<LibraryStats> {
        let conn = self.reader()?;
        let mut st = conn.prepare_cached("SELECT name, n FROM counters").map_err(self.fail())?;
        let counters: BTreeMap<String, i64> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<_>>())
            .map_err(self.fail())?;
        let get = |name: &str| counters.get(name).copied().unwrap_or(0).max(0) as u64;
        let by_type = counters
            .iter()
            .filter_map(|(name, n)| Some((name.strip_prefix("kind:")?.to_string(), (*n).max(0) as u64)))
            .filter(|(_, n)| *n > 0)
            .collect();
        let tags = conn
            .prepare_cached("SELECT count(*) FROM tags WHERE uses > 0")
            .and_then(|mut st| st.query_row([], |r| r.get::<_, i64>(0)))
            .map_err(self.fail())? as u64;
        Ok(LibraryStats {
            assets: get("assets"),
            files: get("files"),
            original_bytes: get("file_bytes"),
            by_type,
            tags,
            untagged: get("assets").saturating_sub(get("tagged")),
            trashed: get("trashed"),
            database_bytes: self.disk_bytes(),
        })
    }
}
