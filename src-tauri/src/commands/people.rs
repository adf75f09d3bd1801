//! People: who acts in this window (the switcher), and the admin's list of profiles.

use super::Call;
use crate::error::IpcResult;
use tessera_core::app::people::{self, NewPerson, ProfileAudit};
use tessera_core::domain::{Profile, Role};

pub async fn acting(call: Call<'_>) -> IpcResult<Profile> {
    Ok(call.state.profile()?)
}

pub async fn profiles(call: Call<'_>) -> IpcResult<Vec<Profile>> {
    Ok(people::switchable(&call.state.library)?)
}

/// Resolved before it is kept, so a refused name leaves the window acting as before.
pub async fn act_as(call: Call<'_>, name: String) -> IpcResult<Profile> {
    let who = people::Who { named: Some(&name), os_user: &call.state.os_user };
    let profile = people::resolve(&call.state.library, &who)?;
    call.state.set_acting_as(Some(profile.name.clone()));
    Ok(profile)
}

pub async fn people(call: Call<'_>) -> IpcResult<Vec<ProfileAudit>> {
    Ok(people::audit(&call.state.ctx()?)?)
}

pub async fn add_profile(call: Call<'_>, name: String, role: Role, email: Option<String>) -> IpcResult<Profile> {
    Ok(people::add(&call.state.ctx()?, &NewPerson { name, role, email })?)
}

pub async fn set_profile_role(call: Call<'_>, name: String, role: Role) -> IpcResult<Profile> {
    Ok(people::set_role(&call.state.ctx()?, &name, role)?.1)
}

pub async fn deactivate_profile(call: Call<'_>, name: String, handover: Option<String>) -> IpcResult<u64> {
    Ok(people::deactivate(&call.state.ctx()?, &name, handover.as_deref())?.stages)
}
