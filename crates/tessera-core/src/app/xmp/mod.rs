//! XMP sidecars both ways: writing our metadata next to a file for other tools ([`write`]), and reading back what
//! they changed as a three-way merge ([`read`]).

pub mod read;
pub mod write;

pub use read::{read_sidecar, Conflict, SidecarRead};
pub use write::{sidecar_props, write_sidecars, SidecarWritten};
