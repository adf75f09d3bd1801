//! Editing assets: title, description, rating and tags on many assets in one transaction, keeping the full-text index
//! in step. The assets edited can be a list of ids or every match of a query, resolved inside the same transaction.

use super::Store;
use crate::domain::query::Query;
use crate::domain::{AssetDetail, AssetId, FieldChange};
use crate::error::{Error, Result};
use rusqlite::{params, Transaction};

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
}

impl Default for Changes<'_> {
    fn default() -> Self {
        Changes { title: &None, description: &None, rating: &None, add_tags: &[], remove_tags: &[] }
    }
}

/// What an edit did.
#[derive(Debug, Clone, Default)]
pub struct Edited {
    pub ids: Vec<AssetId>,
    /// The assets as they are now, read in the edit's transaction, when there are at most `detail_limit` of them.
    pub details: Vec<AssetDetail>,
}

impl Store {
    /// Applies `changes` to `targets`, all or nothing, and reads back up to `detail_limit` assets.
    pub fn edit(&self, targets: &Targets<'_>, changes: &Changes<'_>, detail_limit: usize) -> Result<Edited> {
        self.write(|tx| {
            let ids = match targets {
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
            };
            edit_fields(tx, &ids, changes)?;
            if !changes.add_tags.is_empty() || !changes.remove_tags.is_empty() {
                super::tags_sql::edit_tags(tx, &ids, changes.add_tags, changes.remove_tags)?;
            }
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
            Ok(Edited { ids, details })
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

fn edit_fields(tx: &Transaction<'_>, ids: &[AssetId], changes: &Changes<'_>) -> Result<()> {
    let fail = super::assets_write::db_fail(tx);
    let text_columns = [("title", changes.title), ("description", changes.description)];
    for (column, value) in text_columns {
        let Some(value) = value else { continue };
        let mut asset = tx.prepare_cached(&format!("UPDATE assets SET {column} = ?1 WHERE id = ?2")).map_err(&fail)?;
        let mut text =
            tx.prepare_cached(&format!("UPDATE asset_text SET {column} = ?1 WHERE rowid = ?2")).map_err(&fail)?;
        for id in ids {
            asset.execute(params![value, id.0]).map_err(&fail)?;
            text.execute(params![value, id.0]).map_err(&fail)?;
        }
    }
    if let Some(rating) = changes.rating {
        let mut st = tx.prepare_cached("UPDATE assets SET rating = ?1 WHERE id = ?2").map_err(&fail)?;
        for id in ids {
            st.execute(params![rating, id.0]).map_err(&fail)?;
        }
    }
    Ok(())
}
