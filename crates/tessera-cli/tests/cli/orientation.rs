//! All eight EXIF orientations: displayed size and thumbnail pixels are as the camera meant them.

use crate::fixtures::{self, Exif, BLUE, GREEN, RED, WHITE};
use crate::Sandbox;

#[test]
fn all_eight_exif_orientations_are_applied_to_size_and_thumbnail() {
    let sb = Sandbox::create();
    let input = sb.input();
    // Stored 400x200 (landscape) with coloured quadrants; each file differs in its EXIF only.
    let base = fixtures::quadrants(400, 200);
    for o in 1..=8u16 {
        let jpeg = fixtures::with_segments(
            &base,
            &[fixtures::exif_segment(&Exif { orientation: Some(o), ..Exif::default() })],
        );
        fixtures::write(&input.join(format!("o{o}.jpg")), &jpeg);
    }
    let (report, code) = sb.ingest(&[&input]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ingested"].as_array().unwrap().len(), 8);
    // What the top-left corner of the displayed image shows, per orientation.
    let expected_top_left = [RED, GREEN, WHITE, BLUE, RED, BLUE, WHITE, GREEN];
    for entry in report["ingested"].as_array().unwrap() {
        let name = entry["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
        let o: usize = name[1..2].parse().unwrap();
        let (a, _) = sb.json(&["show", &entry["id"].to_string()]);
        let rotated = o >= 5;
        let size = (a["width"].as_i64().unwrap(), a["height"].as_i64().unwrap());
        assert_eq!(size, if rotated { (200, 400) } else { (400, 200) }, "orientation {o} display size");
        assert_eq!(a["exif"]["orientation"], o, "orientation {o} recorded");
        let hash = a["file"]["hash"].as_str().unwrap();
        let thumb = std::fs::read(sb.library().join(format!("cache/v1-256/{}/{hash}.jpg", &hash[..2]))).unwrap();
        let img = turbojpeg::decompress(&thumb, turbojpeg::PixelFormat::RGB).expect("thumbnail decodes");
        assert_eq!(
            (img.width, img.height),
            if rotated { (128, 256) } else { (256, 128) },
            "orientation {o} thumb size"
        );
        let px = |x: usize, y: usize| -> [u8; 3] {
            let i = y * img.pitch + x * 3;
            [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]]
        };
        let close = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| (*x as i32 - y as i32).abs() < 60);
        assert!(close(px(8, 8), expected_top_left[o - 1]), "orientation {o}: top-left is {:?}", px(8, 8));
    }
}
