//! Tags: paths unique without regard to case (the first spelling seen wins), a tree with its closure
//! (`tag_paths`), colours and synonyms. A name typed in an edit or a search resolves to a tag by its path or by one
//! of its synonyms.

use super::assets_write::db_fail;
use super::Store;
use crate::domain::{tag_leaf, tag_parent, TagCount};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// A tag resolved once per edit or query: its id and the path the library keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TagRef {
    pub id: i64,
    pub name: String,
}

/// The tag of that path or synonym (any case).
pub(super) fn find_tag(conn: &Connection, name: &str) -> Result<Option<TagRef>> {
    conn.prepare_cached(
        "SELECT id, name FROM tags WHERE name = ?1
         UNION ALL
         SELECT t.id, t.name FROM tag_synonyms s JOIN tags t ON t.id = s.tag_id WHERE s.name = ?1
         LIMIT 1",
    )
    .and_then(|mut st| st.query_row(params![name], |r| Ok(TagRef { id: r.get(0)?, name: r.get(1)? })).optional())
    .map_err(db_fail(conn))
}

/// The tag of exactly that path (any case), not a synonym.
pub(super) fn find_tag_path(conn: &Connection, path: &str) -> Result<Option<TagRef>> {
    conn.prepare_cached("SELECT id, name FROM tags WHERE name = ?1")
        .and_then(|mut st| st.query_row(params![path], |r| Ok(TagRef { id: r.get(0)?, name: r.get(1)? })).optional())
        .map_err(db_fail(conn))
}

/// [`find_tag`], or `Error::TagNotFound`.
pub(super) fn existing_tag(conn: &Connection, name: &str) -> Result<TagRef> {
    find_tag(conn, name)?.ok_or_else(|| Error::TagNotFound(name.to_string()))
}

/// The tag of that (normalised) path, created with any missing ancestors when there is none. Each part resolves as
/// a whole path would: when `trainer` is a synonym of `Footwear/Sneaker`, `trainer/Red` is `Footwear/Sneaker/Red`.
pub(super) fn create_tag(tx: &Transaction<'_>, path: &str) -> Result<TagRef> {
    if let Some(tag) = find_tag(tx, path)? {
        return Ok(tag);
    }
    let parent = tag_parent(path).map(|p| create_tag(tx, p)).transpose()?;
    let name = match &parent {
        Some(p) => format!("{}/{}", p.name, tag_leaf(path)),
        None => path.to_string(),
    };
    if let Some(tag) = find_tag(tx, &name)? {
        return Ok(tag);
    }
    let fail = db_fail(tx);
    tx.prepare_cached("INSERT INTO tags (name, parent_id) VALUES (?1, ?2)")
        .and_then(|mut st| st.execute(params![name, parent.as_ref().map(|p| p.id)]))
        .map_err(&fail)?;
    let id = tx.last_insert_rowid();
    if let Some(parent) = &parent {
        // The trigger made the tag its own ancestor; its parent's ancestors are its own too.
        tx.prepare_cached(
            "INSERT INTO tag_paths (ancestor_id, tag_id) SELECT ancestor_id, ?1 FROM tag_paths WHERE tag_id = ?2",
        )
        .and_then(|mut st| st.execute(params![id, parent.id]))
        .map_err(&fail)?;
    }
    Ok(TagRef { id, name })
}

/// The tag and every tag beneath it, the tag first then by path.
pub(super) fn subtree(conn: &Connection, tag: i64) -> Result<Vec<TagRef>> {
    let mut st = conn
        .prepare_cached(
            "SELECT t.id, t.name FROM tag_paths p JOIN tags t ON t.id = p.tag_id WHERE p.ancestor_id = ?1
             ORDER BY length(t.name), t.name",
        )
        .map_err(db_fail(conn))?;
    let rows = st
        .query_map(params![tag], |r| Ok(TagRef { id: r.get(0)?, name: r.get(1)? }))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db_fail(conn))?;
    Ok(rows)
}

/// Links `tag` to `asset`; whether it was not linked yet.
pub(super) fn link(tx: &Transaction<'_>, asset: i64, tag: i64) -> Result<bool> {
    let n = tx
        .prepare_cached("INSERT OR IGNORE INTO asset_tags (asset_id, tag_id) VALUES (?1, ?2)")
        .and_then(|mut st| st.execute(params![asset, tag]))
        .map_err(db_fail(tx))?;
    Ok(n > 0)
}

/// Unlinks `tag` from `asset`; whether it was linked.
pub(super) fn unlink(tx: &Transaction<'_>, asset: i64, tag: i64) -> Result<bool> {
    let n = tx
        .prepare_cached("DELETE FROM asset_tags WHERE asset_id = ?1 AND tag_id = ?2")
        .and_then(|mut st| st.execute(params![asset, tag]))
        .map_err(db_fail(tx))?;
    Ok(n > 0)
}

/// Attaches tags to a new asset (creating missing tags); returns the asset's full tag list, sorted.
pub(super) fn attach_tags(tx: &Transaction<'_>, asset: i64, names: &[String]) -> Result<Vec<String>> {
    for name in names {
        let tag = create_tag(tx, name)?;
        link(tx, asset, tag.id)?;
    }
    tags_in(tx, asset).map_err(db_fail(tx))
}

pub(super) fn tags_in(conn: &Connection, asset: i64) -> rusqlite::Result<Vec<String>> {
    let mut st = conn.prepare_cached(
        "SELECT t.name FROM asset_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.asset_id = ?1 ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = st.query_map(params![asset], |r| r.get(0))?;
    rows.collect()
}

/// Counts each tag's assets again (after a move or a merge changed which tags are beneath which).
pub(super) fn recount_totals(tx: &Transaction<'_>, tags: &[i64]) -> Result<()> {
    let mut st = tx
        .prepare_cached(
            // Trashed assets are not counted (migrations/0013_trash.sql).
            "UPDATE tags SET total = (SELECT count(DISTINCT at.asset_id) FROM tag_paths p
                                        JOIN asset_tags at ON at.tag_id = p.tag_id WHERE p.ancestor_id = ?1
                                         AND at.asset_id NOT IN (SELECT id FROM assets WHERE trashed_at IS NOT NULL))
             WHERE id = ?1",
        )
        .map_err(db_fail(tx))?;
    for tag in tags {
        st.execute(params![tag]).map_err(db_fail(tx))?;
    }
    Ok(())
}

/// The ids of the tag's ancestors, without the tag itself.
pub(super) fn ancestors(conn: &Connection, tag: i64) -> Result<Vec<i64>> {
    let mut st = conn
        .prepare_cached("SELECT ancestor_id FROM tag_paths WHERE tag_id = ?1 AND ancestor_id <> ?1")
        .map_err(db_fail(conn))?;
    let rows = st
        .query_map(params![tag], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
        .map_err(db_fail(conn))?;
    Ok(rows)
}

/// Makes `name` a synonym of `tag`, refusing a name that is a tag or another tag's synonym.
pub(super) fn add_synonym(tx: &Transaction<'_>, tag: &TagRef, name: &str) -> Result<()> {
    match find_tag(tx, name)? {
        Some(found) if found.id == tag.id && !found.name.eq_ignore_ascii_case(name) => return Ok(()),
        Some(found) => {
            let reason = if found.name.eq_ignore_ascii_case(name) {
                "that name is a tag; merge the two instead".to_string()
            } else {
                format!("it is already a synonym of {:?}", found.name)
            };
            return Err(Error::TagConflict { action: "add synonym", from: name.into(), to: tag.name.clone(), reason });
        }
        None => {}
    }
    tx.prepare_cached("INSERT INTO tag_synonyms (name, tag_id) VALUES (?1, ?2)")
        .and_then(|mut st| st.execute(params![name, tag.id]))
        .map_err(db_fail(tx))?;
    Ok(())
}

impl Store {
    /// The tag tree in path order (each tag right before the tags beneath it), with counts kept by the schema's
    /// triggers (no scan), colours and synonyms. Tags no asset carries, itself or beneath it, are left out.
    pub fn tag_counts(&self) -> Result<Vec<TagCount>> {
        let conn = self.reader()?;
        let mut synonyms: HashMap<i64, Vec<String>> = HashMap::new();
        let mut st = conn.prepare_cached("SELECT tag_id, name FROM tag_synonyms ORDER BY name").map_err(self.fail())?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(self.fail())?;
        for row in rows {
            let (tag, name) = row.map_err(self.fail())?;
            synonyms.entry(tag).or_default().push(name);
        }
        // `/` sorts after space and punctuation; char(1) before them keeps a tag's children right after it.
        let mut st = conn
            .prepare_cached(
                "SELECT id, name, uses, total, colour FROM tags WHERE total > 0
                 ORDER BY replace(name, '/', char(1)) COLLATE NOCASE",
            )
            .map_err(self.fail())?;
        let rows = st
            .query_map([], |r| {
                Ok(TagCount {
                    synonyms: synonyms.remove(&r.get::<_, i64>(0)?).unwrap_or_default(),
                    name: r.get(1)?,
                    count: r.get::<_, i64>(2)? as u64,
                    total: r.get::<_, i64>(3)? as u64,
                    colour: r.get(4)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok(rows)
    }

    /// Sets or clears a tag's colour (already normalised); the tag's path.
    pub fn set_tag_colour(&self, name: &str, colour: Option<&str>) -> Result<String> {
        self.write(|tx| {
            let tag = existing_tag(tx, name)?;
            tx.execute("UPDATE tags SET colour = ?1 WHERE id = ?2", params![colour, tag.id]).map_err(db_fail(tx))?;
            Ok(tag.name)
        })
    }

    /// Makes `synonym` resolve to the tag `name`; the tag's path.
    pub fn add_tag_synonym(&self, name: &str, synonym: &str) -> Result<String> {
        self.write(|tx| {
            let tag = existing_tag(tx, name)?;
            add_synonym(tx, &tag, synonym)?;
            Ok(tag.name)
        })
    }

    /// Removes a synonym; the path of the tag it resolved to.
    pub fn remove_tag_synonym(&self, synonym: &str) -> Result<String> {
        self.write(|tx| {
            let tag: Option<String> = tx
                .query_row(
                    "SELECT t.name FROM tag_synonyms s JOIN tags t ON t.id = s.tag_id WHERE s.name = ?1",
                    params![synonym],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db_fail(tx))?;
            let tag = tag.ok_or_else(|| Error::TagNotFound(synonym.to_string()))?;
            tx.execute("DELETE FROM tag_synonyms WHERE name = ?1", params![synonym]).map_err(db_fail(tx))?;
            Ok(tag)
        })
    }
}
