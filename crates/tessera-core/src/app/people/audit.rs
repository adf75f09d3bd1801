//! The permissions review: each profile, its role, whether it is active, what its role allows (from the one table,
//! `domain::permission::allows`) and when it last acted.

use crate::app::Ctx;
use crate::domain::permission::allows;
use crate::domain::{Action, Profile};
use crate::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ProfileAudit {
    #[serde(flatten)]
    #[ts(flatten)]
    pub profile: Profile,
    /// Every action the profile's role allows (none once deactivated: it can no longer act).
    pub allowed: Vec<Action>,
}

pub fn audit(ctx: &Ctx) -> Result<Vec<ProfileAudit>> {
    ctx.require(Action::ManageUsers)?;
    let profiles = ctx.store().profiles()?;
    Ok(profiles
        .into_iter()
        .map(|profile| {
            let allowed = match profile.active {
                true => Action::ALL.into_iter().filter(|a| allows(profile.role, *a)).collect(),
                false => Vec::new(),
            };
            ProfileAudit { profile, allowed }
        })
        .collect())
}
