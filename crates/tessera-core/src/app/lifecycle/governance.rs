//! The governance check: only approved or published assets whose rights have not expired may leave the library
//! (exported as renditions, dragged out, published). Someone may override with a reason, which the audit trail
//! records.
//!
//! Who calls it: the rendition export and the drag-out of the desktop app (issue 10) call [`may_leave`] before
//! writing a file out; publishing calls it before the move to `published`. `tessera copy` does not: copying an
//! original out for safekeeping is not a release.

use super::transition::shown_state;
use crate::app::audit::{record, Recorded};
use crate::app::Ctx;
use crate::domain::lifecycle::Status;
use crate::domain::Action;
use crate::error::{Error, Result};
use crate::AssetId;

/// Ok when `id` may leave the library. When it may not, `Error::NotReleasable` with the reason; or, given an
/// `override_reason`, Ok after recording an `override` event with the reason and the state the asset was in.
pub fn may_leave(ctx: &Ctx, id: AssetId, override_reason: Option<&str>) -> Result<()> {
    // The state alone: an export must not read the asset's whole history from the audit trail.
    let (state, expires) = shown_state(ctx, id)?;
    let reason = match state {
        Status::Approved | Status::Published => return Ok(()),
        Status::Expired => format!("its rights expired on {}", expires.as_deref().unwrap_or("an earlier date")),
        other => format!("it is {}; only approved or published assets may", other.as_str()),
    };
    let Some(why) = override_reason.map(str::trim).filter(|w| !w.is_empty()) else {
        return Err(Error::NotReleasable { id: id.0, reason });
    };
    ctx.require(Action::Override)?;
    let detail = serde_json::json!({ "state": state.as_str(), "refused": reason, "reason": why });
    record(ctx, &[Recorded { action: "override".into(), assets: vec![id.0], detail }])
}
