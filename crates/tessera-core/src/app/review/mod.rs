//! Review and approval: workflow templates, submitting assets (one at a time or a whole collection), deciding,
//! the queue of what waits for the acting person, comments pinned on the picture, notifications, and the hooks other
//! use cases call (a new version starts a new round; a deactivated reviewer's reviews are handed over).

mod comment;
mod decide;
mod notifications;
mod queue;
mod round;
mod submit;
mod templates;

pub use comment::{add_comment, comments, resolve_comment};
pub use decide::decide;
pub use notifications::notifications;
pub use queue::{queue, review_of};
pub use round::{hand_over_reviews, on_new_version};
pub use submit::{submit, SubmitRequest};
pub use templates::{add_template, templates, ReviewTemplate};

use crate::app::Ctx;
use crate::store::ReviewNote;

/// Who acts and when, for the store.
fn note<'a>(ctx: &'a Ctx, today: &'a str) -> ReviewNote<'a> {
    ReviewNote { actor: &ctx.actor.name, role: ctx.actor.role, at: ctx.now(), today }
}
