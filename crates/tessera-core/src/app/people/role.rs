//! Changing a profile's role (admins only), audited with before and after; the last active admin keeps the role.

use crate::app::Ctx;
use crate::domain::{Action, Profile, Role};
use crate::error::Result;

/// Returns the role before and the profile after.
pub fn set_role(ctx: &Ctx, name: &str, role: Role) -> Result<(Role, Profile)> {
    ctx.require(Action::ManageUsers)?;
    ctx.store().profile_set_role(name.trim(), role, &ctx.actor.name, ctx.now())
}
