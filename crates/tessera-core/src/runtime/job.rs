//! The one shape of long work: it takes a [`CancelToken`] and reports to a [`ProgressSink`]. Front ends wire these to
//! Ctrl-C and a progress bar (CLI) or to a Cancel button and events (desktop).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Shared flag asking work to stop at the next safe point. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Receives progress reports of type `P` (called from the thread doing the work; keep it cheap).
pub trait ProgressSink<P>: Send + Sync {
    fn report(&self, progress: &P);
}

/// Ignores progress.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl<P> ProgressSink<P> for NoProgress {
    fn report(&self, _: &P) {}
}

impl<P, F: Fn(&P) + Send + Sync> ProgressSink<P> for F {
    fn report(&self, progress: &P) {
        self(progress)
    }
}
