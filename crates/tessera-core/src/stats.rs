//! Library-wide figures (`tessera stats`).

pub use crate::store::LibraryStats;

use crate::error::Result;
use crate::library::Library;

pub fn stats(library: &Library) -> Result<LibraryStats> {
    library.store().stats()
}

/// Where the library is and its figures (the desktop sidebar and header).
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct LibraryInfo {
    pub root: String,
    pub stats: LibraryStats,
}

pub fn library_info(library: &Library) -> Result<LibraryInfo> {
    Ok(LibraryInfo { root: library.root().display().to_string(), stats: stats(library)? })
}
