//! Who may do what: a role per profile, an action per use case, and ONE table, [`allows`], saying which roles may
//! take which action. The table is data (a list of rows) so it can later be generated into the team library's
//! PostgreSQL row-level policies (issue 12: security is the server's job) without restating the rules.

use serde::{Deserialize, Serialize};

/// A profile's role (sensible DAM defaults; see [`allows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    BrandManager,
    Reviewer,
    Contributor,
    Publisher,
    Viewer,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Admin, Role::BrandManager, Role::Reviewer, Role::Contributor, Role::Publisher, Role::Viewer];

    /// The name people read ("brand manager").
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::BrandManager => "brand manager",
            Role::Reviewer => "reviewer",
            Role::Contributor => "contributor",
            Role::Publisher => "publisher",
            Role::Viewer => "viewer",
        }
    }

    /// The name stored and typed on the command line ("brand_manager"; "brand-manager" and "brand manager" too).
    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::BrandManager => "brand_manager",
            Role::Reviewer => "reviewer",
            Role::Contributor => "contributor",
            Role::Publisher => "publisher",
            Role::Viewer => "viewer",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        let key = text.trim().to_lowercase().replace(['-', ' '], "_");
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// What a use case does, as far as permissions go. Includes the actions of the coming issues (trash, review,
/// lifecycle, audit) so their streams only call `ctx.require`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Search, show, counts, history, lists of tags, fields, templates, collections, watched folders.
    Read,
    Ingest,
    /// Set fields, apply a template, read XMP sidecars into the metadata.
    EditMetadata,
    /// Add and remove tags on assets.
    Tag,
    /// Rename, merge, delete, colour tags and their synonyms (the tag tree).
    ManageTags,
    /// Create, rename, delete collections and add assets to them (manual and smart).
    Collections,
    /// Take back one's own last edit.
    Undo,
    ManageFields,
    ManageTemplates,
    /// Add, pause, change and remove watched folders.
    ManageWatch,
    /// Rebuild thumbnails, verify originals.
    Maintain,
    /// Copy originals out, write XMP sidecars.
    Export,
    Trash,
    Restore,
    EmptyTrash,
    Submit,
    Decide,
    Comment,
    Transition,
    Publish,
    Archive,
    Override,
    ViewAudit,
    ManageUsers,
    ManageWorkspaces,
    /// Move assets between workspaces.
    MoveWorkspace,
}

impl Action {
    pub const ALL: [Action; 26] = [
        Action::Read,
        Action::Ingest,
        Action::EditMetadata,
        Action::Tag,
        Action::ManageTags,
        Action::Collections,
        Action::Undo,
        Action::ManageFields,
        Action::ManageTemplates,
        Action::ManageWatch,
        Action::Maintain,
        Action::Export,
        Action::Trash,
        Action::Restore,
        Action::EmptyTrash,
        Action::Submit,
        Action::Decide,
        Action::Comment,
        Action::Transition,
        Action::Publish,
        Action::Archive,
        Action::Override,
        Action::ViewAudit,
        Action::ManageUsers,
        Action::ManageWorkspaces,
        Action::MoveWorkspace,
    ];

    /// What the action is, as a verb phrase ("<name> may not edit metadata").
    pub fn label(self) -> &'static str {
        match self {
            Action::Read => "read the library",
            Action::Ingest => "ingest",
            Action::EditMetadata => "edit metadata",
            Action::Tag => "tag assets",
            Action::ManageTags => "manage the tag tree",
            Action::Collections => "edit collections",
            Action::Undo => "undo edits",
            Action::ManageFields => "manage fields",
            Action::ManageTemplates => "manage templates",
            Action::ManageWatch => "manage watched folders",
            Action::Maintain => "run maintenance",
            Action::Export => "export",
            Action::Trash => "trash assets",
            Action::Restore => "restore assets",
            Action::EmptyTrash => "empty the trash",
            Action::Submit => "submit for review",
            Action::Decide => "decide reviews",
            Action::Comment => "comment",
            Action::Transition => "change lifecycle status",
            Action::Publish => "publish",
            Action::Archive => "archive",
            Action::Override => "override",
            Action::ViewAudit => "view the audit trail",
            Action::ManageUsers => "manage users",
            Action::ManageWorkspaces => "manage workspaces",
            Action::MoveWorkspace => "move assets between workspaces",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The roles other than admin and brand manager, with what each may do (admin may do everything; brand manager all
/// but managing users and workspaces). The one place the rules live.
const GRANTS: &[(Role, &[Action])] = &[
    (Role::Reviewer, &[Action::Read, Action::Comment, Action::Decide]),
    (
        Role::Contributor,
        &[
            Action::Read,
            Action::Ingest,
            Action::EditMetadata,
            Action::Submit,
            Action::Comment,
            Action::Tag,
            Action::Collections,
            Action::Undo,
        ],
    ),
    (Role::Publisher, &[Action::Read, Action::Export, Action::Publish]),
    (Role::Viewer, &[Action::Read]),
];

/// Actions only an admin may take.
const ADMIN_ONLY: &[Action] = &[Action::ManageUsers, Action::ManageWorkspaces];

/// Whether `role` may take `action`.
pub fn allows(role: Role, action: Action) -> bool {
    match role {
        Role::Admin => true,
        Role::BrandManager => !ADMIN_ONLY.contains(&action),
        _ => GRANTS.iter().any(|(r, actions)| *r == role && actions.contains(&action)),
    }
}

/// The roles that may take `action` (for "needs role admin or brand manager").
pub fn needs(action: Action) -> Vec<Role> {
    Role::ALL.into_iter().filter(|r| allows(*r, action)).collect()
}

/// "admin", "admin or brand manager", "admin, brand manager or contributor".
pub fn roles_phrase(roles: &[Role]) -> String {
    let labels: Vec<&str> = roles.iter().map(|r| r.label()).collect();
    match labels.split_last() {
        None => "none".into(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}
