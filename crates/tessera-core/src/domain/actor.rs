//! Who is acting: every use case takes one (through `app::Ctx`), so the uploader, the edit log and later roles and
//! the audit trail know who did what. Today an actor is a name (the OS user, or `--as NAME`); the review issue gives
//! it a profile and a role.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub struct Actor {
    pub name: String,
}

impl Actor {
    /// A named actor; a blank name is "unknown".
    pub fn named(name: impl Into<String>) -> Actor {
        let name = name.into();
        let name = name.trim();
        Actor { name: if name.is_empty() { "unknown".into() } else { name.to_string() } }
    }
}

impl std::fmt::Display for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}
