//! `tessera xmp write ID... [--out DIR]`: an XMP sidecar per asset that ExifTool, Bridge, Lightroom, darktable and
//! digiKam read. The name keeps the extension (`photo.jpg.xmp`, as darktable and digiKam name it); without an export
//! folder it goes beside the stored original (`originals/ab/<hash>.jpg.xmp`; the original itself is never written).
//! An existing sidecar's other properties are kept; the file is replaced atomically (temporary file + rename). What
//! was written is recorded for the three-way merge of `tessera xmp read`.
//!
//! With the library option `xmp.naming adobe` the name drops the extension (`photo.xmp`, as Lightroom and Bridge
//! name it); two assets that would share one sidecar (photo.jpg and photo.cr2 written into one folder, in this call
//! or an earlier one) are refused before anything is written, naming both.

use crate::app::settings::get::xmp_naming;
use crate::app::settings::XmpNaming;
use crate::app::Ctx;
use crate::domain::{AssetDetail, AssetId, LabelSets};
use crate::error::{Error, Result};
use crate::metadata::xmp_sidecar::{render_sidecar, SidecarProps, SIDECAR_LIMIT};
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct SidecarWritten {
    pub id: AssetId,
    pub path: String,
}

/// What we write for an asset: its built-in fields and tags, in the sidecar's terms. The label goes back as the text
/// it came with while that text still stands for its colour (a Bridge "Approved" stays "Approved").
pub fn sidecar_props(a: &AssetDetail, labels: &LabelSets) -> SidecarProps {
    let rating = if a.flag.as_deref() == Some("reject") { Some(-1) } else { a.rating.map(|r| r as i8) };
    SidecarProps {
        title: a.title.clone(),
        description: a.description.clone(),
        alt_text: a.alt_text.clone(),
        creator: a.creator.clone().or(a.rights.creator.clone()),
        credit: a.credit.clone().or(a.rights.credit.clone()),
        rights: a.copyright.clone().or(a.rights.copyright.clone()),
        usage_terms: a.rights.usage_terms.clone(),
        licence: a.rights.licence.clone(),
        label: a.label.as_deref().map(|colour| labels.text_for(colour, a.label_text.as_deref())),
        rating,
        tags: a.tags.clone(),
        headline: a.headline.clone(),
        instructions: a.instructions.clone(),
        contact_email: a.contact_email.clone(),
        contact_url: a.contact_url.clone(),
        contact_phone: a.contact_phone.clone(),
        web_statement: a.web_statement.clone(),
        marked: a.rights_marked.map(|m| if m { "True" } else { "False" }.to_string()),
        licensor: a.licensor.clone(),
    }
}

/// Writes one sidecar per asset, in the order given. Stops at the first asset that fails (an unknown id, an existing
/// sidecar that cannot be merged): those before it are written and recorded.
pub fn write_sidecars(ctx: &Ctx, ids: &[AssetId], out: Option<&Path>) -> Result<Vec<SidecarWritten>> {
    ctx.require(crate::domain::Action::Export)?;
    let mut written = Vec::with_capacity(ids.len());
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
    }
    let labels = LabelSets::new(ctx.store().label_names()?);
    let naming = xmp_naming(ctx)?;
    let mut targets: Vec<(AssetDetail, PathBuf)> = Vec::with_capacity(ids.len());
    for &id in ids {
        let detail = ctx.store().asset_detail(id)?;
        let path = target(ctx, &detail, out, naming);
        if let Some((other, _)) = targets.iter().find(|(other, p)| *p == path && other.id != id) {
            return Err(clash(other, &detail, &path));
        }
        if naming == XmpNaming::Adobe {
            if let Some(other) = ctx.store().xmp_sidecar_owner(&record_key(&path), id)? {
                return Err(clash(&ctx.store().asset_detail(other)?, &detail, &path));
            }
        }
        targets.push((detail, path));
    }
    for (detail, path) in targets {
        let id = detail.id;
        let props = sidecar_props(&detail, &labels);
        let existing = read_existing(&path)?;
        let xml = render_sidecar(existing.as_deref(), &props)
            .map_err(|p| Error::XmpSidecarUnreadable { path: path.clone(), reason: p.to_string() })?;
        write_atomically(&path, xml.as_bytes())?;
        let shown = record_key(&path);
        let json = serde_json::to_string(&props).unwrap_or_default();
        ctx.store().record_xmp_sidecar(id, &shown, &json, ctx.now())?;
        written.push(SidecarWritten { id, path: shown });
    }
    Ok(written)
}

/// Where an asset's sidecar goes: the export folder, else beside the stored original; `photo.jpg.xmp`, or with
/// Adobe naming `photo.xmp`.
fn target(ctx: &Ctx, detail: &AssetDetail, out: Option<&Path>, naming: XmpNaming) -> PathBuf {
    let (dir, name) = match out {
        Some(dir) => (dir.to_path_buf(), file_name(detail)),
        None => {
            let stored = ctx.library.root().join(&detail.file.stored_path);
            let name = stored.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (stored.parent().map(Path::to_path_buf).unwrap_or_default(), name)
        }
    };
    let base = match naming {
        XmpNaming::KeepExtension => name,
        XmpNaming::Adobe => Path::new(&name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or(name),
    };
    dir.join(format!("{base}.xmp"))
}

fn clash(first: &AssetDetail, second: &AssetDetail, sidecar: &Path) -> Error {
    let shown = |a: &AssetDetail| format!("{} (asset {})", a.name, a.id.0);
    Error::XmpNameClash { first: shown(first), second: shown(second), sidecar: sidecar.to_path_buf() }
}

/// The sidecar's path as recorded and looked up again by `tessera xmp read` (absolute, links resolved).
pub(crate) fn record_key(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).to_string_lossy().into_owned()
}

/// The asset's name as a file name (its last path component; never a way out of the export folder).
fn file_name(a: &AssetDetail) -> String {
    let name = Path::new(&a.name).file_name().map(|n| n.to_string_lossy().into_owned());
    name.filter(|n| !n.is_empty() && n != "." && n != "..").unwrap_or_else(|| format!("asset-{}", a.id.0))
}

pub(crate) fn read_existing(path: &Path) -> Result<Option<String>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know it is too large; never read a hostile file whole.
    file.take(SIDECAR_LIMIT as u64 + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", path, e))?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp: PathBuf = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(Error::io("write", path, e));
    }
    Ok(())
}
