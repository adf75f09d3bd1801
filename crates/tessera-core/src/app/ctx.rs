//! The context every use case takes: which library, who is acting, and what time it is.

use crate::domain::Actor;
use crate::library::Library;
use crate::runtime::Clock;
use std::sync::Arc;

/// `Ctx { library, actor, clock }`. Front ends make one per request (the CLI per command, the app per command with
/// the profile in use); use cases record the actor as the uploader, and later in the edit log and the audit trail.
#[derive(Clone)]
pub struct Ctx<'a> {
    pub library: &'a Library,
    pub actor: Actor,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("library", &self.library.root()).field("actor", &self.actor).finish()
    }
}

impl<'a> Ctx<'a> {
    /// The library's own clock (the system clock unless a test replaced it).
    pub fn new(library: &'a Library, actor: Actor) -> Ctx<'a> {
        Ctx { library, actor, clock: library.clock().clone() }
    }

    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Ctx<'a> {
        self.clock = clock;
        self
    }

    /// Unix seconds.
    pub fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Ok when the actor's role allows `action` (`domain::permission::allows`), else `Error::Denied` naming the roles
    /// that would.
    pub fn require(&self, action: crate::domain::Action) -> crate::error::Result<()> {
        use crate::domain::permission::{allows, needs};
        if allows(self.actor.role, action) {
            return Ok(());
        }
        Err(crate::error::Error::Denied {
            actor: self.actor.name.clone(),
            role: self.actor.role,
            action,
            needs: needs(action),
        })
    }

    pub(crate) fn store(&self) -> &'a crate::store::Store {
        self.library.store()
    }
}
