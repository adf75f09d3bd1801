//! The coarse kind of an asset, used for filters (`type:image`) and placeholders.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum AssetKind {
    Image,
    Video,
    Audio,
    Document,
    Font,
    Other,
}

impl AssetKind {
    pub const ALL: [AssetKind; 6] =
        [AssetKind::Image, AssetKind::Video, AssetKind::Audio, AssetKind::Document, AssetKind::Font, AssetKind::Other];

    /// Parses "image", "Video", …; None for anything else.
    pub fn parse(s: &str) -> Option<AssetKind> {
        AssetKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(s))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AssetKind::Image => "image",
            AssetKind::Video => "video",
            AssetKind::Audio => "audio",
            AssetKind::Document => "document",
            AssetKind::Font => "font",
            AssetKind::Other => "other",
        }
    }
}

impl std::fmt::Display for AssetKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
