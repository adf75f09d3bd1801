//! The lifecycle of assets: their state, the moves the transition table allows, archiving and restoring.

pub mod transition;

pub use transition::{archive, restore, set_status, status, Moved, StatusReport, StatusStep};
