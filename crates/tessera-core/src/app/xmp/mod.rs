//! XMP sidecars both ways: writing our metadata next to a file for other tools ([`write`]), and, later, reading
//! back what they changed.

pub mod write;

pub use write::{sidecar_props, write_sidecars, SidecarWritten};
