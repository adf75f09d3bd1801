//! Lifecycle moves through the use cases: allowed moves happen all or none with an audit event, refused ones say
//! why, archive and restore round-trip, expiry shows as expired, and the history comes from the audit trail.

use super::{ctx, photo};
use std::sync::Arc;
use tessera_core::app::assets::{set_fields, FieldAssignment};
use tessera_core::app::ingest::records;
use tessera_core::app::lifecycle::{archive, restore, set_status, status};
use tessera_core::app::{assets, audit};
use tessera_core::domain::lifecycle::Status;
use tessera_core::domain::NewAsset;
use tessera_core::runtime::FixedClock;
use tessera_core::{api::ErrorCode, AssetId, Library};

fn library(dir: &std::path::Path) -> (Library, Vec<AssetId>) {
    // 2026-12-03T12:00:00Z
    let library = Library::init(&dir.join("l.tessera")).unwrap().with_clock(Arc::new(FixedClock(1_796_299_200)));
    let assets: Vec<NewAsset> = (0..3).map(photo).collect();
    let ids = records::insert(&ctx(&library), &assets).unwrap();
    (library, ids)
}

#[test]
fn moves_are_all_or_none_and_refusals_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    set_status(&ana, &ids[..1], Status::InReview).unwrap();
    set_status(&ana, &ids[..1], Status::Approved).unwrap();
    // Asset 0 may be published, asset 1 (draft) may not: neither moves.
    let err = set_status(&ana, &ids[..2], Status::Published).unwrap_err();
    assert_eq!(err.to_string(), "an asset in draft cannot be published: approve it first");
    assert_eq!(err.code(), ErrorCode::Conflict);
    assert_eq!(status(&ana, ids[0]).unwrap().state, Status::Approved, "nothing moved");
    let report = status(&ana, ids[0]).unwrap();
    let steps: Vec<(&str, &str)> = report.history.iter().map(|s| (s.from.as_str(), s.to.as_str())).collect();
    assert_eq!(steps, [("draft", "in_review"), ("in_review", "approved")]);
    assert_eq!(audit::verify(&ana).unwrap().broken, None);
}

#[test]
fn restore_puts_back_the_state_before_archiving() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    set_status(&ana, &ids[..1], Status::InReview).unwrap();
    archive(&ana, &ids).unwrap();
    assert!(ids.iter().all(|id| status(&ana, *id).unwrap().state == Status::Archived));
    let back = restore(&ana, &ids).unwrap();
    let to: Vec<Status> = back.iter().map(|m| m.to).collect();
    assert_eq!(to, [Status::InReview, Status::Draft, Status::Draft]);
    assert!(restore(&ana, &ids[..1]).is_err(), "only archived assets are restored");
}

#[test]
fn an_approved_asset_past_its_expiry_shows_as_expired() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    set_status(&ana, &ids[..1], Status::InReview).unwrap();
    set_status(&ana, &ids[..1], Status::Approved).unwrap();
    let cases = [("2026-12-02", Status::Expired), ("2026-12-03", Status::Approved), ("2027-01-01", Status::Approved)];
    for (expires, want) in cases {
        let set = [FieldAssignment::parse(&format!("expires={expires}")).unwrap()];
        set_fields(&ana, &assets::Selection::Ids { ids: vec![ids[0]] }, &set).unwrap();
        let report = status(&ana, ids[0]).unwrap();
        assert_eq!(report.state, want, "expires {expires}");
        let next = if want == Status::Expired {
            vec![Status::Archived]
        } else {
            vec![Status::Published, Status::InReview, Status::Archived]
        };
        assert_eq!(report.next, next, "the moves offered follow the shown state (expires {expires})");
    }
    assert!(set_status(&ana, &ids[..1], Status::Published).is_ok(), "an unexpired approved asset may be published");
}

#[test]
fn default_views_hide_archived_assets_and_status_filters_find_states() {
    use tessera_core::app::search::{self, SearchRequest};
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    let names = |query: &str| -> Vec<i64> {
        let request = SearchRequest { query: query.into(), limit: 10, ..SearchRequest::default() };
        let mut ids: Vec<i64> = search::run(&ana, &request).unwrap().assets.iter().map(|a| a.id.0).collect();
        ids.sort_unstable();
        ids
    };
    set_status(&ana, &ids[..2], Status::InReview).unwrap();
    set_status(&ana, &ids[..2], Status::Approved).unwrap();
    let set = [FieldAssignment::parse("expires=2020-01-01").unwrap()];
    set_fields(&ana, &assets::Selection::Ids { ids: vec![ids[1]] }, &set).unwrap();
    archive(&ana, &ids[2..]).unwrap();
    let (a, b, c) = (ids[0].0, ids[1].0, ids[2].0);
    let cases: [(&str, Vec<i64>); 7] = [
        ("", vec![a, b]),
        ("is:archived", vec![c]),
        ("status:archived", vec![c]),
        ("status:approved", vec![a]),
        ("status:expired", vec![b]),
        ("status:draft", vec![]),
        ("IMG is:archived", vec![c]),
    ];
    for (query, want) in cases {
        assert_eq!(names(query), want, "{query:?}");
    }
    // Each row carries the state its tile's badge shows: the expired one as expired, though stored approved.
    let request = SearchRequest { limit: 10, ..SearchRequest::default() };
    let mut badges: Vec<(i64, Status)> =
        search::run(&ana, &request).unwrap().assets.iter().map(|r| (r.id.0, r.status)).collect();
    badges.sort_unstable_by_key(|(id, _)| *id);
    assert_eq!(badges, [(a, Status::Approved), (b, Status::Expired)]);
    assert!(search::run(&ana, &SearchRequest { query: "status:live".into(), ..SearchRequest::default() }).is_err());
}

#[test]
fn only_approved_unexpired_assets_may_leave_unless_overridden_with_a_reason() {
    use tessera_core::app::lifecycle::may_leave;
    use tessera_core::domain::AuditFilter;
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    set_status(&ana, &ids[..2], Status::InReview).unwrap();
    set_status(&ana, &ids[..2], Status::Approved).unwrap();
    let set = [FieldAssignment::parse("expires=2020-01-01").unwrap()];
    set_fields(&ana, &assets::Selection::Ids { ids: vec![ids[1]] }, &set).unwrap();
    let cases: [(AssetId, Option<&str>, Result<(), &str>); 5] = [
        (ids[0], None, Ok(())),
        (ids[1], None, Err("asset 2 may not leave the library: its rights expired on 2020-01-01")),
        (ids[2], None, Err("asset 3 may not leave the library: it is draft; only approved or published assets may")),
        (
            ids[2],
            Some("  "),
            Err("asset 3 may not leave the library: it is draft; only approved or published assets may"),
        ),
        (ids[2], Some("the client signed off by phone"), Ok(())),
    ];
    for (id, why, want) in cases {
        let got = may_leave(&ana, id, why).map_err(|e| e.to_string());
        assert_eq!(got, want.map_err(str::to_string), "{id:?} {why:?}");
    }
    let overrides: Vec<_> = audit::audit_events(&ana, &AuditFilter::default(), None)
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "override")
        .collect();
    assert_eq!(overrides.len(), 1, "only the override with a reason is recorded");
    assert_eq!(overrides[0].detail["reason"], "the client signed off by phone");
    assert_eq!(overrides[0].assets, [ids[2].0]);
}

/// `status:expired` and `rights:expired` count against the same today: the context's clock, not SQLite's.
#[test]
fn status_and_rights_filters_agree_on_today_by_the_context_clock() {
    use tessera_core::app::search::{self, SearchRequest};
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path());
    let ana = ctx(&library);
    set_status(&ana, &ids[..1], Status::InReview).unwrap();
    set_status(&ana, &ids[..1], Status::Approved).unwrap();
    // After the library's clock (2026-12-03) but before the far future the context below lives in.
    let set = [FieldAssignment::parse("expires=2040-01-01").unwrap()];
    set_fields(&ana, &assets::Selection::Ids { ids: vec![ids[0]] }, &set).unwrap();
    let later = ctx(&library).with_clock(Arc::new(FixedClock(2_524_608_000))); // 2050-01-01
    let found = |c: &tessera_core::Ctx, query: &str| -> Vec<i64> {
        let request = SearchRequest { query: query.into(), limit: 10, ..SearchRequest::default() };
        search::run(c, &request).unwrap().assets.iter().map(|a| a.id.0).collect()
    };
    for query in ["status:expired", "rights:expired"] {
        assert_eq!(found(&later, query), [ids[0].0], "{query} in 2050");
        assert!(found(&ana, query).is_empty(), "{query} in 2026");
    }
    assert!(found(&later, "status:approved").is_empty(), "no longer shown approved in 2050");
    assert_eq!(found(&ana, "status:approved"), [ids[0].0]);
}
