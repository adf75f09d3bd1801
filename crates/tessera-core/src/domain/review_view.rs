//! Reviews as front ends and scripts see them: a review with its stages, reviewers and decisions; a queue entry;
//! what a decision did; comments; notifications.

use super::review::{Decision, Outcome};
use super::AssetId;
use crate::domain::lifecycle::Status;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct StageView {
    pub index: u32,
    pub name: String,
    /// waiting | active | closed
    pub state: String,
    pub outcome: Option<Outcome>,
    /// Named people, then roles as `role:brand_manager`.
    pub reviewers: Vec<String>,
    pub decisions: Vec<DecisionView>,
    /// Unix seconds.
    pub due_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DecisionView {
    pub reviewer: String,
    pub decision: Decision,
    pub comment: Option<String>,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ReviewView {
    pub id: i64,
    pub asset: AssetId,
    pub round: u32,
    pub template: String,
    /// open | closed
    pub state: String,
    pub outcome: Option<Outcome>,
    pub submitted_by: String,
    pub submitted_at: i64,
    pub message: Option<String>,
    /// "YYYY-MM-DD"
    pub due: Option<String>,
    pub stages: Vec<StageView>,
}

/// One review waiting for the acting person.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct QueueItem {
    pub review: i64,
    pub asset: AssetId,
    pub name: String,
    pub hash: String,
    pub stage: String,
    pub submitted_by: String,
    pub submitted_at: i64,
    pub message: Option<String>,
    /// When it is due (Unix seconds): the stage's due time, else the end of the review's due day.
    pub due_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Queue {
    /// Every review waiting for the person (the list may stop at its limit).
    pub total: u64,
    pub overdue: u64,
    pub items: Vec<QueueItem>,
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Decided {
    pub review: i64,
    pub asset: AssetId,
    /// The stages the decision counted in.
    pub stages: Vec<String>,
    /// Stages that closed with it, with their outcomes.
    pub closed: Vec<(String, Outcome)>,
    /// The review's outcome when it closed with this decision.
    pub review_outcome: Option<Outcome>,
    /// The asset's state now.
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Comment {
    pub id: i64,
    pub asset: AssetId,
    pub review: Option<i64>,
    /// The version it was made on (1 = the first file).
    pub version: Option<u32>,
    pub parent: Option<i64>,
    pub author: String,
    pub body: String,
    /// The pin: a point (`w`/`h` null) or a rectangle, 0..1 from the top-left.
    pub x: Option<f64>,
    pub y: Option<f64>,
    pub w: Option<f64>,
    pub h: Option<f64>,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub resolved_by: Option<String>,
    /// Names @mentioned in the body.
    pub mentions: Vec<String>,
}

/// Where a new comment is pinned.
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Pin {
    Point { x: f64, y: f64 },
    Rect { x: f64, y: f64, w: f64, h: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Notification {
    /// waiting | due_soon | overdue | decided | mentioned
    pub kind: String,
    pub asset: AssetId,
    pub review: Option<i64>,
    pub text: String,
    pub at: i64,
}

/// The @names in a comment (letters, digits, `.`, `_`, `-`), once each, in order.
pub fn mentions(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in body.match_indices('@') {
        if i > 0 && body[..i].chars().last().is_some_and(|c| c.is_alphanumeric()) {
            continue; // an e-mail address, not a mention
        }
        let name: String =
            body[i + 1..].chars().take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')).collect();
        let name = name.trim_end_matches(['.', '-']).to_string();
        if !name.is_empty() && !out.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn mentions_are_names_after_an_at_sign_not_e_mail_addresses() {
        assert_eq!(super::mentions("@ann please check, cc @bo.b and @ann. Mail x@y.z"), ["ann", "bo.b"]);
        assert!(super::mentions("no one").is_empty());
    }
}
