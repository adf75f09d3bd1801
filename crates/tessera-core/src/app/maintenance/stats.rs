//! Library-wide figures (`tessera stats`, the app's sidebar and header), read from counters the store keeps.

use crate::app::Ctx;
use crate::domain::LibraryStats;
use crate::error::Result;

pub fn stats(ctx: &Ctx) -> Result<LibraryStats> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().stats()
}

/// Which library this is and its figures.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct LibraryInfo {
    pub root: String,
    /// The folder's name without `.tessera`.
    pub name: String,
    pub stats: LibraryStats,
}

pub fn library_info(ctx: &Ctx) -> Result<LibraryInfo> {
    ctx.require(crate::domain::Action::Read)?;
    Ok(LibraryInfo { root: ctx.library.root().display().to_string(), name: ctx.library.name(), stats: stats(ctx)? })
}
