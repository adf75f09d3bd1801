//! Review workflows through the use cases: the default template, sequential, parallel and N-of-M stages, the worst
//! decision winning, refusals (not a reviewer, a decision without its comment, a due date in the past), comments
//! pinned to the picture, and two reviewers deciding at the same moment from two connections.

use super::photo;
use std::sync::Arc;
use tessera_core::app::ingest::records;
use tessera_core::app::lifecycle::status;
use tessera_core::app::review::{self, SubmitRequest};
use tessera_core::domain::lifecycle::Status;
use tessera_core::domain::review::{Decision, Outcome};
use tessera_core::domain::review_view::Pin;
use tessera_core::domain::{NewAsset, Role};
use tessera_core::runtime::FixedClock;
use tessera_core::{Actor, AssetId, Ctx, Library};

fn library(dir: &std::path::Path, n: usize) -> (Library, Vec<AssetId>) {
    let library = Library::init(&dir.join("r.tessera")).unwrap().with_clock(Arc::new(FixedClock(1_796_299_200)));
    let assets: Vec<NewAsset> = (0..n).map(photo).collect();
    let ids = records::insert(&Ctx::new(&library, Actor::named("ana")), &assets).unwrap();
    (library, ids)
}

fn as_who<'a>(library: &'a Library, name: &str, role: Role) -> Ctx<'a> {
    Ctx::new(library, Actor::with_role(name, role))
}

fn submit(ctx: &Ctx, ids: &[AssetId], template: Option<&str>) -> Vec<i64> {
    let request = SubmitRequest { ids: ids.to_vec(), template: template.map(String::from), ..SubmitRequest::default() };
    review::submit(ctx, &request).unwrap()
}

const CAMPAIGN: &str = r#"
[[stage]]
name = "Creative"
people = ["cat"]
[[stage]]
name = "Brand"
roles = ["brand_manager"]
rule = 2
after = ["Creative"]
[[stage]]
name = "Legal"
people = ["lee"]
after = ["Creative"]
"#;

#[test]
fn the_default_template_lets_a_brand_manager_approve() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 2);
    let cat = as_who(&library, "cat", Role::Contributor);
    submit(&cat, &ids, None);
    assert_eq!(status(&cat, ids[0]).unwrap().state, Status::InReview);
    let err = review::decide(&cat, ids[0], Decision::Approve, None).unwrap_err();
    assert!(err.to_string().contains("needs role"), "a contributor may not decide: {err}");
    let rita = as_who(&library, "rita", Role::Reviewer);
    let err = review::decide(&rita, ids[0], Decision::Approve, None).unwrap_err();
    assert!(err.to_string().contains("waiting for any admin, any brand manager"), "{err}");
    assert!(err.is_refusal());
    let bea = as_who(&library, "bea", Role::BrandManager);
    assert_eq!(review::queue(&bea, 100).unwrap().total, 2, "both wait for any brand manager");
    let done = review::decide(&bea, ids[0], Decision::ApproveWithChanges, None).unwrap();
    assert_eq!((done.review_outcome, done.status), (Some(Outcome::ApprovedWithChanges), Status::Approved));
    assert_eq!(review::queue(&bea, 100).unwrap().total, 1);
    let err = review::decide(&bea, ids[1], Decision::RequestChanges, Some("  ")).unwrap_err();
    assert!(err.to_string().contains("needs a comment"), "{err}");
    let done = review::decide(&bea, ids[1], Decision::RequestChanges, Some("crop tighter")).unwrap();
    assert_eq!(done.status, Status::ChangesRequested);
    let seen = review::review_of(&bea, ids[1]).unwrap().unwrap();
    assert_eq!(seen.stages[0].decisions[0].comment.as_deref(), Some("crop tighter"));
    assert_eq!(
        review::comments(&bea, ids[1]).unwrap()[0].body,
        "crop tighter",
        "the decision's comment is in the thread"
    );
    // Resubmitting after changes opens a second round.
    submit(&cat, &ids[1..], None);
    assert_eq!(review::review_of(&bea, ids[1]).unwrap().unwrap().round, 2);
}

#[test]
fn sequential_parallel_and_n_of_m_stages_and_the_worst_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 2);
    let admin = Ctx::new(&library, Actor::named("ana"));
    review::add_template(&admin, "Campaign", CAMPAIGN).unwrap();
    assert!(review::add_template(&admin, "campaign", CAMPAIGN).is_err(), "names are unique without case");
    submit(&admin, &ids, Some("Campaign"));
    let (cat, lee) = (as_who(&library, "cat", Role::Reviewer), as_who(&library, "lee", Role::Reviewer));
    let (bea, bo) = (as_who(&library, "bea", Role::BrandManager), as_who(&library, "bo", Role::BrandManager));
    assert!(review::decide(&lee, ids[0], Decision::Approve, None).is_err(), "Legal waits for Creative");
    let d = review::decide(&cat, ids[0], Decision::Approve, None).unwrap();
    assert_eq!(d.closed, [("Creative".to_string(), Outcome::Approved)]);
    let stages = review::review_of(&admin, ids[0]).unwrap().unwrap().stages;
    let states: Vec<&str> = stages.iter().map(|s| s.state.as_str()).collect();
    assert_eq!(states, ["closed", "active", "active"], "Brand and Legal run in parallel");
    review::decide(&lee, ids[0], Decision::Approve, None).unwrap();
    let d = review::decide(&bea, ids[0], Decision::Approve, None).unwrap();
    assert!(d.closed.is_empty(), "two brand managers must decide");
    // A decision can change until the stage closes; the second one closes it, the worst wins.
    review::decide(&bea, ids[0], Decision::ApproveWithChanges, None).unwrap();
    let d = review::decide(&bo, ids[0], Decision::Approve, None).unwrap();
    assert_eq!(d.review_outcome, Some(Outcome::ApprovedWithChanges));
    assert_eq!(status(&admin, ids[0]).unwrap().state, Status::Approved);
    assert!(review::decide(&bo, ids[0], Decision::Reject, Some("too late")).is_err(), "the review is closed");

    // The other asset: a rejection in Legal ends the whole review.
    review::decide(&cat, ids[1], Decision::Approve, None).unwrap();
    let d = review::decide(&lee, ids[1], Decision::Reject, Some("no licence for the music")).unwrap();
    assert_eq!((d.review_outcome, d.status), (Some(Outcome::Rejected), Status::Rejected));
    assert_eq!(review::queue(&bea, 10).unwrap().total, 0, "nothing left for Brand");
}

#[test]
fn refusals_comments_and_a_new_round() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 2);
    let admin = Ctx::new(&library, Actor::named("ana"));
    let past = SubmitRequest { ids: ids.clone(), due: Some("2020-01-01".into()), ..SubmitRequest::default() };
    assert!(review::submit(&admin, &past).unwrap_err().to_string().contains("in the past"));
    let bad = SubmitRequest { ids: ids.clone(), template: Some("Nope".into()), ..SubmitRequest::default() };
    assert!(review::submit(&admin, &bad).unwrap_err().to_string().contains("no review template named"));
    assert_eq!(status(&admin, ids[0]).unwrap().state, Status::Draft, "nothing was submitted");
    submit(&admin, &ids[..1], None);
    assert!(review::submit(&admin, &SubmitRequest { ids: ids[..1].to_vec(), ..Default::default() })
        .unwrap_err()
        .to_string()
        .contains("already in review"));

    let c = review::add_comment(
        &admin,
        ids[0],
        "logo too small @bea",
        Some(Pin::Rect { x: 0.1, y: 0.2, w: 0.3, h: 0.2 }),
        None,
    )
    .unwrap();
    assert_eq!((c.mentions.clone(), c.version, c.w), (vec!["bea".to_string()], Some(1), Some(0.3)));
    let reply = review::add_comment(&admin, ids[0], "fixed in v2", None, Some(c.id)).unwrap();
    assert_eq!(reply.parent, Some(c.id));
    for pin in [
        Pin::Point { x: 1.2, y: 0.5 },
        Pin::Rect { x: 0.8, y: 0.1, w: 0.3, h: 0.1 },
        Pin::Point { x: f64::NAN, y: 0.0 },
    ] {
        assert!(review::add_comment(&admin, ids[0], "x", Some(pin), None).is_err(), "{pin:?}");
    }
    assert!(review::add_comment(&admin, ids[1], "x", None, Some(c.id)).is_err(), "a reply stays on its asset");
    assert!(review::resolve_comment(&admin, c.id).unwrap().resolved_at.is_some());
    let bea = as_who(&library, "bea", Role::BrandManager);
    let kinds: Vec<String> = review::notifications(&bea).unwrap().into_iter().map(|n| n.kind).collect();
    assert_eq!(kinds, ["waiting"], "the resolved mention is not one");

    review::decide(&bea, ids[0], Decision::Approve, None).unwrap();
    assert_eq!(status(&admin, ids[0]).unwrap().state, Status::Approved);
    let new = tessera_core::app::review::on_new_version(&admin, ids[0]).unwrap();
    assert!(new.is_some(), "a new version of an approved asset goes back to review");
    assert_eq!(status(&admin, ids[0]).unwrap().state, Status::InReview);
    assert_eq!(review::review_of(&admin, ids[0]).unwrap().unwrap().round, 2);
    assert!(
        tessera_core::app::review::on_new_version(&admin, ids[1]).unwrap().is_none(),
        "a draft has no review to reset"
    );
    let moved = tessera_core::app::review::hand_over_reviews(&admin, "nobody", "bea").unwrap();
    assert_eq!(moved, 0);
    assert_eq!(tessera_core::app::audit::verify(&admin).unwrap().broken, None);
}

#[test]
fn two_reviewers_deciding_at_once_are_both_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (library, ids) = library(dir.path(), 1);
    let admin = Ctx::new(&library, Actor::named("ana"));
    review::add_template(&admin, "Pair", "[[stage]]\nname = \"Pair\"\npeople = [\"p1\", \"p2\"]\nrule = \"all\"\n")
        .unwrap();
    submit(&admin, &ids, Some("Pair"));
    let path = dir.path().join("r.tessera");
    let handles: Vec<_> = ["p1", "p2"]
        .into_iter()
        .map(|who| {
            let (path, id) = (path.clone(), ids[0]);
            std::thread::spawn(move || {
                let library = Library::open(&path).unwrap();
                let ctx = Ctx::new(&library, Actor::with_role(who, Role::Reviewer));
                review::decide(&ctx, id, Decision::Approve, None).map(|d| d.review_outcome)
            })
        })
        .collect();
    let outcomes: Vec<_> = handles.into_iter().map(|h| h.join().unwrap().unwrap()).collect();
    assert_eq!(outcomes.iter().filter(|o| o.is_some()).count(), 1, "exactly one of them closed it: {outcomes:?}");
    let review = review::review_of(&admin, ids[0]).unwrap().unwrap();
    assert_eq!(review.stages[0].decisions.len(), 2);
    assert_eq!(status(&admin, ids[0]).unwrap().state, Status::Approved);
}
