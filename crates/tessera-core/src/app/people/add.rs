//! Adding a profile (admins only), audited.

use super::checked_name;
use crate::app::Ctx;
use crate::domain::{Action, Profile, Role};
use crate::error::{Error, Result};
use crate::store::NewProfile;

/// Who to add.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub name: String,
    pub role: Role,
    pub email: Option<String>,
}

pub fn add(ctx: &Ctx, person: &NewPerson) -> Result<Profile> {
    ctx.require(Action::ManageUsers)?;
    let name = checked_name(&person.name)?;
    let email = match &person.email {
        Some(e) => Some(crate::domain::profile::check_email(e).map_err(|reason| Error::InvalidProfile {
            field: "email",
            value: e.clone(),
            reason,
        })?),
        None => None,
    };
    let new = NewProfile { name: &name, role: person.role, email: email.as_deref() };
    ctx.store().profile_add(&new, &ctx.actor.name, ctx.now())
}
