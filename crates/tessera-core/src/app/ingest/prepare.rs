//! The per-file work of ingest, run on worker threads: read and hash, find duplicates, learn the real type and the
//! metadata, make the grid thumbnail, and leave an fsynced temporary copy for the writer to move into place.

use super::run::IngestOptions;
use crate::blobs::cache::{self, ThumbSize};
use crate::blobs::originals::{self as blobs, TempOriginal};
use crate::domain::query::dates;
use crate::domain::NewAsset;
use crate::domain::{keyword_tag, AssetId, AssetKind, LabelSets};
use crate::error::Error;
use crate::library::LibraryPaths;
use crate::media::{self, DecodeError};
use crate::metadata::{self, ExtractedMetadata};
use crate::store::Store;
use std::collections::HashMap;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Mutex;
use std::time::SystemTime;

/// Files up to this size are read into memory once (hash, metadata, decode and copy from one buffer); larger ones are
/// streamed (hash while copying) and get no thumbnail.
const IN_MEMORY_LIMIT: u64 = 256 << 20;
const HEAD_BYTES: usize = 64 << 10;

/// What became of one candidate file.
#[derive(Debug)]
pub(crate) enum Prepared {
    New(Box<NewFile>),
    Duplicate {
        path: String,
        hash: String,
        existing: AssetId,
    },
    /// Same content as another file of this run that is not committed yet.
    DuplicateInRun {
        path: String,
        hash: String,
        first: String,
    },
    Failed {
        path: String,
        reason: String,
    },
}

#[derive(Debug)]
pub(crate) struct NewFile {
    /// The path as listed (what reports show).
    pub path: String,
    pub asset: NewAsset,
    pub temp: TempOriginal,
    pub megapixels: f64,
}

/// What all workers share.
pub(crate) struct Shared<'a> {
    pub paths: &'a LibraryPaths,
    pub store: &'a Store,
    /// Recorded as every new asset's uploader.
    pub uploader: String,
    pub options: &'a IngestOptions,
    pub now: i64,
    /// Content hashes taken by this run so far, with the path that took each.
    pub claims: Mutex<HashMap<String, String>>,
    /// Candidate → the XMP sidecar beside it (from the listing).
    pub sidecars: HashMap<std::path::PathBuf, std::path::PathBuf>,
    /// The library's label sets: label text → colour.
    pub labels: LabelSets,
}

/// Why a file is not ingested, worded for the report.
#[derive(Debug)]
struct Refusal(String);

impl From<String> for Refusal {
    fn from(reason: String) -> Self {
        Refusal(reason)
    }
}

impl From<&str> for Refusal {
    fn from(reason: &str) -> Self {
        Refusal(reason.to_string())
    }
}

struct Content {
    bytes: Option<Vec<u8>>,
    head: Vec<u8>,
    hash: String,
    size: u64,
    temp: Option<TempOriginal>,
}

pub(crate) fn prepare(path: &Path, shared: &Shared<'_>) -> Prepared {
    let shown = path.to_string_lossy().into_owned();
    let failed = |reason: String| Prepared::Failed { path: shown.clone(), reason };
    let content = match read(path, shared.paths) {
        Ok(content) => content,
        Err(Refusal(reason)) => return failed(reason),
    };
    {
        let mut claims = shared.claims.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(first) = claims.get(&content.hash) {
            return Prepared::DuplicateInRun { path: shown, hash: content.hash, first: first.clone() };
        }
        match shared.store.asset_by_hash(&content.hash) {
            Ok(Some(existing)) => return Prepared::Duplicate { path: shown, hash: content.hash, existing },
            Ok(None) => {}
            Err(e) => return failed(format!("could not check for duplicates: {e}")),
        }
        claims.insert(content.hash.clone(), shown.clone());
    }
    let result = build(path, &shown, content, shared);
    if result.is_err() {
        let mut claims = shared.claims.lock().unwrap_or_else(|p| p.into_inner());
        claims.retain(|_, first| first != &shown);
    }
    match result {
        Ok(new) => Prepared::New(Box::new(new)),
        Err(Refusal(reason)) => failed(reason),
    }
}

fn build(path: &Path, shown: &str, content: Content, shared: &Shared<'_>) -> Result<NewFile, Refusal> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.to_string());
    let sniffed = media::sniff(&content.head, &name);
    let bytes = content.bytes.as_deref().unwrap_or(&content.head);
    let mut meta = if content.bytes.is_some() { metadata::extract(bytes) } else { ExtractedMetadata::default() };
    let conflicts = match shared.sidecars.get(path) {
        Some(sidecar) => super::sidecar_merge::with_sidecar(&mut meta, path, sidecar),
        None => Vec::new(),
    };
    let orientation = meta.exif.orientation;
    let mut asset = NewAsset {
        kind: Some(sniffed.kind),
        ext: sniffed.ext.clone(),
        mime: sniffed.mime.clone(),
        name,
        source_path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).to_string_lossy().into_owned(),
        stored_path: blobs::stored_rel_path(&content.hash, &sniffed.ext),
        hash: content.hash.clone(),
        size: content.size,
        orientation,
        added_at: shared.now,
        uploader: shared.uploader.clone(),
        ..NewAsset::default()
    };
    apply_metadata(&mut asset, &meta, &shared.labels);
    asset.xmp_conflicts = conflicts;
    shared.options.defaults.apply(&mut asset);
    let mut megapixels = 0.0;
    if sniffed.kind == AssetKind::Image {
        match content.bytes.as_deref() {
            Some(bytes) => match thumbnails(bytes, &sniffed.mime, orientation, &content.hash, shared) {
                Ok((stored, display)) => {
                    asset.stored_size = Some(stored);
                    asset.display_size = Some(display);
                    megapixels = stored.0 as f64 * stored.1 as f64 / 1e6;
                }
                Err(DecodeError::Unsupported(_)) => {
                    asset.thumbnail_note = Some(format!("no thumbnail for {} files yet", sniffed.ext.to_uppercase()));
                    asset.stored_size = media::decode::dimensions(bytes);
                    asset.display_size = asset.stored_size.map(|s| oriented(s, orientation));
                }
                Err(e) => return Err(e.to_string().into()),
            },
            None => asset.thumbnail_note = Some("file too large for a thumbnail".into()),
        }
    }
    let temp = match content.temp {
        Some(temp) => temp,
        None => blobs::write_temp(shared.paths, bytes).map_err(|e| describe_write_error(&e))?,
    };
    Ok(NewFile { path: shown.to_string(), asset, temp, megapixels })
}

/// Title, description, rating, creator, rights and keywords from XMP/IPTC; date and camera from EXIF.
fn apply_metadata(asset: &mut NewAsset, meta: &ExtractedMetadata, labels: &LabelSets) {
    asset.title = meta.xmp.title.clone();
    asset.description = meta.xmp.description.clone();
    asset.creator = meta.xmp.creator.clone();
    asset.rights = meta.xmp.rights.clone();
    asset.rating = meta.xmp.rating.filter(|r| *r >= 0).map(|r| r.min(5) as u8);
    asset.flag = (meta.xmp.rating == Some(-1)).then(|| "reject".to_string());
    asset.alt_text = meta.xmp.alt_text.clone();
    asset.usage_terms = meta.xmp.usage_terms.clone();
    asset.licence = meta.xmp.licence.clone();
    asset.label = meta.xmp.label.as_deref().and_then(|t| labels.colour_of(t)).map(str::to_string);
    asset.label_text = meta.xmp.label.clone();
    asset.headline = meta.xmp.headline.clone();
    asset.instructions = meta.xmp.instructions.clone();
    asset.contact_email = meta.xmp.contact_email.clone();
    asset.contact_url = meta.xmp.contact_url.clone();
    asset.contact_phone = meta.xmp.contact_phone.clone();
    asset.web_statement = meta.xmp.web_statement.clone();
    asset.rights_marked = meta.xmp.marked;
    asset.licensor = meta.xmp.licensor.clone();
    if asset.credit.is_none() {
        asset.credit = meta.xmp.credit.clone();
    }
    // Hierarchical keywords (lr:, else digiKam:, else MicrosoftPhoto:) are paths; a flat keyword that is a part of one of them is the
    // same keyword as Lightroom exports it flat, not a tag of its own at the top.
    let x = &meta.xmp;
    let hierarchical = [&x.lr_hierarchical, &x.digikam_tags, &x.ms_keywords].into_iter().find(|h| !h.is_empty());
    let paths: Vec<String> = hierarchical.into_iter().flatten().filter_map(|k| keyword_tag(k)).collect();
    let part_of_a_path = |k: &str| paths.iter().any(|p| p.split('/').any(|part| part.eq_ignore_ascii_case(k.trim())));
    let flat = meta.keywords().into_iter().filter(|k| !part_of_a_path(k)).filter_map(|k| keyword_tag(&k));
    asset.tags = paths.iter().cloned().chain(flat).collect();
    asset.tags.dedup();
    asset.taken = meta.exif.taken.clone();
    asset.taken_at = meta.exif.taken.as_deref().and_then(dates::parse_datetime);
    asset.camera = camera(meta.exif.make.as_deref(), meta.exif.model.as_deref());
    asset.exif_json = serde_json::to_string(&meta.exif).unwrap_or_else(|_| "{}".into());
    asset.xmp_json = serde_json::to_string(&meta.xmp).unwrap_or_else(|_| "{}".into());
}

/// "Canon Canon EOS R5" reads better as "Canon EOS R5".
fn camera(make: Option<&str>, model: Option<&str>) -> Option<String> {
    match (make, model) {
        (Some(make), Some(model)) if model.to_lowercase().starts_with(&make.to_lowercase()) => Some(model.into()),
        (Some(make), Some(model)) => Some(format!("{make} {model}")),
        (one, other) => one.or(other).map(Into::into),
    }
}

fn oriented((w, h): (u32, u32), orientation: Option<u16>) -> (u32, u32) {
    if matches!(orientation, Some(5..=8)) {
        (h, w)
    } else {
        (w, h)
    }
}

/// Width and height in pixels.
type Size = (u32, u32);

/// Decodes once and writes the grid thumbnail (and the preview when asked). Returns the stored and displayed sizes.
fn thumbnails(
    bytes: &[u8],
    mime: &str,
    orientation: Option<u16>,
    hash: &str,
    shared: &Shared<'_>,
) -> Result<(Size, Size), DecodeError> {
    let previews = shared.options.previews;
    let target = if previews { ThumbSize::Preview } else { ThumbSize::Grid };
    let decoded = media::decode(bytes, mime, target.pixels(), orientation)?;
    let stored = (decoded.source_width, decoded.source_height);
    let display = oriented(stored, orientation);
    let sizes: &[ThumbSize] = if previews { &[ThumbSize::Preview, ThumbSize::Grid] } else { &[ThumbSize::Grid] };
    let mut image = decoded.image;
    for size in sizes {
        image = media::thumbnail::resize(&image, size.pixels()).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        let thumb = media::thumbnail::encode(&image).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        // The cache is rebuilt on demand, so a failure to write it does not fail the ingest.
        let _ = cache::store(shared.paths, hash, *size, thumb.ext, &thumb.bytes);
    }
    Ok((stored, display))
}

/// Reads the file, checking it did not change while being read.
fn read(path: &Path, paths: &LibraryPaths) -> Result<Content, Refusal> {
    let before = std::fs::metadata(path).map_err(|e| describe_read_error(&e))?;
    if !before.is_file() {
        return Err("not a regular file".into());
    }
    if before.len() == 0 {
        return Err("empty file (0 bytes)".into());
    }
    let mut file = File::open(path).map_err(|e| describe_read_error(&e))?;
    let content = if before.len() <= IN_MEMORY_LIMIT {
        let mut bytes = Vec::with_capacity(before.len() as usize + 1);
        file.read_to_end(&mut bytes).map_err(|e| describe_read_error(&e))?;
        Content {
            head: bytes[..bytes.len().min(HEAD_BYTES)].to_vec(),
            hash: blake3::hash(&bytes).to_hex().to_string(),
            size: bytes.len() as u64,
            bytes: Some(bytes),
            temp: None,
        }
    } else {
        stream(&mut file, paths)?
    };
    let after = std::fs::metadata(path).map_err(|e| describe_read_error(&e))?;
    if content.size != before.len() || after.len() != before.len() || modified(&after) != modified(&before) {
        return Err("the file changed while it was being read; it will be taken once it stops changing".into());
    }
    Ok(content)
}

/// Hashes a large file while copying it to a temporary original.
fn stream(file: &mut File, paths: &LibraryPaths) -> Result<Content, Refusal> {
    let (mut out, temp) = blobs::create_temp(paths).map_err(|e| describe_write_error(&e))?;
    let mut hasher = blake3::Hasher::new();
    let mut head = Vec::new();
    let mut buf = vec![0u8; 4 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| describe_read_error(&e))?;
        if n == 0 {
            break;
        }
        if head.len() < HEAD_BYTES {
            head.extend_from_slice(&buf[..n.min(HEAD_BYTES - head.len())]);
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(|e| describe_write_error(&Error::io("write", temp.path(), e)))?;
        size += n as u64;
    }
    out.sync_all().map_err(|e| describe_write_error(&Error::io("sync", temp.path(), e)))?;
    Ok(Content { bytes: None, head, hash: hasher.finalize().to_hex().to_string(), size, temp: Some(temp) })
}

fn modified(meta: &std::fs::Metadata) -> Option<SystemTime> {
    meta.modified().ok()
}

fn describe_read_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "cannot read: permission denied".into(),
        std::io::ErrorKind::NotFound => "the file disappeared before it could be read".into(),
        _ => format!("cannot read: {e}"),
    }
}

pub(super) fn describe_write_error(e: &Error) -> String {
    if e.is_storage_full() {
        format!("the library's disk is full; free some space and import again ({e})")
    } else {
        format!("could not store the original: {e}")
    }
}
