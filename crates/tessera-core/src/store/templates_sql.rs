//! Metadata templates in SQL: a name and its assignments as JSON.

use super::assets_write::db_fail;
use super::Store;
use crate::domain::FieldAssignment;
use crate::error::{Error, Result};
use rusqlite::params;

impl Store {
    /// Saves a template; `TemplateExists` when the name is taken (any case).
    pub fn add_template(&self, name: &str, assignments: &[FieldAssignment]) -> Result<()> {
        let json = serde_json::to_string(assignments).unwrap_or_else(|_| "[]".into());
        self.write(|tx| {
            let n = tx
                .execute("INSERT OR IGNORE INTO templates (name, assignments) VALUES (?1, ?2)", params![name, json])
                .map_err(db_fail(tx))?;
            if n == 0 {
                return Err(Error::TemplateExists(name.to_string()));
            }
            Ok(())
        })
    }

    /// Every template with its assignments, by name.
    pub fn templates(&self) -> Result<Vec<(String, Vec<FieldAssignment>)>> {
        let conn = self.reader()?;
        let mut st = conn
            .prepare_cached("SELECT name, assignments FROM templates ORDER BY name COLLATE NOCASE")
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows.into_iter().map(|(name, json)| (name, serde_json::from_str(&json).unwrap_or_default())).collect())
    }
}
