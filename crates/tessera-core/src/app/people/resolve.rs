//! Who is acting, settled once per command (the CLI) or per call (the app): the profile named with `--as`, else the
//! OS user's. A library with no profile yet makes the OS user its first one, an admin, so a designer working alone
//! never meets roles; and while it has just that one profile, whoever runs Tessera acts as it (a library copied
//! from another account keeps working). Otherwise an unknown, deactivated or missing profile is refused, saying why.

use crate::domain::Profile;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::store::profiles_names;

/// Who asks to act.
#[derive(Debug, Clone)]
pub struct Who<'a> {
    /// `--as NAME` (or `TESSERA_AS`, or the app's switcher).
    pub named: Option<&'a str>,
    /// The OS user's name.
    pub os_user: &'a str,
}

pub fn resolve(library: &Library, who: &Who<'_>) -> Result<Profile> {
    let store = library.store();
    let named = who.named.map(str::trim).filter(|n| !n.is_empty());
    let wanted = named.unwrap_or(who.os_user.trim());
    if let Some(profile) = store.profile(wanted)? {
        return usable(profile);
    }
    let mut profiles = store.profiles()?;
    if profiles.is_empty() {
        store.profile_bootstrap(who.os_user.trim(), library.now())?;
        profiles = store.profiles()?;
        if let Some(profile) = profiles.iter().find(|p| p.name.eq_ignore_ascii_case(wanted)) {
            return usable(profile.clone());
        }
    }
    let known = profiles_names(&profiles);
    if let Some(name) = named {
        return Err(Error::ActingRefused(format!(
            "no profile named {name:?} to act as; the library's profiles: {known} (an admin adds one with \
             `tessera user add {name} --role ROLE`)"
        )));
    }
    match profiles.as_slice() {
        [only] => usable(only.clone()),
        _ => Err(Error::ActingRefused(format!(
            "your OS user {wanted:?} has no profile in this library; act as one of {known} with --as NAME, or ask an \
             admin to add you (`tessera user add {wanted} --role ROLE`)"
        ))),
    }
}

/// The profiles that can act, to pick from (the window's switcher). Anyone running Tessera on a local library may
/// pick any of them, as `--as` allows: a local library has no sign-in, so roles guard against mistakes, and the team
/// library's server enforces them against people.
pub fn switchable(library: &Library) -> Result<Vec<Profile>> {
    Ok(library.store().profiles()?.into_iter().filter(|p| p.active).collect())
}

fn usable(profile: Profile) -> Result<Profile> {
    if profile.active {
        Ok(profile)
    } else {
        Err(Error::ActingRefused(format!(
            "{}'s profile is deactivated and can no longer act; an admin can tell who took over its reviews \
             (`tessera users audit`)",
            profile.name
        )))
    }
}
