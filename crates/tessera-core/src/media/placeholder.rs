//! A placeholder picture for assets without a thumbnail (PDF, video, fonts…): a card with the file type, as SVG, so
//! every front end shows the same thing.

use crate::domain::AssetKind;

/// An SVG card for `kind`, labelled with the extension (escaped; at most 5 characters shown).
pub fn svg(kind: AssetKind, ext: &str) -> String {
    let label: String = ext.chars().filter(|c| c.is_ascii_alphanumeric()).take(5).collect::<String>().to_uppercase();
    let colour = match kind {
        AssetKind::Image => "#3b82f6",
        AssetKind::Video => "#a855f7",
        AssetKind::Audio => "#10b981",
        AssetKind::Document => "#f59e0b",
        AssetKind::Font => "#ec4899",
        AssetKind::Other => "#64748b",
    };
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="12" fill="#1e2330"/><path d="M78 40h70l40 40v136H78z" fill="{colour}" opacity="0.9"/><path d="M148 40v40h40" fill="#ffffff" opacity="0.35"/><text x="133" y="172" font-family="sans-serif" font-size="28" font-weight="700" fill="#ffffff" text-anchor="middle">{label}</text><text x="128" y="236" font-family="sans-serif" font-size="16" fill="#94a3b8" text-anchor="middle">{kind}</text></svg>"##
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn label_cannot_inject_markup() {
        let s = super::svg(crate::domain::AssetKind::Document, "<script>");
        assert!(!s.contains("<script"), "the extension is reduced to letters and digits");
        assert!(s.contains(">SCRIP<"));
    }
}
