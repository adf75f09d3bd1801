//! Running a parsed query: the WHERE clause from its filters, the FTS5 match from its words, keyset pagination.
//!
//! Speed at a million assets comes from the plan, not the query text alone:
//! - sorting by "added" (the asset id) walks the FTS5 doclist in rowid order and stops after one page. The ORDER BY
//!   and the cursor must name `t.rowid`, not `a.id`: SQLite only hands the order to FTS5 for the virtual table's own
//!   rowid, and otherwise sorts every match;
//! - a positive `tag:` also becomes a `tags : "name"` phrase in the MATCH (a necessary condition, the exact
//!   `asset_tags` check stays), so FTS5 intersects the word's and the tag's doclists instead of SQLite probing
//!   `asset_tags` for every asset the word matches. A tag-only query sorted by "added" is driven from FTS5 the same way;
//! - the other sorts walk their own index (no text) or sort the matches (text);
//! - the total is counted up to [`TOTAL_CAP`] matches (a `count(*)` of a broad prefix walks its whole doclist), and
//!   not at all when the first page already holds every match.
//!
//! To add a filter, add a `Filter` variant in `search::query` and one arm in [`push_filter`].

use super::fts;
use super::Store;
use crate::domain::query::{Cmp, Filter, Orientation, Query, TextField, TextTerm, TimeRange};
use crate::domain::{AssetId, AssetKind, AssetSummary};
use crate::domain::{Page, SortKey, SortOrder, TOTAL_CAP};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// The indexed expression a sort walks (must match the index definitions in the schema). When the query is
/// driven from the full-text index, "added" must be its rowid for SQLite to use the doclist's order.
fn sort_expr(key: SortKey, fts: bool) -> &'static str {
    match key {
        SortKey::Added if fts => "t.rowid",
        SortKey::Added => "a.id",
        SortKey::Taken => "ifnull(a.taken_at, -62135596800)",
        SortKey::Name => "a.name COLLATE NOCASE",
        SortKey::Size => "a.size",
    }
}

/// The position after the last row of a page: the sort value and the id.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor(SortKey, CursorValue, i64);

#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum CursorValue {
    Int(i64),
    Text(String),
}

struct Sql {
    from: String,
    /// Driven from the full-text index (`asset_text t`).
    fts: bool,
    wheres: Vec<String>,
    params: Vec<Value>,
    /// A positive filter names something that does not exist (an unknown tag): nothing can match.
    impossible: bool,
}

impl Store {
    /// Runs a query and returns one page of `limit` assets after `cursor`, with the total number of matches.
    pub fn search(
        &self,
        query: &Query,
        sort: SortKey,
        order: SortOrder,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page> {
        let conn = self.reader()?;
        let mut sql = self.build(&conn, query, sort)?;
        if sql.impossible {
            return Ok(Page { total: 0, total_exact: true, assets: Vec::new(), next: None });
        }
        let filters = where_clause(&sql.wheres);
        let filter_params = sql.params.clone();
        let expr = sort_expr(sort, sql.fts);
        let (cmp, dir) = match order {
            SortOrder::Asc => (">", "ASC"),
            SortOrder::Desc => ("<", "DESC"),
        };
        if let Some(token) = cursor {
            let Cursor(key, value, id) = decode_cursor(token)?;
            if key != sort {
                return Err(Error::InvalidCursor(token.to_string()));
            }
            if sort == SortKey::Added {
                sql.wheres.push(format!("{expr} {cmp} ?"));
            } else {
                // `(expr, a.id) > (?, ?)` spelled out: SQLite does not seek an index on a row value whose first
                // part has a COLLATE or is an expression (name, taken), and would scan the index from its start.
                sql.wheres.push(format!("{expr} {cmp}= ? AND ({expr} {cmp} ? OR a.id {cmp} ?)"));
                let value = match value {
                    CursorValue::Int(v) => Value::Integer(v),
                    CursorValue::Text(v) => Value::Text(v),
                };
                sql.params.push(value.clone());
                sql.params.push(value);
            }
            sql.params.push(Value::Integer(id));
        }
        let order_by = match sort {
            SortKey::Added => format!("{expr} {dir}"),
            _ => format!("{expr} {dir}, a.id {dir}"),
        };
        let text = format!(
            "SELECT a.id, a.name, a.kind, a.ext, a.width, a.height, a.size, a.rating, a.title, a.added_at, a.taken,
                    (SELECT hash FROM files WHERE id = a.current_file_id), a.taken_at
             FROM {} WHERE {} ORDER BY {order_by} LIMIT {}",
            sql.from,
            where_clause(&sql.wheres),
            limit as u64 + 1
        );
        let mut st = conn.prepare_cached(&text).map_err(self.fail())?;
        let mut rows = st
            .query_map(rusqlite::params_from_iter(sql.params.iter()), |r| {
                let kind: String = r.get(2)?;
                let summary = AssetSummary {
                    id: AssetId(r.get(0)?),
                    name: r.get(1)?,
                    kind: AssetKind::parse(&kind).unwrap_or(AssetKind::Other),
                    ext: r.get(3)?,
                    width: r.get(4)?,
                    height: r.get(5)?,
                    size: r.get::<_, i64>(6)? as u64,
                    rating: r.get(7)?,
                    title: r.get(8)?,
                    added: r.get(9)?,
                    taken: r.get(10)?,
                    hash: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                };
                Ok((summary, r.get::<_, Option<i64>>(12)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        let (total, total_exact) = if cursor.is_none() && rows.len() <= limit as usize {
            // The first page holds every match: that is the count.
            (rows.len() as u64, true)
        } else {
            // Only the MATCH: count in the full-text index alone (every asset_text row is an asset, written in the
            // same transaction), without looking up each match's asset row.
            let from = if sql.fts && filters == "asset_text MATCH ?" { "asset_text" } else { sql.from.as_str() };
            self.count_matches(&conn, from, &filters, &filter_params)?
        };
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|(last, taken_at)| encode_cursor(sort, last, *taken_at))
        } else {
            None
        };
        Ok(Page { total, total_exact, assets: rows.into_iter().map(|(s, _)| s).collect(), next })
    }

    /// Every asset matching a query, in id order, on `conn` (a selection made of a query, read inside the
    /// transaction that edits it).
    pub(super) fn matching_ids(&self, conn: &Connection, query: &Query) -> Result<Vec<AssetId>> {
        let sql = self.build(conn, query, SortKey::Added)?;
        if sql.impossible {
            return Ok(Vec::new());
        }
        let text = format!("SELECT a.id FROM {} WHERE {} ORDER BY a.id", sql.from, where_clause(&sql.wheres));
        let mut st = conn.prepare(&text).map_err(self.fail())?;
        let ids = st
            .query_map(rusqlite::params_from_iter(sql.params.iter()), |r| r.get(0).map(AssetId))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(ids)
    }

    /// The number of matches, exact up to [`TOTAL_CAP`]: `(TOTAL_CAP, false)` when there are more.
    fn count_matches(&self, conn: &Connection, from: &str, filters: &str, params: &[Value]) -> Result<(u64, bool)> {
        let text = format!("SELECT count(*) FROM (SELECT 1 FROM {from} WHERE {filters} LIMIT {})", TOTAL_CAP + 1);
        let mut st = conn.prepare_cached(&text).map_err(self.fail())?;
        let n = st
            .query_row(rusqlite::params_from_iter(params.iter()), |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.fail())?;
        Ok(if n > TOTAL_CAP { (TOTAL_CAP, false) } else { (n, true) })
    }

    fn build(&self, conn: &Connection, query: &Query, sort: SortKey) -> Result<Sql> {
        let mut sql =
            Sql { from: "assets a".into(), fts: false, wheres: Vec::new(), params: Vec::new(), impossible: false };
        let expr = fts::build(&query.text);
        // Each positive tag is also a phrase in the tags column: necessary for the tag (the column holds every tag
        // of the asset), not sufficient (it could be the end of one tag and the start of the next), so the exact
        // `asset_tags` filter stays. It lets FTS5 intersect doclists instead of SQLite probing row by row.
        let tag_phrases: Vec<String> = query
            .filters
            .iter()
            .filter_map(|f| match f {
                Filter::Tag { name, negated: false } => {
                    fts::render(&TextTerm { text: name.clone(), phrase: true, negated: false })
                }
                _ => None,
            })
            .map(|phrase| format!("tags : {phrase}"))
            .collect();
        let positive = match (expr.positive, tag_phrases.is_empty()) {
            (Some(text), true) => Some(text),
            (Some(text), false) => Some(format!("({text}) AND {}", tag_phrases.join(" AND "))),
            // Without words, the tags drive only the "added" sort (rowid order, one page); the other sorts walk
            // their own index and probe the tag.
            (None, false) if sort == SortKey::Added => Some(tag_phrases.join(" AND ")),
            (None, _) => None,
        };
        if let Some(positive) = positive {
            // Drive from the full-text index: its rowid order is the "added" order, so a page stops early.
            sql.from = "asset_text t JOIN assets a ON a.id = t.rowid".into();
            sql.fts = true;
            sql.wheres.push("asset_text MATCH ?".into());
            sql.params.push(Value::Text(positive));
        }
        if let Some(negative) = expr.negative {
            sql.wheres.push("a.id NOT IN (SELECT rowid FROM asset_text WHERE asset_text MATCH ?)".into());
            sql.params.push(Value::Text(negative));
        }
        for filter in &query.filters {
            self.push_filter(conn, &mut sql, filter)?;
        }
        Ok(sql)
    }

    fn push_filter(&self, conn: &Connection, sql: &mut Sql, filter: &Filter) -> Result<()> {
        match filter {
            Filter::Tag { name, negated } => match self.tag_id(conn, name)? {
                Some(id) => {
                    let not = if *negated { "NOT " } else { "" };
                    sql.wheres.push(format!(
                        "{not}EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = a.id AND tag_id = {id})"
                    ));
                }
                None if *negated => {}
                None => sql.impossible = true,
            },
            Filter::Kind(kind) => push(sql, "a.kind = ?", Value::Text(kind.as_str().into())),
            Filter::Ext(ext) => push(sql, "a.ext = ?", Value::Text(ext.to_lowercase())),
            Filter::Uploader(who) => push(sql, "a.uploader = ? COLLATE NOCASE", Value::Text(who.clone())),
            Filter::Field(field, value) => {
                let column = match field {
                    TextField::Creator => "a.creator",
                    TextField::Credit => "a.credit",
                    TextField::Campaign => "a.campaign",
                };
                push(sql, &format!("{column} = ? COLLATE NOCASE"), Value::Text(value.clone()))
            }
            Filter::Width(cmp, v) => push(sql, &format!("a.width {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Height(cmp, v) => push(sql, &format!("a.height {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Rating(cmp, v) => push(sql, &format!("ifnull(a.rating, 0) {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Orientation(o) => sql.wheres.push(
                match o {
                    Orientation::Landscape => "a.width > a.height",
                    Orientation::Portrait => "a.width < a.height",
                    Orientation::Square => "a.width = a.height",
                }
                .into(),
            ),
            Filter::Taken(range) => push_range(sql, "a.taken_at", range),
            Filter::Added(range) => push_range(sql, "a.added_at", range),
            Filter::Untagged => sql.wheres.push("NOT EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = a.id)".into()),
        }
        Ok(())
    }

    fn tag_id(&self, conn: &Connection, name: &str) -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        conn.prepare_cached("SELECT id FROM tags WHERE name = ?1")
            .and_then(|mut st| st.query_row([name], |r| r.get(0)).optional())
            .map_err(self.fail())
    }
}

fn push(sql: &mut Sql, clause: &str, value: Value) {
    sql.wheres.push(clause.to_string());
    sql.params.push(value);
}

fn push_range(sql: &mut Sql, column: &str, range: &TimeRange) {
    if let Some(start) = range.start {
        push(sql, &format!("{column} >= ?"), Value::Integer(start));
    }
    if let Some(end) = range.end {
        push(sql, &format!("{column} < ?"), Value::Integer(end));
    }
}

fn op(cmp: Cmp) -> &'static str {
    match cmp {
        Cmp::Eq => "=",
        Cmp::Lt => "<",
        Cmp::Le => "<=",
        Cmp::Gt => ">",
        Cmp::Ge => ">=",
    }
}

fn where_clause(wheres: &[String]) -> String {
    if wheres.is_empty() {
        "1".into()
    } else {
        wheres.join(" AND ")
    }
}

fn encode_cursor(sort: SortKey, last: &AssetSummary, taken_at: Option<i64>) -> String {
    let value = match sort {
        SortKey::Added => CursorValue::Int(last.id.0),
        SortKey::Taken => CursorValue::Int(taken_at.unwrap_or(-62135596800)),
        SortKey::Name => CursorValue::Text(last.name.clone()),
        SortKey::Size => CursorValue::Int(last.size as i64),
    };
    let json = serde_json::to_string(&Cursor(sort, value, last.id.0)).unwrap_or_default();
    json.bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_cursor(token: &str) -> Result<Cursor> {
    let bad = || Error::InvalidCursor(token.to_string());
    if !token.len().is_multiple_of(2) || token.len() > 4096 {
        return Err(bad());
    }
    let bytes = (0..token.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(token.get(i..i + 2).unwrap_or("zz"), 16))
        .collect::<std::result::Result<Vec<u8>, _>>()
        .map_err(|_| bad())?;
    serde_json::from_slice(&bytes).map_err(|_| bad())
}
