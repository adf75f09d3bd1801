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

#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct IngestReport {
    pub ingested: Vec<Ingested>,
    /// Files whose exact content is already in the library; `id` is the existing asset.
    pub duplicates: Vec<Ingested>,
    pub skipped: Vec<Problem>,
    pub failed: Vec<Problem>,
    pub seconds: f64,
    /// Bytes read from the inputs.
    pub bytes: u64,
    /// Megapixels of the images decoded.
    pub megapixels: f64,
    pub cancelled: bool,
}

impl IngestReport {
    pub fn files(&self) -> usize {
        self.ingested.len() + self.duplicates.len() + self.skipped.len() + self.failed.len()
    }

    pub(crate) fn sort(&mut self) {
        self.ingested.sort_by(|a, b| a.path.cmp(&b.path));
        self.duplicates.sort_by(|a, b| a.path.cmp(&b.path));
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        self.failed.sort_by(|a, b| a.path.cmp(&b.path));
    }
}
