//! Library settings by key (migration 15).

use super::Store;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};

impl Store {
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        let conn = self.reader()?;
        conn.query_row("SELECT value FROM library_settings WHERE key = ?1", params![key], |r| r.get(0))
            .optional()
            .map_err(self.fail())
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let fail = self.fail();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO library_settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(&fail)?;
            Ok(())
        })
    }
}
