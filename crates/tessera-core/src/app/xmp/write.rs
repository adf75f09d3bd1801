//! `tessera xmp write ID... [--out DIR]`: an XMP sidecar per asset that ExifTool, Bridge, Lightroom, darktable and
//! digiKam read. The name keeps the extension (`photo.jpg.xmp`, as darktable and digiKam name it); without an export
//! folder it goes beside the stored original (`originals/ab/<hash>.jpg.xmp`; the original itself is never written).
//! An existing sidecar's other properties are kept; the file is replaced atomically (temporary file + rename). What
//! was written is recorded for the three-way merge of `tessera xmp read`.

use crate::app::Ctx;
use crate::domain::{AssetDetail, AssetId};
use crate::error::{Error, Result};
use crate::metadata::xmp_sidecar::{render_sidecar, SidecarProps, SIDECAR_LIMIT};
use serde::Serialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SidecarWritten {
    pub id: AssetId,
    pub path: String,
}

/// What we write for an asset: its built-in fields and tags, in the sidecar's terms.
pub fn sidecar_props(a: &AssetDetail) -> SidecarProps {
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
        // Lightroom's and Bridge's default label set is capitalised ("Red", "Green"), and they match it exactly.
        label: a.label.as_deref().map(capitalised),
        rating,
        tags: a.tags.clone(),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
    for &id in ids {
        let detail = ctx.store().asset_detail(id)?;
        let path = match out {
            Some(dir) => dir.join(format!("{}.xmp", file_name(&detail))),
            None => ctx.library.root().join(format!("{}.xmp", detail.file.stored_path)),
        };
        let props = sidecar_props(&detail);
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
