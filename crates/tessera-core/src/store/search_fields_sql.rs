//! The SQL of the field filters (`label:`, `flag:`, `missing:`, `expires`, `rights:expired`, custom fields), one
//! small function each; a child of `search_sql`, whose clause builder they use.

use super::{push, Reads, Sql};
use crate::domain::fields::{BuiltIn, FieldType};
use crate::domain::query::dates::format_utc;
use crate::domain::query::{CustomFilter, TimeRange};
use rusqlite::types::Value;
use rusqlite::Connection;

pub(super) fn label(sql: &mut Sql, label: &str) {
    push(sql, "{a}.label = ?", Value::Text(label.to_string()));
}

pub(super) fn flag(sql: &mut Sql, flag: &str) {
    push(sql, "{a}.flag = ?", Value::Text(flag.to_string()));
}

/// A built-in field without a value (blank text counts as none: the core never stores it, an import might).
pub(super) fn missing_built_in(sql: &mut Sql, field: BuiltIn) {
    let column = field.column();
    let clause = if field == BuiltIn::Rating {
        format!("{{a}}.{column} IS NULL")
    } else {
        format!("ifnull(trim({{a}}.{column}), '') = ''")
    };
    sql.push(Reads::Row, clause, Vec::new());
}

/// Assets lacking a value in some required custom field that applies to their type. No required field: none.
pub(super) fn missing_required(conn: &Connection, sql: &mut Sql) -> rusqlite::Result<()> {
    let required: Vec<_> = super::super::fields_sql::all_fields(conn)?.into_iter().filter(|f| f.required).collect();
    if required.is_empty() {
        sql.impossible = true;
        return Ok(());
    }
    let parts: Vec<String> = required
        .iter()
        .map(|f| {
            let absent = format!(
                "NOT EXISTS (SELECT 1 FROM asset_field_values WHERE asset_id = {{a}}.id AND field_id = {})",
                f.id
            );
            if f.kinds.is_empty() {
                absent
            } else {
                // Kinds are fixed words (AssetKind::as_str), never user text.
                let kinds: Vec<String> = f.kinds.iter().map(|k| format!("'{}'", k.as_str())).collect();
                format!("({{a}}.kind IN ({}) AND {absent})", kinds.join(", "))
            }
        })
        .collect();
    sql.push(Reads::Row, format!("({})", parts.join(" OR ")), Vec::new());
    Ok(())
}

/// `expires` in a range of days: the column holds YYYY-MM-DD, so text order is date order.
pub(super) fn expires(sql: &mut Sql, range: &TimeRange) {
    let day = |secs: i64| Value::Text(format_utc(secs).chars().take(10).collect());
    if let Some(start) = range.start {
        sql.push(Reads::Row, "{a}.expires >= ?", vec![day(start)]);
    }
    if let Some(end) = range.end {
        sql.push(Reads::Row, "{a}.expires < ?", vec![day(end)]);
    }
}

/// `rights:expired` in a query parsed without today's date: SQLite's own clock decides.
pub(super) fn expired_by_sqlite_clock(sql: &mut Sql) {
    sql.push(Reads::Row, "{a}.expires < date('now')", Vec::new());
}

/// At most this many matching values, a custom-field filter drives the search from the values' index (the matches
/// are then sorted: cheap for a few thousand); above it, the sort's own walk finds a page soon enough and each
/// asset is probed by its id.
const SPARSE: i64 = 5_000;

/// A custom field compared with a value. Free text compares without regard to case, which the values' index (binary)
/// cannot answer, so it is always probed by id; the other types count their matches first (the covering index,
/// stopping past [`SPARSE`]) to choose: a rare value (`agency:East` on 40 of a million) is then read from the index
/// instead of walking every asset, a common one is probed per asset as the walk goes.
pub(super) fn custom(conn: &Connection, sql: &mut Sql, filter: &CustomFilter) -> rusqlite::Result<()> {
    let text = matches!(filter.kind, FieldType::Text | FieldType::LongText | FieldType::Url);
    let collate = if text { " COLLATE NOCASE" } else { "" };
    let condition = format!("field_id = {} AND value {} ?{collate}", filter.field, filter.cmp.as_sql());
    let value = super::super::fields_sql::to_value(&filter.value);
    let sparse = !text && {
        let count = format!(
            "SELECT count(*) FROM (SELECT 1 FROM asset_field_values INDEXED BY asset_field_values_by_value \
             WHERE {condition} LIMIT {})",
            SPARSE + 1
        );
        conn.prepare_cached(&count)?.query_row([&value], |r| r.get::<_, i64>(0))? <= SPARSE
    };
    let clause = if sparse {
        format!("{{id}} IN (SELECT asset_id FROM asset_field_values INDEXED BY asset_field_values_by_value WHERE {condition})")
    } else {
        format!("EXISTS (SELECT 1 FROM asset_field_values WHERE asset_id = {{id}} AND {condition})")
    };
    sql.push(Reads::Id, clause, vec![value]);
    Ok(())
}
