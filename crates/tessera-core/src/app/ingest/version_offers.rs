//! After an ingest: new files whose names look like a version of an asset already in the library (`poster_v2.jpg`
//! beside `poster.jpg`) are offered as its next version in the report. Nothing is merged: the user decides
//! (`tessera version stack NEW --onto ASSET`, or the import summary's button).

use super::report::{Ingested, VersionOffer};
use crate::domain::{version_base, AssetId};
use crate::error::Result;
use crate::store::Store;
use std::collections::HashSet;

/// How many same-prefix names are looked at per new file (a common base like `img` must stay cheap).
const CANDIDATES: u32 = 64;

/// The offers for `ingested` (each new file at most once): the asset named like its base exactly (the original),
/// else the newest other version-named one of the same base, never one of the files just offered themselves.
pub fn find(store: &Store, ingested: &[Ingested]) -> Result<Vec<VersionOffer>> {
    let new: HashSet<AssetId> = ingested.iter().map(|i| i.id).collect();
    let mut offers = Vec::new();
    for item in ingested {
        let file_name = item.path.rsplit(['/', '\\']).next().unwrap_or(&item.path);
        let Some(base) = version_base(file_name) else { continue };
        let candidates = store.assets_named_from(&base, CANDIDATES)?;
        let stem = |name: &str| name.rsplit_once('.').map_or(name, |(s, _)| s).trim().to_lowercase();
        let original = candidates.iter().filter(|(id, _)| *id != item.id).find(|(_, name)| stem(name) == base);
        let newest_version = || {
            candidates
                .iter()
                .filter(|(id, name)| {
                    *id != item.id && !new.contains(id) && version_base(name).as_deref() == Some(&base)
                })
                .max_by_key(|(id, _)| id.0)
        };
        if let Some((of, of_name)) = original.or_else(newest_version) {
            offers.push(VersionOffer { path: item.path.clone(), id: item.id, of: *of, of_name: of_name.clone() });
        }
    }
    Ok(offers)
}
