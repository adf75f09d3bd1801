//! Undoing what an interrupted ingest left half done. Runs under the writer lock, at the start of every ingest (and
//! before verify), so a second run always starts from a consistent library.

use crate::blobs::originals as blobs;
use crate::error::Result;
use crate::library::Library;

/// What recovery cleaned up.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Recovered {
    /// Stored originals that no row took (moved into place just before a crash): removed.
    pub orphans_removed: usize,
    /// Temporary copies in `originals/.incoming`: removed.
    pub temporaries_removed: usize,
}

/// Cleans up after a crash. The caller must hold the [`crate::runtime::WriterLock`].
pub fn recover(library: &Library) -> Result<Recovered> {
    let mut recovered = Recovered::default();
    for (hash, stored_path, has_row) in library.store().pending_originals()? {
        if !has_row {
            blobs::remove_stored(library.paths(), &stored_path)?;
            recovered.orphans_removed += 1;
        }
        library.store().clear_pending(&hash)?;
    }
    recovered.temporaries_removed = blobs::clear_incoming(library.paths())?;
    Ok(recovered)
}
