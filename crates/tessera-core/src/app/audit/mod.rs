//! The audit trail: listing, exporting and verifying the tamper-evident record of every change.

pub mod list;
pub mod verify;

pub use list::{audit_events, to_csv};
pub use verify::verify;
