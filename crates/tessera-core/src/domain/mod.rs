//! Plain domain types: identifiers, kinds, assets as front ends see them. No I/O here.
//!
//! An *asset* is the thing people tag, rate and review; a *file* is one stored original (a version) of it. Today each
//! asset has exactly one file; versions later add more files under the same asset, one of them current.

mod asset;
mod ids;
mod kind;

pub use asset::{AssetDetail, AssetSummary, FileFacts, LibraryChanged};
pub use ids::{AssetId, FileId, TagId};
pub use kind::AssetKind;
