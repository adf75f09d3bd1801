//! Custom fields in SQL: their definitions and vocabularies, and their values per asset (one row per value, so a
//! `choices` field has several). The edit log keeps a field's whole value as one SQLite value: NULL when it has none,
//! the value itself, or for a `choices` field a JSON array of its values in order.

use super::assets_write::db_fail;
use super::edit_log_sql::Entry;
use super::Store;
use crate::domain::{AssetKind, Choice, CustomField, FieldType, Scalar};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

pub(super) fn to_value(s: &Scalar) -> Value {
    match s {
        Scalar::Int(n) => Value::Integer(*n),
        Scalar::Real(x) => Value::Real(*x),
        Scalar::Text(t) => Value::Text(t.clone()),
    }
}

pub(super) fn from_value(v: Value) -> Option<Scalar> {
    match v {
        Value::Integer(n) => Some(Scalar::Int(n)),
        Value::Real(x) => Some(Scalar::Real(x)),
        Value::Text(t) => Some(Scalar::Text(t)),
        Value::Null | Value::Blob(_) => None,
    }
}

const FIELD_COLUMNS: &str = "id, name, type, required, kinds, position";

fn field_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CustomField> {
    let kind: String = r.get(2)?;
    let kinds: String = r.get(4)?;
    Ok(CustomField {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: FieldType::parse(&kind).unwrap_or(FieldType::Text),
        required: r.get(3)?,
        kinds: kinds.split(',').filter_map(AssetKind::parse).collect(),
        position: r.get(5)?,
        choices: Vec::new(),
    })
}

fn with_choices(conn: &Connection, mut field: CustomField) -> rusqlite::Result<CustomField> {
    if field.kind.has_vocabulary() {
        let mut st = conn
            .prepare_cached("SELECT value, retired FROM field_choices WHERE field_id = ?1 ORDER BY position, value")?;
        field.choices = st
            .query_map(params![field.id], |r| Ok(Choice { value: r.get(0)?, retired: r.get(1)? }))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(field)
}

/// Every custom field, in the admin's order.
pub(super) fn all_fields(conn: &Connection) -> rusqlite::Result<Vec<CustomField>> {
    let mut st = conn.prepare_cached(&format!("SELECT {FIELD_COLUMNS} FROM fields ORDER BY position, id"))?;
    let fields = st.query_map([], field_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    fields.into_iter().map(|f| with_choices(conn, f)).collect()
}

/// The custom field of that name (any case).
pub(super) fn field_named(conn: &Connection, name: &str) -> rusqlite::Result<Option<CustomField>> {
    let field = conn
        .prepare_cached(&format!("SELECT {FIELD_COLUMNS} FROM fields WHERE name = ?1"))?
        .query_row(params![name], field_from_row)
        .optional()?;
    field.map(|f| with_choices(conn, f)).transpose()
}

/// A field's whole value on one asset, as the edit log keeps it.
pub(super) fn read_value(conn: &Connection, asset: i64, field: &CustomField) -> rusqlite::Result<Value> {
    let mut st = conn.prepare_cached("SELECT value FROM asset_field_values WHERE asset_id = ?1 AND field_id = ?2")?;
    let mut values: Vec<Value> =
        st.query_map(params![asset, field.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if field.kind == FieldType::Choices {
        if values.is_empty() {
            return Ok(Value::Null);
        }
        let mut texts: Vec<String> = values.into_iter().filter_map(|v| from_value(v).map(|s| s.display())).collect();
        order_like_vocabulary(&mut texts, field);
        Value::Text(serde_json::to_string(&texts).unwrap_or_default())
    } else {
        values.pop().unwrap_or(Value::Null)
    })
}

fn order_like_vocabulary(texts: &mut [String], field: &CustomField) {
    let rank = |t: &String| field.choices.iter().position(|c| c.value.eq_ignore_ascii_case(t)).unwrap_or(usize::MAX);
    texts.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
}

/// The edit log's value for `values` (what [`read_value`] would read once they are written).
pub(super) fn log_value(field: &CustomField, values: &[Scalar]) -> Value {
    match (field.kind, values) {
        (_, []) => Value::Null,
        (FieldType::Choices, many) => {
            let mut texts: Vec<String> = many.iter().map(Scalar::display).collect();
            order_like_vocabulary(&mut texts, field);
            Value::Text(serde_json::to_string(&texts).unwrap_or_default())
        }
        (_, [one, ..]) => to_value(one),
    }
}

/// Replaces a field's value on one asset with `log` (a value as [`read_value`] reads it).
fn write_value(tx: &Transaction<'_>, asset: i64, field: &CustomField, log: &Value) -> Result<()> {
    let fail = db_fail(tx);
    tx.prepare_cached("DELETE FROM asset_field_values WHERE asset_id = ?1 AND field_id = ?2")
        .and_then(|mut st| st.execute(params![asset, field.id]))
        .map_err(&fail)?;
    let values: Vec<Value> = match (field.kind, log) {
        (_, Value::Null) => Vec::new(),
        (FieldType::Choices, Value::Text(json)) => {
            serde_json::from_str::<Vec<String>>(json).unwrap_or_default().into_iter().map(Value::Text).collect()
        }
        (_, one) => vec![one.clone()],
    };
    let mut st = tx
        .prepare_cached("INSERT OR IGNORE INTO asset_field_values (asset_id, field_id, value) VALUES (?1, ?2, ?3)")
        .map_err(&fail)?;
    for v in values {
        st.execute(params![asset, field.id, v]).map_err(&fail)?;
    }
    Ok(())
}

/// Sets a custom field of one asset when its value differs, recording the change; whether it changed.
pub(super) fn set_custom(
    tx: &Transaction<'_>,
    entry: &Entry,
    asset: i64,
    field: &CustomField,
    values: &[Scalar],
) -> Result<bool> {
    let before = read_value(tx, asset, field).map_err(db_fail(tx))?;
    let after = log_value(field, values);
    if before == after {
        return Ok(false);
    }
    write_value(tx, asset, field, &after)?;
    entry.change(tx, asset, &field.log_name(), &before, &after)?;
    Ok(true)
}

/// Undoes one recorded change of a custom field when the value is still what the edit left; whether it did.
/// A field deleted since is skipped.
pub(super) fn revert_custom(
    tx: &Transaction<'_>,
    entry: &Entry,
    asset: i64,
    name: &str,
    before: &Value,
    after: &Value,
) -> Result<bool> {
    let fail = db_fail(tx);
    let Some(field) = field_named(tx, name).map_err(&fail)? else { return Ok(false) };
    let exists: Option<i64> = tx
        .prepare_cached("SELECT 1 FROM assets WHERE id = ?1")
        .and_then(|mut st| st.query_row(params![asset], |r| r.get(0)).optional())
        .map_err(&fail)?;
    if exists.is_none() || read_value(tx, asset, &field).map_err(&fail)? != *after {
        return Ok(false);
    }
    write_value(tx, asset, &field, before)?;
    entry.change(tx, asset, &field.log_name(), after, before)?;
    Ok(true)
}

/// Every custom field's value of one asset, by name (for the asset's detail).
pub(super) fn values_of(
    conn: &Connection,
    asset: i64,
) -> rusqlite::Result<std::collections::BTreeMap<String, crate::domain::FieldValue>> {
    use crate::domain::FieldValue;
    let mut out = std::collections::BTreeMap::new();
    let mut st = conn.prepare_cached(
        "SELECT f.name, f.type, v.value FROM asset_field_values v JOIN fields f ON f.id = v.field_id
         WHERE v.asset_id = ?1 ORDER BY f.position, f.id, v.value",
    )?;
    let rows = st.query_map(params![asset], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?)))?;
    for row in rows {
        let (name, kind, value) = row?;
        let Some(value) = from_value(value) else { continue };
        if FieldType::parse(&kind) == Some(FieldType::Choices) {
            match out.entry(name).or_insert_with(|| FieldValue::Many(Vec::new())) {
                FieldValue::Many(list) => list.push(value.display()),
                FieldValue::One(_) | FieldValue::Yes(_) => {}
            }
        } else if FieldType::parse(&kind) == Some(FieldType::Bool) {
            out.insert(name, FieldValue::Yes(matches!(value, Scalar::Int(1))));
        } else {
            out.insert(name, FieldValue::One(value));
        }
    }
    Ok(out)
}

impl Store {
    /// Every custom field, in the admin's order, with its vocabulary.
    pub fn fields(&self) -> Result<Vec<CustomField>> {
        let conn = self.reader()?;
        all_fields(&conn).map_err(self.fail())
    }

    /// Defines a field (its name checked by the caller); `FieldExists` when the name is taken.
    pub fn add_field(&self, field: &CustomField) -> Result<CustomField> {
        self.write(|tx| {
            let fail = db_fail(tx);
            if field_named(tx, &field.name).map_err(&fail)?.is_some() {
                return Err(Error::FieldExists(field.name.clone()));
            }
            let kinds: Vec<&str> = field.kinds.iter().map(|k| k.as_str()).collect();
            tx.execute(
                "INSERT INTO fields (name, type, required, kinds, position)
                 VALUES (?1, ?2, ?3, ?4, (SELECT ifnull(max(position), -1) + 1 FROM fields))",
                params![field.name, field.kind.as_str(), field.required, kinds.join(",")],
            )
            .map_err(&fail)?;
            let id = tx.last_insert_rowid();
            for choice in &field.choices {
                add_choice(tx, id, &choice.value)?;
            }
            field_named(tx, &field.name).map_err(&fail)?.ok_or_else(|| Error::UnknownField(field.name.clone()))
        })
    }

    /// Removes a field no asset uses; `FieldInUse` with the count otherwise.
    pub fn remove_field(&self, name: &str) -> Result<()> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let field = field_named(tx, name).map_err(&fail)?.ok_or_else(|| Error::UnknownField(name.to_string()))?;
            let assets: i64 = tx
                .query_row(
                    "SELECT count(DISTINCT asset_id) FROM asset_field_values WHERE field_id = ?1",
                    params![field.id],
                    |r| r.get(0),
                )
                .map_err(&fail)?;
            if assets > 0 {
                return Err(Error::FieldInUse { name: field.name, assets: assets as u64 });
            }
            tx.execute("DELETE FROM fields WHERE id = ?1", params![field.id]).map_err(&fail)?;
            Ok(())
        })
    }

    /// Adds values to a choice field's vocabulary, retires others (they stay on assets) and brings back retired ones
    /// that are added again.
    pub fn edit_choices(&self, name: &str, add: &[String], retire: &[String]) -> Result<CustomField> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let field = field_named(tx, name).map_err(&fail)?.ok_or_else(|| Error::UnknownField(name.to_string()))?;
            if !field.kind.has_vocabulary() {
                return Err(Error::InvalidFieldDefinition {
                    field: field.name,
                    reason: "only choice and choices fields have a list of values".into(),
                });
            }
            for value in add {
                add_choice(tx, field.id, value)?;
            }
            for value in retire {
                let n = tx
                    .execute(
                        "UPDATE field_choices SET retired = 1 WHERE field_id = ?1 AND value = ?2",
                        params![field.id, value],
                    )
                    .map_err(&fail)?;
                if n == 0 {
                    return Err(Error::InvalidFieldValue {
                        field: field.name.clone(),
                        value: value.clone(),
                        reason: "not in the field's list, so it cannot be retired".into(),
                    });
                }
            }
            field_named(tx, &field.name).map_err(&fail)?.ok_or_else(|| Error::UnknownField(name.to_string()))
        })
    }
}

fn add_choice(tx: &Transaction<'_>, field: i64, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO field_choices (field_id, value, retired, position)
         VALUES (?1, ?2, 0, (SELECT ifnull(max(position), -1) + 1 FROM field_choices WHERE field_id = ?1))
         ON CONFLICT (field_id, value) DO UPDATE SET retired = 0",
        params![field, value],
    )
    .map_err(db_fail(tx))?;
    Ok(())
}
