//! The one function that turns file bytes into pixels. It sniffs nothing itself (the caller passes the real MIME
//! type from [`super::sniff`]), refuses huge images before allocating, decodes JPEG at a reduced size straight from
//! the DCT (shrink-on-load), applies EXIF orientation, returns 8-bit sRGB(A), and turns decoder panics into errors.
//!
//! Colour: pixels described by an embedded RGB ICC profile other than sRGB are converted to sRGB ([`super::colour`]);
//! pixels without one are taken as sRGB. CMYK JPEGs are converted with the Adobe (inverted) convention most of them
//! use, without their profile.

use image::DynamicImage;

/// Refuse images whose header claims more pixels than this (a 100 MP photo passes; a 100k x 100k bomb does not).
pub const MAX_PIXELS: u64 = 600_000_000;
/// Formats without reduced-size decoding are decoded at full size: keep that bounded.
pub const MAX_FULL_DECODE_PIXELS: u64 = 250_000_000;
/// Memory any one decode may allocate.
pub const MAX_DECODE_BYTES: u64 = 2 << 30;

/// Decoded pixels, oriented for display.
#[derive(Debug)]
pub struct Decoded {
    /// RGB8 or RGBA8, at least the requested size on its long side when the source is that large.
    pub image: DynamicImage,
    /// Pixel size of the stored file (before orientation).
    pub source_width: u32,
    pub source_height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("no thumbnail for this format yet ({0})")]
    Unsupported(String),
    #[error("image claims {width}x{height} pixels, over the limit of {} megapixels", MAX_PIXELS / 1_000_000)]
    TooLarge { width: u64, height: u64 },
    #[error("truncated image: {0}")]
    Truncated(String),
    #[error("corrupt image data: {0}")]
    Corrupt(String),
    #[error("the image decoder crashed on this file: {0}")]
    Panicked(String),
}

/// Decodes `bytes` (of real type `mime`) so that its long side is at least `min_long_side` where the format allows
/// decoding at a reduced size, then applies the EXIF `orientation` (1..8).
pub fn decode(bytes: &[u8], mime: &str, min_long_side: u32, orientation: Option<u16>) -> Result<Decoded, DecodeError> {
    let result = super::quiet_panics::catch(|| match mime {
        "image/jpeg" => super::jpeg::decode_scaled(bytes, min_long_side),
        "image/svg+xml" => super::svg::render(bytes, min_long_side),
        "image/png" | "image/gif" | "image/webp" | "image/tiff" | "image/bmp" => super::raster::decode_full(bytes),
        other => Err(DecodeError::Unsupported(other.to_string())),
    });
    let mut decoded = match result {
        Ok(inner) => inner?,
        Err(panicked) => return Err(DecodeError::Panicked(panicked.0)),
    };
    if let Some(o) = orientation.and_then(|o| u8::try_from(o).ok()).and_then(image::metadata::Orientation::from_exif) {
        decoded.image.apply_orientation(o);
    }
    Ok(decoded)
}

/// Refuses a claimed size over the limits, before anything is allocated.
pub(super) fn check_size(width: u64, height: u64, max: u64) -> Result<(), DecodeError> {
    if width == 0 || height == 0 {
        return Err(DecodeError::Corrupt(format!("image claims a size of {width}x{height}")));
    }
    if width.saturating_mul(height) > max {
        return Err(DecodeError::TooLarge { width, height });
    }
    Ok(())
}

/// Pixel size from the header alone, for any image format we know (also those we cannot decode, like PSD or HEIC).
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = imagesize::blob_size(bytes).ok()?;
    Some((u32::try_from(size.width).ok()?, u32::try_from(size.height).ok()?))
}
