//! Library-wide figures (`tessera stats`).

pub use crate::store::LibraryStats;

use crate::error::Result;
use crate::library::Library;

pub fn stats(library: &Library) -> Result<LibraryStats> {
    library.store().stats()
}
