//! Where an asset's original is on disk, and handing it to the desktop (`tessera open ID [--reveal]`, "Open" and
//! "Reveal in file manager" in the app). The stored original is opened in place (content-addressed name, read it
//! only: editing it there would break its hash, which `verify` reports); a trashed asset's original can still be
//! opened until the trash is emptied.

use crate::app::Ctx;
use crate::domain::AssetId;
use crate::error::{Error, Result};
use crate::runtime::opener;
use std::path::PathBuf;

/// The absolute path of the asset's current original; `original_missing` when the file is not there.
///
/// Opening and revealing need `Read`: they show the original on this machine (a contributor opens their file in an
/// editor); taking copies out of the library is `Export` (`copy_originals`).
pub fn original_path(ctx: &Ctx, id: AssetId) -> Result<PathBuf> {
    ctx.require(crate::domain::Action::Read)?;
    let file = ctx.store().current_file(id)?;
    let path = ctx.library.root().join(&file.stored_path);
    if !path.is_file() {
        return Err(Error::OriginalMissing { id: id.0, path });
    }
    Ok(path)
}

/// Opens the original with the default application; the path opened.
pub fn open_original(ctx: &Ctx, id: AssetId) -> Result<PathBuf> {
    let path = original_path(ctx, id)?;
    opener::open(&path)?;
    Ok(path)
}

/// Shows the original in the file manager; the path shown.
pub fn reveal_original(ctx: &Ctx, id: AssetId) -> Result<PathBuf> {
    let path = original_path(ctx, id)?;
    opener::reveal(&path)?;
    Ok(path)
}
