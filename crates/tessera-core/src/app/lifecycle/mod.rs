//! The lifecycle of assets: their state, the moves the transition table allows, archiving and restoring.

pub mod governance;
pub mod transition;

pub use governance::may_leave;
pub(crate) use transition::today;
pub use transition::{archive, restore, set_status, status, Moved, StatusReport, StatusStep};
