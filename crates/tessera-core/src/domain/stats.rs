//! Library-wide figures.

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct LibraryStats {
    /// Assets outside the trash (`by_type` and `untagged` count those too).
    pub assets: u64,
    pub files: u64,
    /// Bytes of all stored originals.
    pub original_bytes: u64,
    pub by_type: BTreeMap<String, u64>,
    pub tags: u64,
    pub untagged: u64,
    /// Assets in the trash (their originals still count in `files` and `original_bytes` until it is emptied).
    pub trashed: u64,
    pub database_bytes: u64,
}
