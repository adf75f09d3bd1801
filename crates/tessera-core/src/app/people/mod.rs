//! People: profiles with a role, who is acting (resolved once per command or window), offboarding, and the regular
//! permissions review (`users audit`). Adding, changing and deactivating profiles is for admins
//! (`Action::ManageUsers`) and each change is an audit event with its before and after.

mod add;
mod audit;
mod deactivate;
mod list;
mod resolve;
mod role;

pub use add::{add, NewPerson};
pub use audit::{audit, ProfileAudit};
pub use deactivate::deactivate;
pub use list::list;
pub use resolve::{resolve, switchable, Who};
pub use role::set_role;

use crate::error::{Error, Result};
use crate::library::Library;

/// Records that `name` changed something at `at` (see `Ctx::acting`).
pub(crate) fn note_activity(library: &Library, name: &str, at: i64) -> Result<()> {
    library.store().profile_touch(name, at)
}

/// A role as people type it ("brand manager", "brand-manager"), or why not.
pub fn parse_role(text: &str) -> Result<crate::domain::Role> {
    crate::domain::Role::parse(text).ok_or_else(|| Error::UnknownRole(text.to_string()))
}

fn checked_name(name: &str) -> Result<String> {
    crate::domain::profile::check_name(name).map_err(|reason| Error::InvalidProfile {
        field: "name",
        value: name.to_string(),
        reason,
    })
}
