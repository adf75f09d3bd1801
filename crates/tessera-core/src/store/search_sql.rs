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
//!   not at all when the first page already holds every match;
//! - the first page of an "added" sort driven by FTS5 is one pass: the first [`TOTAL_CAP`] + 1 matching ids, in page
//!   order, are both the page (its rows are then read by id) and the total. A common word's doclist is merged once
//!   (a prefix longer than the indexed 2 and 3 letters makes FTS5 merge every matching term's doclist in memory: ~20 ms
//!   for `summer`), not once for the page and once for the count;
//! - passes over matching ids (that one, and the counts) read no more than they need: a condition on the id alone
//!   (tags) runs against the full-text row, one on the dates against the `assets_dates_by_id` index (20 bytes an
//!   asset, where a row is ~250), and only other filters read the asset's row.
//!
//! To add a filter, add a `Filter` variant in `search::query` and one arm in [`push_filter`], saying what it reads.

#[path = "search_fields_sql.rs"]
mod fields;
#[path = "search_tree_sql.rs"]
mod trees;

use super::fts;
use super::Store;
use crate::domain::lifecycle::Status;
use crate::domain::query::dates::format_utc;
use crate::domain::query::{Cmp, Filter, Missing, Orientation, Query, TextField, TextTerm, TimeRange};
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

/// What a condition reads, cheapest first: a pass over matching ids joins no more than its conditions need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reads {
    /// The full-text row only (the MATCH).
    Text,
    /// The asset's id (tags, exclusions): another index, probed by id.
    Id,
    /// The asset's dates: in the `assets_dates_by_id` index.
    Dates,
    /// Any other column of the asset's row.
    Row,
}

/// One condition of the WHERE clause, written against placeholders: `{a}` is what the asset's columns are read from
/// (its row, or the dates index), `{id}` the asset's id.
struct Clause {
    text: String,
    params: Vec<Value>,
    reads: Reads,
}

struct Sql {
    /// Driven from the full-text index (`asset_text t`).
    fts: bool,
    clauses: Vec<Clause>,
    /// A positive filter names something that does not exist (an unknown tag): nothing can match.
    impossible: bool,
}

/// FROM, WHERE and parameters of one statement.
struct Rendered {
    from: &'static str,
    wheres: Vec<String>,
    params: Vec<Value>,
}

impl Sql {
    fn push(&mut self, reads: Reads, text: impl Into<String>, params: Vec<Value>) {
        self.clauses.push(Clause { text: text.into(), params, reads });
    }

    /// Against the asset's row: what a page of summaries reads anyway.
    fn with_rows(&self) -> Rendered {
        let from = if self.fts { "asset_text t JOIN assets a ON a.id = t.rowid" } else { "assets a" };
        self.render(from, "a", "a.id")
    }

    /// Against the least that decides a match: a pass that only counts or lists ids.
    fn least(&self) -> Rendered {
        if !self.fts {
            return self.with_rows();
        }
        match self.clauses.iter().map(|c| c.reads).max().unwrap_or(Reads::Text) {
            Reads::Text | Reads::Id => self.render("asset_text t", "t", "t.rowid"),
            // The id conditions name the index's id so that SQLite runs them after the date check (most candidates
            // fail on the date; the tag phrase in the MATCH already made the tag probe likely to pass).
            Reads::Dates => {
                self.render("asset_text t JOIN assets d INDEXED BY assets_dates_by_id ON d.id = t.rowid", "d", "d.id")
            }
            Reads::Row => self.with_rows(),
        }
    }

    fn render(&self, from: &'static str, table: &str, id: &str) -> Rendered {
        let wheres = self.clauses.iter().map(|c| c.text.replace("{a}", table).replace("{id}", id)).collect();
        let params = self.clauses.iter().flat_map(|c| c.params.iter().cloned()).collect();
        Rendered { from, wheres, params }
    }
}

/// The longest prefix FTS5 answers from a prefix index (`prefix = '2 3'` in the schema).
const INDEXED_PREFIX: usize = 3;
/// A longer prefix is written as the terms it matches up to this many; past it, it stays a prefix.
const MAX_EXPANSION: usize = 16;

/// The columns of a page's summaries (`FROM assets a`), and how to read one.
const SUMMARY_COLUMNS: &str = "a.id, a.name, a.kind, a.ext, a.width, a.height, a.size, a.rating, a.title, a.added_at,
    a.taken, (SELECT hash FROM files WHERE id = a.current_file_id), a.taken_at, a.status, a.expires";

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<(AssetSummary, Option<i64>)> {
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
        status: Status::parse(&r.get::<_, String>(13)?).unwrap_or(Status::Draft),
        expires: r.get(14)?,
    };
    Ok((summary, r.get::<_, Option<i64>>(12)?))
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
        let reader = self.reader()?;
        // One snapshot for every statement of a search: the terms a prefix stands for, the page and its total all
        // see the same library. Read-only, so ending it either way only releases the snapshot.
        let snapshot = rusqlite::Transaction::new_unchecked(&reader, rusqlite::TransactionBehavior::Deferred)
            .map_err(self.fail())?;
        let page = self.search_in(&snapshot, query, sort, order, limit, cursor)?;
        snapshot.commit().map_err(self.fail())?;
        Ok(page)
    }

    fn search_in(
        &self,
        conn: &Connection,
        query: &Query,
        sort: SortKey,
        order: SortOrder,
        limit: u32,
        cursor: Option<&str>,
    ) -> Result<Page> {
        let sql = self.build(conn, query, sort)?;
        if sql.impossible {
            return Ok(Page { total: 0, total_exact: true, assets: Vec::new(), next: None });
        }
        let (cmp, dir) = match order {
            SortOrder::Asc => (">", "ASC"),
            SortOrder::Desc => ("<", "DESC"),
        };
        if sql.fts && sort == SortKey::Added && cursor.is_none() {
            return self.first_page_in_one_pass(conn, &sql, dir, limit);
        }
        let mut page = sql.with_rows();
        let expr = sort_expr(sort, sql.fts);
        if let Some(token) = cursor {
            let Cursor(key, value, id) = decode_cursor(token)?;
            if key != sort {
                return Err(Error::InvalidCursor(token.to_string()));
            }
            if sort == SortKey::Added {
                page.wheres.push(format!("{expr} {cmp} ?"));
            } else {
                // `(expr, a.id) > (?, ?)` spelled out: SQLite does not seek an index on a row value whose first
                // part has a COLLATE or is an expression (name, taken), and would scan the index from its start.
                page.wheres.push(format!("{expr} {cmp}= ? AND ({expr} {cmp} ? OR a.id {cmp} ?)"));
                let value = match value {
                    CursorValue::Int(v) => Value::Integer(v),
                    CursorValue::Text(v) => Value::Text(v),
                };
                page.params.push(value.clone());
                page.params.push(value);
            }
            page.params.push(Value::Integer(id));
        }
        let order_by = match sort {
            SortKey::Added => format!("{expr} {dir}"),
            _ => format!("{expr} {dir}, a.id {dir}"),
        };
        let text = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {} WHERE {} ORDER BY {order_by} LIMIT {}",
            page.from,
            where_clause(&page.wheres),
            limit as u64 + 1
        );
        let mut rows = conn
            .prepare_cached(&text)
            .and_then(|mut st| {
                st.query_map(rusqlite::params_from_iter(page.params.iter()), summary)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.fail())?;
        let (total, total_exact) = if cursor.is_none() && rows.len() <= limit as usize {
            // The first page holds every match: that is the count.
            (rows.len() as u64, true)
        } else {
            self.count_matches(conn, &sql.least())?
        };
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|(last, taken_at)| encode_cursor(sort, last, *taken_at))
        } else {
            None
        };
        Ok(Page { total, total_exact, assets: rows.into_iter().map(|(s, _)| s).collect(), next })
    }

    /// The first page of an "added" sort driven by FTS5: the first `TOTAL_CAP + 1` matching ids in page order give
    /// the total and the page's ids in one walk of the doclists; only the page's rows are then read, by id.
    fn first_page_in_one_pass(&self, conn: &Connection, sql: &Sql, dir: &str, limit: u32) -> Result<Page> {
        let least = sql.least();
        let text = format!(
            "SELECT t.rowid FROM {} WHERE {} ORDER BY t.rowid {dir} LIMIT {}",
            least.from,
            where_clause(&least.wheres),
            TOTAL_CAP + 1
        );
        let ids = conn
            .prepare_cached(&text)
            .and_then(|mut st| {
                st.query_map(rusqlite::params_from_iter(least.params.iter()), |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(self.fail())?;
        let (total, total_exact) =
            if ids.len() as u64 > TOTAL_CAP { (TOTAL_CAP, false) } else { (ids.len() as u64, true) };
        let mut rows = Vec::with_capacity(ids.len().min(limit as usize));
        {
            let mut st = conn
                .prepare_cached(&format!("SELECT {SUMMARY_COLUMNS} FROM assets a WHERE a.id = ?1"))
                .map_err(self.fail())?;
            for id in ids.iter().take(limit as usize) {
                rows.push(st.query_row([id], summary).map_err(self.fail())?);
            }
        }
        let next = (ids.len() > limit as usize)
            .then(|| rows.last().map(|(last, taken_at)| encode_cursor(SortKey::Added, last, *taken_at)))
            .flatten();
        Ok(Page { total, total_exact, assets: rows.into_iter().map(|(s, _)| s).collect(), next })
    }

    /// Every asset matching a query, in id order, on `conn` (a selection made of a query, read inside the
    /// transaction that edits it).
    pub(super) fn matching_ids(&self, conn: &Connection, query: &Query) -> Result<Vec<AssetId>> {
        let sql = self.build(conn, query, SortKey::Added)?;
        if sql.impossible {
            return Ok(Vec::new());
        }
        let r = sql.with_rows();
        let text = format!("SELECT a.id FROM {} WHERE {} ORDER BY a.id", r.from, where_clause(&r.wheres));
        let mut st = conn.prepare(&text).map_err(self.fail())?;
        let ids = st
            .query_map(rusqlite::params_from_iter(r.params.iter()), |r| r.get(0).map(AssetId))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(ids)
    }

    /// The number of matches, exact up to [`TOTAL_CAP`]: `(TOTAL_CAP, false)` when there are more.
    fn count_matches(&self, conn: &Connection, r: &Rendered) -> Result<(u64, bool)> {
        let text = format!(
            "SELECT count(*) FROM (SELECT 1 FROM {} WHERE {} LIMIT {})",
            r.from,
            where_clause(&r.wheres),
            TOTAL_CAP + 1
        );
        let mut st = conn.prepare_cached(&text).map_err(self.fail())?;
        let n = st
            .query_row(rusqlite::params_from_iter(r.params.iter()), |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.fail())?;
        Ok(if n > TOTAL_CAP { (TOTAL_CAP, false) } else { (n, true) })
    }

    fn build(&self, conn: &Connection, query: &Query, sort: SortKey) -> Result<Sql> {
        let expanded = self.expand_smart(conn, query)?;
        let query = &expanded;
        let mut sql = Sql { fts: false, clauses: Vec::new(), impossible: false };
        let expr = fts::build_with(&query.text, |word| self.prefix_terms(conn, word))?;
        // Each positive tag is also a phrase in the tags column: necessary for the tag (the column holds every tag
        // of the asset), not sufficient (it could be the end of one tag and the start of the next), so the exact
        // `asset_tags` filter stays. It lets FTS5 intersect doclists instead of SQLite probing row by row.
        let tags = self.resolve_tags(conn, &query.filters)?;
        let filter_terms: Vec<String> = query
            .filters
            .iter()
            .zip(&tags)
            .filter_map(|(f, tag)| match (f, tag) {
                (Filter::Tag { negated: false, .. }, Some(Some(tag))) => {
                    fts::render(&TextTerm { text: tag.path.clone(), phrase: true, negated: false })
                }
                _ => None,
            })
            .map(|phrase| format!("tags : {phrase}"))
            // A `taken:` year or month is a token of the dates column (exact; the `taken_at` range stays too).
            .chain(query.filters.iter().filter_map(|f| match f {
                Filter::Taken(range) => date_token(range),
                _ => None,
            }))
            .collect();
        let positive = match (expr.positive, filter_terms.is_empty()) {
            (Some(text), true) => Some(text),
            (Some(text), false) => Some(format!("({text}) AND {}", filter_terms.join(" AND "))),
            // Without words, tags and dates drive only the "added" sort (rowid order, one page); the other sorts
            // walk their own index and check them row by row.
            (None, false) if sort == SortKey::Added => Some(filter_terms.join(" AND ")),
            (None, _) => None,
        };
        if let Some(positive) = positive {
            // Drive from the full-text index: its rowid order is the "added" order, so a page stops early.
            sql.fts = true;
            sql.push(Reads::Text, "asset_text MATCH ?", vec![Value::Text(positive)]);
        }
        if let Some(negative) = expr.negative {
            sql.push(
                Reads::Id,
                "{id} NOT IN (SELECT rowid FROM asset_text WHERE asset_text MATCH ?)",
                vec![Value::Text(negative)],
            );
        }
        if !shows_archived(query) {
            hide_archived(&mut sql);
        }
        if !query.filters.iter().any(|f| matches!(f, Filter::Trashed)) {
            hide_trashed(&mut sql);
        }
        for (filter, tag) in query.filters.iter().zip(&tags) {
            match tag {
                Some(tag) => trees::push_tag(&mut sql, filter, tag.as_ref()),
                None => self.push_filter(conn, &mut sql, filter)?,
            }
        }
        Ok(sql)
    }

    /// Each tag filter's tag, resolved by path or synonym (`None` inside: no such tag), in the filters' order;
    /// `None` for the other filters.
    fn resolve_tags(&self, conn: &Connection, filters: &[Filter]) -> Result<Vec<Option<Option<trees::ResolvedTag>>>> {
        filters
            .iter()
            .map(|f| match f {
                Filter::Tag { name, exact, .. } => {
                    let Some(tag) = super::tags_sql::find_tag(conn, name)? else { return Ok(Some(None)) };
                    let ids = if *exact {
                        vec![tag.id]
                    } else {
                        super::tags_sql::subtree(conn, tag.id)?.iter().map(|t| t.id).collect()
                    };
                    Ok(Some(Some(trees::ResolvedTag { path: tag.name, ids })))
                }
                _ => Ok(None),
            })
            .collect()
    }

    fn push_filter(&self, conn: &Connection, sql: &mut Sql, filter: &Filter) -> Result<()> {
        match filter {
            // Resolved first (`resolve_tags`) and pushed by `push_tag`.
            Filter::Tag { .. } => {}
            Filter::Kind(kind) => push(sql, "{a}.kind = ?", Value::Text(kind.as_str().into())),
            Filter::Ext(ext) => push(sql, "{a}.ext = ?", Value::Text(ext.to_lowercase())),
            Filter::Uploader(who) => push(sql, "{a}.uploader = ? COLLATE NOCASE", Value::Text(who.clone())),
            Filter::Field(field, value) => {
                let column = match field {
                    TextField::Creator => "{a}.creator",
                    TextField::Credit => "{a}.credit",
                    TextField::Campaign => "{a}.campaign",
                    TextField::Licence => "{a}.licence",
                };
                push(sql, &format!("{column} = ? COLLATE NOCASE"), Value::Text(value.clone()))
            }
            Filter::Width(cmp, v) => push(sql, &format!("{{a}}.width {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Height(cmp, v) => push(sql, &format!("{{a}}.height {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Rating(cmp, v) => push(sql, &format!("ifnull({{a}}.rating, 0) {} ?", op(*cmp)), Value::Integer(*v)),
            Filter::Orientation(o) => sql.push(
                Reads::Row,
                match o {
                    Orientation::Landscape => "{a}.width > {a}.height",
                    Orientation::Portrait => "{a}.width < {a}.height",
                    Orientation::Square => "{a}.width = {a}.height",
                },
                Vec::new(),
            ),
            Filter::Taken(range) => push_range(sql, "{a}.taken_at", range),
            Filter::Added(range) => push_range(sql, "{a}.added_at", range),
            Filter::Untagged => {
                sql.push(Reads::Id, "NOT EXISTS (SELECT 1 FROM asset_tags WHERE asset_id = {id})", Vec::new())
            }
            Filter::Archived => push(sql, "{a}.status = ?", Value::Text("archived".into())),
            Filter::Trashed => {
                sql.push(Reads::Id, "{id} IN (SELECT id FROM assets WHERE trashed_at IS NOT NULL)", Vec::new())
            }
            Filter::Status(status) => status_filter(sql, *status, None),
            Filter::StatusOn(status, today) => status_filter(sql, *status, Some(today)),
            Filter::Label(label) => fields::label(sql, label),
            Filter::Flag(flag) => fields::flag(sql, flag),
            Filter::Missing(Missing::Field(field)) => fields::missing_built_in(sql, *field),
            Filter::Missing(Missing::Required) => fields::missing_required(conn, sql).map_err(self.fail())?,
            Filter::Expires(range) => fields::expires(sql, range),
            Filter::RightsExpired => fields::expired_by_sqlite_clock(sql),
            Filter::Custom(custom) => fields::custom(conn, sql, custom).map_err(self.fail())?,
            Filter::Collection(name) => trees::push_collection(conn, sql, name)?,
            // Left by `expand_smart` only when no smart collection has that name: nothing matches.
            Filter::Smart(_) => sql.impossible = true,
        }
        Ok(())
    }

    /// The index's terms that start with `word`, when FTS5 would otherwise merge their doclists in memory: a word of
    /// more letters than the prefix indexes hold, made of ASCII letters and digits (one token, lower-cased as the
    /// tokenizer does; other words stay prefixes). `None` past [`MAX_EXPANSION`] terms.
    fn prefix_terms(&self, conn: &Connection, word: &str) -> Result<Option<Vec<String>>> {
        use rusqlite::OptionalExtension;
        if word.len() <= INDEXED_PREFIX || !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        let prefix = word.to_ascii_lowercase();
        // The index's own term list, per connection (temp); 'instance' rows need no count of each term's documents,
        // so each step is one seek.
        conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.asset_terms USING fts5vocab(main, asset_text, 'instance')",
        )
        .map_err(self.fail())?;
        let mut st =
            conn.prepare_cached("SELECT term FROM temp.asset_terms WHERE term >= ?1 LIMIT 1").map_err(self.fail())?;
        let mut terms: Vec<String> = Vec::new();
        let mut from = prefix.clone();
        while let Some(term) = st.query_row([&from], |r| r.get::<_, String>(0)).optional().map_err(self.fail())? {
            if !term.starts_with(&prefix) {
                break;
            }
            if terms.len() == MAX_EXPANSION {
                return Ok(None);
            }
            // The next term after this one: no token holds a character below U+0001.
            from = format!("{term}\u{1}");
            terms.push(term);
        }
        Ok(Some(terms))
    }
}

/// The `dates` token for a `taken:` range that is exactly one calendar year or month (UTC), as migration 6's
/// `asset_date_tokens` writes it: U+E000 then `y2023` or `m202305`. Other ranges have none.
fn date_token(range: &TimeRange) -> Option<String> {
    let (start, end) = (format_utc(range.start?), format_utc(range.end?));
    // "YYYY-MM-DDTHH:MM:SSZ"
    let (year, month) = (start.get(..4)?, start.get(5..7)?);
    let (end_year, end_month) = (end.get(..4)?.parse::<i32>().ok()?, end.get(5..7)?.parse::<u32>().ok()?);
    let (y, m) = (year.parse::<i32>().ok()?, month.parse::<u32>().ok()?);
    if start.get(7..)? != "-01T00:00:00Z" || end.get(7..)? != "-01T00:00:00Z" || year.starts_with('-') {
        return None;
    }
    let token = if m == 1 && end_month == 1 && end_year == y + 1 {
        format!("y{year}")
    } else if (end_year, end_month) == if m == 12 { (y + 1, 1) } else { (y, m + 1) } {
        format!("m{year}{month}")
    } else {
        return None;
    };
    // No column filter: no other column holds such a token, and a filter would make FTS5 read every position list.
    Some(format!("\"\u{E000}{token}\""))
}

/// Whether the query asks for archived assets (`is:archived`, `status:archived`); else the default views hide them.
fn shows_archived(query: &Query) -> bool {
    query.filters.iter().any(|f| {
        matches!(f, Filter::Archived | Filter::Status(Status::Archived) | Filter::StatusOn(Status::Archived, _))
    })
}

/// The default views' condition for archived assets: left out unless asked for. Probed by id against the few
/// archived ones (migration 12's partial index, read once per search), so a search that reads only the full-text
/// index or the dates index does not have to read every candidate's row for it.
fn hide_archived(sql: &mut Sql) {
    sql.push(Reads::Id, "{id} NOT IN (SELECT id FROM assets WHERE status = 'archived')", Vec::new());
}

/// The default views' condition for trashed assets (migration 13): left out unless the query says `is:trashed`,
/// probed by id against the few trashed ones through their partial index, as [`hide_archived`] does.
fn hide_trashed(sql: &mut Sql) {
    sql.push(Reads::Id, "{id} NOT IN (SELECT id FROM assets WHERE trashed_at IS NOT NULL)", Vec::new());
}

/// `status:STATE` as shown: approved and published assets past their rights expiry (against `today`, else SQLite's
/// clock) count as expired.
fn status_filter(sql: &mut Sql, status: Status, today: Option<&str>) {
    let expired = "({a}.status IN ('approved', 'published') AND ifnull({a}.expires < ifnull(?, date('now')), 0))";
    let today = today.map_or(Value::Null, |t| Value::Text(t.into()));
    match status {
        Status::Expired => sql.push(Reads::Row, expired, vec![today]),
        Status::Approved | Status::Published => sql.push(
            Reads::Row,
            format!("{{a}}.status = ? AND NOT {expired}"),
            vec![Value::Text(status.as_str().into()), today],
        ),
        other => push(sql, "{a}.status = ?", Value::Text(other.as_str().into())),
    }
}

/// A condition on one column of the asset's row.
fn push(sql: &mut Sql, clause: &str, value: Value) {
    sql.push(Reads::Row, clause, vec![value]);
}

/// A date range: both columns are in the dates index.
fn push_range(sql: &mut Sql, column: &str, range: &TimeRange) {
    if let Some(start) = range.start {
        sql.push(Reads::Dates, format!("{column} >= ?"), vec![Value::Integer(start)]);
    }
    if let Some(end) = range.end {
        sql.push(Reads::Dates, format!("{column} < ?"), vec![Value::Integer(end)]);
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
