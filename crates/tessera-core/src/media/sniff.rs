//! The real type of a file from its bytes, not its name. The name's extension is only a fallback for formats that
//! have no magic number (plain text, SVG, CSV…).

use crate::domain::AssetKind;

/// What a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub mime: String,
    /// Canonical lower-case extension for the real type ("jpg", "png", …).
    pub ext: String,
    pub kind: AssetKind,
}

/// Identifies `head` (the first bytes of a file; 8 KiB is plenty) given its file name.
pub fn sniff(head: &[u8], file_name: &str) -> Sniffed {
    let name_ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    // Before `infer`, which calls any file starting with `<?xml` XML.
    if looks_like_svg(head) {
        return Sniffed { mime: "image/svg+xml".into(), ext: "svg".into(), kind: AssetKind::Image };
    }
    if let Some(t) = infer::get(head) {
        let mime = t.mime_type().to_string();
        let ext = match t.extension() {
            "jpeg" => "jpg".to_string(),
            e => e.to_string(),
        };
        return Sniffed { kind: kind_of(&mime), mime, ext };
    }
    if looks_like_text(head) {
        let (mime, ext) = match name_ext.as_str() {
            "csv" => ("text/csv", "csv"),
            "md" | "markdown" => ("text/markdown", "md"),
            "html" | "htm" => ("text/html", "html"),
            "json" => ("application/json", "json"),
            "xml" => ("application/xml", "xml"),
            _ => ("text/plain", "txt"),
        };
        return Sniffed { mime: mime.into(), ext: ext.into(), kind: AssetKind::Document };
    }
    let ext = if name_ext.len() <= 8 && name_ext.chars().all(|c| c.is_ascii_alphanumeric()) {
        name_ext
    } else {
        String::new()
    };
    Sniffed { mime: "application/octet-stream".into(), ext, kind: AssetKind::Other }
}

fn kind_of(mime: &str) -> AssetKind {
    let (top, sub) = mime.split_once('/').unwrap_or((mime, ""));
    match top {
        "image" => AssetKind::Image,
        "video" => AssetKind::Video,
        "audio" => AssetKind::Audio,
        "font" => AssetKind::Font,
        _ if sub.starts_with("font-") || sub.contains("opentype") || sub.contains("truetype") => AssetKind::Font,
        _ if sub == "pdf"
            || sub == "rtf"
            || sub == "epub+zip"
            || sub == "postscript"
            || sub == "msword"
            || sub.starts_with("vnd.ms-")
            || sub.starts_with("vnd.openxmlformats")
            || sub.starts_with("vnd.oasis.opendocument") =>
        {
            AssetKind::Document
        }
        _ => AssetKind::Other,
    }
}

fn looks_like_svg(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    (trimmed.starts_with("<?xml") || trimmed.starts_with("<svg") || trimmed.starts_with("<!--"))
        && text.contains("<svg")
}

fn looks_like_text(head: &[u8]) -> bool {
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    // A multi-byte character may be cut at the end of the sample.
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && e.valid_up_to() + 4 >= head.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_named_jpg_is_a_png() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
        let s = sniff(&png, "photo.jpg");
        assert_eq!((s.mime.as_str(), s.ext.as_str(), s.kind), ("image/png", "png", AssetKind::Image), "bytes decide");
    }

    #[test]
    fn svg_text_and_unknown_binary() {
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"/>", "a.svg").ext, "svg");
        assert_eq!(sniff(b"name,qty\nx,1\n", "list.csv").kind, AssetKind::Document);
        let other = sniff(&[0, 1, 2, 3, 0xff], "blob.bin");
        assert_eq!((other.kind, other.ext.as_str()), (AssetKind::Other, "bin"));
        assert_eq!(sniff(&[], "empty.jpg").kind, AssetKind::Other, "an empty file is not an image");
    }

    #[test]
    fn pdf_is_a_document() {
        assert_eq!(sniff(b"%PDF-1.7\n", "x.dat").kind, AssetKind::Document);
    }
}
