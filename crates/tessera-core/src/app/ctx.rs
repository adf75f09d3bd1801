//! The context every use case takes: which library, who is acting, and what time it is.

use crate::domain::Actor;
use crate::library::Library;
use crate::runtime::Clock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// `Ctx { library, actor, clock }`. Front ends make one per request (the CLI per command, the app per command with
/// the profile in use); use cases record the actor as the uploader, and later in the edit log and the audit trail.
#[derive(Clone)]
pub struct Ctx<'a> {
    pub library: &'a Library,
    pub actor: Actor,
    clock: Arc<dyn Clock>,
    /// Set when the actor is a profile (`Ctx::acting`): notes its last action when the last clone is dropped.
    activity: Option<Arc<Activity<'a>>>,
}

/// Records a profile's `last_acted_at` once, at the end of what a `Ctx` did (a command), when it took any action
/// beyond reading: one small UPDATE per command, never one per item of a batch.
struct Activity<'a> {
    library: &'a Library,
    name: String,
    acted: AtomicBool,
}

impl Drop for Activity<'_> {
    fn drop(&mut self) {
        // The Ctx is gone, so no transaction of its use cases is open on this thread (the writer is free). A failure
        // here loses only the "last acted" time, never the action, so it is not worth failing the command for.
        if self.acted.load(Ordering::SeqCst) {
            let _ = crate::app::people::note_activity(self.library, &self.name, self.library.now());
        }
    }
}

impl std::fmt::Debug for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("library", &self.library.root()).field("actor", &self.actor).finish()
    }
}

impl<'a> Ctx<'a> {
    /// The library's own clock (the system clock unless a test replaced it).
    pub fn new(library: &'a Library, actor: Actor) -> Ctx<'a> {
        Ctx { library, actor, clock: library.clock().clone(), activity: None }
    }

    /// A context acting as `profile` (front ends, after `app::people::resolve`): its role decides, and its last
    /// action is recorded when the context (and every clone of it) is dropped.
    pub fn acting(library: &'a Library, profile: &crate::domain::Profile) -> Ctx<'a> {
        let activity = Arc::new(Activity { library, name: profile.name.clone(), acted: AtomicBool::new(false) });
        Ctx { activity: Some(activity), ..Ctx::new(library, profile.actor()) }
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
            if let Some(activity) = self.activity.as_ref().filter(|_| action != crate::domain::Action::Read) {
                activity.acted.store(true, Ordering::SeqCst);
            }
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
