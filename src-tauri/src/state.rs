//! What the shell keeps while running: the library handle for the UI's reads and edits, and the running import.
//! Imports open their own handle, so browsing and editing stay responsive while files come in. The watcher of the
//! library's watched folders runs on its own thread too (see `watcher.rs`); who watches is kept here for the panel.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tessera_core::job::CancelToken;
use tessera_core::watch::WatcherHost;
use tessera_core::Library;

pub struct AppState {
    pub root: PathBuf,
    pub library: Mutex<Library>,
    pub import: Mutex<Option<CancelToken>>,
    /// Whether this process, another one, or nobody watches the library's folders.
    pub watcher_host: Mutex<WatcherHost>,
    /// Stops the watcher thread (set when the app exits).
    pub watch_cancel: CancelToken,
    pub watch_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl AppState {
    pub fn open(root: &Path) -> tessera_core::Result<AppState> {
        let library = Library::open_or_init(root)?.for_long_running()?;
        Ok(AppState {
            root: root.to_path_buf(),
            library: Mutex::new(library),
            import: Mutex::new(None),
            watcher_host: Mutex::new(WatcherHost::Starting),
            watch_cancel: CancelToken::new(),
            watch_thread: Mutex::new(None),
        })
    }

    /// The UI's library handle (a poisoned lock still holds a usable connection).
    pub fn library(&self) -> std::sync::MutexGuard<'_, Library> {
        self.library.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// `TESSERA_LIBRARY`, else `<data dir>/Default.tessera` — the same default as the `tessera` CLI.
pub fn library_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("TESSERA_LIBRARY").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "Tessera", "Tessera")
        .map(|d| d.data_dir().join("Default.tessera"))
        .unwrap_or_else(|| PathBuf::from("Default.tessera"))
}
