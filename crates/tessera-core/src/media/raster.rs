//! PNG, GIF, WebP, TIFF and BMP through the `image` crate, with its limits set so a hostile header cannot make it
//! allocate gigabytes. Animated files give their first frame; 16-bit and float images are reduced to 8 bits.

use super::decode::{check_size, DecodeError, Decoded, MAX_DECODE_BYTES, MAX_FULL_DECODE_PIXELS};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

pub(super) fn decode_full(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let reader = || -> Result<ImageReader<Cursor<&[u8]>>, DecodeError> {
        let mut reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        let mut limits = Limits::default();
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        reader.limits(limits);
        Ok(reader)
    };
    // The header alone first: a file claiming a huge size is refused even when the rest of it is missing.
    if let Some((w, h)) = super::decode::dimensions(bytes) {
        check_size(w as u64, h as u64, MAX_FULL_DECODE_PIXELS)?;
    }
    let (w, h) = reader()?.into_dimensions().map_err(|e| classify(e.to_string()))?;
    check_size(w as u64, h as u64, MAX_FULL_DECODE_PIXELS)?;
    let mut decoder = reader()?.into_decoder().map_err(|e| classify(e.to_string()))?;
    let profile = decoder.icc_profile().ok().flatten();
    let image = DynamicImage::from_decoder(decoder).map_err(|e| classify(e.to_string()))?;
    let mut image = match image {
        DynamicImage::ImageRgb8(_) | DynamicImage::ImageRgba8(_) => image,
        other if other.color().has_alpha() => DynamicImage::ImageRgba8(other.to_rgba8()),
        other => DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    if let Some(profile) = profile {
        super::colour::to_srgb(&mut image, &profile);
    }
    Ok(Decoded { image, source_width: w, source_height: h })
}

fn classify(message: String) -> DecodeError {
    let lower = message.to_lowercase();
    if lower.contains("eof")
        || lower.contains("end of file")
        || lower.contains("unexpected end")
        || lower.contains("truncat")
    {
        DecodeError::Truncated(message)
    } else if lower.contains("limit") {
        DecodeError::TooLarge { width: 0, height: 0 }
    } else {
        DecodeError::Corrupt(message)
    }
}
