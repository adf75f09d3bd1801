//! The audit trail: every edit, undo and ingest batch leaves one hash-chained event in the same transaction, the
//! table refuses UPDATE and DELETE, and `verify` names the first event changed, inserted or deleted behind the app's
//! back (the tests drop the triggers and edit the SQLite file directly, as someone with the file could).

use super::{ctx, photo};
use tessera_core::app::assets::{edit_assets, undo_last, AssetEdit, Selection};
use tessera_core::app::audit;
use tessera_core::app::ingest::records;
use tessera_core::domain::{AuditFilter, NewAsset};
use tessera_core::runtime::NoProgress;
use tessera_core::{AssetId, Library};

/// A library with an ingest batch of 3, a tag edit on two, a rating on one, and the undo of the rating: 4 events.
fn library(dir: &std::path::Path) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("l.tessera")).unwrap();
    let assets: Vec<NewAsset> = (0..3).map(photo).collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    let ana = ctx(&library);
    let tag = AssetEdit { add_tags: vec!["summer".into()], ..AssetEdit::default() };
    edit_assets(&ana, &Selection::Ids { ids: ids[..2].to_vec() }, &tag).unwrap();
    let rate = AssetEdit { rating: Some(Some(5)), ..AssetEdit::default() };
    edit_assets(&ana, &Selection::Ids { ids: vec![ids[2]] }, &rate).unwrap();
    undo_last(&ana, &NoProgress).unwrap();
    drop(ana);
    (library, ids)
}

fn raw(library: &Library) -> rusqlite::Connection {
    rusqlite::Connection::open(&library.paths().db).unwrap()
}

fn drop_triggers(conn: &rusqlite::Connection) {
    conn.execute_batch("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;").unwrap();
}

#[test]
fn edits_undos_and_ingest_batches_each_leave_one_event_and_the_chain_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    let events = audit::audit_events(&ana, &AuditFilter::default(), None).unwrap();
    let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["ingest", "edit", "edit", "undo"], "one event per batch, not per asset");
    assert_eq!(events[0].assets, ids.iter().map(|i| i.0).collect::<Vec<_>>());
    assert_eq!(events[0].actor, "ana");
    let change = &events[2].detail["changes"][0];
    assert_eq!(
        (change["field"].as_str(), change["before"].is_null(), change["after"].as_i64()),
        (Some("rating"), true, Some(5))
    );
    assert_eq!(events[3].detail["undoes"], events[2].detail["edit"]);
    let check = audit::verify(&ana).unwrap();
    assert_eq!((check.events, check.broken), (4, None));

    let on_asset = AuditFilter { asset: Some(ids[2].0), ..AuditFilter::default() };
    let seqs: Vec<i64> = audit::audit_events(&ana, &on_asset, None).unwrap().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 3, 4], "the asset filter matches whole ids");
    let nobody = AuditFilter { actor: Some("bo".into()), ..AuditFilter::default() };
    assert!(audit::audit_events(&ana, &nobody, None).unwrap().is_empty());
    let later = AuditFilter { since: Some(i64::MAX), ..AuditFilter::default() };
    assert!(audit::audit_events(&ana, &later, None).unwrap().is_empty());
    let before_all = AuditFilter { until: Some(events[0].at), ..AuditFilter::default() };
    assert!(audit::audit_events(&ana, &before_all, None).unwrap().is_empty(), "until is exclusive");
    let up_to_now = AuditFilter { until: Some(events[3].at + 1), ..AuditFilter::default() };
    assert_eq!(audit::audit_events(&ana, &up_to_now, None).unwrap().len(), 4);
    let edits = AuditFilter { action: Some("edit".into()), ..AuditFilter::default() };
    let seqs: Vec<i64> = audit::audit_events(&ana, &edits, None).unwrap().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [2, 3]);
    let newest = AuditFilter { newest_first: true, ..AuditFilter::default() };
    let seqs: Vec<i64> = audit::audit_events(&ana, &newest, Some(2)).unwrap().iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [4, 3], "the Activity view's newest page");
    let csv = audit::to_csv(&events);
    assert_eq!(csv.lines().count(), 5, "a header and one line per event:\n{csv}");
}

#[test]
fn the_table_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let (library, _) = library(dir.path());
    let conn = raw(&library);
    let update = conn.execute("UPDATE audit_events SET actor = 'eve' WHERE seq = 2", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM audit_events WHERE seq = 2", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(audit::verify(&ctx(&library)).unwrap().broken, None);
}

/// Each tampering, done with the triggers dropped, and the event `verify` must name.
#[test]
fn a_changed_an_inserted_and_a_deleted_event_are_each_named() {
    let cases: [(&str, &str, i64); 5] = [
        ("changed", "UPDATE audit_events SET actor = 'eve' WHERE seq = 2", 2),
        ("changed detail", "UPDATE audit_events SET detail = replace(detail, '5', '1') WHERE seq = 3", 3),
        ("deleted", "DELETE FROM audit_events WHERE seq = 2", 3),
        (
            "inserted at the end",
            "INSERT INTO audit_events SELECT 5, at, 'eve', 'edit', '1', '{}', hash, hash FROM audit_events WHERE seq = 4",
            5,
        ),
        (
            "inserted in the middle, the rest renumbered",
            "UPDATE audit_events SET seq = seq + 100 WHERE seq >= 3; UPDATE audit_events SET seq = seq - 99 WHERE seq > 100;
             INSERT INTO audit_events SELECT 3, at, 'eve', 'edit', '1', '{}', hash, hash FROM audit_events WHERE seq = 2",
            3,
        ),
    ];
    for (what, sql, seq) in cases {
        let dir = tempfile::tempdir().unwrap();
        let (library, _) = library(dir.path());
        let conn = raw(&library);
        drop_triggers(&conn);
        conn.execute_batch(sql).unwrap();
        drop(conn);
        let check = audit::verify(&ctx(&library)).unwrap();
        let broken = check.broken.unwrap_or_else(|| panic!("{what}: not detected"));
        assert_eq!(broken.seq, seq, "{what}: {}", broken.reason);
    }
}

#[test]
fn another_connection_writing_at_once_makes_no_edit_lose_its_event() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let path = library.paths().db.clone();
    let other = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.busy_timeout(std::time::Duration::from_secs(30)).unwrap();
        for i in 0..50 {
            conn.execute("UPDATE assets SET title = ?1 WHERE id = 1", [format!("t{i}")]).unwrap();
        }
    });
    let ana = ctx(&library);
    for i in 0..50u8 {
        let edit = AssetEdit { rating: Some(Some(i % 5 + 1)), ..AssetEdit::default() };
        edit_assets(&ana, &Selection::Ids { ids: vec![ids[1]] }, &edit).unwrap();
    }
    other.join().unwrap();
    let check = audit::verify(&ana).unwrap();
    assert_eq!(check.broken, None);
    // 4 to start with, then every edit that changed the rating (all but those repeating the previous value: none).
    assert_eq!(check.events, 54);
}
