//! Test files made in code: real JPEG/PNG/GIF pixels, EXIF orientation, XMP and IPTC metadata, and bad inputs.

use image::{ImageEncoder, Rgb, RgbImage};
use std::path::Path;

/// A JPEG of `w`x`h` filled by `pixel`, at quality 90.
pub fn jpeg(w: u32, h: u32, pixel: impl Fn(u32, u32) -> [u8; 3]) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| Rgb(pixel(x, y)));
    let view = turbojpeg::Image {
        pixels: img.as_raw().as_slice(),
        width: w as usize,
        pitch: w as usize * 3,
        height: h as usize,
        format: turbojpeg::PixelFormat::RGB,
    };
    turbojpeg::compress(view, 90, turbojpeg::Subsamp::None).expect("encode jpeg").to_vec()
}

/// A JPEG whose pixels depend on `seed` (so each is unique content).
pub fn unique_jpeg(w: u32, h: u32, seed: u32) -> Vec<u8> {
    jpeg(w, h, move |x, y| {
        let v = x.wrapping_mul(31).wrapping_add(y.wrapping_mul(17)).wrapping_add(seed.wrapping_mul(97));
        [(v % 251) as u8, (seed % 256) as u8, ((x ^ y) % 256) as u8]
    })
}

/// Quadrants: top-left red, top-right green, bottom-left blue, bottom-right white.
pub const RED: [u8; 3] = [255, 0, 0];
pub const GREEN: [u8; 3] = [0, 255, 0];
pub const BLUE: [u8; 3] = [0, 0, 255];
pub const WHITE: [u8; 3] = [255, 255, 255];

pub fn quadrants(w: u32, h: u32) -> Vec<u8> {
    jpeg(w, h, |x, y| match (x < w / 2, y < h / 2) {
        (true, true) => RED,
        (false, true) => GREEN,
        (true, false) => BLUE,
        (false, false) => WHITE,
    })
}

/// A CMYK JPEG (as print workflows make them).
pub fn cmyk_jpeg(w: u32, h: u32) -> Vec<u8> {
    let pixels: Vec<u8> = (0..w * h).flat_map(|i| [(i % 200) as u8, 40, 90, 230]).collect();
    let view = turbojpeg::Image {
        pixels: pixels.as_slice(),
        width: w as usize,
        pitch: w as usize * 4,
        height: h as usize,
        format: turbojpeg::PixelFormat::CMYK,
    };
    turbojpeg::compress(view, 90, turbojpeg::Subsamp::None).expect("encode cmyk jpeg").to_vec()
}

pub fn png_rgba(w: u32, h: u32) -> Vec<u8> {
    let img =
        image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 128, (x % 256) as u8]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgba8)
        .expect("encode png");
    out
}

pub fn png_16bit(w: u32, h: u32) -> Vec<u8> {
    let img = image::ImageBuffer::<image::Rgb<u16>, Vec<u16>>::from_fn(w, h, |x, y| {
        image::Rgb([(x * 300) as u16, (y * 300) as u16, 40000])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb16(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode 16-bit png");
    out
}

pub fn animated_gif(w: u16, h: u16, frames: u8) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
        encoder.set_repeat(image::codecs::gif::Repeat::Infinite).expect("repeat");
        for f in 0..frames {
            let img = image::RgbaImage::from_pixel(w as u32, h as u32, image::Rgba([f * 40, 100, 200, 255]));
            encoder.encode_frame(image::Frame::new(img)).expect("frame");
        }
    }
    out
}

/// A valid PNG signature and IHDR chunk claiming `w`x`h`, and nothing else.
pub fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(b"IHDR");
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    out
}

/// A JPEG whose frame header claims `w`x`h` (the scan data is a real small image's).
pub fn jpeg_claiming(w: u16, h: u16) -> Vec<u8> {
    let mut bytes = jpeg(16, 16, |_, _| RED);
    let sof = bytes.windows(2).position(|m| m == [0xFF, 0xC0]).expect("baseline SOF0");
    bytes[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
    bytes[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    bytes
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

/// Inserts APP segments right after a JPEG's SOI marker.
pub fn with_segments(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for s in segments {
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// EXIF data in a little-endian TIFF structure.
#[derive(Default)]
pub struct Exif<'a> {
    pub orientation: Option<u16>,
    pub make: Option<&'a str>,
    pub model: Option<&'a str>,
    pub date_taken: Option<&'a str>,
    pub iso: Option<u16>,
}

/// An APP1 EXIF segment.
pub fn exif_segment(exif: &Exif<'_>) -> Vec<u8> {
    // IFD entries: (tag, type, count, value-or-data)
    enum V {
        Short(u16),
        Ascii(Vec<u8>),
        SubIfdPointer,
    }
    let mut ifd0: Vec<(u16, V)> = Vec::new();
    if let Some(m) = exif.make {
        ifd0.push((0x010F, V::Ascii(nul(m))));
    }
    if let Some(m) = exif.model {
        ifd0.push((0x0110, V::Ascii(nul(m))));
    }
    if let Some(o) = exif.orientation {
        ifd0.push((0x0112, V::Short(o)));
    }
    let mut sub: Vec<(u16, V)> = Vec::new();
    if let Some(iso) = exif.iso {
        sub.push((0x8827, V::Short(iso)));
    }
    if let Some(d) = exif.date_taken {
        sub.push((0x9003, V::Ascii(nul(d))));
    }
    let has_sub = !sub.is_empty();
    if has_sub {
        ifd0.push((0x8769, V::SubIfdPointer));
    }
    ifd0.sort_by_key(|(t, _)| *t);
    let ifd_len = |n: usize| 2 + n * 12 + 4;
    let ifd0_at = 8usize;
    let ifd0_data_at = ifd0_at + ifd_len(ifd0.len());
    let ascii_len = |entries: &[(u16, V)]| -> usize {
        entries
            .iter()
            .map(|(_, v)| {
                if let V::Ascii(a) = v {
                    if a.len() > 4 {
                        a.len()
                    } else {
                        0
                    }
                } else {
                    0
                }
            })
            .sum()
    };
    let sub_at = ifd0_data_at + ascii_len(&ifd0);
    let sub_data_at = sub_at + ifd_len(sub.len());
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&(ifd0_at as u32).to_le_bytes());
    let write_ifd = |tiff: &mut Vec<u8>, entries: &[(u16, V)], data_at: usize, sub_at: usize| {
        let mut data = Vec::new();
        tiff.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        for (tag, v) in entries {
            tiff.extend_from_slice(&tag.to_le_bytes());
            match v {
                V::Short(s) => {
                    tiff.extend_from_slice(&3u16.to_le_bytes());
                    tiff.extend_from_slice(&1u32.to_le_bytes());
                    tiff.extend_from_slice(&s.to_le_bytes());
                    tiff.extend_from_slice(&[0, 0]);
                }
                V::SubIfdPointer => {
                    tiff.extend_from_slice(&4u16.to_le_bytes());
                    tiff.extend_from_slice(&1u32.to_le_bytes());
                    tiff.extend_from_slice(&(sub_at as u32).to_le_bytes());
                }
                V::Ascii(a) => {
                    tiff.extend_from_slice(&2u16.to_le_bytes());
                    tiff.extend_from_slice(&(a.len() as u32).to_le_bytes());
                    if a.len() <= 4 {
                        let mut inline = a.clone();
                        inline.resize(4, 0);
                        tiff.extend_from_slice(&inline);
                    } else {
                        tiff.extend_from_slice(&((data_at + data.len()) as u32).to_le_bytes());
                        data.extend_from_slice(a);
                    }
                }
            }
        }
        tiff.extend_from_slice(&0u32.to_le_bytes());
        tiff.extend_from_slice(&data);
    };
    write_ifd(&mut tiff, &ifd0, ifd0_data_at, sub_at);
    if has_sub {
        write_ifd(&mut tiff, &sub, sub_data_at, 0);
    }
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    segment(0xE1, &payload)
}

fn nul(s: &str) -> Vec<u8> {
    let mut v = s.as_bytes().to_vec();
    v.push(0);
    v
}

/// An APP1 XMP segment with a title, a description, keywords and a rating.
pub fn xmp_segment(title: &str, description: &str, keywords: &[&str], rating: u8) -> Vec<u8> {
    let items: String = keywords.iter().map(|k| format!("<rdf:li>{k}</rdf:li>")).collect();
    let packet = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="{rating}"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt></dc:description><dc:subject><rdf:Bag>{items}</rdf:Bag></dc:subject><dc:creator><rdf:Seq><rdf:li>Ada Photographer</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
    );
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(packet.as_bytes());
    segment(0xE1, &payload)
}

/// An APP13 segment with IPTC keywords.
pub fn iptc_segment(keywords: &[&str]) -> Vec<u8> {
    let mut iptc = Vec::new();
    for k in keywords {
        iptc.extend_from_slice(&[0x1C, 2, 25]);
        iptc.extend_from_slice(&(k.len() as u16).to_be_bytes());
        iptc.extend_from_slice(k.as_bytes());
    }
    let mut payload = b"Photoshop 3.0\0".to_vec();
    payload.extend_from_slice(b"8BIM");
    payload.extend_from_slice(&0x0404u16.to_be_bytes());
    payload.extend_from_slice(&[0, 0]); // empty Pascal name, padded
    payload.extend_from_slice(&(iptc.len() as u32).to_be_bytes());
    payload.extend_from_slice(&iptc);
    if iptc.len() % 2 == 1 {
        payload.push(0);
    }
    segment(0xED, &payload)
}

pub fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create fixture folder");
    }
    std::fs::write(path, bytes).expect("write fixture");
}
