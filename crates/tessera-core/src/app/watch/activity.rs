//! The activity feed of watched folders: what arrived, what was a duplicate, what failed and why, rules that could
//! not apply, and folder warnings. The watcher writes it (bounded to the newest `FEED_LIMIT` events); the CLI
//! (`tessera watch events`) and the desktop panel read it.

use crate::app::Ctx;
use crate::domain::watch::{WatchEvent, WatchedFolderId};
use crate::error::Result;

/// The newest `limit` events, newest first (of one folder, or of all).
pub fn recent(ctx: &Ctx, folder: Option<WatchedFolderId>, limit: u32) -> Result<Vec<WatchEvent>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().watch_events(folder, limit)
}
