//! The store's own proofs: writers from two connections never fail while the other writes, the counters stay equal
//! to a recount, and an edit by query touches exactly the matches.

#![allow(clippy::unwrap_used, reason = "tests")]

use super::*;
use crate::domain::query;
use crate::domain::{AssetId, AssetKind, NewAsset};
use crate::runtime::NoProgress;

const NOTE: LogNote<'static> = LogNote { actor: "tester", at: 1_700_000_000, summary: "test" };

fn asset(n: usize, kind: AssetKind, tags: &[&str]) -> NewAsset {
    NewAsset {
        kind: Some(kind),
        ext: "jpg".into(),
        mime: "image/jpeg".into(),
        name: format!("photo-{n}.jpg"),
        source_path: format!("/shoot/photo-{n}.jpg"),
        stored_path: format!("originals/00/{n:064}.jpg"),
        hash: format!("{n:064}"),
        size: 1000 + n as u64,
        added_at: 1_700_000_000,
        uploader: "test".into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewAsset::default()
    }
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("library.db"), true).unwrap()
}

fn recount(store: &Store) -> (i64, i64, i64) {
    let conn = store.reader().unwrap();
    let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        one("SELECT count(*) FROM assets"),
        one("SELECT count(DISTINCT asset_id) FROM asset_tags"),
        one("SELECT count(*) FROM tags WHERE id IN (SELECT tag_id FROM asset_tags)"),
    )
}

#[test]
fn writers_on_two_connections_wait_their_turn_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    first.insert_assets(&(0..50).map(|n| asset(n, AssetKind::Image, &[])).collect::<Vec<_>>()).unwrap();
    // Another handle is another connection, as another process would have.
    let second = open(dir.path());
    std::thread::scope(|scope| {
        let importer = scope.spawn(|| {
            for batch in 0..40 {
                let assets: Vec<_> =
                    (0..64).map(|i| asset(1000 + batch * 64 + i, AssetKind::Image, &["new"])).collect();
                first.insert_assets(&assets).unwrap();
            }
        });
        let editor = scope.spawn(|| {
            let mut failures = Vec::new();
            for round in 0..200 {
                let id = AssetId(1 + (round % 50) as i64);
                let tag = [format!("edit-{round}")];
                let changes = Changes { add_tags: &tag, ..Changes::default() };
                if let Err(e) = second.edit(&Targets::Ids(&[id]), &changes, 1, &NOTE, &NoProgress) {
                    failures.push(e.to_string());
                }
            }
            failures
        });
        importer.join().unwrap();
        let failures = editor.join().unwrap();
        assert!(failures.is_empty(), "no edit may fail while an import writes: {failures:?}");
    });
    let conn = first.reader().unwrap();
    let edits: i64 = conn
        .query_row(
            "SELECT count(*) FROM tags t JOIN asset_tags at ON at.tag_id = t.id WHERE t.name LIKE 'edit-%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(edits, 200, "every edit is in place");
}

#[test]
fn counters_match_a_recount_after_inserts_edits_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let mut assets: Vec<_> =
        (0..30).map(|n| asset(n, AssetKind::Image, if n % 3 == 0 { &["a", "b"] } else { &[] })).collect();
    assets.push(asset(99, AssetKind::Video, &["a"]));
    store.insert_assets(&assets).unwrap();
    let ids: Vec<AssetId> = (1..=5).map(AssetId).collect();
    let (add, remove) = (["c".to_string()], ["a".to_string()]);
    store
        .edit(
            &Targets::Ids(&ids),
            &Changes { add_tags: &add, remove_tags: &remove, ..Changes::default() },
            0,
            &NOTE,
            &NoProgress,
        )
        .unwrap();
    store
        .write(|tx| {
            tx.execute_batch("DELETE FROM asset_tags WHERE asset_id = 7; DELETE FROM asset_text WHERE rowid = 7;")
                .map_err(super::assets_write::db_fail(tx))
        })
        .unwrap();
    let stats = store.stats().unwrap();
    let (assets, tagged, tags) = recount(&store);
    assert_eq!(stats.assets as i64, assets);
    assert_eq!(stats.untagged as i64, assets - tagged, "untagged kept in step by the triggers");
    assert_eq!(stats.tags as i64, tags);
    assert_eq!(stats.by_type.get("video"), Some(&1));
    assert_eq!(stats.by_type.get("image"), Some(&30));
    let counts = store.tag_counts().unwrap();
    let direct: i64 = store
        .reader()
        .unwrap()
        .query_row("SELECT count(*) FROM asset_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = 'a'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(counts.iter().find(|t| t.name == "a").map(|t| t.count as i64), Some(direct));
}

#[test]
fn an_edit_by_query_touches_exactly_the_matches_less_the_exceptions() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let assets: Vec<_> =
        (0..20).map(|n| asset(n, if n < 12 { AssetKind::Image } else { AssetKind::Video }, &[])).collect();
    store.insert_assets(&assets).unwrap();
    let q = query::parse("type:image").unwrap();
    let rating = Some(Some(4));
    let except = [AssetId(1)];
    let edited = store
        .edit(&Targets::Query(&q, &except), &Changes { rating: &rating, ..Changes::default() }, 0, &NOTE, &NoProgress)
        .unwrap();
    assert_eq!(edited.ids.len(), 11, "12 images less the one deselected");
    assert!(edited.details.is_empty(), "no details beyond the limit");
    let rated: i64 =
        store.reader().unwrap().query_row("SELECT count(*) FROM assets WHERE rating = 4", [], |r| r.get(0)).unwrap();
    assert_eq!(rated, 11);
}

/// A library made by each earlier schema version, with assets and tags in it, opens and is brought up to date: its
/// counters agree with a recount and its assets stay searchable.
#[test]
fn libraries_made_by_every_earlier_schema_version_upgrade_in_place() {
    for version in 1..migrations::SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.db");
        {
            let conn = Connection::open(&path).unwrap();
            for (n, sql) in migrations::MIGRATIONS.iter().take(version as usize).enumerate() {
                conn.execute_batch(sql).unwrap();
                conn.pragma_update(None, "user_version", n as i64 + 1).unwrap();
            }
            for n in 1..=3i64 {
                conn.execute(
                    "INSERT INTO assets (id, kind, ext, name, size, added_at, uploader) VALUES (?1, 'image', 'jpg', ?2, 10, 0, 'old')",
                    rusqlite::params![n, format!("old-{n}.jpg")],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO files (asset_id, hash, size, mime, ext, original_name, source_path, stored_path, added_at, uploader)
                     VALUES (?1, ?2, 10, 'image/jpeg', 'jpg', 'x', 'x', 'x', 0, 'old')",
                    rusqlite::params![n, format!("{n:064}")],
                )
                .unwrap();
                let tags = if n == 1 { "kept" } else { "" };
                conn.execute(
                    "INSERT INTO asset_text (rowid, name, tags) VALUES (?1, ?2, ?3)",
                    rusqlite::params![n, format!("old-{n}.jpg"), tags],
                )
                .unwrap();
            }
            conn.execute_batch("INSERT INTO tags (id, name) VALUES (1, 'kept'); INSERT INTO asset_tags VALUES (1, 1);")
                .unwrap();
        }
        let store = Store::open(&path, false).unwrap();
        let found: i64 = store.reader().unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(found, migrations::SCHEMA_VERSION, "a version {version} library is upgraded");
        let stats = store.stats().unwrap();
        assert_eq!((stats.assets, stats.files, stats.untagged, stats.tags), (3, 3, 2, 1), "from version {version}");
        let page = store
            .search(
                &query::parse("old tag:kept").unwrap(),
                crate::domain::SortKey::Added,
                crate::domain::SortOrder::Desc,
                10,
                None,
            )
            .unwrap();
        assert_eq!(page.total, 1, "a version {version} library stays searchable");
    }
}

#[test]
fn collection_counts_follow_every_membership_change_including_an_asset_deleted_later() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let ids = store.insert_assets(&(0..5).map(|n| asset(n, AssetKind::Image, &[])).collect::<Vec<_>>()).unwrap();
    let parts = vec!["Spring".to_string(), "Social".to_string()];
    store.collection_add(&parts, &Targets::Ids(&ids), &NOTE, &NoProgress).unwrap();
    store.collection_add(&parts[..1], &Targets::Ids(&ids[..2]), &NOTE, &NoProgress).unwrap();
    let counted = |store: &Store| -> Vec<(String, i64, i64)> {
        let conn = store.reader().unwrap();
        let mut st = conn
            .prepare(
                "SELECT path, assets, (SELECT count(*) FROM collection_assets WHERE collection_id = c.id)
                 FROM collections c ORDER BY path",
            )
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(counted(&store), vec![("Spring".into(), 2, 2), ("Spring/Social".into(), 5, 5)]);
    // Deleting an asset (as emptying the trash will) takes it out of its collections through the cascade, and the
    // counter follows in the same transaction: the triggers are the one place counts are kept.
    store
        .write(|tx| {
            let id = ids[0].0;
            tx.execute_batch(&format!(
                "DELETE FROM file_sources WHERE file_id IN (SELECT id FROM files WHERE asset_id = {id});
                 DELETE FROM files WHERE asset_id = {id};
                 DELETE FROM asset_tags WHERE asset_id = {id};
                 DELETE FROM asset_text WHERE rowid = {id};
                 DELETE FROM assets WHERE id = {id};"
            ))
            .map_err(|source| crate::Error::Database { path: Default::default(), source })
        })
        .unwrap();
    for (path, counter, rows) in counted(&store) {
        assert_eq!(counter, rows, "{path}: the counter equals a recount after the delete");
    }
    assert_eq!(counted(&store)[1].1, 4);
}
