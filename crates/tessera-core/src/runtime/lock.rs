//! One writer of originals at a time: ingest and crash recovery hold `ingest.lock`, so recovery can never remove the
//! in-flight copies of another process's ingest.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::path::Path;

/// Held while originals are being written; released on drop.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
}

impl WriterLock {
    /// Waits for the lock.
    pub fn acquire(root: &Path) -> Result<WriterLock> {
        let file = open(root)?;
        file.lock().map_err(|e| Error::io("lock", root.join("ingest.lock"), e))?;
        Ok(WriterLock { file })
    }

    /// Takes the lock if nobody holds it.
    pub fn try_acquire(root: &Path) -> Result<Option<WriterLock>> {
        let file = open(root)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriterLock { file })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io("lock", root.join("ingest.lock"), e)),
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first makes the release immediate and explicit.
        let _ = self.file.unlock();
    }
}

fn open(root: &Path) -> Result<File> {
    let path = root.join("ingest.lock");
    OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(|e| Error::io("open", path, e))
}
