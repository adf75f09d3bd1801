//! Tessera's core: everything a front end (the `tessera` CLI, the desktop shell) needs to run a library.
//!
//! Layers, one way only:
//! - [`domain`]: plain types (ids, assets, tags, the query language, watched folders, the actor). No I/O.
//! - `store` (private: the only SQL), [`blobs`] (originals and derived files), [`media`] (decoding, thumbnails),
//!   [`metadata`] (EXIF/XMP/IPTC): how a library is kept and how files are read. The store and the blobs are the
//!   two places a shared PostgreSQL + S3 library replaces.
//! - [`app`]: the use cases, each taking an [`app::Ctx`] (library, actor, clock). Front ends call only these.
//! - [`library::Library`]: the handle front ends hold (paths, store, clock); [`runtime`]: jobs, clock, locks, the OS
//!   user; [`api`]: what crosses the IPC boundary (error codes, generated bindings).

pub mod api;
pub mod app;
pub mod blobs;
pub mod domain;
pub mod error;
pub mod library;
pub mod media;
pub mod metadata;
pub mod runtime;
mod store;

pub use app::Ctx;
pub use domain::{Actor, AssetId, AssetKind};
pub use error::{Error, Result};
pub use library::Library;
pub use store::ChangeProbe;

/// The FTS5 expressions the store builds from a query's words. Public only for the search benchmark's plain-SQL
/// oracle (`tessera-bench --check`), which must match words the same way; front ends never need it.
#[doc(hidden)]
pub use store::fts as sqlite_fts;
