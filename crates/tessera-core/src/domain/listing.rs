//! A page of search results and how it is sorted.

use super::AssetSummary;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SortKey {
    Added,
    Taken,
    Name,
    Size,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Asc,
    Desc,
}

impl SortKey {
    /// What people expect by default: newest, largest, last taken first; names A to Z.
    pub fn default_order(self) -> SortOrder {
        match self {
            SortKey::Name => SortOrder::Asc,
            _ => SortOrder::Desc,
        }
    }
}

/// Totals are counted exactly up to this many matches; beyond it [`Page::total`] is `TOTAL_CAP` and
/// [`Page::total_exact`] is false ("10,000+"). Counting every match of a broad query costs a walk over all of them.
pub const TOTAL_CAP: u64 = 10_000;

/// One page of results.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Page {
    /// The number of matches, or [`TOTAL_CAP`] when there are more than that (see `total_exact`).
    pub total: u64,
    /// False when `total` is the cap: there are more than [`TOTAL_CAP`] matches and they were not all counted.
    pub total_exact: bool,
    pub assets: Vec<AssetSummary>,
    /// Pass back to get the next page; absent on the last page.
    pub next: Option<String>,
}
