//! The use cases: one folder per concern, one use case per file, each entry point taking a [`Ctx`] (the library, who
//! acts, the clock). Front ends (the CLI, the desktop shell) call these and nothing below them.
//!
//! To add a use case: a file in the folder of its concern (or a new folder here), a function taking `&Ctx`, the
//! store methods it needs in `crate::store`, and the types that cross the IPC boundary listed in
//! `crate::api::bindings`.

pub mod assets;
pub mod audit;
pub mod collections;
mod ctx;
pub mod fields;
pub mod ingest;
pub mod labels;
pub mod libraries;
pub mod lifecycle;
pub mod maintenance;
pub mod people;
pub mod review;
pub mod search;
pub mod settings;
pub mod tags;
pub mod versions;
pub mod watch;
pub mod xmp;

pub use ctx::Ctx;
