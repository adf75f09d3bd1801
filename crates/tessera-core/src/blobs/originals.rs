//! The originals store: content-addressed files under `originals/ab/abcdef….ext`, written atomically (temporary
//! copy, fsync, rename). This is the only code that writes into `originals/`; an S3 backend would replace it.

use crate::error::{Error, Result};
use crate::library::LibraryPaths;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Where an original with this hash and extension lives, relative to the library folder.
pub fn stored_rel_path(hash: &str, ext: &str) -> String {
    let shard = hash.get(..2).unwrap_or("00");
    if ext.is_empty() {
        format!("originals/{shard}/{hash}")
    } else {
        format!("originals/{shard}/{hash}.{ext}")
    }
}

/// A fully written, fsynced copy waiting to be renamed into place. Removed on drop unless committed.
#[derive(Debug)]
pub struct TempOriginal {
    path: PathBuf,
    committed: bool,
}

impl TempOriginal {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempOriginal {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new, unique temporary file in `originals/.incoming/`.
pub fn create_temp(paths: &LibraryPaths) -> Result<(File, TempOriginal)> {
    let dir = paths.incoming();
    fs::create_dir_all(&dir).map_err(|e| Error::io("create folder", &dir, e))?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!("{}-{n}.part", std::process::id()));
    let file = File::create(&path).map_err(|e| Error::io("create", &path, e))?;
    Ok((file, TempOriginal { path, committed: false }))
}

/// Writes `bytes` to a new temporary original and fsyncs it.
pub fn write_temp(paths: &LibraryPaths, bytes: &[u8]) -> Result<TempOriginal> {
    let (mut file, temp) = create_temp(paths)?;
    file.write_all(bytes).map_err(|e| Error::io("write", &temp.path, e))?;
    file.sync_all().map_err(|e| Error::io("sync", &temp.path, e))?;
    Ok(temp)
}

/// Moves a temporary original into its final place. Content addressing means an existing file with that name
/// already holds the same bytes, so it is kept.
pub fn commit(paths: &LibraryPaths, mut temp: TempOriginal, rel: &str) -> Result<()> {
    let target = paths.root.join(rel);
    let dir = target.parent().unwrap_or(&paths.originals).to_path_buf();
    fs::create_dir_all(&dir).map_err(|e| Error::io("create folder", &dir, e))?;
    if !target.exists() {
        fs::rename(&temp.path, &target).map_err(|e| Error::io("move into place", &target, e))?;
        temp.committed = true;
        // Make the rename itself durable.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Removes a stored original that no row refers to (crash recovery). Missing is fine.
pub fn remove_stored(paths: &LibraryPaths, rel: &str) -> Result<()> {
    let target = paths.root.join(rel);
    match fs::remove_file(&target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("remove", target, e)),
    }
}

/// Removes temporary copies left by an interrupted ingest. Call only while holding the writer lock.
pub fn clear_incoming(paths: &LibraryPaths) -> Result<usize> {
    let dir = paths.incoming();
    let Ok(entries) = fs::read_dir(&dir) else { return Ok(0) };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
        removed += 1;
    }
    Ok(removed)
}

/// Every stored original, as paths relative to the library folder (for verify's orphan check).
pub fn list_stored(paths: &LibraryPaths) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let Ok(shards) = fs::read_dir(&paths.originals) else { return Ok(out) };
    for shard in shards.flatten() {
        let name = shard.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || !shard.path().is_dir() {
            continue;
        }
        let files = fs::read_dir(shard.path()).map_err(|e| Error::io("list", shard.path(), e))?;
        for file in files.flatten() {
            out.push(format!("originals/{name}/{}", file.file_name().to_string_lossy()));
        }
    }
    out.sort();
    // An XMP sidecar written beside its original (`<hash>.jpg.xmp`, or `<hash>.xmp` with Adobe naming, by
    // `tessera xmp write`) is not an orphan.
    let sidecar_of_listed = |p: &String| {
        p.strip_suffix(".xmp").is_some_and(|o| {
            out.binary_search(&o.to_string()).is_ok()
                || out.iter().any(|other| other != p && other.strip_prefix(o).is_some_and(|ext| ext.starts_with('.')))
        })
    };
    let sidecars: Vec<String> = out.iter().filter(|p| sidecar_of_listed(p)).cloned().collect();
    out.retain(|p| !sidecars.contains(p));
    Ok(out)
}

/// Copies the stored original `rel` into `dir` as `name` (as ` (2)`, ` (3)`… before the extension when that name is
/// taken: nothing outside the library is overwritten), checking on the way that its bytes still hash to `hash`.
/// Written to a temporary file in `dir`, fsynced, then linked into place, so a crash or a full disk leaves no half
/// file under the final name. Returns the path written.
pub fn copy_out(paths: &LibraryPaths, rel: &str, hash: &str, dir: &Path, name: &str) -> Result<PathBuf> {
    use std::io::Read;
    let source = paths.root.join(rel);
    let mut input = File::open(&source).map_err(|e| Error::io("open the original", &source, e))?;
    fs::create_dir_all(dir).map_err(|e| Error::io("create folder", dir, e))?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = TempOriginal { path: dir.join(format!(".tessera-{}-{n}.part", std::process::id())), committed: false };
    let mut output = File::create(&temp.path).map_err(|e| Error::io("create", &temp.path, e))?;
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let read = input.read(&mut buf).map_err(|e| Error::io("read the original", &source, e))?;
        if read == 0 {
            break;
        }
        hasher.update(&buf[..read]);
        output.write_all(&buf[..read]).map_err(|e| Error::io("write", &temp.path, e))?;
    }
    output.sync_all().map_err(|e| Error::io("sync", &temp.path, e))?;
    if hasher.finalize().to_hex().as_str() != hash {
        return Err(Error::io(
            "copy the original",
            &source,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "its bytes changed since import; run `tessera verify`",
            ),
        ));
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, format!(".{ext}")),
        _ => (name, String::new()),
    };
    let mut attempt = 0u64;
    loop {
        attempt += 1;
        let target = if attempt == 1 { dir.join(name) } else { dir.join(format!("{stem} ({attempt}){ext}")) };
        // A hard link fails when the name exists: no check-then-write race with another program.
        match fs::hard_link(&temp.path, &target) {
            Ok(()) => {
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
                return Ok(target);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io("copy into", &target, e)),
        }
    }
}
