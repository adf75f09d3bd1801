//! Emptying the trash (`tessera trash empty`): the only way originals leave the library. Crash-safe order: the rows
//! go first, in one transaction that also queues the originals no row refers to any more; then each file (the
//! original through the blob interface, then its cached thumbnails) is removed and taken off the queue. A crash in
//! between leaves queued files with no rows, never a row without its original; `verify` finishes the queue
//! ([`finish_purge`]). Not undoable: the edit log keeps the record, the audit trail an `empty_trash` event.

use crate::app::Ctx;
use crate::blobs::{cache, originals};
use crate::error::Result;
use crate::library::Library;
use serde::Serialize;

/// What emptying the trash did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct EmptyTrashOutcome {
    /// Assets deleted.
    pub assets: u64,
    /// Stored originals removed from disk.
    pub files_removed: u64,
}

/// Deletes every asset in the trash and then its files.
pub fn empty_trash(ctx: &Ctx) -> Result<EmptyTrashOutcome> {
    ctx.require(crate::domain::Action::EmptyTrash)?;
    let purged = ctx.store().purge_trash(&ctx.actor.name, ctx.now())?;
    // Test hook for the crash-safety test: stop right after the rows are gone, as a crash (SIGKILL) would.
    if std::env::var_os("TESSERA_TEST_STOP_AFTER_PURGE_ROWS").is_some() {
        std::process::abort();
    }
    let mut removed = 0;
    for (path, hash) in &purged.files {
        if remove_one(ctx.library, path, hash)? {
            removed += 1;
        }
    }
    Ok(EmptyTrashOutcome { assets: purged.assets.len() as u64, files_removed: removed })
}

/// Removes the originals an interrupted emptying left queued; the paths removed (for `verify`'s report).
pub fn finish_purge(library: &Library) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for (path, hash) in library.store().purged_files()? {
        if remove_one(library, &path, &hash)? {
            removed.push(path);
        }
    }
    Ok(removed)
}

fn remove_one(library: &Library, path: &str, hash: &str) -> Result<bool> {
    let paths = library.paths();
    library.store().remove_purged(path, hash, || {
        originals::remove_stored(paths, path)?;
        cache::remove(paths, hash)
    })
}
