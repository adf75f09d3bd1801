//! People through the use cases: the first profile made for the OS user, who acts (`--as`, the OS user, refusals),
//! adding and changing roles (audited), offboarding with handover, the last admin kept, and `users audit`.

use super::photo;
use std::sync::Arc;
use tessera_core::app::audit::audit_events;
use tessera_core::app::ingest::records;
use tessera_core::app::people::{self, NewPerson, Who};
use tessera_core::app::review::{self, SubmitRequest};
use tessera_core::domain::review::Decision;
use tessera_core::domain::{Action, AuditFilter, NewAsset, Role};
use tessera_core::runtime::FixedClock;
use tessera_core::{Ctx, Library};

fn library(dir: &std::path::Path) -> Library {
    Library::init(&dir.join("p.tessera")).unwrap().with_clock(Arc::new(FixedClock(1_796_299_200)))
}

fn acting<'a>(library: &'a Library, named: Option<&str>, os_user: &str) -> tessera_core::Result<Ctx<'a>> {
    let profile = people::resolve(library, &Who { named, os_user })?;
    Ok(Ctx::acting(library, &profile))
}

fn add(ctx: &Ctx, name: &str, role: Role) {
    people::add(ctx, &NewPerson { name: name.into(), role, email: None }).unwrap();
}

#[test]
fn a_new_library_makes_the_os_user_its_admin_and_a_solo_library_lets_anyone_act_as_it() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let ana = acting(&library, None, "ana").unwrap();
    assert_eq!((ana.actor.name.as_str(), ana.actor.role), ("ana", Role::Admin), "the first profile is the OS user");
    let list = people::list(&ana).unwrap();
    assert_eq!(list.len(), 1);
    // A library copied to another account, still with its one profile, keeps working for whoever runs it.
    let other = acting(&library, None, "zed").unwrap();
    assert_eq!(other.actor.name, "ana", "one profile: whoever runs Tessera acts as it");
    assert_eq!(people::list(&other).unwrap().len(), 1, "no second profile was made for zed");
    let err = acting(&library, Some("bob"), "ana").unwrap_err();
    assert!(err.is_refusal() && err.to_string().contains("no profile named \"bob\""), "{err}");
    assert!(err.to_string().contains("ana"), "the refusal lists the profiles: {err}");
}

#[test]
fn with_several_profiles_an_os_user_without_one_is_refused_and_as_picks_the_profile_and_role() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let ana = acting(&library, None, "ana").unwrap();
    add(&ana, "Vic", Role::Viewer);
    let err = acting(&library, None, "zed").unwrap_err();
    assert!(err.is_refusal(), "{err}");
    assert!(err.to_string().contains("ana, Vic") && err.to_string().contains("--as"), "{err}");
    let vic = acting(&library, Some("vic"), "zed").unwrap();
    assert_eq!((vic.actor.name.as_str(), vic.actor.role), ("Vic", Role::Viewer), "names match in any case");
    assert!(vic.require(Action::Read).is_ok());
    let err = people::add(&vic, &NewPerson { name: "x".into(), role: Role::Admin, email: None }).unwrap_err();
    assert!(err.to_string().contains("needs role admin"), "only admins manage people: {err}");
    let err = people::add(&ana, &NewPerson { name: "VIC".into(), role: Role::Viewer, email: None }).unwrap_err();
    assert!(err.to_string().contains("exists already"), "names are unique without case: {err}");
    let bad = NewPerson { name: "eve".into(), role: Role::Viewer, email: Some("eve@".into()) };
    assert_eq!(people::add(&ana, &bad).unwrap_err().field(), Some("email"));
}

#[test]
fn role_changes_are_audited_with_before_and_after_and_the_last_admin_stays() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let ana = acting(&library, None, "ana").unwrap();
    add(&ana, "bob", Role::Contributor);
    let (before, after) = people::set_role(&ana, "bob", Role::BrandManager).unwrap();
    assert_eq!((before, after.role), (Role::Contributor, Role::BrandManager));
    let err = people::set_role(&ana, "ana", Role::Viewer).unwrap_err();
    assert!(err.is_refusal() && err.to_string().contains("last active admin"), "{err}");
    let events =
        audit_events(&ana, &AuditFilter { action: Some("user_role".into()), ..Default::default() }, None).unwrap();
    assert_eq!(events.len(), 1, "one event for the one change");
    assert_eq!(events[0].detail["before"], "contributor");
    assert_eq!(events[0].detail["after"], "brand_manager");
    assert_eq!(events[0].actor, "ana");
}

#[test]
fn deactivating_hands_open_reviews_over_revokes_access_and_keeps_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let ana = acting(&library, None, "ana").unwrap();
    let assets: Vec<NewAsset> = (0..2).map(photo).collect();
    let ids = records::insert(&ana, &assets).unwrap();
    add(&ana, "rita", Role::Reviewer);
    add(&ana, "rob", Role::Reviewer);
    add(&ana, "vic", Role::Viewer);
    // A stage whose only reviewer is rita.
    review::add_template(&ana, "Rita", "[[stage]]\nname = \"Look\"\npeople = [\"rita\"]\n").unwrap();
    let request = SubmitRequest { ids: ids.clone(), template: Some("Rita".into()), ..SubmitRequest::default() };
    review::submit(&ana, &request).unwrap();
    let rita = acting(&library, Some("rita"), "ana").unwrap();
    assert_eq!(review::queue(&rita, 10).unwrap().total, 2);
    drop(rita);

    let err = people::deactivate(&ana, "rita", None).unwrap_err();
    assert!(err.is_refusal() && err.to_string().contains("2 open review(s)"), "handover needed: {err}");
    let err = people::deactivate(&ana, "rita", Some("vic")).unwrap_err();
    assert!(err.to_string().contains("may not decide"), "a viewer cannot take reviews over: {err}");
    let err = people::deactivate(&ana, "ana", None).unwrap_err();
    assert!(err.to_string().contains("last active admin"), "{err}");
    assert!(acting(&library, Some("rita"), "ana").is_ok(), "refused deactivations change nothing");

    let done = people::deactivate(&ana, "rita", Some("rob")).unwrap();
    assert_eq!(done.stages, 2, "both stages went to rob");
    let err = acting(&library, Some("rita"), "ana").unwrap_err();
    assert!(err.is_refusal() && err.to_string().contains("deactivated"), "{err}");
    let rob = acting(&library, Some("rob"), "ana").unwrap();
    assert_eq!(review::queue(&rob, 10).unwrap().total, 2, "the stages whose only reviewer left now wait for rob");
    review::decide(&rob, ids[0], Decision::Approve, None).unwrap();
    let audit = people::audit(&ana).unwrap();
    let rita = audit.iter().find(|p| p.profile.name == "rita").unwrap();
    assert!(!rita.profile.active && rita.allowed.is_empty(), "a deactivated profile may do nothing");
    let rob_row = audit.iter().find(|p| p.profile.name == "rob").unwrap();
    assert!(rob_row.allowed.contains(&Action::Decide) && !rob_row.allowed.contains(&Action::Ingest));
    let events = audit_events(&ana, &AuditFilter::default(), None).unwrap();
    let deactivated = events.iter().find(|e| e.action == "user_deactivate").unwrap();
    assert_eq!(
        (deactivated.detail["name"].as_str(), deactivated.detail["handover"].as_str()),
        (Some("rita"), Some("rob"))
    );
    assert!(events.iter().any(|e| e.action == "handover"), "the handover is on record");
}

#[test]
fn a_profile_records_when_it_last_changed_something_not_when_it_only_looked() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let ana = acting(&library, None, "ana").unwrap();
    add(&ana, "vic", Role::Viewer);
    drop(ana);
    {
        let vic = acting(&library, Some("vic"), "ana").unwrap();
        vic.require(Action::Read).unwrap();
    }
    let ana = acting(&library, None, "ana").unwrap();
    let list = people::list(&ana).unwrap();
    assert_eq!(list[1].last_acted_at, None, "reading is not acting");
    assert_eq!(list[0].last_acted_at, Some(1_796_299_200), "adding vic was ana's action, noted when done");
}

#[test]
fn the_switcher_offers_the_active_profiles_only() {
    let dir = tempfile::tempdir().unwrap();
    let library = library(dir.path());
    let admin = acting(&library, None, "ana").unwrap();
    add(&admin, "bo", Role::Reviewer);
    add(&admin, "cy", Role::Viewer);
    people::deactivate(&admin, "cy", None).unwrap();
    let names: Vec<String> = people::switchable(&library).unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["ana", "bo"], "a deactivated profile can no longer act, so it is not offered");
}
