//! Who is acting: every use case takes one (through `app::Ctx`), so the uploader, the edit log and later roles and
//! the audit trail know who did what. Today an actor is a name (the OS user, or `--as NAME`); the review issue gives
//! it a profile and a role.

use super::permission::Role;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub struct Actor {
    pub name: String,
    /// What the actor may do (`domain::permission::allows`). Not in the bindings yet: the profile switcher adds it.
    #[serde(default = "trusted_role")]
    #[ts(skip)]
    pub role: Role,
}

/// The role of an in-process actor that no profile stands behind (tests, the bench, the watcher's uploader).
fn trusted_role() -> Role {
    Role::Admin
}

impl Actor {
    /// A named actor; a blank name is "unknown".
    /// In-process callers with no profile behind them (tests, the bench, the watcher) act with every permission.
    pub fn named(name: impl Into<String>) -> Actor {
        Actor::with_role(name, trusted_role())
    }

    /// A named actor with a role.
    pub fn with_role(name: impl Into<String>, role: Role) -> Actor {
        let name = name.into();
        let name = name.trim();
        Actor { name: if name.is_empty() { "unknown".into() } else { name.to_string() }, role }
    }
}

impl std::fmt::Display for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}
