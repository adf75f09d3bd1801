//! Label sets: which XMP label text stands for which colour (see [`crate::domain::LabelSets`]).

pub mod list;
pub mod set;
