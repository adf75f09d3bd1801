//! Library settings (`tessera config get|set KEY [VALUE]`). Each key has its own allowed values, checked here.

pub mod get;
pub mod set;

/// How `tessera xmp write` names a sidecar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmpNaming {
    /// `photo.jpg.xmp` (darktable, digiKam): the default, never ambiguous.
    KeepExtension,
    /// `photo.xmp` (Lightroom, Bridge); refused where two files share a base name.
    Adobe,
}

/// The settings a library knows, their allowed values and their defaults.
pub(crate) const KNOWN: &[(&str, &[&str], &str)] = &[("xmp.naming", &["keep-extension", "adobe"], "keep-extension")];

impl XmpNaming {
    pub fn parse(value: &str) -> XmpNaming {
        if value == "adobe" {
            XmpNaming::Adobe
        } else {
            XmpNaming::KeepExtension
        }
    }
}
