//! The library's profiles (admins only: the list is the permissions review's raw material).

use crate::app::Ctx;
use crate::domain::{Action, Profile};
use crate::error::Result;

pub fn list(ctx: &Ctx) -> Result<Vec<Profile>> {
    ctx.require(Action::ManageUsers)?;
    ctx.store().profiles()
}
