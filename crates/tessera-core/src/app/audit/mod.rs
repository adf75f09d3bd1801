//! The audit trail: listing, exporting and verifying the tamper-evident record of every change.

pub mod list;
pub mod record;
pub mod verify;

pub use list::{audit_events, to_csv};
pub use record::{record, Recorded};
pub use verify::verify;
