//! A new asset as ingest hands it to the store.

use super::AssetKind;

/// Everything ingest learned about a new file, ready to become an asset.
#[derive(Debug, Clone, Default)]
pub struct NewAsset {
    pub kind: Option<AssetKind>,
    pub ext: String,
    pub mime: String,
    pub name: String,
    pub source_path: String,
    pub stored_path: String,
    pub hash: String,
    pub size: u64,
    /// Pixel size as stored, and as displayed (after EXIF orientation).
    pub stored_size: Option<(u32, u32)>,
    pub display_size: Option<(u32, u32)>,
    pub orientation: Option<u16>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub creator: Option<String>,
    pub rights: Option<String>,
    pub credit: Option<String>,
    pub campaign: Option<String>,
    pub alt_text: Option<String>,
    pub usage_terms: Option<String>,
    pub licence: Option<String>,
    /// One of the six colour labels (`red`…), read from the file's label text through [`label_colour`].
    pub label: Option<String>,
    /// The label text as the file wrote it.
    pub label_text: Option<String>,
    pub headline: Option<String>,
    pub instructions: Option<String>,
    pub contact_email: Option<String>,
    pub contact_url: Option<String>,
    pub contact_phone: Option<String>,
    pub web_statement: Option<String>,
    pub rights_marked: Option<bool>,
    pub licensor: Option<String>,
    /// Where the embedded packet and the sidecar disagreed (recorded with the asset).
    pub xmp_conflicts: Vec<super::XmpConflict>,
    /// `reject` for a file rated -1 (rejected) by the tool that wrote it.
    pub flag: Option<String>,
    pub rating: Option<u8>,
    pub taken: Option<String>,
    pub taken_at: Option<i64>,
    pub added_at: i64,
    pub uploader: String,
    pub camera: Option<String>,
    pub tags: Vec<String>,
    /// Manual collections (paths, already checked) the asset joins as it is recorded; missing ones are created.
    pub collections: Vec<String>,
    pub exif_json: String,
    pub xmp_json: String,
    pub thumbnail_note: Option<String>,
}

/// What a watched folder's rules set on every new asset: tags added, and creator, rights, credit and campaign
/// replacing what the file's own metadata said. Applied before the asset is recorded, so the asset and its rules
/// land in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssetDefaults {
    pub tags: Vec<String>,
    pub creator: Option<String>,
    pub rights: Option<String>,
    pub credit: Option<String>,
    pub campaign: Option<String>,
    /// A manual collection every new asset joins (created when missing), in the ingest's own transaction.
    pub collection: Option<String>,
}

impl AssetDefaults {
    pub fn apply(&self, asset: &mut NewAsset) {
        for tag in &self.tags {
            if !asset.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                asset.tags.push(tag.clone());
            }
        }
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                field.clone_from(value);
            }
        };
        set(&mut asset.creator, &self.creator);
        set(&mut asset.rights, &self.rights);
        set(&mut asset.credit, &self.credit);
        set(&mut asset.campaign, &self.campaign);
        if let Some(c) = &self.collection {
            if !asset.collections.contains(c) {
                asset.collections.push(c.clone());
            }
        }
    }
}

/// The colour a label text stands for: a colour name in any case (Lightroom writes "Red"), or one of Adobe Bridge's
/// default label names (Select red, Second yellow, Approved green, Review blue, To Do purple). Other texts have no
/// colour here; the text stays in the file's XMP as written.
pub fn label_colour(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let bridge =
        [("select", "red"), ("second", "yellow"), ("approved", "green"), ("review", "blue"), ("to do", "purple")];
    super::fields::LABELS
        .iter()
        .copied()
        .find(|c| c.eq_ignore_ascii_case(text))
        .or_else(|| bridge.iter().find(|(name, _)| name.eq_ignore_ascii_case(text)).map(|(_, c)| *c))
}

#[cfg(test)]
mod label_tests {
    use super::label_colour;

    #[test]
    fn label_texts_of_lightroom_and_bridge_map_to_colours() {
        for (text, colour) in [
            ("Red", Some("red")),
            (" purple ", Some("purple")),
            ("Approved", Some("green")),
            ("To Do", Some("purple")),
            ("Review", Some("blue")),
            ("Client OK", None),
            ("", None),
        ] {
            assert_eq!(label_colour(text), colour, "{text:?}");
        }
    }
}
