//! SVG rendered with resvg (no text shaping, no external resources: a file can never make Tessera read other files).

use super::decode::{check_size, DecodeError, Decoded, MAX_FULL_DECODE_PIXELS};
use image::{DynamicImage, RgbaImage};

pub(super) fn render(bytes: &[u8], min_long_side: u32) -> Result<Decoded, DecodeError> {
    let tree = resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default())
        .map_err(|e| DecodeError::Corrupt(format!("SVG: {e}")))?;
    let size = tree.size();
    let (w, h) = (size.width().max(1.0), size.height().max(1.0));
    let scale = (min_long_side.max(1) as f32 / w.max(h)).max(f32::MIN_POSITIVE);
    let (pw, ph) = ((w * scale).ceil() as u32, (h * scale).ceil() as u32);
    check_size(pw as u64, ph as u64, MAX_FULL_DECODE_PIXELS)?;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(pw, ph).ok_or_else(|| DecodeError::Corrupt("SVG has no drawable size".into()))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let image = RgbaImage::from_raw(pw, ph, rgba).ok_or_else(|| DecodeError::Corrupt("SVG raster size".into()))?;
    Ok(Decoded {
        image: DynamicImage::ImageRgba8(image),
        source_width: w.round() as u32,
        source_height: h.round() as u32,
    })
}
