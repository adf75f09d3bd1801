//! The lifecycle of an asset: draft → in review → approved (or changes requested, or rejected) → published →
//! archived. Which moves are allowed is one table, [`ALLOWED`]; [`transition`] checks a move against it and says why
//! one is refused. `expired` is never stored: an approved or published asset whose rights `expires` date has passed
//! shows as expired (see [`shown`]).

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Approved,
    ChangesRequested,
    Rejected,
    Published,
    Archived,
    Expired,
}

pub const ALL: [Status; 8] = [
    Status::Draft,
    Status::InReview,
    Status::Approved,
    Status::ChangesRequested,
    Status::Rejected,
    Status::Published,
    Status::Archived,
    Status::Expired,
];

use Status::*;

/// Every allowed move, `(from, to)`. Anything not listed is refused. Nothing moves *to* `expired` (it follows the
/// `expires` field) and an expired asset can only be archived (or renewed by changing `expires`).
pub const ALLOWED: &[(Status, Status)] = &[
    (Draft, InReview),
    (Draft, Archived),
    (InReview, Approved),
    (InReview, ChangesRequested),
    (InReview, Rejected),
    (InReview, Draft),
    (InReview, Archived),
    (ChangesRequested, InReview),
    (ChangesRequested, Draft),
    (ChangesRequested, Archived),
    (Rejected, Draft),
    (Rejected, Archived),
    (Approved, Published),
    (Approved, InReview),
    (Approved, Archived),
    (Published, Approved),
    (Published, Archived),
    (Expired, Archived),
    // Restoring an archived asset puts back the state it had before (`tessera restore`).
    (Archived, Draft),
    (Archived, InReview),
    (Archived, Approved),
    (Archived, ChangesRequested),
    (Archived, Rejected),
    (Archived, Published),
];

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Draft => "draft",
            InReview => "in_review",
            Approved => "approved",
            ChangesRequested => "changes_requested",
            Rejected => "rejected",
            Published => "published",
            Archived => "archived",
            Expired => "expired",
        }
    }

    /// A state by name, for user input.
    pub fn named(s: &str) -> Result<Status> {
        Status::parse(s).ok_or_else(|| Error::UnknownStatus(s.to_string()))
    }

    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        ALL.into_iter().find(|st| st.as_str() == s)
    }

    fn words(self) -> &'static str {
        match self {
            InReview => "in review",
            ChangesRequested => "changes requested",
            other => other.as_str(),
        }
    }
}

/// The states an asset in `from` may move to, in table order.
pub fn next_states(from: Status) -> Vec<Status> {
    ALLOWED.iter().filter(|(f, _)| *f == from).map(|(_, t)| *t).collect()
}

/// Checks a move against [`ALLOWED`]; the error says why it is refused and what to do instead.
pub fn transition(from: Status, to: Status) -> Result<()> {
    if ALLOWED.contains(&(from, to)) {
        return Ok(());
    }
    let (f, t) = (from.words(), to.words());
    let reason = match (from, to) {
        _ if from == to => format!("the asset is already {f}"),
        (_, Expired) => "expired is not set by hand: it follows the asset's expires date".to_string(),
        (Expired, _) => format!("an expired asset cannot become {t}: change its expires date first, or archive it"),
        (Draft | ChangesRequested | Rejected | InReview, Published) => {
            format!("an asset in {f} cannot be published: approve it first")
        }
        (Draft | ChangesRequested | Rejected, Approved | Rejected | ChangesRequested) => {
            format!("an asset in {f} cannot become {t}: submit it for review first")
        }
        _ => format!("an asset in {f} cannot become {t}"),
    };
    Err(Error::Transition { from: from.as_str(), to: to.as_str(), reason })
}

/// The state to show for a stored state and the rights expiry (`YYYY-MM-DD`) against today's date (`YYYY-MM-DD`):
/// approved and published assets whose expiry has passed show as expired.
pub fn shown(stored: Status, expires: Option<&str>, today: &str) -> Status {
    match (stored, expires) {
        (Approved | Published, Some(e)) if e < today => Expired,
        _ => stored,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "a test that unwraps fails loudly")]
mod tests {
    use super::*;

    /// Every from × to: allowed exactly when the table says so, refused with a reason otherwise.
    #[test]
    fn every_move_follows_the_table() {
        let mut allowed = 0;
        for from in ALL {
            for to in ALL {
                let listed = ALLOWED.contains(&(from, to));
                match transition(from, to) {
                    Ok(()) => {
                        assert!(listed, "{from:?} -> {to:?} is allowed but not in the table");
                        allowed += 1;
                    }
                    Err(e) => {
                        assert!(!listed, "{from:?} -> {to:?} is in the table but refused: {e}");
                        assert!(matches!(e, Error::Transition { .. }) && !e.to_string().is_empty());
                    }
                }
            }
        }
        assert_eq!(allowed, ALLOWED.len());
        assert!(ALLOWED.iter().all(|(from, to)| from != to && *to != Expired), "no move to itself or to expired");
    }

    #[test]
    fn refusals_say_what_to_do() {
        let cases = [
            (Draft, Published, "an asset in draft cannot be published: approve it first"),
            (Draft, Approved, "an asset in draft cannot become approved: submit it for review first"),
            (Approved, Expired, "expired is not set by hand: it follows the asset's expires date"),
            (
                Expired,
                Published,
                "an expired asset cannot become published: change its expires date first, or archive it",
            ),
            (Approved, Approved, "the asset is already approved"),
        ];
        for (from, to, reason) in cases {
            assert_eq!(transition(from, to).unwrap_err().to_string(), reason, "{from:?} -> {to:?}");
        }
    }

    #[test]
    fn names_round_trip_and_expiry_is_computed() {
        for st in ALL {
            assert_eq!(Status::parse(st.as_str()), Some(st));
        }
        assert_eq!(Status::parse("In Review"), Some(InReview));
        assert_eq!(Status::parse("live"), None);
        let cases = [
            (Approved, Some("2026-12-02"), Expired),
            (Published, Some("2026-12-02"), Expired),
            (Approved, Some("2026-12-03"), Approved),
            (Approved, None, Approved),
            (Draft, Some("2020-01-01"), Draft),
        ];
        for (stored, expires, want) in cases {
            assert_eq!(shown(stored, expires, "2026-12-03"), want, "{stored:?} {expires:?}");
        }
    }

    /// The UI's fake moves assets by the same table: `tests/cases/lifecycle.json` is this table, written out
    /// (`UPDATE_BINDINGS=1 cargo test -p tessera-core` rewrites it).
    #[test]
    fn the_shared_table_file_is_this_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases/lifecycle.json");
        let pairs: Vec<[&str; 2]> = ALLOWED.iter().map(|(f, t)| [f.as_str(), t.as_str()]).collect();
        let text = format!("{}\n", serde_json::to_string_pretty(&serde_json::json!({ "allowed": pairs })).unwrap());
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap_or_default(),
            text,
            "run UPDATE_BINDINGS=1 cargo test -p tessera-core"
        );
    }
}
