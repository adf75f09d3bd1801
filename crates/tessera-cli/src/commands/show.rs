//! `tessera show ID`

use super::Outcome;
use crate::location::Session;
use crate::output::{self, human_bytes};
use tessera_core::domain::FieldValue;
use tessera_core::AssetId;

pub fn run(session: &Session, id: i64, json: bool) -> anyhow::Result<Outcome> {
    let library = session.open()?;
    let ctx = session.ctx(&library)?;
    let a = tessera_core::app::assets::detail(&ctx, AssetId(id))?;
    if json {
        output::json(&a);
        return Ok(Outcome::Clean);
    }
    let line = |label: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            println!("{label:<12} {v}");
        }
    };
    line("id", Some(a.id.to_string()));
    line("name", Some(a.name.clone()));
    line("type", Some(format!("{} ({})", a.kind, a.file.mime)));
    line("size", Some(human_bytes(a.size)));
    line("pixels", a.width.zip(a.height).map(|(w, h)| format!("{w} x {h}")));
    line("title", a.title.clone());
    line("description", a.description.clone());
    line("tags", Some(a.tags.join(", ")));
    let paths: Vec<&str> = a.collections.iter().map(|c| c.path.as_str()).collect();
    line("collections", (!paths.is_empty()).then(|| paths.join(", ")));
    line("rating", a.rating.map(|r| "★".repeat(r as usize)));
    line("alt text", a.alt_text.clone());
    line("caption", a.caption.clone());
    line("label", a.label.clone());
    line("flag", a.flag.clone());
    line("creator", a.creator.clone());
    line("credit", a.credit.clone());
    line("copyright", a.copyright.clone());
    line("licence", a.rights.licence.clone());
    line("usage terms", a.rights.usage_terms.clone());
    line("expires", a.rights.expires.clone());
    line("campaign", a.campaign.clone());
    line("headline", a.headline.clone());
    line("instructions", a.instructions.clone());
    line("e-mail", a.contact_email.clone());
    line("web site", a.contact_url.clone());
    line("phone", a.contact_phone.clone());
    line("rights page", a.web_statement.clone());
    line("marked", a.rights_marked.map(|m| if m { "copyrighted" } else { "public domain" }.to_string()));
    line("licensor", a.licensor.clone());
    for c in &a.xmp_conflicts {
        let other = if c.winner == "sidecar" { &c.embedded } else { &c.sidecar };
        let kept = c.kept().unwrap_or("(empty)");
        let other = other.as_deref().unwrap_or("(empty)");
        line("xmp differs", Some(format!("{}: kept {kept} ({}, newer), not {other}", c.field, c.winner)));
    }
    for (name, value) in &a.fields {
        let text = match value {
            FieldValue::Yes(yes) => (if *yes { "yes" } else { "no" }).to_string(),
            FieldValue::Many(list) => list.join(", "),
            FieldValue::One(one) => one.display(),
        };
        line(name, Some(text));
    }
    line("taken", a.taken.clone());
    line("camera", a.exif.model.clone().or(a.exif.make.clone()));
    line("lens", a.exif.lens.clone());
    line("exposure", a.exif.exposure_time.as_ref().map(|t| format!("{t} s")));
    line("aperture", a.exif.f_number.map(|f| format!("f/{f}")));
    line("iso", a.exif.iso.map(|i| i.to_string()));
    line("focal", a.exif.focal_length_mm.map(|f| format!("{f} mm")));
    line("gps", a.exif.gps_latitude.zip(a.exif.gps_longitude).map(|(la, lo)| format!("{la:.6}, {lo:.6}")));
    line("uploader", Some(a.uploader.clone()));
    line("added", Some(tessera_core::domain::query::dates::format_utc(a.added)));
    line("source", Some(a.file.source_path.clone()));
    line("stored", Some(a.file.stored_path.clone()));
    line("hash", Some(a.file.hash.clone()));
    line("thumbnail", a.file.thumbnail_note.clone());
    Ok(Outcome::Clean)
}
