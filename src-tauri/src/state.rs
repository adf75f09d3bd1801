//! What the shell keeps while running: the open library's handle, shared by every command, the thumbnail protocol,
//! imports and the change probe (the core's `Library` is `Sync`: reads run on its pool of connections, writes take
//! turns), the running import's cancel token, and who watches the library's folders (see `watcher.rs`).
//!
//! The library can be switched (`switch.rs`), so it sits behind a lock and everyone takes a clone of its `Arc` per
//! use: a command, a thumbnail request or an import started on the old library finishes on it, and the old handle
//! closes when the last of them lets go.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use tessera_core::app::watch::WatcherHost;
use tessera_core::runtime::{CancelToken, Workers};
use tessera_core::{Actor, Ctx, Library};

pub struct AppState {
    library: RwLock<Arc<Library>>,
    /// Where the recent-library list is kept (`TESSERA_CONFIG_DIR`, else the platform config folder).
    pub config_dir: PathBuf,
    /// Who acts in this window (the OS user until profiles arrive).
    pub actor: Actor,
    pub import: Mutex<Option<CancelToken>>,
    /// Whether this process, another one, or nobody watches the library's folders.
    pub watcher_host: Mutex<WatcherHost>,
    /// Stops the open library's background threads (the watcher, the change probe): cancelled when the app exits or
    /// another library is opened, then replaced by a fresh token for the next one.
    pub background: Mutex<CancelToken>,
    pub watch_thread: Mutex<Option<std::thread::JoinHandle<()>>>,
    /// Makes thumbnails for the `thumb://` protocol: a few threads, a bounded queue.
    pub thumbnails: Workers,
}

/// Thumbnail requests waiting beyond this many are answered "busy" (the grid asks again when it repaints).
const THUMBNAIL_QUEUE: usize = 1024;

impl AppState {
    pub fn open(root: &std::path::Path, config_dir: PathBuf) -> tessera_core::Result<AppState> {
        let library = Library::open_or_init(root)?.for_long_running()?;
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(AppState {
            library: RwLock::new(Arc::new(library)),
            config_dir,
            actor: Actor::named(tessera_core::runtime::os_user::os_user()),
            import: Mutex::new(None),
            watcher_host: Mutex::new(WatcherHost::Starting),
            background: Mutex::new(CancelToken::new()),
            watch_thread: Mutex::new(None),
            thumbnails: Workers::new("thumbnails", threads, THUMBNAIL_QUEUE),
        })
    }

    /// The library open now (hold the clone for the whole of one use, so a switch cannot change it halfway).
    pub fn library(&self) -> Arc<Library> {
        self.library.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Makes `library` the open one (`switch.rs`, which stops and restarts what runs on it).
    pub fn replace_library(&self, library: Arc<Library>) {
        *self.library.write().unwrap_or_else(|p| p.into_inner()) = library;
    }

    /// The token the open library's background threads stop on.
    pub fn background(&self) -> CancelToken {
        self.background.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The state as one command sees it: the library open when it started.
    pub fn for_call(&self) -> CallState<'_> {
        CallState { app: self, library: self.library() }
    }
}

/// The shell's state for one command: everything of [`AppState`] (through `Deref`, so handlers read
/// `call.state.import` as before) plus the library that was open when the command started, which [`CallState::ctx`]
/// lends to the use cases. A switch while the command runs does not change its library under it.
pub struct CallState<'a> {
    app: &'a AppState,
    pub library: Arc<Library>,
}

impl CallState<'_> {
    /// The use cases' context for a command of this window.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx::new(&self.library, self.app.actor.clone())
    }
}

impl Deref for CallState<'_> {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        self.app
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

/// `TESSERA_CONFIG_DIR`, else the platform config folder (`~/.config/tessera`) — where the CLI keeps the same list.
pub fn config_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TESSERA_CONFIG_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "Tessera", "Tessera")
        .map(|d| d.config_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".tessera-config"))
}
