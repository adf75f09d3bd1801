//! Thumbnails and previews: resize decoded pixels to fit a box and encode them (JPEG through libjpeg-turbo for opaque
//! images, PNG where there is transparency).

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageEncoder};

/// JPEG quality of thumbnails and previews.
pub const JPEG_QUALITY: i32 = 82;

/// An encoded thumbnail.
#[derive(Debug, Clone)]
pub struct Thumbnail {
    pub bytes: Vec<u8>,
    /// "jpg" or "png".
    pub ext: &'static str,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ThumbnailError {
    #[error("resizing failed: {0}")]
    Resize(String),
    #[error("encoding the thumbnail failed: {0}")]
    Encode(String),
}

/// The size that fits `(w, h)` into a `max_side` square box, never enlarging.
pub fn fit(w: u32, h: u32, max_side: u32) -> (u32, u32) {
    if w <= max_side && h <= max_side {
        return (w.max(1), h.max(1));
    }
    let scale = max_side as f64 / w.max(h) as f64;
    (((w as f64 * scale).round() as u32).max(1), ((h as f64 * scale).round() as u32).max(1))
}

/// Resizes `image` (RGB8 or RGBA8) to fit `max_side` and encodes it.
pub fn make(image: &DynamicImage, max_side: u32) -> Result<Thumbnail, ThumbnailError> {
    let resized = resize(image, max_side)?;
    encode(&resized)
}

/// Resizes to fit `max_side` (Catmull-Rom; the source is at most 8x larger thanks to shrink-on-load).
pub fn resize(image: &DynamicImage, max_side: u32) -> Result<DynamicImage, ThumbnailError> {
    let (w, h) = fit(image.width(), image.height(), max_side);
    if (w, h) == (image.width(), image.height()) {
        return Ok(image.clone());
    }
    let mut dst = match image {
        DynamicImage::ImageRgba8(_) => DynamicImage::new_rgba8(w, h),
        _ => DynamicImage::new_rgb8(w, h),
    };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::CatmullRom));
    Resizer::new().resize(image, &mut dst, &options).map_err(|e| ThumbnailError::Resize(e.to_string()))?;
    Ok(dst)
}

/// Encodes RGB8 as JPEG and RGBA8 as PNG.
pub fn encode(image: &DynamicImage) -> Result<Thumbnail, ThumbnailError> {
    let (width, height) = (image.width(), image.height());
    match image {
        DynamicImage::ImageRgba8(rgba) => {
            let mut bytes = Vec::new();
            image::codecs::png::PngEncoder::new_with_quality(
                &mut bytes,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(rgba.as_raw(), width, height, image::ExtendedColorType::Rgba8)
            .map_err(|e| ThumbnailError::Encode(e.to_string()))?;
            Ok(Thumbnail { bytes, ext: "png", width, height })
        }
        other => {
            let bytes = encode_jpeg(&other.to_rgb8(), JPEG_QUALITY)?;
            Ok(Thumbnail { bytes, ext: "jpg", width, height })
        }
    }
}

/// Encodes RGB pixels as a JPEG (4:2:0) through libjpeg-turbo.
pub fn encode_jpeg(rgb: &image::RgbImage, quality: i32) -> Result<Vec<u8>, ThumbnailError> {
    let view = turbojpeg::Image {
        pixels: rgb.as_raw().as_slice(),
        width: rgb.width() as usize,
        pitch: rgb.width() as usize * 3,
        height: rgb.height() as usize,
        format: turbojpeg::PixelFormat::RGB,
    };
    let buf = turbojpeg::compress(view, quality, turbojpeg::Subsamp::Sub2x2)
        .map_err(|e| ThumbnailError::Encode(e.to_string()))?;
    Ok(buf.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_aspect_and_never_enlarges() {
        assert_eq!(fit(6000, 4000, 256), (256, 171));
        assert_eq!(fit(4000, 6000, 256), (171, 256));
        assert_eq!(fit(100, 50, 256), (100, 50), "small images stay as they are");
        assert_eq!(fit(10000, 1, 256), (256, 1), "a sliver keeps at least one pixel");
    }

    #[test]
    fn rgb_becomes_jpeg_and_rgba_png() {
        let rgb = DynamicImage::new_rgb8(600, 300);
        let t = make(&rgb, 256).expect("thumbnail");
        assert_eq!((t.ext, t.width, t.height), ("jpg", 256, 128));
        assert_eq!(&t.bytes[..2], &[0xFF, 0xD8], "a JPEG starts with SOI");
        let rgba = DynamicImage::new_rgba8(300, 600);
        let t = make(&rgba, 256).expect("thumbnail");
        assert_eq!((t.ext, t.width, t.height), ("png", 128, 256));
    }
}
