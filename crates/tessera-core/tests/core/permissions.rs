//! The role x action table, written out here as people would read it, checked against `permission::allows`; and
//! `Ctx::require` refusing with a message naming the roles that may.

use tessera_core::domain::permission::{allows, needs, Action, Role};
use tessera_core::{Actor, Ctx, Library};

const A: Role = Role::Admin;
const B: Role = Role::BrandManager;
const R: Role = Role::Reviewer;
const C: Role = Role::Contributor;
const P: Role = Role::Publisher;

/// Every action and exactly the roles that may take it (viewer only reads).
const TABLE: &[(Action, &[Role])] = &[
    (Action::Read, &[A, B, R, C, P, Role::Viewer]),
    (Action::Ingest, &[A, B, C]),
    (Action::EditMetadata, &[A, B, C]),
    (Action::Tag, &[A, B, C]),
    (Action::ManageTags, &[A, B]),
    (Action::Collections, &[A, B, C]),
    (Action::Undo, &[A, B, C]),
    (Action::ManageFields, &[A, B]),
    (Action::ManageTemplates, &[A, B]),
    (Action::ManageWatch, &[A, B]),
    (Action::Maintain, &[A, B]),
    (Action::Export, &[A, B, P]),
    (Action::Trash, &[A, B]),
    (Action::Restore, &[A, B]),
    (Action::EmptyTrash, &[A, B]),
    (Action::Submit, &[A, B, C]),
    (Action::Decide, &[A, B, R]),
    (Action::Comment, &[A, B, R, C]),
    (Action::Transition, &[A, B]),
    (Action::Publish, &[A, B, P]),
    (Action::Archive, &[A, B]),
    (Action::Override, &[A, B]),
    (Action::ViewAudit, &[A, B]),
    (Action::ManageUsers, &[A]),
    (Action::ManageWorkspaces, &[A]),
    (Action::MoveWorkspace, &[A, B]),
];

#[test]
fn every_role_and_action_is_as_the_table_says() {
    assert_eq!(TABLE.len(), Action::ALL.len(), "the table lists every action once");
    for action in Action::ALL {
        let (_, roles) = TABLE.iter().find(|(a, _)| *a == action).unwrap_or_else(|| panic!("{action:?} missing"));
        for role in Role::ALL {
            assert_eq!(allows(role, action), roles.contains(&role), "{role:?} x {action:?}");
        }
        assert_eq!(needs(action), roles.to_vec(), "needs({action:?})");
    }
}

#[test]
fn roles_parse_from_what_people_type() {
    for (text, role) in [
        ("admin", Some(A)),
        ("Brand manager", Some(B)),
        ("brand-manager", Some(B)),
        ("brand_manager", Some(B)),
        (" viewer ", Some(Role::Viewer)),
        ("owner", None),
        ("", None),
    ] {
        assert_eq!(Role::parse(text), role, "{text:?}");
    }
}

#[test]
fn require_refuses_naming_the_roles_that_may() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::init(&dir.path().join("t.tessera")).unwrap();
    let reviewer = Ctx::new(&library, Actor::with_role("rita", R));
    assert!(reviewer.require(Action::Read).is_ok());
    assert!(reviewer.require(Action::Decide).is_ok());
    let err = reviewer.require(Action::ManageFields).unwrap_err();
    assert_eq!(err.to_string(), "rita (reviewer) may not manage fields: needs role admin or brand manager");
    assert_eq!(err.code(), tessera_core::api::ErrorCode::Forbidden);
    let err = Ctx::new(&library, Actor::with_role("vic", Role::Viewer)).require(Action::EditMetadata).unwrap_err();
    assert_eq!(err.to_string(), "vic (viewer) may not edit metadata: needs role admin, brand manager or contributor");
}

/// The same table as data (`tests/cases/permissions.json`, one row per action, one column per role), so a change to
/// the rules shows up as a reviewable diff of a data file.
#[test]
fn the_permission_table_file_matches_allows_for_every_role_and_action() {
    const FILE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases/permissions.json"));
    let doc: serde_json::Value = serde_json::from_str(FILE).unwrap();
    let actions = doc["actions"].as_object().unwrap();
    assert_eq!(actions.len(), Action::ALL.len(), "the file lists every action once");
    for action in Action::ALL {
        let key = serde_json::to_value(action).unwrap();
        let row = &actions[key.as_str().unwrap()];
        for role in Role::ALL {
            let col = serde_json::to_value(role).unwrap();
            let want = row[col.as_str().unwrap()].as_bool().unwrap_or_else(|| panic!("{key} x {col} missing"));
            assert_eq!(allows(role, action), want, "{role:?} x {action:?} as the file says");
        }
    }
}
