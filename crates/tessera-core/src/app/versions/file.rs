//! One version's stored file, by its content hash: what the thumbnail protocol serves for a version in the stack.

use crate::app::Ctx;
use crate::domain::{Action, AssetId, StoredFile};
use crate::error::Result;

/// The file of `id` whose content is `hash` (any version); not found when the asset has none such.
pub fn version_file(ctx: &Ctx, id: AssetId, hash: &str) -> Result<StoredFile> {
    ctx.require(Action::Read)?;
    ctx.store().version_file(id, hash)
}
