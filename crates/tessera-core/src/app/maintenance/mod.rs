//! Looking after a library: its figures, re-checking originals, making thumbnails, and sample assets for a first run.

pub mod samples;
pub mod stats;
pub mod thumbs;
pub mod verify;
