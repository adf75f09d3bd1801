//! Collections in SQL: the tree of paths, creating a path with its parents, renaming (a collection and everything
//! beneath it), deleting, the cover, variables, and the listing the sidebar reads (counts kept by migration 9's
//! triggers, so listing reads no membership rows). Membership edits are in `collection_members_sql`.

use super::Store;
use crate::domain::{AssetId, Collection, CollectionId, CollectionKind, CollectionRef};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::BTreeMap;

pub(super) fn fail(conn: &Connection) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::database(conn.path().unwrap_or_default(), source)
}

/// A collection's row, found by path.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub id: CollectionId,
    pub path: String,
    pub name: String,
    pub kind: CollectionKind,
    pub query: Option<String>,
}

impl Found {
    pub fn as_ref(&self) -> CollectionRef {
        CollectionRef { id: self.id, name: self.name.clone(), path: self.path.clone() }
    }
}

fn found(r: &rusqlite::Row<'_>) -> rusqlite::Result<Found> {
    Ok(Found {
        id: CollectionId(r.get(0)?),
        path: r.get(1)?,
        name: r.get(2)?,
        kind: CollectionKind::parse(&r.get::<_, String>(3)?),
        query: r.get(4)?,
    })
}

/// The collection at `path` (any case).
pub(super) fn find(conn: &Connection, path: &str) -> Result<Option<Found>> {
    conn.prepare_cached("SELECT id, path, name, kind, query FROM collections WHERE path = ?1 COLLATE NOCASE")
        .and_then(|mut st| st.query_row(params![path], found).optional())
        .map_err(fail(conn))
}

pub(super) fn require(conn: &Connection, path: &str) -> Result<Found> {
    find(conn, path)?.ok_or_else(|| Error::CollectionNotFound(path.to_string()))
}

/// The ids of the collection at `path` and of every collection beneath it (for `collection:NAME`).
pub(super) fn subtree_ids(conn: &Connection, path: &str) -> Result<Vec<i64>> {
    // Collections are few (hundreds, not millions): a scan of their table is cheaper than any index dance.
    conn.prepare_cached(
        "SELECT id FROM collections WHERE kind = 'manual' AND (path = ?1 COLLATE NOCASE
            OR lower(substr(path, 1, length(?1) + 1)) = lower(?1 || '/'))",
    )
    .and_then(|mut st| st.query_map(params![path], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>())
    .map_err(fail(conn))
}

/// Makes sure every collection on `parts` exists (as manual ones), creating what is missing; the last one's row.
/// A smart collection cannot hold others.
pub(super) fn ensure_path(tx: &Transaction<'_>, parts: &[String], now: i64) -> Result<Found> {
    let mut parent: Option<Found> = None;
    for part in parts {
        // Beneath an existing parent, the path is spelled as the parent is (names are unique in any case).
        let path = child_path(parent.as_ref(), part);
        if let Some(p) = &parent {
            if p.kind == CollectionKind::Smart {
                return Err(Error::SmartCollectionMembers(p.path.clone()));
            }
        }
        let row = match find(tx, &path)? {
            Some(row) => row,
            None => insert(tx, parent.as_ref().map(|p| p.id), part, &path, CollectionKind::Manual, None, now)?,
        };
        parent = Some(row);
    }
    parent.ok_or_else(|| Error::InvalidCollectionName { name: String::new(), reason: "a collection needs a name" })
}

fn child_path(parent: Option<&Found>, name: &str) -> String {
    match parent {
        Some(p) => format!("{}/{name}", p.path),
        None => name.to_string(),
    }
}

/// The parent of the collection at `parts` (created when missing), or `None` at the top.
fn ensure_parent(tx: &Transaction<'_>, parts: &[String], now: i64) -> Result<Option<Found>> {
    match parts.len() {
        0 | 1 => Ok(None),
        n => ensure_path(tx, &parts[..n - 1], now).map(Some),
    }
}

pub(super) fn insert(
    tx: &Transaction<'_>,
    parent: Option<CollectionId>,
    name: &str,
    path: &str,
    kind: CollectionKind,
    query: Option<&str>,
    now: i64,
) -> Result<Found> {
    tx.prepare_cached(
        "INSERT INTO collections (parent_id, name, path, kind, query, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut st| st.execute(params![parent.map(|p| p.0), name, path, kind.as_str(), query, now]))
    .map_err(fail(tx))?;
    let id = CollectionId(tx.last_insert_rowid());
    Ok(Found { id, path: path.to_string(), name: name.to_string(), kind, query: query.map(str::to_string) })
}

/// What deleting a collection took with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deleted {
    /// Memberships of the collection and those beneath it (the assets stay in the library).
    pub memberships: u64,
    /// Collections beneath it, deleted with it.
    pub children: u64,
}

impl Store {
    /// Creates the collection at `parts` (and its missing parents); a smart one with `query`. `CollectionExists`
    /// when the path is taken and `exist_ok` is false.
    pub fn collection_create(
        &self,
        parts: &[String],
        smart_query: Option<&str>,
        exist_ok: bool,
        now: i64,
    ) -> Result<CollectionRef> {
        self.write(|tx| {
            let path = parts.join("/");
            if let Some(row) = find(tx, &path)? {
                if !exist_ok || smart_query.is_some() {
                    return Err(Error::CollectionExists(row.path));
                }
                return Ok(row.as_ref());
            }
            let Some(query) = smart_query else { return Ok(ensure_path(tx, parts, now)?.as_ref()) };
            let parent = ensure_parent(tx, parts, now)?;
            let name = parts.last().map(String::as_str).unwrap_or_default();
            let path = child_path(parent.as_ref(), name);
            let parent = parent.map(|p| p.id);
            Ok(insert(tx, parent, name, &path, CollectionKind::Smart, Some(query), now)?.as_ref())
        })
    }

    /// Deletes the collection at `path` and those beneath it (never the assets). Refused with `CollectionNotEmpty`
    /// when it holds anything and `force` is false. `kind` limits it to manual or smart collections.
    pub fn collection_delete(&self, path: &str, kind: Option<CollectionKind>, force: bool) -> Result<Deleted> {
        self.write(|tx| {
            let row = require(tx, path)?;
            if kind.is_some_and(|k| k != row.kind) {
                return Err(match row.kind {
                    CollectionKind::Manual => Error::NotSmartCollection { name: row.path },
                    CollectionKind::Smart => Error::SmartCollectionMembers(row.path),
                });
            }
            let (memberships, children): (i64, i64) = tx
                .query_row(
                    "SELECT ifnull(sum(assets), 0), count(*) - 1 FROM collections WHERE id = ?1 OR substr(path, 1, length(?2) + 1) = ?2 || '/'",
                    params![row.id.0, row.path],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(fail(tx))?;
            let deleted = Deleted { memberships: memberships.max(0) as u64, children: children.max(0) as u64 };
            if !force && (deleted.memberships > 0 || deleted.children > 0) {
                // Distinct assets (one in two sub-collections counts once): read only to word the refusal.
                let assets: i64 = tx
                    .query_row(
                        "SELECT count(DISTINCT asset_id) FROM collection_assets WHERE collection_id IN
                            (SELECT id FROM collections WHERE id = ?1 OR substr(path, 1, length(?2) + 1) = ?2 || '/')",
                        params![row.id.0, row.path],
                        |r| r.get(0),
                    )
                    .map_err(fail(tx))?;
                return Err(Error::CollectionNotEmpty {
                    name: row.path,
                    assets: assets.max(0) as u64,
                    children: deleted.children,
                });
            }
            tx.execute("DELETE FROM collections WHERE id = ?1", params![row.id.0]).map_err(fail(tx))?;
            Ok(deleted)
        })
    }

    /// Renames (and possibly moves) the collection at `from` to `to`, with everything beneath it.
    pub fn collection_rename(&self, from: &str, to: &[String], now: i64) -> Result<CollectionRef> {
        self.write(|tx| {
            let row = require(tx, from)?;
            let parent = ensure_parent(tx, to, now)?;
            let name = to.last().map(String::as_str).unwrap_or_default();
            let new_path = child_path(parent.as_ref(), name);
            let inside = new_path.to_lowercase().starts_with(&format!("{}/", row.path.to_lowercase()));
            if inside {
                return Err(Error::CollectionIntoItself { from: row.path, to: new_path });
            }
            if let Some(other) = find(tx, &new_path)? {
                if other.id != row.id {
                    return Err(Error::CollectionExists(other.path));
                }
            }
            let parent = parent.map(|p| p.id);
            let fail = fail(tx);
            tx.execute(
                "UPDATE collections SET path = ?1 || substr(path, length(?2) + 1)
                 WHERE substr(path, 1, length(?2) + 1) = ?2 || '/'",
                params![new_path, row.path],
            )
            .map_err(&fail)?;
            tx.execute(
                "UPDATE collections SET path = ?1, name = ?2, parent_id = ?3 WHERE id = ?4",
                params![new_path, name, parent.map(|p| p.0), row.id.0],
            )
            .map_err(&fail)?;
            rename_in_saved_queries(tx, &row.path, &new_path)?;
            Ok(CollectionRef { id: row.id, name: name.to_string(), path: new_path })
        })
    }

    /// Sets (or clears) the cover: one of the collection's assets.
    pub fn collection_cover(&self, path: &str, cover: Option<AssetId>) -> Result<CollectionRef> {
        self.write(|tx| {
            let row = require(tx, path)?;
            if let Some(asset) = cover {
                let member: bool = tx
                    .query_row(
                        "SELECT EXISTS (SELECT 1 FROM collection_assets WHERE collection_id = ?1 AND asset_id = ?2)",
                        params![row.id.0, asset.0],
                        |r| r.get(0),
                    )
                    .map_err(fail(tx))?;
                let smart_and_exists = row.kind == CollectionKind::Smart
                    && tx
                        .query_row("SELECT EXISTS (SELECT 1 FROM assets WHERE id = ?1)", params![asset.0], |r| r.get(0))
                        .map_err(fail(tx))?;
                if !member && !smart_and_exists {
                    return Err(Error::NotInCollection { collection: row.path, asset: asset.0 });
                }
            }
            tx.execute("UPDATE collections SET cover_id = ?1 WHERE id = ?2", params![cover.map(|a| a.0), row.id.0])
                .map_err(fail(tx))?;
            Ok(row.as_ref())
        })
    }

    /// Sets variables (`None` removes one); returns the collection's variables afterwards.
    pub fn collection_set_variables(
        &self,
        path: &str,
        values: &[(String, Option<String>)],
    ) -> Result<BTreeMap<String, String>> {
        self.write(|tx| {
            let row = require(tx, path)?;
            let fail = fail(tx);
            for (key, value) in values {
                match value {
                    Some(v) => tx.execute(
                        "INSERT INTO collection_variables (collection_id, key, value) VALUES (?1, ?2, ?3)
                         ON CONFLICT (collection_id, key) DO UPDATE SET value = excluded.value",
                        params![row.id.0, key, v],
                    ),
                    None => tx.execute(
                        "DELETE FROM collection_variables WHERE collection_id = ?1 AND key = ?2",
                        params![row.id.0, key],
                    ),
                }
                .map_err(&fail)?;
            }
            variables_of(tx, row.id)
        })
    }

    /// Every collection, flat, ordered by path; smart ones with `count` 0 (the use case runs their queries).
    pub fn collections(&self) -> Result<Vec<Collection>> {
        let conn = self.reader()?;
        let fail = fail(&conn);
        let mut vars: BTreeMap<i64, BTreeMap<String, String>> = BTreeMap::new();
        {
            let mut st =
                conn.prepare_cached("SELECT collection_id, key, value FROM collection_variables").map_err(&fail)?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                .map_err(&fail)?;
            for (id, key, value) in rows {
                vars.entry(id).or_default().insert(key, value);
            }
        }
        let mut st = conn
            .prepare_cached(
                "SELECT id, name, path, parent_id, kind, assets, query, cover_id FROM collections
                 ORDER BY path COLLATE NOCASE",
            )
            .map_err(&fail)?;
        let rows = st
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(Collection {
                    id: CollectionId(id),
                    name: r.get(1)?,
                    path: r.get(2)?,
                    parent: r.get::<_, Option<i64>>(3)?.map(CollectionId),
                    kind: CollectionKind::parse(&r.get::<_, String>(4)?),
                    count: r.get::<_, i64>(5)?.max(0) as u64,
                    count_exact: true,
                    query: r.get(6)?,
                    cover: r.get::<_, Option<i64>>(7)?.map(AssetId),
                    variables: BTreeMap::new(),
                    children: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(&fail)?;
        Ok(rows
            .into_iter()
            .map(|mut c| {
                c.variables = vars.remove(&c.id.0).unwrap_or_default();
                c
            })
            .collect())
    }

    /// The kind of the collection at `path`, or `None` when there is none.
    pub fn collection_kind(&self, path: &str) -> Result<Option<CollectionKind>> {
        let conn = self.reader()?;
        Ok(find(&conn, path)?.map(|row| row.kind))
    }

    /// The smart collection's saved query text.
    pub fn smart_query(&self, conn: &Connection, path: &str) -> Result<Option<(String, String)>> {
        let row = find(conn, path)?;
        Ok(row.and_then(|r| match (r.kind, r.query) {
            (CollectionKind::Smart, Some(q)) => Some((r.path, q)),
            _ => None,
        }))
    }
}

/// Smart collections whose query names the renamed collection (or one beneath it) are rewritten for its new path.
fn rename_in_saved_queries(tx: &Transaction<'_>, old: &str, new: &str) -> Result<()> {
    let fail = fail(tx);
    let queries: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, query FROM collections WHERE kind = 'smart' AND query IS NOT NULL")
        .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(&fail)?;
    for (id, query) in queries {
        if let Some(rewritten) = crate::domain::rename_in_query(&query, old, new) {
            tx.execute("UPDATE collections SET query = ?1 WHERE id = ?2", params![rewritten, id]).map_err(&fail)?;
        }
    }
    Ok(())
}

fn variables_of(conn: &Connection, id: CollectionId) -> Result<BTreeMap<String, String>> {
    conn.prepare_cached("SELECT key, value FROM collection_variables WHERE collection_id = ?1 ORDER BY key")
        .and_then(|mut st| st.query_map(params![id.0], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .map_err(fail(conn))
}

/// The collections an asset is in, by path.
pub(super) fn collections_of(conn: &Connection, asset: AssetId) -> rusqlite::Result<Vec<CollectionRef>> {
    let mut st = conn.prepare_cached(
        "SELECT c.id, c.name, c.path FROM collection_assets m JOIN collections c ON c.id = m.collection_id
         WHERE m.asset_id = ?1 ORDER BY c.path COLLATE NOCASE",
    )?;
    let rows = st.query_map(params![asset.0], |r| {
        Ok(CollectionRef { id: CollectionId(r.get(0)?), name: r.get(1)?, path: r.get(2)? })
    })?;
    rows.collect()
}
