//! Media: what a file really is ([`sniff`]), decoding it to pixels ([`decode`], the one place images are decoded),
//! and making thumbnails ([`thumbnail`]). Knows nothing of the database.

mod colour;
pub mod decode;
mod jpeg;
pub mod placeholder;
mod quiet_panics;
mod raster;
pub mod sniff;
mod svg;
pub mod thumbnail;

pub use decode::{decode, DecodeError, Decoded};
pub use sniff::{sniff, Sniffed};
