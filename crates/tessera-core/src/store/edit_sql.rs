//! Editing assets: title, description, rating and tags on many assets in one transaction, keeping the full-text index
//! in step and recording in the edit log, for each asset and field that really changes, the value before and after
//! (an asset that already had the rating or the tag is left alone and not recorded). The assets edited can be a list
//! of ids or every match of a query, resolved inside the same transaction.

use super::edit_log_sql::{Entry, LogNote};
pub(super) use super::tags_sql::{create_tag, find_tag, TagRef};
use super::tags_sql::{link, unlink};
use super::Store;
use crate::domain::query::Query;
use crate::domain::{
    AssetDetail, AssetId, BuiltIn, CustomField, EditAction, EditId, EditProgress, FieldChange, Scalar,
};
use crate::error::{Error, Result};
use crate::runtime::ProgressSink;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};

/// Which assets an edit applies to.
#[derive(Debug, Clone)]
pub enum Targets<'a> {
    Ids(&'a [AssetId]),
    /// Every asset the query matches, less these.
    Query(&'a Query, &'a [AssetId]),
}

/// What to change; `None` leaves a field as it is.
#[derive(Debug, Clone)]
pub struct Changes<'a> {
    pub title: &'a FieldChange<String>,
    pub description: &'a FieldChange<String>,
    pub rating: &'a FieldChange<u8>,
    pub add_tags: &'a [String],
    pub remove_tags: &'a [String],
    /// Built-in fields to set (`None` clears), checked by the caller.
    pub columns: &'a [(BuiltIn, Option<Scalar>)],
    /// Custom fields to set (no values clears), checked by the caller.
    pub custom: &'a [(CustomField, Vec<Scalar>)],
}

impl Default for Changes<'_> {
    fn default() -> Self {
        Changes {
            title: &None,
            description: &None,
            rating: &None,
            add_tags: &[],
            remove_tags: &[],
            columns: &[],
            custom: &[],
        }
    }
}

/// What an edit did.
#[derive(Debug, Clone, Default)]
pub struct Edited {
    pub ids: Vec<AssetId>,
    /// The assets as they are now, read in the edit's transaction, when there are at most `detail_limit` of them.
    pub details: Vec<AssetDetail>,
    /// Its entry in the edit log; `None` when it changed nothing.
    pub edit: Option<EditId>,
}

/// Progress is reported after every this many assets (and at the end).
pub(super) const PROGRESS_STEP: usize = 2_000;

impl Store {
    /// Applies `changes` to `targets`, all or nothing, records it in the edit log as `note`, and reads back up to
    /// `detail_limit` assets.
    pub fn edit(
        &self,
        targets: &Targets<'_>,
        changes: &Changes<'_>,
        detail_limit: usize,
        note: &LogNote<'_>,
        progress: &dyn ProgressSink<EditProgress>,
    ) -> Result<Edited> {
        self.write(|tx| {
            let ids = self.resolve_targets(tx, targets)?;
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let add = changes.add_tags.iter().map(|t| create_tag(tx, t)).collect::<Result<Vec<_>>>()?;
            let remove = changes.remove_tags.iter().map(|t| find_tag(tx, t)).collect::<Result<Vec<_>>>()?;
            let remove: Vec<TagRef> = remove.into_iter().flatten().collect();
            let total = ids.len() as u64;
            let mut changed = 0u64;
            let mut retagged = Vec::new();
            for (i, id) in ids.iter().enumerate() {
                let mut touched = edit_fields(tx, &entry, id.0, changes)?;
                if (!add.is_empty() || !remove.is_empty()) && edit_tags(tx, &entry, id.0, &add, &remove)? {
                    retagged.push(id.0);
                    touched = true;
                }
                changed += touched as u64;
                if (i + 1) % PROGRESS_STEP == 0 {
                    progress.report(&EditProgress { done: i as u64 + 1, total });
                }
            }
            reindex_tags_of(tx, retagged)?;
            progress.report(&EditProgress { done: total, total });
            let edit = entry.close(tx, changed, false)?;
            let fail = super::assets_write::db_fail(tx);
            let details = if ids.len() <= detail_limit {
                ids.iter()
                    .map(|id| {
                        super::assets_read::asset_detail(tx, *id).map_err(&fail)?.ok_or(Error::AssetNotFound(id.0))
                    })
                    .collect::<Result<Vec<_>>>()?
            } else {
                Vec::new()
            };
            Ok(Edited { ids, details, edit })
        })
    }
}

impl Store {
    /// The assets of a selection, read inside the transaction that edits them (every id must exist).
    pub(super) fn resolve_targets(&self, tx: &Transaction<'_>, targets: &Targets<'_>) -> Result<Vec<AssetId>> {
        Ok(match targets {
            Targets::Ids(ids) => {
                check_exist(tx, ids)?;
                ids.to_vec()
            }
            Targets::Query(query, except) => {
                let except: std::collections::HashSet<&AssetId> = except.iter().collect();
                let mut ids = self.matching_ids(tx, query)?;
                ids.retain(|id| !except.contains(id));
                ids
            }
        })
    }
}

fn check_exist(tx: &Transaction<'_>, ids: &[AssetId]) -> Result<()> {
    let fail = super::assets_write::db_fail(tx);
    let mut st = tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM assets WHERE id = ?1)").map_err(&fail)?;
    for id in ids {
        if !st.query_row(params![id.0], |r| r.get::<_, bool>(0)).map_err(&fail)? {
            return Err(Error::AssetNotFound(id.0));
        }
    }
    Ok(())
}

/// Sets one built-in field of one asset when its value differs, recording the change; whether it changed.
pub(super) fn set_column(
    tx: &Transaction<'_>,
    entry: &Entry,
    asset: i64,
    field: BuiltIn,
    value: &Value,
) -> Result<bool> {
    let fail = super::assets_write::db_fail(tx);
    let column = field.column();
    let before: Option<Value> = tx
        .prepare_cached(&format!("SELECT {column} FROM assets WHERE id = ?1 AND {column} IS NOT ?2"))
        .and_then(|mut st| st.query_row(params![asset, value], |r| r.get(0)).optional())
        .map_err(&fail)?;
    let Some(before) = before else { return Ok(false) };
    write_column(tx, entry, asset, field, &before, value)?;
    Ok(true)
}

/// Writes `after` into one built-in field of one asset (and the full-text index for searchable text: title and
/// description in their columns, alt text and caption together in `copy`) and records the change under the field's
/// name.
pub(super) fn write_column(
    tx: &Transaction<'_>,
    entry: &Entry,
    asset: i64,
    field: BuiltIn,
    before: &Value,
    after: &Value,
) -> Result<()> {
    let fail = super::assets_write::db_fail(tx);
    let column = field.column();
    tx.prepare_cached(&format!("UPDATE assets SET {column} = ?1 WHERE id = ?2"))
        .and_then(|mut st| st.execute(params![after, asset]))
        .map_err(&fail)?;
    match field {
        BuiltIn::Title | BuiltIn::Description => {
            tx.prepare_cached(&format!("UPDATE asset_text SET {column} = ?1 WHERE rowid = ?2"))
                .and_then(|mut st| st.execute(params![after, asset]))
                .map_err(&fail)?;
        }
        BuiltIn::AltText | BuiltIn::Caption => {
            tx.prepare_cached(
                "UPDATE asset_text SET copy = (SELECT ifnull(alt_text, '') || ' ' || ifnull(caption, '')
                 FROM assets WHERE id = ?1) WHERE rowid = ?1",
            )
            .and_then(|mut st| st.execute(params![asset]))
            .map_err(&fail)?;
        }
        _ => {}
    }
    entry.change(tx, asset, field.name(), before, after)
}

fn edit_fields(tx: &Transaction<'_>, entry: &Entry, asset: i64, changes: &Changes<'_>) -> Result<bool> {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let mut touched = false;
    if let Some(value) = changes.title {
        touched |= set_column(tx, entry, asset, BuiltIn::Title, &text(value))?;
    }
    if let Some(value) = changes.description {
        touched |= set_column(tx, entry, asset, BuiltIn::Description, &text(value))?;
    }
    if let Some(rating) = changes.rating {
        let value = rating.map_or(Value::Null, |r| Value::Integer(r.into()));
        touched |= set_column(tx, entry, asset, BuiltIn::Rating, &value)?;
    }
    for (field, value) in changes.columns {
        let value = value.as_ref().map_or(Value::Null, super::fields_sql::to_value);
        touched |= set_column(tx, entry, asset, *field, &value)?;
    }
    for (field, values) in changes.custom {
        touched |= super::fields_sql::set_custom(tx, entry, asset, field, values)?;
    }
    Ok(touched)
}

/// Links or unlinks one tag of one asset, recording the change; whether it changed.
pub(super) fn set_tag(tx: &Transaction<'_>, entry: &Entry, asset: i64, tag: &TagRef, on: bool) -> Result<bool> {
    let changed = if on { link(tx, asset, tag.id)? } else { unlink(tx, asset, tag.id)? };
    if !changed {
        return Ok(false);
    }
    let name = Value::Text(tag.name.clone());
    let (before, after) = if on { (Value::Null, name) } else { (name, Value::Null) };
    entry.change(tx, asset, "tag", &before, &after)?;
    Ok(true)
}

/// The tags column of one asset's full-text row, read in SQL (the same text `tags_in` joined by spaces would give),
/// written only when it differs from what the row holds.
const REINDEX_TAGS: &str = "UPDATE asset_text SET tags = ?2 WHERE rowid = ?1 AND tags IS NOT ?2";
const TAGS_TEXT: &str = "SELECT ifnull(group_concat(t.name, ' ' ORDER BY t.name COLLATE NOCASE), '')
     FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE at.asset_id = ?1";

/// Writes the tags of many assets into the full-text index again (after their tags changed), skipping rows whose
/// text is already right: an FTS5 update re-tokenises the whole row, so it is the cost of a bulk tag edit.
pub(super) fn reindex_tags_of(tx: &Transaction<'_>, assets: impl IntoIterator<Item = i64>) -> Result<()> {
    let fail = super::assets_write::db_fail(tx);
    let mut read = tx.prepare_cached(TAGS_TEXT).map_err(&fail)?;
    let mut write = tx.prepare_cached(REINDEX_TAGS).map_err(&fail)?;
    for asset in assets {
        let text: String = read.query_row(params![asset], |r| r.get(0)).map_err(&fail)?;
        write.execute(params![asset, text]).map_err(&fail)?;
    }
    Ok(())
}

fn edit_tags(tx: &Transaction<'_>, entry: &Entry, asset: i64, add: &[TagRef], remove: &[TagRef]) -> Result<bool> {
    let mut touched = false;
    for tag in remove {
        touched |= set_tag(tx, entry, asset, tag, false)?;
    }
    for tag in add {
        touched |= set_tag(tx, entry, asset, tag, true)?;
    }
    Ok(touched)
}
