//! A stored original as maintenance work (verify, thumbnails, the thumbnail protocol) needs it.

use super::{AssetId, FileId};

/// A stored original as maintenance work (verify, thumbnails) needs it.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub asset_id: AssetId,
    pub file_id: FileId,
    pub hash: String,
    pub stored_path: String,
    pub mime: String,
    pub orientation: Option<u16>,
    /// Why this file has no thumbnail (set at ingest, or when making one failed): not tried again on every view.
    pub thumbnail_note: Option<String>,
}
