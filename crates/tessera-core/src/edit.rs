//! Editing assets from the inspector or a script: title, description, rating and tags on one or many assets at once.

use crate::domain::{AssetDetail, AssetId};
use crate::error::{Error, Result};
use crate::library::Library;
use crate::store::FieldChange;
use crate::tags::{normalise, TagEdit};
use serde::Deserialize;

/// What to change; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
pub struct AssetEdit {
    /// `Some(None)` clears the title.
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "string | null")]
    pub title: FieldChange<String>,
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "string | null")]
    pub description: FieldChange<String>,
    /// 0 to 5; `Some(None)` clears the rating.
    #[serde(default, with = "double_option")]
    #[ts(optional, type = "number | null")]
    pub rating: FieldChange<u8>,
    #[serde(default)]
    pub add_tags: Vec<String>,
    #[serde(default)]
    pub remove_tags: Vec<String>,
}

/// Applies `edit` to every asset in `ids` (all or nothing) and returns them as they are now.
pub fn edit_assets(library: &mut Library, ids: &[AssetId], edit: &AssetEdit) -> Result<Vec<AssetDetail>> {
    if let Some(Some(r)) = edit.rating {
        if r > 5 {
            return Err(Error::InvalidRating(r));
        }
    }
    let clean = |v: &FieldChange<String>| {
        v.as_ref().map(|o| o.as_ref().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()))
    };
    let tags = TagEdit {
        add: edit.add_tags.iter().map(|t| normalise(t)).collect::<Result<_>>()?,
        remove: edit.remove_tags.iter().map(|t| normalise(t)).collect::<Result<_>>()?,
    };
    library.store_mut().edit_fields(ids, &clean(&edit.title), &clean(&edit.description), &edit.rating)?;
    if !tags.add.is_empty() || !tags.remove.is_empty() {
        library.store_mut().edit_tags(ids, &tags.add, &tags.remove)?;
    }
    ids.iter().map(|id| library.store().asset_detail(*id)).collect()
}

/// Distinguishes a missing field (leave it) from `null` (clear it).
mod double_option {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}
