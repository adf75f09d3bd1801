//! Tessera's core: everything a front end (the `tessera` CLI, the desktop shell) needs to run a library.
//!
//! Layers, one way only: [`domain`] (plain types, no I/O) ← [`store`] (SQLite), [`media`] (decoding and
//! thumbnails), [`metadata`] (EXIF/XMP/IPTC) ← use cases ([`ingest`], [`search`], [`verify`], [`thumbs`], [`tags`])
//! ← [`library::Library`], the handle front ends hold. Front ends never touch SQL or the `originals/` folder directly,
//! so a later PostgreSQL/S3 backend only replaces [`store`] and [`library::blobs`].

pub mod bindings;
pub mod clock;
pub mod domain;
pub mod edit;
pub mod error;
pub mod identity;
pub mod ingest;
pub mod job;
pub mod library;
pub mod media;
pub mod metadata;
pub mod samples;
pub mod search;
pub mod stats;
pub mod store;
pub mod tags;
pub mod thumbs;
pub mod verify;
pub mod watch;

pub use clock::{Clock, SystemClock};
pub use domain::{AssetId, AssetKind};
pub use error::{Error, Result};
pub use library::Library;
