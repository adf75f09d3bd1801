//! Whether the disk under a file has room left. SQLite names a full disk only when a write to the database file
//! itself fails (SQLITE_FULL); when the shared-memory index or the write-ahead log cannot grow it reports a plain
//! "disk I/O error", which tells a person nothing they can act on. After such an error this asks the disk directly.

use std::io::Write;
use std::path::Path;

/// Enough to need fresh blocks on any file system (tmpfs and ext4 hand out 4 KiB pages).
const PROBE_BYTES: usize = 64 * 1024;

/// True when writing a small file beside `file` fails because the disk (or the quota) is full.
pub fn full_beside(file: &Path) -> bool {
    let Some(dir) = file.parent() else { return false };
    let probe = dir.join(format!(".space-probe-{}", std::process::id()));
    let written = std::fs::File::create(&probe).and_then(|mut f| {
        f.write_all(&[0u8; PROBE_BYTES])?;
        f.sync_all()
    });
    let _ = std::fs::remove_file(&probe);
    matches!(written, Err(e) if e.kind() == std::io::ErrorKind::StorageFull)
}
