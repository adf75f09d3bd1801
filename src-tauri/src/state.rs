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
use tessera_core::app::people::{self, Who};
use tessera_core::app::watch::WatcherHost;
use tessera_core::domain::Profile;
use tessera_core::runtime::{CancelToken, Workers};
use tessera_core::{Ctx, Library};

pub struct AppState {
    library: RwLock<Arc<Library>>,
    /// Where the recent-library list is kept (`TESSERA_CONFIG_DIR`, else the platform config folder).
    pub config_dir: PathBuf,
    /// The OS user's name: who acts when no profile is picked (`app::people::resolve`).
    pub os_user: String,
    /// The profile picked in the window's switcher (or `TESSERA_AS` at start); none: the OS user's. Resolved again on
    /// every call, so a role changed or a profile deactivated from the CLI takes effect at once.
    acting_as: RwLock<Option<String>>,
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
            os_user: tessera_core::runtime::os_user::os_user(),
            acting_as: RwLock::new(acting_at_start()),
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

    /// The profile picked in the switcher, if any.
    pub fn acting_as(&self) -> Option<String> {
        self.acting_as.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Picks who acts from now on (`None`: the OS user's profile again, e.g. after opening another library).
    pub fn set_acting_as(&self, name: Option<String>) {
        *self.acting_as.write().unwrap_or_else(|p| p.into_inner()) = name;
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
    /// Who acts in this call: the profile picked in the switcher, else the OS user's; refused (unknown or deactivated,
    /// or an OS user without a profile in a library of several) with the reason.
    pub fn profile(&self) -> tessera_core::Result<Profile> {
        let named = self.app.acting_as();
        people::resolve(&self.library, &Who { named: named.as_deref(), os_user: &self.app.os_user })
    }

    /// The use cases' context for a command of this window, acting as [`CallState::profile`].
    pub fn ctx(&self) -> tessera_core::Result<Ctx<'_>> {
        Ok(Ctx::acting(&self.library, &self.profile()?))
    }
}

impl Deref for CallState<'_> {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        self.app
    }
}

/// Who acts when a library opens: `TESSERA_AS` (as the CLI's `--as`), else nobody picked (the OS user's profile).
pub fn acting_at_start() -> Option<String> {
    std::env::var("TESSERA_AS").ok().filter(|v| !v.trim().is_empty())
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
