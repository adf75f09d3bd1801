//! Ingest: files and folders in, assets out. Every input file ends in exactly one list of the [`IngestReport`]:
//! ingested, duplicates, skipped or failed (each with a reason).
//!
//! Shape: [`walk`] lists candidates (applying [`skip_rules`]); worker threads [`prepare`] each one (read, hash,
//! dedupe, sniff, metadata, thumbnail, fsynced temporary copy); the calling thread [`commit`]s batches (journal,
//! rename into `originals/`, rows). [`recover`] undoes what a crash left half done. [`run`] ties them together.

mod commit;
mod prepare;
pub mod records;
pub mod recover;
mod report;
mod run;
mod sidecar_merge;
pub mod skip_rules;
mod version_offers;
mod walk;

pub(crate) use prepare::{prepare, Prepared, Shared};
pub use report::{IngestReport, IngestSummary, Ingested, Problem, VersionOffer, SUMMARY_PROBLEMS};
pub use run::{ingest, IngestOptions, IngestProgress, Phase};
