//! Embedded ICC profiles, through moxcms (the colour management the `image` crate itself uses). Pixels described by another RGB profile (Adobe RGB, Display P3, ProPhoto, a camera's) are
//! converted to sRGB, so thumbnails and previews look as the photographer saw them rather than washed out. The
//! conversion runs on the already reduced decode (for a JPEG, the DCT-scaled one), so it costs little; a profile
//! that says it is sRGB, is not RGB, or cannot be read leaves the pixels as they are.

use image::DynamicImage;
use std::sync::OnceLock;

/// Profiles larger than this are not believed (real ones are a few kilobytes, a few hundred at most with LUTs).
const MAX_PROFILE_BYTES: usize = 4 << 20;

fn srgb() -> &'static moxcms::ColorProfile {
    static SRGB: OnceLock<moxcms::ColorProfile> = OnceLock::new();
    SRGB.get_or_init(moxcms::ColorProfile::new_srgb)
}

/// Converts 8-bit RGB or RGBA pixels described by `icc` to sRGB in place. Returns whether it converted.
pub(super) fn to_srgb(image: &mut DynamicImage, icc: &[u8]) -> bool {
    if icc.len() > MAX_PROFILE_BYTES || icc.get(16..20) != Some(b"RGB ") || says_srgb(icc) {
        return false;
    }
    let Ok(input) = moxcms::ColorProfile::new_from_slice(icc) else {
        return false;
    };
    let (layout, pixels): (moxcms::Layout, &mut [u8]) = match image {
        DynamicImage::ImageRgb8(rgb) => (moxcms::Layout::Rgb, rgb),
        DynamicImage::ImageRgba8(rgba) => (moxcms::Layout::Rgba, rgba),
        _ => return false,
    };
    let options =
        moxcms::TransformOptions { rendering_intent: moxcms::RenderingIntent::Perceptual, ..Default::default() };
    let Ok(transform) = input.create_transform_8bit(layout, srgb(), layout, options) else {
        return false;
    };
    let source = pixels.to_vec();
    transform.transform(&source, pixels).is_ok()
}

/// Whether the profile's description names sRGB (ASCII `desc` in v2 profiles, UTF-16 `mluc` in v4 ones).
fn says_srgb(icc: &[u8]) -> bool {
    let Some(desc) = tag(icc, b"desc") else {
        return false;
    };
    let ascii = desc.windows(4).any(|w| w == b"sRGB");
    let utf16 = desc.windows(8).any(|w| w == b"\0s\0R\0G\0B");
    ascii || utf16
}

/// The data of tag `signature` in an ICC profile.
fn tag<'a>(icc: &'a [u8], signature: &[u8; 4]) -> Option<&'a [u8]> {
    let be = |at: usize| icc.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let count = be(128)?.min(1000);
    (0..count).find_map(|i| {
        let entry = 132 + i * 12;
        if icc.get(entry..entry + 4)? != signature {
            return None;
        }
        let (offset, size) = (be(entry + 4)?, be(entry + 8)?);
        icc.get(offset..offset.checked_add(size)?)
    })
}

/// The ICC profile embedded in a JPEG's APP2 `ICC_PROFILE` segments (in sequence order), if any.
pub(super) fn jpeg_profile(jpeg: &[u8]) -> Option<Vec<u8>> {
    const MARK: &[u8] = b"ICC_PROFILE\0";
    let mut chunks: Vec<(u8, &[u8])> = Vec::new();
    let mut at = 2; // after SOI
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        if marker == 0xDA || marker == 0xD9 {
            break; // start of scan: no more metadata segments
        }
        let length = u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
        let segment = jpeg.get(at + 4..at + 2 + length)?;
        if marker == 0xE2 && segment.starts_with(MARK) && segment.len() > MARK.len() + 2 {
            chunks.push((segment[MARK.len()], &segment[MARK.len() + 2..]));
        }
        at += 2 + length;
    }
    if chunks.is_empty() {
        return None;
    }
    chunks.sort_by_key(|(sequence, _)| *sequence);
    let profile: Vec<u8> = chunks.into_iter().flat_map(|(_, data)| data.iter().copied()).collect();
    (profile.len() <= MAX_PROFILE_BYTES).then_some(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A matrix/curve ICC v2 profile with Adobe RGB (1998)'s primaries (D50-adapted) and gamma 563/256.
    fn adobe_rgb_profile(description: &str) -> Vec<u8> {
        let s15 = |v: f64| ((v * 65536.0).round() as i32).to_be_bytes();
        let xyz = |x: f64, y: f64, z: f64| {
            let mut t = b"XYZ \0\0\0\0".to_vec();
            [x, y, z].into_iter().for_each(|v| t.extend(s15(v)));
            t
        };
        let mut curve = b"curv\0\0\0\0".to_vec();
        curve.extend(1u32.to_be_bytes());
        curve.extend(563u16.to_be_bytes());
        curve.extend([0, 0]);
        let mut desc = b"desc\0\0\0\0".to_vec();
        desc.extend((description.len() as u32 + 1).to_be_bytes());
        desc.extend(description.as_bytes());
        desc.extend([0; 80]);
        let tags: [(&[u8; 4], Vec<u8>); 8] = [
            (b"desc", desc),
            (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rXYZ", xyz(0.6097, 0.3111, 0.0195)),
            (b"gXYZ", xyz(0.2053, 0.6257, 0.0609)),
            (b"bXYZ", xyz(0.1492, 0.0632, 0.7446)),
            (b"rTRC", curve.clone()),
            (b"gTRC", curve.clone()),
            (b"bTRC", curve),
        ];
        let mut table = (tags.len() as u32).to_be_bytes().to_vec();
        let mut data = Vec::new();
        let data_start = 128 + 4 + tags.len() * 12;
        for (signature, body) in &tags {
            table.extend(*signature);
            table.extend(((data_start + data.len()) as u32).to_be_bytes());
            table.extend((body.len() as u32).to_be_bytes());
            data.extend(body);
            data.resize(data.len().next_multiple_of(4), 0);
        }
        let mut header = vec![0u8; 128];
        header[8..12].copy_from_slice(&0x0210_0000u32.to_be_bytes());
        header[12..16].copy_from_slice(b"mntr");
        header[16..20].copy_from_slice(b"RGB ");
        header[20..24].copy_from_slice(b"XYZ ");
        header[36..40].copy_from_slice(b"acsp");
        for (k, v) in [0.9642, 1.0, 0.8249].into_iter().enumerate() {
            header[68 + k * 4..72 + k * 4].copy_from_slice(&s15(v));
        }
        let mut profile = [header, table, data].concat();
        let size = (profile.len() as u32).to_be_bytes();
        profile[0..4].copy_from_slice(&size);
        profile
    }

    fn pixel(image: &DynamicImage) -> [u8; 3] {
        let p = image.to_rgb8().get_pixel(0, 0).0;
        [p[0], p[1], p[2]]
    }

    #[test]
    fn adobe_rgb_pixels_become_srgb() {
        let mut image = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(4, 4, image::Rgb([200, 100, 50])));
        assert!(to_srgb(&mut image, &adobe_rgb_profile("Adobe RGB (1998)")));
        // Worked out by hand from the primaries: Adobe RGB (200, 100, 50) is about (227, 100, 42) in sRGB.
        let [r, g, b] = pixel(&image);
        assert!(r.abs_diff(227) <= 3 && g.abs_diff(100) <= 3 && b.abs_diff(42) <= 3, "got {r}, {g}, {b}");
    }

    #[test]
    fn srgb_unreadable_and_non_rgb_profiles_leave_pixels_alone() {
        let original = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(2, 2, image::Rgba([200, 100, 50, 128])));
        let mut image = original.clone();
        assert!(!to_srgb(&mut image, &adobe_rgb_profile("sRGB IEC61966-2.1")), "named sRGB");
        assert!(!to_srgb(&mut image, b"not a profile at all, just some bytes that go on for a while......"));
        let mut gray = adobe_rgb_profile("Gray");
        gray[16..20].copy_from_slice(b"GRAY");
        assert!(!to_srgb(&mut image, &gray));
        assert_eq!(image, original);
    }

    #[test]
    fn rgba_keeps_its_alpha() {
        let mut image = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(2, 2, image::Rgba([200, 100, 50, 77])));
        assert!(to_srgb(&mut image, &adobe_rgb_profile("Adobe RGB (1998)")));
        assert_eq!(image.to_rgba8().get_pixel(1, 1).0[3], 77);
    }

    #[test]
    fn decoding_a_jpeg_or_png_with_an_embedded_profile_gives_srgb() {
        use image::ImageEncoder;
        let near = |p: [u8; 3], want: [u8; 3]| p.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 4);
        let flat = image::RgbImage::from_pixel(64, 48, image::Rgb([200, 100, 50]));
        let profile = adobe_rgb_profile("Adobe RGB (1998)");

        let plain = crate::media::thumbnail::encode_jpeg(&flat, 95).expect("encode");
        let mut segment = b"ICC_PROFILE\0\x01\x01".to_vec();
        segment.extend(&profile);
        let mut tagged = plain[..2].to_vec();
        tagged.extend([0xFF, 0xE2]);
        tagged.extend(((segment.len() + 2) as u16).to_be_bytes());
        tagged.extend(segment);
        tagged.extend(&plain[2..]);
        let untouched = crate::media::decode(&plain, "image/jpeg", 32, None).expect("decode plain");
        assert!(near(pixel(&untouched.image), [200, 100, 50]), "no profile: {:?}", pixel(&untouched.image));
        let converted = crate::media::decode(&tagged, "image/jpeg", 32, None).expect("decode tagged");
        assert!(near(pixel(&converted.image), [227, 100, 42]), "JPEG: {:?}", pixel(&converted.image));

        let mut png = Vec::new();
        let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
        encoder.set_icc_profile(profile).expect("png takes a profile");
        encoder.write_image(&flat, 64, 48, image::ExtendedColorType::Rgb8).expect("encode png");
        let converted = crate::media::decode(&png, "image/png", 32, None).expect("decode png");
        assert!(near(pixel(&converted.image), [227, 100, 42]), "PNG: {:?}", pixel(&converted.image));
    }

    #[test]
    fn jpeg_profiles_are_read_from_app2_segments_in_sequence_order() {
        let profile: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let segment = |sequence: u8, data: &[u8]| {
            let mut body = b"ICC_PROFILE\0".to_vec();
            body.extend([sequence, 2]);
            body.extend(data);
            let mut s = vec![0xFF, 0xE2];
            s.extend(((body.len() + 2) as u16).to_be_bytes());
            s.extend(body);
            s
        };
        let jpeg = [&[0xFF, 0xD8][..], &segment(2, &profile[600..]), &segment(1, &profile[..600]), &[0xFF, 0xDA, 0, 2]]
            .concat();
        assert_eq!(jpeg_profile(&jpeg), Some(profile));
        assert_eq!(jpeg_profile(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 2]), None);
        assert_eq!(jpeg_profile(&[0xFF, 0xD8, 0xFF, 0xE2, 0xFF, 0xFF, 1]), None, "a segment longer than the file");
    }
}
