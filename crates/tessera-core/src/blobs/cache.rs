//! Derived images (grid thumbnails, previews) under `cache/`. Keys hold the content hash, the size and
//! [`RENDER_VERSION`], so a change to how thumbnails are made never serves stale ones. Safe to delete at any time.

use crate::error::{Error, Result};
use crate::library::LibraryPaths;
use std::fs;
use std::path::PathBuf;

/// Bump when thumbnails should be made again (new resampler, colour handling, encoder settings…).
pub const RENDER_VERSION: u32 = 1;

/// The two sizes Tessera makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThumbSize {
    /// 256 px on the long side, for the grid.
    Grid,
    /// 1024 px on the long side, for the inspector and quick look.
    Preview,
}

impl ThumbSize {
    pub fn pixels(self) -> u32 {
        match self {
            ThumbSize::Grid => 256,
            ThumbSize::Preview => 1024,
        }
    }
}

/// The cached image for a content hash at a size, whatever its format (`.jpg`, or `.png` for images with alpha).
pub fn find(paths: &LibraryPaths, hash: &str, size: ThumbSize) -> Option<PathBuf> {
    ["jpg", "png"].iter().map(|ext| path_for(paths, hash, size, ext)).find(|p| p.is_file())
}

pub fn path_for(paths: &LibraryPaths, hash: &str, size: ThumbSize, ext: &str) -> PathBuf {
    let shard = hash.get(..2).unwrap_or("00");
    paths.cache.join(format!("v{RENDER_VERSION}-{}", size.pixels())).join(shard).join(format!("{hash}.{ext}"))
}

/// Stores an encoded thumbnail (write to a temporary name, then rename, so readers never see half a file).
pub fn store(paths: &LibraryPaths, hash: &str, size: ThumbSize, ext: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = path_for(paths, hash, size, ext);
    let dir = path.parent().unwrap_or(&paths.cache);
    fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    let temp = path.with_extension(format!("{ext}.{}.tmp", std::process::id()));
    fs::write(&temp, bytes).map_err(|e| Error::io("write", &temp, e))?;
    fs::rename(&temp, &path).map_err(|e| Error::io("move into place", &path, e))?;
    Ok(path)
}

/// Removes every cached thumbnail and preview.
pub fn clear(paths: &LibraryPaths) -> Result<()> {
    match fs::remove_dir_all(&paths.cache) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("remove", &paths.cache, e)),
    }
    fs::create_dir_all(&paths.cache).map_err(|e| Error::io("create folder", &paths.cache, e))
}

/// Removes the cached thumbnails and previews of one content hash (its original has left the library). Missing is
/// fine.
pub fn remove(paths: &LibraryPaths, hash: &str) -> Result<()> {
    for size in [ThumbSize::Grid, ThumbSize::Preview] {
        for ext in ["jpg", "png"] {
            let path = path_for(paths, hash, size, ext);
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io("remove", &path, e)),
            }
        }
    }
    Ok(())
}
