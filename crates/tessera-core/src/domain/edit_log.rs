//! The edit log's records: every edit made through the use cases is one entry (who, when, what, on how many assets),
//! with the value before and after of each asset and field it changed, so it can be undone as one step. The review
//! issue turns the same records into the audit trail.

use serde::Serialize;

/// One entry of the edit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct EditId(pub i64);

impl std::fmt::Display for EditId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Whether an entry is an edit or the undoing of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum EditAction {
    Edit,
    Undo,
}

impl EditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            EditAction::Edit => "edit",
            EditAction::Undo => "undo",
        }
    }

    pub fn parse(s: &str) -> EditAction {
        if s == "undo" {
            EditAction::Undo
        } else {
            EditAction::Edit
        }
    }
}

/// An entry of the edit log as front ends show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EditRecord {
    pub id: EditId,
    /// Unix seconds.
    pub at: i64,
    pub actor: String,
    pub action: EditAction,
    /// What was done, in words: `rating 4`, `+summer -draft`, `title`.
    pub summary: String,
    /// How many assets it changed.
    pub assets: u64,
    /// For an undo, the entry it undid.
    pub undoes: Option<EditId>,
    /// For an edit that has been undone, the undo.
    pub undone_by: Option<EditId>,
}

/// How far a long edit has got (assets done of the total), reported every few thousand assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EditProgress {
    pub done: u64,
    pub total: u64,
}
