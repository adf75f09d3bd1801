//! The versions of an asset: every file it has had, oldest first, numbered from 1; one is current (the one the grid,
//! search and exports use). The asset's own metadata (title, tags, fields, review) belongs to the asset, not to a
//! version.

use super::{AssetId, FileFacts};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Version {
    /// 1 for the file the asset arrived with, then one more per version added.
    pub number: u32,
    pub current: bool,
    /// Pixel size as displayed (orientation applied), when known.
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub file: FileFacts,
}

/// What adding or reverting a version did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VersionChanged {
    pub asset: AssetId,
    /// The version now current.
    pub number: u32,
    /// How many versions the asset has.
    pub versions: u32,
    /// False when the version asked for was current already.
    pub changed: bool,
}
