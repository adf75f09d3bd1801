//! The trash as front ends see it: assets moved out of the default views, kept with their originals until the trash
//! is emptied.

use super::AssetId;
use serde::Serialize;

/// An asset in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TrashedAsset {
    pub id: AssetId,
    pub name: String,
    pub kind: String,
    /// Bytes of its current original.
    pub size: u64,
    /// When it went to the trash (unix seconds).
    pub trashed_at: i64,
}
