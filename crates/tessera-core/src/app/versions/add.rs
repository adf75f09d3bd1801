//! Adding a version: the file goes through ingest's own preparation (read, hash, sniff, metadata, thumbnails), then
//! the same crash-safe commit as an ingest (journal, move into place, row), under the writer lock.

use crate::app::ingest::{prepare, recover::recover, IngestOptions, Prepared, Shared};
use crate::app::Ctx;
use crate::blobs::originals as blobs;
use crate::domain::{Action, AssetId, VersionChanged};
use crate::error::{Error, Result};
use crate::runtime::WriterLock;
use crate::store::LogNote;
use std::path::Path;
use std::sync::Mutex;

/// Adds `file` as the new current version of `id`. Refused when the file cannot be read, is of another kind than
/// the asset (a video is not a version of a photo), or is already in the library (as this asset's own version or as
/// another asset: merging two assets is not a version).
pub fn add_version(ctx: &Ctx, id: AssetId, file: &Path) -> Result<VersionChanged> {
    ctx.require(Action::Ingest)?;
    let library = ctx.library;
    let _lock = WriterLock::acquire(library.root())?;
    recover(library)?;
    let kind = ctx.store().asset_kind(id)?;
    let options = IngestOptions::default();
    let shared = Shared {
        paths: library.paths(),
        store: library.store(),
        uploader: ctx.actor.name.clone(),
        options: &options,
        now: ctx.now(),
        claims: Mutex::new(Default::default()),
        sidecars: Default::default(),
        labels: crate::domain::LabelSets::new(library.store().label_names()?),
    };
    let refused = |reason: String| Error::VersionRefused { asset: id.0, path: file.to_path_buf(), reason };
    let new = match prepare(file, &shared) {
        Prepared::New(new) => new,
        Prepared::Duplicate { existing, .. } if existing == id => {
            return Err(refused(format!(
                "it is already one of this asset's versions (`tessera version ls {}`; `tessera version revert` makes \
                 an older one current)",
                id.0
            )))
        }
        Prepared::Duplicate { existing, .. } => {
            return Err(Error::VersionIsDuplicate { path: file.to_path_buf(), existing: existing.0 })
        }
        Prepared::DuplicateInRun { .. } => return Err(refused("the same content is being imported".into())),
        Prepared::Failed { reason, .. } => return Err(refused(reason)),
    };
    let new_kind = new.asset.kind.unwrap_or(crate::domain::AssetKind::Other);
    if new_kind != kind {
        return Err(refused(format!("it is {} file and the asset is {}", a_kind(new_kind), a_kind(kind))));
    }
    let (hash, stored) = (new.asset.hash.clone(), new.asset.stored_path.clone());
    ctx.store().begin_pending(&[(hash.clone(), stored.clone())], ctx.now())?;
    if let Err(e) = blobs::commit(library.paths(), new.temp, &stored) {
        let _ = ctx.store().clear_pending(&hash);
        return Err(e);
    }
    let summary = format!("new version of asset {}", id.0);
    let note = LogNote { actor: &ctx.actor.name, at: ctx.now(), summary: &summary };
    match ctx.store().add_version(id, &new.asset, &note) {
        Ok(changed) => {
            // New content is not approved content: an approved or in-review asset goes back to review.
            crate::app::review::on_new_version(ctx, id)?;
            Ok(changed)
        }
        Err(e) => {
            // Nothing was recorded: take the moved original back out so no file is left without its row.
            let _ = blobs::remove_stored(library.paths(), &stored);
            let _ = ctx.store().clear_pending(&hash);
            Err(e)
        }
    }
}

fn a_kind(kind: crate::domain::AssetKind) -> String {
    let word = kind.as_str();
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {word}")
}
