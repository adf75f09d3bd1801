//! Label sets (migration 15): which XMP label text stands for which colour.

use super::audit_sql::NewEvent;
use super::Store;
use crate::domain::LabelName;
use crate::error::Result;
use rusqlite::params;

impl Store {
    /// Every label text, by set then colour order then name.
    pub(crate) fn label_names(&self) -> Result<Vec<LabelName>> {
        let conn = self.reader()?;
        let fail = self.fail();
        let mut st = conn
            .prepare_cached(
                "SELECT name, colour, label_set FROM label_names
                 ORDER BY label_set, instr('red orange yellow green blue purple', colour), name",
            )
            .map_err(&fail)?;
        let rows = st
            .query_map([], |r| Ok(LabelName { name: r.get(0)?, colour: r.get(1)?, set: r.get(2)? }))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(&fail)?;
        Ok(rows)
    }

    /// Maps `name` to `colour` (a new name joins the `custom` set), with an audit event in the same transaction; the
    /// name's earlier colour, if it had one.
    pub(crate) fn set_label_name(&self, name: &str, colour: &str, actor: &str, at: i64) -> Result<Option<String>> {
        let fail = self.fail();
        self.write(|tx| {
            let before: Option<String> = tx
                .query_row("SELECT colour FROM label_names WHERE name = ?1", params![name], |r| r.get(0))
                .map(Some)
                .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(None) } else { Err(e) })
                .map_err(&fail)?;
            tx.execute(
                "INSERT INTO label_names (name, colour, label_set) VALUES (?1, ?2, 'custom')
                 ON CONFLICT (name) DO UPDATE SET colour = excluded.colour",
                params![name, colour],
            )
            .map_err(&fail)?;
            let detail = serde_json::json!({ "name": name, "colour": colour, "before": before });
            let event = NewEvent { at, actor, action: "label.set", assets: &[], detail: &detail };
            super::audit_sql::append(tx, &event)?;
            Ok(before)
        })
    }
}
