//! "Add sample assets": a dozen varied demo images drawn in code (no third-party images), with titles and keywords
//! in XMP, so a newcomer sees a working library at once.

use crate::error::{Error, Result};
use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};
use std::path::{Path, PathBuf};

struct Sample {
    file: &'static str,
    title: &'static str,
    keywords: &'static [&'static str],
    rating: u8,
    size: (u32, u32),
    palette: [[u8; 3]; 3],
    pattern: Pattern,
}

#[derive(Clone, Copy)]
enum Pattern {
    Sunset,
    Rings,
    Stripes,
    Tiles,
    Hills,
}

const SAMPLES: [Sample; 12] = [
    sample(
        "sunset-over-the-bay.jpg",
        "Sunset over the bay",
        &["summer", "travel"],
        5,
        (1600, 1000),
        [[255, 94, 58], [255, 196, 92], [40, 24, 84]],
        Pattern::Sunset,
    ),
    sample(
        "brand-hero-final_v4.jpg",
        "Brand hero, final",
        &["brand", "campaign"],
        4,
        (1920, 1080),
        [[17, 24, 39], [99, 102, 241], [236, 72, 153]],
        Pattern::Rings,
    ),
    sample(
        "product-shot-mint.jpg",
        "Product shot, mint",
        &["product"],
        3,
        (1200, 1200),
        [[16, 185, 129], [209, 250, 229], [6, 78, 59]],
        Pattern::Rings,
    ),
    sample(
        "poster-portrait.jpg",
        "Festival poster",
        &["campaign", "print"],
        4,
        (900, 1350),
        [[250, 204, 21], [30, 41, 59], [244, 63, 94]],
        Pattern::Stripes,
    ),
    sample(
        "alpine-hills.jpg",
        "Alpine hills",
        &["travel", "nature"],
        5,
        (2000, 1200),
        [[56, 189, 248], [21, 128, 61], [240, 253, 244]],
        Pattern::Hills,
    ),
    sample(
        "moody-forest.jpg",
        "Moody forest",
        &["nature"],
        2,
        (1500, 1000),
        [[6, 95, 70], [20, 83, 45], [187, 247, 208]],
        Pattern::Hills,
    ),
    sample(
        "social-square-coral.jpg",
        "Social tile, coral",
        &["social", "campaign"],
        3,
        (1080, 1080),
        [[251, 113, 133], [255, 241, 242], [136, 19, 55]],
        Pattern::Tiles,
    ),
    sample(
        "story-vertical.jpg",
        "Story background",
        &["social"],
        0,
        (1080, 1920),
        [[129, 140, 248], [244, 114, 182], [255, 255, 255]],
        Pattern::Sunset,
    ),
    sample(
        "texture-grid.png",
        "Texture grid",
        &["texture"],
        0,
        (1024, 1024),
        [[203, 213, 225], [71, 85, 105], [15, 23, 42]],
        Pattern::Tiles,
    ),
    sample(
        "banner-wide.jpg",
        "Website banner",
        &["web", "brand"],
        4,
        (2400, 800),
        [[14, 165, 233], [224, 242, 254], [12, 74, 110]],
        Pattern::Stripes,
    ),
    sample(
        "logo-mark.png",
        "Logo mark (transparent)",
        &["brand", "logo"],
        5,
        (800, 800),
        [[99, 102, 241], [255, 255, 255], [0, 0, 0]],
        Pattern::Rings,
    ),
    sample(
        "night-city.jpg",
        "Night city lights",
        &["travel", "night"],
        3,
        (1600, 1067),
        [[15, 23, 42], [250, 204, 21], [147, 51, 234]],
        Pattern::Tiles,
    ),
];

#[allow(clippy::too_many_arguments, reason = "a table row reads best as one call")]
const fn sample(
    file: &'static str,
    title: &'static str,
    keywords: &'static [&'static str],
    rating: u8,
    size: (u32, u32),
    palette: [[u8; 3]; 3],
    pattern: Pattern,
) -> Sample {
    Sample { file, title, keywords, rating, size, palette, pattern }
}

/// Writes the sample images into `dir` (created if needed) and returns their paths.
pub fn write_samples(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    SAMPLES
        .iter()
        .map(|s| {
            let path = dir.join(s.file);
            let bytes = render(s);
            std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
            Ok(path)
        })
        .collect()
}

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t) as u8)
}

fn colour(s: &Sample, x: u32, y: u32) -> [u8; 3] {
    let (w, h) = (s.size.0 as f32, s.size.1 as f32);
    let (fx, fy) = (x as f32 / w, y as f32 / h);
    let [a, b, c] = s.palette;
    match s.pattern {
        Pattern::Sunset => {
            let sun = ((fx - 0.5).powi(2) + (fy - 0.62).powi(2) * (h / w).powi(2)).sqrt() < 0.12;
            if sun {
                b
            } else if fy > 0.65 {
                mix(c, a, (fy - 0.65) * 1.5)
            } else {
                mix(a, b, fy * 1.4)
            }
        }
        Pattern::Rings => {
            let d = ((fx - 0.5).powi(2) * w / h + (fy - 0.5).powi(2) * h / w).sqrt();
            if ((d * 14.0) as u32).is_multiple_of(2) {
                mix(a, b, d * 1.6)
            } else {
                mix(a, c, d * 1.2)
            }
        }
        Pattern::Stripes => {
            if (((fx + fy) * 12.0) as u32).is_multiple_of(2) {
                mix(a, c, fy)
            } else {
                mix(b, a, fx)
            }
        }
        Pattern::Tiles => {
            let (tx, ty) = ((fx * 8.0) as u32, (fy * 8.0 * h.min(w) / w.max(h)) as u32);
            if (tx + ty) % 3 == 0 {
                b
            } else {
                mix(a, c, ((tx * 7 + ty * 3) % 8) as f32 / 8.0)
            }
        }
        Pattern::Hills => {
            let ridge = 0.55 + 0.12 * (fx * 9.0).sin() + 0.05 * (fx * 23.0).cos();
            if fy > ridge {
                mix(b, c, (fy - ridge) * 0.6)
            } else {
                mix(c, a, fy / ridge)
            }
        }
    }
}

fn render(s: &Sample) -> Vec<u8> {
    let (w, h) = s.size;
    let mut out = Vec::new();
    if s.file.ends_with(".png") {
        let transparent = s.title.contains("transparent");
        let img = RgbaImage::from_fn(w, h, |x, y| {
            let [r, g, b] = colour(s, x, y);
            let d = ((x as f32 / w as f32 - 0.5).powi(2) + (y as f32 / h as f32 - 0.5).powi(2)).sqrt();
            Rgba([r, g, b, if transparent && d > 0.42 { 0 } else { 255 }])
        });
        let _ = image::codecs::png::PngEncoder::new(&mut out).write_image(
            img.as_raw(),
            w,
            h,
            image::ExtendedColorType::Rgba8,
        );
        return png_with_xmp(&out, s);
    }
    let img = RgbImage::from_fn(w, h, |x, y| Rgb(colour(s, x, y)));
    let jpeg = crate::media::thumbnail::encode_jpeg(&img, 88).unwrap_or_default();
    with_xmp(&jpeg, s)
}

/// Inserts an XMP packet as an iTXt chunk right after the PNG's IHDR chunk (signature 8 + IHDR 25 bytes).
fn png_with_xmp(png: &[u8], s: &Sample) -> Vec<u8> {
    let mut chunk = b"iTXt".to_vec();
    chunk.extend_from_slice(b"XML:com.adobe.xmp\0\0\0\0\0");
    chunk.extend_from_slice(xmp_packet(s).as_bytes());
    let mut out = png[..33.min(png.len())].to_vec();
    out.extend_from_slice(&((chunk.len() - 4) as u32).to_be_bytes());
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&crc32(&chunk).to_be_bytes());
    out.extend_from_slice(png.get(33..).unwrap_or_default());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn xmp_packet(s: &Sample) -> String {
    let items: String = s.keywords.iter().map(|k| format!("<rdf:li>{k}</rdf:li>")).collect();
    format!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="{}"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:title><dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject><dc:creator><rdf:Seq><rdf:li>Tessera samples</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"#,
        s.rating, s.title
    )
}

/// Inserts an XMP packet (title, keywords, rating, creator) after the JPEG's SOI marker.
fn with_xmp(jpeg: &[u8], s: &Sample) -> Vec<u8> {
    let packet = xmp_packet(s);
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(packet.as_bytes());
    let mut out = jpeg[..2.min(jpeg.len())].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    out
}
