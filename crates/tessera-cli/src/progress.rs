//! Progress bars on stderr (hidden when stderr is not a terminal, e.g. in scripts).

use indicatif::{ProgressBar, ProgressStyle};
use tessera_core::app::ingest::{IngestProgress, Phase};
use tessera_core::runtime::ProgressSink;

pub struct IngestBar(ProgressBar);

impl IngestBar {
    pub fn new(quiet: bool) -> IngestBar {
        let bar = if quiet { ProgressBar::hidden() } else { ProgressBar::new_spinner() };
        bar.set_message("scanning…");
        IngestBar(bar)
    }

    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl ProgressSink<IngestProgress> for IngestBar {
    fn report(&self, p: &IngestProgress) {
        if p.phase == Phase::Importing && self.0.length() != Some(p.total as u64) {
            self.0.set_length(p.total as u64);
            self.0.set_style(
                ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} files  {per_sec}  eta {eta}  {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
        }
        self.0.set_position(p.done as u64);
        self.0.set_message(format!("{} new, {} duplicates, {} failed", p.ingested, p.duplicates, p.failed));
    }
}

/// A plain done/total bar for thumbnails and verify.
pub struct CountBar(pub ProgressBar);

impl CountBar {
    pub fn new(quiet: bool, label: &str) -> CountBar {
        let bar = if quiet { ProgressBar::hidden() } else { ProgressBar::new(0) };
        bar.set_style(
            ProgressStyle::with_template(&format!("{label} {{bar:40.cyan/blue}} {{pos}}/{{len}} eta {{eta}}"))
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        CountBar(bar)
    }

    pub fn set(&self, done: usize, total: usize) {
        self.0.set_length(total as u64);
        self.0.set_position(done as u64);
    }
}
