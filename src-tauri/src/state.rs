//! What the shell keeps while running: one library handle shared by every command, the thumbnail protocol, imports
//! and the change probe (the core's `Library` is `Sync`: reads run on its pool of connections, writes take turns),
//! the running import's cancel token, and who watches the library's folders (see `watcher.rs`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tessera_core::app::watch::WatcherHost;
use tessera_core::runtime::{CancelToken, Workers};
use tessera_core::{Actor, Ctx, Library};

pub struct AppState {
    pub root: PathBuf,
    pub library: Arc<Library>,
    /// Who acts in this window (the OS user until profiles arrive).
    pub actor: Actor,
    pub import: Mutex<Option<CancelToken>>,
    /// Whether this process, another one, or nobody watches the library's folders.
    pub watcher_host: Mutex<WatcherHost>,
    /// Stops the background threads (the watcher, the change probe) when the app exits.
    pub shutdown: CancelToken,
    pub watch_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Makes thumbnails for the `thumb://` protocol: a few threads, a bounded queue.
    pub thumbnails: Workers,
}

/// Thumbnail requests waiting beyond this many are answered "busy" (the grid asks again when it repaints).
const THUMBNAIL_QUEUE: usize = 1024;

impl AppState {
    pub fn open(root: &Path) -> tessera_core::Result<AppState> {
        let library = Library::open_or_init(root)?.for_long_running()?;
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(AppState {
            root: root.to_path_buf(),
            library: Arc::new(library),
            actor: Actor::named(tessera_core::runtime::os_user::os_user()),
            import: Mutex::new(None),
            watcher_host: Mutex::new(WatcherHost::Starting),
            shutdown: CancelToken::new(),
            watch_thread: Mutex::new(None),
            thumbnails: Workers::new("thumbnails", threads, THUMBNAIL_QUEUE),
        })
    }

    /// The use cases' context for a command of this window.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.library, self.actor.clone())
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
