//! People: a profile is who acts in a library (a name, a role, an optional e-mail). A library starts with one, the
//! OS user as admin; deactivated profiles keep their history but can no longer act.

use super::permission::Role;
use serde::{Deserialize, Serialize};

/// One person in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Profile {
    pub name: String,
    pub role: Role,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub email: Option<String>,
    pub active: bool,
    /// Unix seconds.
    pub created_at: i64,
    /// When the profile last changed something (Unix seconds); none yet when it only looked.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_acted_at: Option<i64>,
}

impl Profile {
    /// The actor this profile acts as.
    pub fn actor(&self) -> super::Actor {
        super::Actor::with_role(&self.name, self.role)
    }
}

/// The longest profile name accepted.
pub const MAX_NAME: usize = 64;

/// Checks a profile name as people type it; returns it trimmed, or why it is refused.
pub fn check_name(name: &str) -> Result<String, &'static str> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a name cannot be blank");
    }
    if name.chars().count() > MAX_NAME {
        return Err("a name has at most 64 characters");
    }
    if name.chars().any(|c| c.is_control() || c == ',') {
        return Err("a name cannot hold control characters or commas");
    }
    if name.starts_with('-') || name.starts_with('@') {
        return Err("a name cannot start with '-' or '@'");
    }
    Ok(name.to_string())
}

/// Checks an e-mail address loosely (something@something.tld); returns it trimmed.
pub fn check_email(email: &str) -> Result<String, &'static str> {
    let email = email.trim();
    let valid = email.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
    }) && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(email.to_string())
    } else {
        Err("an e-mail address looks like name@example.com")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(check_name("  Ana Lima "), Ok("Ana Lima".into()));
        for bad in ["", "   ", "a,b", "-x", "@x", "tab\there", &"x".repeat(65)] {
            assert!(check_name(bad).is_err(), "{bad:?} must be refused");
        }
    }

    #[test]
    fn emails_need_a_user_and_a_host() {
        assert_eq!(check_email(" ana@example.com "), Ok("ana@example.com".into()));
        for bad in ["ana", "ana@", "@example.com", "ana@example", "a na@example.com", "ana@.com"] {
            assert!(check_email(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
