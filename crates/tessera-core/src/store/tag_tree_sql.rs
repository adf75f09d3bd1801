//! Reshaping the tag tree: rename or move a tag with everything beneath it, merge one tag into another, delete a
//! tag. Each is one transaction: every asset keeps its tags (under their new paths), the full-text index follows,
//! the old paths stay as synonyms (so saved queries and scripts naming them keep working), and the change is on the
//! edit log (a delete can be undone; a rename or merge is on record only).

use super::assets_write::db_fail;
use super::edit_log_sql::{Entry, LogNote};
use super::edit_sql::reindex_tags_of;
use super::tags_sql::{ancestors, create_tag, existing_tag, find_tag, subtree, unlink, TagRef};
use super::Store;
use crate::domain::{tag_leaf, tag_parent, AssetId, EditAction, TagChange};
use crate::error::{Error, Result};
use rusqlite::types::Value;
use rusqlite::{params, Transaction};
use std::collections::BTreeSet;

/// What a reshape touched: tags renamed or merged, and the assets whose tags changed.
#[derive(Default)]
struct Reshaped {
    tags: u64,
    assets: BTreeSet<i64>,
}

fn conflict(action: &'static str, from: &str, to: &str, reason: impl Into<String>) -> Error {
    Error::TagConflict { action, from: from.into(), to: to.into(), reason: reason.into() }
}

fn is_beneath(path: &str, tag: &str) -> bool {
    path.len() > tag.len()
        && path.is_char_boundary(tag.len())
        && path[..tag.len()].eq_ignore_ascii_case(tag)
        && path[tag.len()..].starts_with('/')
}

fn assets_of(tx: &Transaction<'_>, tag: i64) -> Result<Vec<i64>> {
    let mut st = tx.prepare_cached("SELECT asset_id FROM asset_tags WHERE tag_id = ?1").map_err(db_fail(tx))?;
    let rows = st
        .query_map(params![tag], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<i64>>>())
        .map_err(db_fail(tx))?;
    Ok(rows)
}

/// Gives `tag` (and everything beneath it) the path `to`, under a parent made when missing.
fn move_subtree(tx: &Transaction<'_>, tag: &TagRef, to: &str) -> Result<(TagRef, Reshaped)> {
    let fail = db_fail(tx);
    if is_beneath(to, &tag.name) {
        return Err(conflict("move", &tag.name, to, "a tag cannot move beneath itself"));
    }
    // `to` may be one of the tag's own synonyms: it becomes its path.
    tx.execute("DELETE FROM tag_synonyms WHERE name = ?1 AND tag_id = ?2", params![to, tag.id]).map_err(&fail)?;
    let members = subtree(tx, tag.id)?;
    let parent = tag_parent(to).map(|p| create_tag(tx, p)).transpose()?;
    if let Some(parent) = &parent {
        if members.iter().any(|m| m.id == parent.id) {
            return Err(conflict("move", &tag.name, to, "a tag cannot move beneath itself"));
        }
    }
    let path = match &parent {
        Some(p) => format!("{}/{}", p.name, tag_leaf(to)),
        None => to.to_string(),
    };
    let mut done = Reshaped::default();
    for member in &members {
        let name = format!("{path}{}", &member.name[tag.name.len()..]);
        match find_tag(tx, &name)? {
            Some(other) if members.iter().all(|m| m.id != other.id) => {
                return Err(conflict("move", &tag.name, to, format!("{name:?} is taken by {:?}", other.name)))
            }
            _ => {}
        }
        tx.execute("DELETE FROM tag_synonyms WHERE name = ?1", params![name]).map_err(&fail)?;
        tx.execute("UPDATE tags SET name = ?1 WHERE id = ?2", params![name, member.id]).map_err(&fail)?;
        if !member.name.eq_ignore_ascii_case(&name) {
            tx.execute(
                "INSERT OR IGNORE INTO tag_synonyms (name, tag_id) VALUES (?1, ?2)",
                params![member.name, member.id],
            )
            .map_err(&fail)?;
        }
        done.tags += 1;
        done.assets.extend(assets_of(tx, member.id)?);
    }
    let old_parent: Option<i64> =
        tx.query_row("SELECT parent_id FROM tags WHERE id = ?1", params![tag.id], |r| r.get(0)).map_err(&fail)?;
    let new_parent = parent.as_ref().map(|p| p.id);
    if old_parent != new_parent {
        let before = ancestors(tx, tag.id)?;
        tx.execute("UPDATE tags SET parent_id = ?1 WHERE id = ?2", params![new_parent, tag.id]).map_err(&fail)?;
        for member in &members {
            for ancestor in &before {
                tx.execute(
                    "DELETE FROM tag_paths WHERE ancestor_id = ?1 AND tag_id = ?2",
                    params![ancestor, member.id],
                )
                .map_err(&fail)?;
            }
            if let Some(parent) = new_parent {
                tx.execute(
                    "INSERT INTO tag_paths (ancestor_id, tag_id) SELECT ancestor_id, ?1 FROM tag_paths WHERE tag_id = ?2",
                    params![member.id, parent],
                )
                .map_err(&fail)?;
            }
        }
        let mut recount: BTreeSet<i64> = before.into_iter().collect();
        recount.extend(ancestors(tx, tag.id)?);
        super::tags_sql::recount_totals(tx, &recount.into_iter().collect::<Vec<_>>())?;
    }
    Ok((TagRef { id: tag.id, name: path }, done))
}

/// Moves every asset, child and synonym of `from` onto `into` (children with the same name merge in turn), then
/// removes `from`, whose path becomes a synonym of `into`.
fn merge_into(tx: &Transaction<'_>, from: &TagRef, into: &TagRef) -> Result<Reshaped> {
    let fail = db_fail(tx);
    if is_beneath(&into.name, &from.name) {
        return Err(conflict("merge", &from.name, &into.name, "a tag cannot merge into a tag beneath it"));
    }
    let mut done = Reshaped::default();
    let children: Vec<TagRef> = subtree(tx, from.id)?
        .into_iter()
        .filter(|t| t.id != from.id && tag_parent(&t.name).is_some_and(|p| p.eq_ignore_ascii_case(&from.name)))
        .collect();
    for child in children {
        let target = format!("{}/{}", into.name, tag_leaf(&child.name));
        let part = match find_tag(tx, &target)? {
            Some(existing) if existing.id != child.id => merge_into(tx, &child, &existing)?,
            _ => move_subtree(tx, &child, &target)?.1,
        };
        done.tags += part.tags;
        done.assets.extend(part.assets);
    }
    done.assets.extend(assets_of(tx, from.id)?);
    // One statement moves the links (an asset that has both keeps its `into` row and loses the other below); the
    // triggers do not see an UPDATE, so the counts are put right here: `uses` by the rows moved, `total` recounted for
    // both tags and their ancestors. Per-row link and unlink cost 2.5 times a move's time at 100,000 assets.
    // `uses` counts assets outside the trash (migrations/0013_trash.sql): the links of trashed assets move uncounted.
    let moved: i64 = tx
        .query_row(
            "SELECT count(*) FROM asset_tags a WHERE a.tag_id = ?2
                AND NOT EXISTS (SELECT 1 FROM asset_tags b WHERE b.asset_id = a.asset_id AND b.tag_id = ?1)
                AND a.asset_id NOT IN (SELECT id FROM assets WHERE trashed_at IS NOT NULL)",
            params![into.id, from.id],
            |r| r.get(0),
        )
        .map_err(&fail)?;
    tx.execute("UPDATE OR IGNORE asset_tags SET tag_id = ?1 WHERE tag_id = ?2", params![into.id, from.id])
        .map_err(&fail)?;
    tx.execute("UPDATE tags SET uses = uses + ?1 WHERE id = ?2", params![moved, into.id]).map_err(&fail)?;
    tx.execute("UPDATE tags SET uses = uses - ?1 WHERE id = ?2", params![moved, from.id]).map_err(&fail)?;
    tx.execute("DELETE FROM asset_tags WHERE tag_id = ?1", params![from.id]).map_err(&fail)?;
    let mut recount: BTreeSet<i64> = ancestors(tx, into.id)?.into_iter().chain(ancestors(tx, from.id)?).collect();
    recount.insert(into.id);
    super::tags_sql::recount_totals(tx, &recount.into_iter().collect::<Vec<_>>())?;
    tx.execute("UPDATE tag_synonyms SET tag_id = ?1 WHERE tag_id = ?2", params![into.id, from.id]).map_err(&fail)?;
    tx.execute("DELETE FROM tag_paths WHERE tag_id = ?1 OR ancestor_id = ?1", params![from.id]).map_err(&fail)?;
    tx.execute("DELETE FROM tags WHERE id = ?1", params![from.id]).map_err(&fail)?;
    tx.execute("INSERT OR IGNORE INTO tag_synonyms (name, tag_id) VALUES (?1, ?2)", params![from.name, into.id])
        .map_err(&fail)?;
    done.tags += 1;
    Ok(done)
}

fn finish(tx: &Transaction<'_>, entry: Entry, tag: String, done: Reshaped, undoable: bool) -> Result<TagChange> {
    reindex_tags_of(tx, done.assets.iter().copied())?;
    if !undoable {
        entry.on_record_only(tx)?;
    }
    let edit = entry.close(tx, done.assets.len() as u64, !undoable)?;
    Ok(TagChange { tag, tags: done.tags, assets: done.assets.len() as u64, edit })
}

impl Store {
    /// Renames or moves the tag `from` (a path or a synonym) and everything beneath it to the path `to`. When `to`
    /// is another tag: merged into it with `merge`, refused without.
    pub fn rename_tag(&self, from: &str, to: &str, merge: bool, note: &LogNote<'_>) -> Result<TagChange> {
        self.write(|tx| {
            let tag = existing_tag(tx, from)?;
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let (path, done) = match find_tag(tx, to)? {
                Some(target) if target.id != tag.id => {
                    if !merge {
                        let reason =
                            format!("{:?} exists; merge them with `tessera tag merge` (or --merge)", target.name);
                        return Err(conflict("rename", &tag.name, to, reason));
                    }
                    (target.name.clone(), merge_into(tx, &tag, &target)?)
                }
                _ => {
                    let (moved, done) = move_subtree(tx, &tag, to)?;
                    (moved.name, done)
                }
            };
            finish(tx, entry, path, done, false)
        })
    }

    /// Merges the tag `from` into the tag `into` (both must exist).
    pub fn merge_tags(&self, from: &str, into: &str, note: &LogNote<'_>) -> Result<TagChange> {
        self.write(|tx| {
            let from_tag = existing_tag(tx, from)?;
            let into_tag = existing_tag(tx, into)?;
            if from_tag.id == into_tag.id {
                return Err(conflict("merge", from, into, "they are the same tag"));
            }
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let done = merge_into(tx, &from_tag, &into_tag)?;
            finish(tx, entry, into_tag.name, done, false)
        })
    }

    /// Deletes the tag and everything beneath it, taking it off every asset (recorded per asset, so `undo` puts
    /// them back).
    pub fn delete_tag(&self, name: &str, note: &LogNote<'_>) -> Result<TagChange> {
        self.write(|tx| {
            let fail = db_fail(tx);
            let tag = existing_tag(tx, name)?;
            let entry = Entry::open(tx, note, EditAction::Edit, None)?;
            let mut done = Reshaped::default();
            let members = subtree(tx, tag.id)?;
            for member in &members {
                for asset in assets_of(tx, member.id)? {
                    unlink(tx, asset, member.id)?;
                    entry.change(tx, asset, "tag", &Value::Text(member.name.clone()), &Value::Null)?;
                    done.assets.insert(asset);
                }
            }
            // Deepest first: a parent goes after its children.
            for member in members.iter().rev() {
                tx.execute("DELETE FROM tag_synonyms WHERE tag_id = ?1", params![member.id]).map_err(&fail)?;
                tx.execute("DELETE FROM tag_paths WHERE tag_id = ?1 OR ancestor_id = ?1", params![member.id])
                    .map_err(&fail)?;
                tx.execute("DELETE FROM tags WHERE id = ?1", params![member.id]).map_err(&fail)?;
                done.tags += 1;
            }
            finish(tx, entry, tag.name, done, true)
        })
    }

    /// The tag's path, the number of assets carrying it or a tag beneath it, and the first `limit` of them.
    pub fn tag_assets(&self, name: &str, limit: usize) -> Result<(String, u64, Vec<AssetId>)> {
        let conn = self.reader()?;
        let tag = existing_tag(&conn, name)?;
        let total: i64 = conn
            .query_row("SELECT total FROM tags WHERE id = ?1", params![tag.id], |r| r.get(0))
            .map_err(self.fail())?;
        let mut st = conn
            .prepare_cached(
                "SELECT DISTINCT asset_id FROM asset_tags
                 WHERE tag_id IN (SELECT tag_id FROM tag_paths WHERE ancestor_id = ?1) ORDER BY asset_id LIMIT ?2",
            )
            .map_err(self.fail())?;
        let ids = st
            .query_map(params![tag.id, limit as i64], |r| Ok(AssetId(r.get(0)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(self.fail())?;
        Ok((tag.name, total as u64, ids))
    }
}
