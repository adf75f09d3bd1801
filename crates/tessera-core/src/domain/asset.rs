//! Assets as front ends see them: a summary for grids and search results, a detail for the inspector and `show`.

use super::lifecycle::Status;
use super::{AssetId, AssetKind, FileId};
use crate::metadata::ExifFields;
use serde::{Deserialize, Serialize};

/// One row of a grid or a search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssetSummary {
    pub id: AssetId,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: AssetKind,
    pub ext: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub size: u64,
    pub rating: Option<u8>,
    pub title: Option<String>,
    /// Unix seconds.
    pub added: i64,
    /// "YYYY-MM-DDTHH:MM:SS" as the camera recorded it (no time zone).
    pub taken: Option<String>,
    pub hash: String,
    /// The lifecycle state the tile's badge shows (expired once the rights expiry has passed).
    pub status: Status,
    /// The rights expiry date ("YYYY-MM-DD"), when there is one.
    pub expires: Option<String>,
}

/// Facts about the stored original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct FileFacts {
    pub id: FileId,
    pub hash: String,
    pub mime: String,
    pub ext: String,
    pub size: u64,
    pub original_name: String,
    pub source_path: String,
    /// Path relative to the library folder, e.g. `originals/ab/abcd….jpg`.
    pub stored_path: String,
    pub uploader: String,
    pub added: i64,
    /// Why there is no thumbnail (not a raster image, unsupported format…), when there is none.
    pub thumbnail_note: Option<String>,
}

/// Everything known about one asset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct AssetDetail {
    pub id: AssetId,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: AssetKind,
    pub ext: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub size: u64,
    pub title: Option<String>,
    pub description: Option<String>,
    pub rating: Option<u8>,
    pub creator: Option<String>,
    /// Who to credit when the asset is published.
    pub credit: Option<String>,
    /// The copyright notice (the same as `rights.copyright`).
    pub copyright: Option<String>,
    /// The campaign the asset belongs to.
    pub campaign: Option<String>,
    /// The copy that creation adds: text for screen readers, and the caption to publish with.
    pub alt_text: Option<String>,
    pub caption: Option<String>,
    /// red, orange, yellow, green, blue or purple.
    pub label: Option<String>,
    /// pick or reject.
    pub flag: Option<String>,
    /// The label text as the file's XMP wrote it ("Approved", "Red"); the library's label sets map it to `label`.
    pub label_text: Option<String>,
    /// photoshop:Headline.
    pub headline: Option<String>,
    /// photoshop:Instructions.
    pub instructions: Option<String>,
    /// The creator's contact (Iptc4xmpCore:CreatorContactInfo).
    pub contact_email: Option<String>,
    pub contact_url: Option<String>,
    pub contact_phone: Option<String>,
    /// xmpRights:WebStatement.
    pub web_statement: Option<String>,
    /// xmpRights:Marked: true = copyrighted, false = public domain.
    pub rights_marked: Option<bool>,
    /// plus:LicensorName.
    pub licensor: Option<String>,
    /// Where the embedded XMP and the sidecar disagreed at ingest, and which value was kept.
    #[serde(default)]
    pub xmp_conflicts: Vec<XmpConflict>,
    pub rights: Rights,
    /// The library's custom fields that have a value on this asset, by name.
    pub fields: std::collections::BTreeMap<String, super::FieldValue>,
    pub tags: Vec<String>,
    /// The manual collections the asset is in, by path.
    #[serde(default)]
    pub collections: Vec<super::CollectionRef>,
    pub uploader: String,
    pub added: i64,
    pub taken: Option<String>,
    pub exif: ExifFields,
    pub file: FileFacts,
}

/// One field on which an asset's embedded XMP and its sidecar disagreed at ingest: the newer one won.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct XmpConflict {
    pub field: String,
    pub embedded: Option<String>,
    pub sidecar: Option<String>,
    /// `embedded` or `sidecar`.
    pub winner: String,
}

impl XmpConflict {
    /// The value the library kept.
    pub fn kept(&self) -> Option<&str> {
        if self.winner == "sidecar" {
            self.sidecar.as_deref()
        } else {
            self.embedded.as_deref()
        }
    }
}

/// Who made an asset and on what terms it may be used.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Rights {
    pub creator: Option<String>,
    pub credit: Option<String>,
    pub copyright: Option<String>,
    pub licence: Option<String>,
    pub usage_terms: Option<String>,
    /// YYYY-MM-DD: the asset may not be used after this day.
    pub expires: Option<String>,
}

/// Sent to front ends when the library changed under them (an import, an edit), so they refresh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct LibraryChanged {
    pub reason: String,
}

/// A change to one field: leave it (`None`), or set it (`Some(None)` clears).
pub type FieldChange<T> = Option<Option<T>>;
