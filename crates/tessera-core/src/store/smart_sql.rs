//! `smart:NAME` in a query: the saved query's words and filters take its place (so they drive the plan as if typed),
//! and smart collections it names are expanded in turn. A chain that leads back to a collection on it is refused.

use super::Store;
use crate::domain::query::{self, Filter, Query};
use crate::error::{Error, Result};
use rusqlite::Connection;

/// Deepest chain of smart collections naming smart collections.
const MAX_DEPTH: usize = 16;

impl Store {
    /// `query` with every `smart:` filter replaced by its saved query (an unknown name matches nothing, as an unknown
    /// tag does: it stays as a `Smart` filter and `push_filter` makes the query impossible).
    pub(super) fn expand_smart(&self, conn: &Connection, query: &Query) -> Result<Query> {
        if !query.filters.iter().any(|f| matches!(f, Filter::Smart(_))) {
            return Ok(query.clone());
        }
        self.expand_with(conn, query, &mut Vec::new())
    }

    /// Checks that a query saved as the smart collection `path` does not lead back to it.
    pub fn check_smart_query(&self, path: &str, query: &Query) -> Result<()> {
        let conn = self.reader()?;
        self.expand_with(&conn, query, &mut vec![path.to_string()]).map(drop)
    }

    fn expand_with(&self, conn: &Connection, query: &Query, stack: &mut Vec<String>) -> Result<Query> {
        let mut out = Query { text: query.text.clone(), filters: Vec::new() };
        for filter in &query.filters {
            let Filter::Smart(name) = filter else {
                out.filters.push(filter.clone());
                continue;
            };
            let seen = |p: &str| stack.iter().any(|s| s.eq_ignore_ascii_case(p));
            if seen(name) || stack.len() >= MAX_DEPTH {
                return Err(loop_error(stack, name));
            }
            let Some((path, text)) = self.smart_query(conn, name)? else {
                out.filters.push(filter.clone());
                continue;
            };
            if seen(&path) {
                return Err(loop_error(stack, &path));
            }
            stack.push(path);
            let inner = self.expand_with(conn, &query::parse(&text)?, stack)?;
            stack.pop();
            out.text.extend(inner.text);
            out.filters.extend(inner.filters);
        }
        Ok(out)
    }
}

fn loop_error(stack: &[String], name: &str) -> Error {
    let mut chain: Vec<String> = stack.iter().map(|p| format!("{p:?}")).collect();
    chain.push(format!("{name:?}"));
    Error::SmartCollectionLoop { chain: chain.join(" → ") }
}
