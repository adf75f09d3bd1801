//! The result of an ingest, in the shape scripts rely on (`tessera ingest --json`).

use crate::domain::AssetId;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Ingested {
    pub path: String,
    pub id: AssetId,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Problem {
    pub path: String,
    pub reason: String,
}

/// A new file whose name looks like a version of an asset already in the library (`poster_v2.jpg`, `poster.jpg`).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct VersionOffer {
    pub path: String,
    /// The asset the file became.
    pub id: AssetId,
    /// The asset it looks like a version of, and that asset's name.
    pub of: AssetId,
    pub of_name: String,
}

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct IngestReport {
    pub ingested: Vec<Ingested>,
    /// Files whose exact content is already in the library; `id` is the existing asset.
    pub duplicates: Vec<Ingested>,
    /// The duplicates whose existing asset is in the trash (also in `duplicates`): the file is not imported again,
    /// the user is told where it is (`tessera trash restore ID` brings it back with its tags and fields).
    pub in_trash: Vec<Ingested>,
    pub skipped: Vec<Problem>,
    pub failed: Vec<Problem>,
    pub seconds: f64,
    /// Bytes read from the inputs.
    pub bytes: u64,
    /// Megapixels of the images decoded.
    pub megapixels: f64,
    pub cancelled: bool,
    /// New files that look like versions of existing assets: offered, never merged without being asked.
    pub version_offers: Vec<VersionOffer>,
}

impl IngestReport {
    pub fn files(&self) -> usize {
        self.ingested.len() + self.duplicates.len() + self.skipped.len() + self.failed.len()
    }

    pub(crate) fn sort(&mut self) {
        self.ingested.sort_by(|a, b| a.path.cmp(&b.path));
        self.duplicates.sort_by(|a, b| a.path.cmp(&b.path));
        self.in_trash.sort_by(|a, b| a.path.cmp(&b.path));
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.failed.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

/// An ingest's outcome for a window: the counts, and the first problems with their reasons (an event carrying every
/// path of a 100,000-file import would be megabytes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
pub struct IngestSummary {
    pub ingested: u64,
    pub duplicates: u64,
    pub skipped: u64,
    pub failed: u64,
    /// The first [`SUMMARY_PROBLEMS`] skipped files, with why.
    pub skipped_files: Vec<Problem>,
    /// The first [`SUMMARY_PROBLEMS`] failed files, with why.
    pub failed_files: Vec<Problem>,
    /// The first new asset (to show it), if any.
    pub first_ingested: Option<AssetId>,
    /// The first [`SUMMARY_PROBLEMS`] version offers.
    pub version_offers: Vec<VersionOffer>,
    pub seconds: f64,
    pub bytes: u64,
    pub cancelled: bool,
}

/// How many problems of each kind a summary lists.
pub const SUMMARY_PROBLEMS: usize = 200;

impl IngestReport {
    pub fn summary(&self) -> IngestSummary {
        let first = |list: &[Problem]| list.iter().take(SUMMARY_PROBLEMS).cloned().collect();
        IngestSummary {
            ingested: self.ingested.len() as u64,
            duplicates: self.duplicates.len() as u64,
            skipped: self.skipped.len() as u64,
            failed: self.failed.len() as u64,
            skipped_files: first(&self.skipped),
            failed_files: first(&self.failed),
            first_ingested: self.ingested.first().map(|i| i.id),
            version_offers: self.version_offers.iter().take(SUMMARY_PROBLEMS).cloned().collect(),
            seconds: self.seconds,
            bytes: self.bytes,
            cancelled: self.cancelled,
        }
    }

    /// An ingest that could not run at all: one problem saying why.
    pub fn could_not_run(reason: String) -> IngestReport {
        IngestReport { failed: vec![Problem { path: String::new(), reason }], ..IngestReport::default() }
    }
}
