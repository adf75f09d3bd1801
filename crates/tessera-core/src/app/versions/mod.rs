//! Versions of an asset: a new file for the same asset (the designer's next round), the stack of every file it has
//! had, and making an older one current again. The asset keeps its metadata, tags, collections and review across
//! versions; the grid, search and exports use the current file.

mod add;
mod file;
mod list;
mod revert;
mod stack;

pub use add::add_version;
pub use file::version_file;
pub use list::versions;
pub use revert::revert_version;
pub use stack::stack_as_version;
