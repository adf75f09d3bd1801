//! Watched folders: files dropped into a folder arrive in the library, with the folder's rules applied.
//!
//! Shape (one use case per file): [`folder`] (the folders and their rules, stored in the library) and
//! [`activity`] (the feed of what happened) are what front ends read and edit; [`runner`] is the long-running
//! watcher ([`host`] runs it inside an app, waiting while another process watches). It turns `notify` events into
//! [`events::FsChange`]s, waits for files to stop changing ([`settle`]),
//! catches up with what arrived while nobody watched ([`reconcile`]), ingests ready files in batches through
//! [`crate::app::ingest::ingest`] (parallel, crash-safe, deduplicated by content hash), then applies [`rules`]. Folders
//! on network shares ([`mounts`]) or that cannot be watched are polled instead, with a visible warning.

pub mod activity;
mod batch;
pub mod events;
pub mod folder;
pub mod host;
pub mod mounts;
pub mod reconcile;
pub mod rules;
pub mod runner;
pub mod settle;

pub use crate::domain::watch::{
    AfterIngest, FolderState, WatchEvent, WatchEventKind, WatchRule, WatchStatus, WatchedFolder, WatchedFolderId,
};
pub use host::{run_when_free, WatcherHost};
pub use runner::{run, WatchOptions};
