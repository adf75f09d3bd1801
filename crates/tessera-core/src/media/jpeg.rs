//! JPEG through libjpeg-turbo with DCT scaling: decoding at 1/8 to 8/8 of full size is what makes thumbnails fast
//! (most of ingest time is JPEG decoding).

use super::decode::{check_size, DecodeError, Decoded, MAX_PIXELS};
use image::{DynamicImage, RgbImage};
use turbojpeg::{Colorspace, Decompressor, Image, PixelFormat, ScalingFactor};

pub(super) fn decode_scaled(bytes: &[u8], min_long_side: u32) -> Result<Decoded, DecodeError> {
    let mut dec = Decompressor::new().map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let header = dec.read_header(bytes).map_err(|e| classify(&e.to_string()))?;
    let (w, h) = (header.width, header.height);
    check_size(w as u64, h as u64, MAX_PIXELS)?;
    let factor = if header.is_lossless { ScalingFactor::ONE } else { scale_for(w.max(h), min_long_side as usize) };
    dec.set_scaling_factor(factor).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let (sw, sh) = (factor.scale(w), factor.scale(h));
    let cmyk = matches!(header.colorspace, Colorspace::CMYK | Colorspace::YCCK);
    let format = if cmyk { PixelFormat::CMYK } else { PixelFormat::RGB };
    let mut pixels = vec![0u8; sw * sh * format.size()];
    let out = Image { pixels: pixels.as_mut_slice(), width: sw, pitch: sw * format.size(), height: sh, format };
    if let Err(e) = dec.decompress(bytes, out) {
        let message = e.to_string();
        // libjpeg-turbo reports recoverable oddities ("Corrupt JPEG data: N extraneous bytes…") as warnings after
        // decoding the whole image; many real cameras write those. Missing data is not recoverable.
        if !message.contains("Corrupt JPEG data") || message.contains("Premature end") {
            return Err(classify(&message));
        }
    }
    let rgb = if cmyk { cmyk_to_rgb(&pixels) } else { pixels };
    let image = RgbImage::from_raw(sw as u32, sh as u32, rgb)
        .ok_or_else(|| DecodeError::Corrupt("decoded buffer has the wrong size".into()))?;
    let mut image = DynamicImage::ImageRgb8(image);
    if !cmyk {
        if let Some(profile) = super::colour::jpeg_profile(bytes) {
            super::colour::to_srgb(&mut image, &profile);
        }
    }
    Ok(Decoded { image, source_width: w as u32, source_height: h as u32 })
}

/// The smallest n/8 that keeps the long side at least `target` (full size when the image is smaller).
fn scale_for(long_side: usize, target: usize) -> ScalingFactor {
    (1..=8).map(|n| ScalingFactor::new(n, 8)).find(|f| f.scale(long_side) >= target).unwrap_or(ScalingFactor::ONE)
}

fn classify(message: &str) -> DecodeError {
    if message.contains("Premature end") || message.contains("truncated") {
        DecodeError::Truncated(message.trim_start_matches("TurboJPEG error: ").to_string())
    } else {
        DecodeError::Corrupt(message.trim_start_matches("TurboJPEG error: ").to_string())
    }
}

/// Adobe CMYK JPEGs store inverted ink values, so each channel times K is the RGB value.
fn cmyk_to_rgb(cmyk: &[u8]) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(cmyk.len() / 4 * 3);
    for px in cmyk.chunks_exact(4) {
        let k = px[3] as u32;
        rgb.extend([px[0], px[1], px[2]].map(|c| ((c as u32 * k + 127) / 255) as u8));
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_the_smallest_that_keeps_the_target() {
        assert_eq!(scale_for(6000, 256), ScalingFactor::new(1, 8), "750 px at 1/8 is enough for 256");
        assert_eq!(scale_for(1600, 256), ScalingFactor::new(2, 8), "1/8 of 1600 is 200 < 256");
        assert_eq!(scale_for(200, 256), ScalingFactor::ONE, "small images decode at full size");
    }
}
