//! Editing the descriptive fields of assets (title, description, rating), keeping the full-text index in step.

use super::Store;
use crate::domain::AssetId;
use crate::error::{Error, Result};
use rusqlite::params;

/// A change to one field: leave it, or set it (None clears).
pub type FieldChange<T> = Option<Option<T>>;

impl Store {
    /// Sets title, description and rating on several assets in one transaction.
    pub fn edit_fields(
        &mut self,
        ids: &[AssetId],
        title: &FieldChange<String>,
        description: &FieldChange<String>,
        rating: &FieldChange<u8>,
    ) -> Result<()> {
        self.write(|tx| {
            let fail = super::assets_write::db_fail(tx);
            for id in ids {
                let changed = |sql: &str, value: &dyn rusqlite::ToSql| tx.execute(sql, params![value, id.0]);
                let mut found = true;
                if let Some(title) = title {
                    found &= changed("UPDATE assets SET title = ?1 WHERE id = ?2", title).map_err(&fail)? == 1;
                    tx.execute("UPDATE asset_text SET title = ?1 WHERE rowid = ?2", params![title, id.0])
                        .map_err(&fail)?;
                }
                if let Some(description) = description {
                    found &=
                        changed("UPDATE assets SET description = ?1 WHERE id = ?2", description).map_err(&fail)? == 1;
                    tx.execute("UPDATE asset_text SET description = ?1 WHERE rowid = ?2", params![description, id.0])
                        .map_err(&fail)?;
                }
                if let Some(rating) = rating {
                    found &= changed("UPDATE assets SET rating = ?1 WHERE id = ?2", rating).map_err(&fail)? == 1;
                }
                if !found {
                    return Err(Error::AssetNotFound(id.0));
                }
            }
            Ok(())
        })
    }
}
