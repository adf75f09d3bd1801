//! The watcher: `run` watches every active folder of a library until cancelled.
//!
//! It opens its own [`Library`] handle, starts one recursive `notify` watcher per active folder (or polls the folder
//! when that is impossible: inotify limit, network share, setup error — with a `warning` event), reconciles each
//! folder with what was already taken in, then loops: collect changes, wait for files to settle, ingest ready files
//! per folder in batches, apply rules, record events. Every few seconds it re-reads the folder list (so `watch add`
//! or `pause` from another process takes effect) and checks each folder is still there. Per-file and per-folder
//! problems become events; the loop itself only ends when cancelled. One watcher per library (`watch.lock`).

use super::batch::ingest_batch;
use super::events::{translate, FsChange};
use super::settle::{is_candidate, Ready, Settler, Snapshot};
use super::{reconcile, rules};
use crate::app::ingest::IngestOptions;
use crate::app::Ctx;
use crate::domain::watch::NewWatchEvent;
use crate::domain::watch::{FolderState, WatchStatus, WatchedFolder, WatchedFolderId};
use crate::domain::watch::{WatchEvent, WatchEventKind};
use crate::domain::Actor;
use crate::error::{Error, Result};
use crate::library::Library;
use crate::runtime::job::{CancelToken, ProgressSink};
use crossbeam_channel::{Receiver, Sender};
use notify::{RecursiveMode, Watcher};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How the watcher behaves.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// A file is ingested once its size and modification time have not changed for this long.
    pub settle: Duration,
    /// How often a folder without change events is walked.
    pub poll_every: Duration,
    /// How often the folder list is re-read and each folder checked to still be there.
    pub refresh_every: Duration,
    /// How often a watched folder is walked anyway, as a safety net for lost events.
    pub rescan_every: Duration,
    /// Poll every folder instead of using change events.
    pub force_polling: bool,
    /// Ingest worker threads (0 = one per core).
    pub threads: usize,
    /// The uploader recorded when a folder's rule names none.
    pub uploader: String,
    /// At most this many files per ingest call (a commit point for the rules and the feed).
    pub batch_files: usize,
}

impl Default for WatchOptions {
    fn default() -> Self {
        WatchOptions {
            settle: Duration::from_secs(2),
            poll_every: Duration::from_secs(5),
            refresh_every: Duration::from_secs(2),
            rescan_every: Duration::from_secs(600),
            force_polling: false,
            threads: 0,
            uploader: "unknown".into(),
            batch_files: 2000,
        }
    }
}

/// The longest the loop sleeps, so cancelling is noticed quickly.
const MAX_SLEEP: Duration = Duration::from_millis(250);

type Message = (WatchedFolderId, notify::Result<notify::Event>);

struct Live {
    folder: WatchedFolder,
    root: PathBuf,
    watcher: Option<notify::RecommendedWatcher>,
    mode: WatchStatus,
    next_scan: Instant,
    /// Unreadable parts already reported (so polling does not repeat them).
    reported: HashSet<PathBuf>,
}

struct Runner<'a> {
    library: Library,
    options: WatchOptions,
    cancel: CancelToken,
    sink: &'a dyn ProgressSink<WatchEvent>,
    live: BTreeMap<WatchedFolderId, Live>,
    settler: Settler,
    failed: HashMap<PathBuf, Snapshot>,
    tx: Sender<Message>,
}

/// Watches every active folder of the library at `library_root` until `cancel` is set.
pub fn run(
    library_root: &Path,
    options: WatchOptions,
    cancel: CancelToken,
    sink: &dyn ProgressSink<WatchEvent>,
) -> Result<()> {
    let library = Library::open(library_root)?.for_long_running()?;
    let lock = take_watch_lock(library.root())?;
    run_locked(library, lock, options, cancel, sink)
}

/// [`run`] once the watch lock is held (released when this returns).
pub(super) fn run_locked(
    library: Library,
    _lock: File,
    options: WatchOptions,
    cancel: CancelToken,
    sink: &dyn ProgressSink<WatchEvent>,
) -> Result<()> {
    let (tx, rx) = crossbeam_channel::unbounded::<Message>();
    let settler = Settler::new(options.settle);
    let mut runner =
        Runner { library, options, cancel, sink, live: BTreeMap::new(), settler, failed: HashMap::new(), tx };
    runner.refresh_folders();
    runner.main_loop(&rx);
    runner.stop();
    Ok(())
}

/// One watcher per library: two would race to ingest and move the same files.
pub(super) fn take_watch_lock(root: &Path) -> Result<File> {
    let path = root.join("watch.lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io("open", &path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::WatcherRunning { path: root.to_path_buf() }),
        Err(std::fs::TryLockError::Error(e)) => Err(Error::io("lock", path, e)),
    }
}

impl Runner<'_> {
    fn main_loop(&mut self, rx: &Receiver<Message>) {
        let mut next_refresh = Instant::now() + self.options.refresh_every;
        let settle_tick = (self.options.settle / 3).clamp(Duration::from_millis(20), MAX_SLEEP);
        let mut next_settle_check = Instant::now();
        while !self.cancel.is_cancelled() {
            let now = Instant::now();
            let mut wake = (now + MAX_SLEEP).min(next_refresh);
            if !self.settler.is_empty() {
                wake = wake.min(next_settle_check.max(now));
            }
            if let Some(scan) = self.live.values().map(|l| l.next_scan).min() {
                wake = wake.min(scan.max(now));
            }
            if let Ok(message) = rx.recv_deadline(wake) {
                self.on_message(message);
                // Drain a burst before looking at the clock again (bounded, so cancelling stays quick).
                for message in rx.try_iter().take(100_000) {
                    self.on_message(message);
                }
            }
            let now = Instant::now();
            if now >= next_refresh {
                self.refresh_folders();
                next_refresh = now + self.options.refresh_every;
            }
            self.scan_due(now);
            if now >= next_settle_check && !self.settler.is_empty() {
                next_settle_check = now + settle_tick;
                let ready = self.settler.take_ready(now);
                if !ready.is_empty() {
                    self.ingest_ready(ready);
                }
            }
        }
    }

    fn stop(&mut self) {
        let now = self.library.now();
        for (id, live) in std::mem::take(&mut self.live) {
            drop(live.watcher);
            let _ = self.library.store().set_watch_status(id, None, None, now);
        }
    }

    fn record(&mut self, events: Vec<NewWatchEvent>) {
        let now = self.library.now();
        let stored = match self.library.store().record_watch_events(&events, now) {
            Ok(stored) => stored,
            // The feed is a convenience: when it cannot be written, the log still says what happened.
            Err(e) => {
                let mut shown: Vec<WatchEvent> = events.iter().map(|n| unstored(n, now, String::new())).collect();
                if let Some(first) = events.first() {
                    shown.push(unstored(first, now, format!("could not write the activity feed: {e}")));
                }
                shown
            }
        };
        for event in &stored {
            self.sink.report(event);
        }
    }

    fn folder_event(&mut self, id: WatchedFolderId, kind: WatchEventKind, detail: String) {
        self.record(vec![NewWatchEvent { folder: id, kind, path: None, asset: None, detail }]);
    }

    fn set_status(&mut self, id: WatchedFolderId, status: WatchStatus, detail: Option<&str>) {
        let now = self.library.now();
        let _ = self.library.store().set_watch_status(id, Some(status), detail, now);
    }

    /// Re-reads the folder list: starts new or resumed folders, stops paused or removed ones, and notices folders
    /// that vanished or came back.
    fn refresh_folders(&mut self) {
        let folders = match self.library.store().watched_folders() {
            Ok(folders) => folders,
            Err(_) => return, // Busy or briefly unreadable: the next refresh tries again.
        };
        let active: HashMap<WatchedFolderId, WatchedFolder> =
            folders.into_iter().filter(|f| f.state == FolderState::Active).map(|f| (f.id, f)).collect();
        let gone: Vec<WatchedFolderId> = self.live.keys().filter(|id| !active.contains_key(id)).copied().collect();
        for id in gone {
            self.live.remove(&id);
            self.settler.forget_folder(id);
            let now = self.library.now();
            let _ = self.library.store().set_watch_status(id, None, None, now);
        }
        for (id, folder) in active {
            let available = readable(Path::new(&folder.path));
            match self.live.get_mut(&id) {
                None => self.start(folder),
                Some(live) => {
                    live.folder = folder;
                    match (live.mode == WatchStatus::Unavailable, available) {
                        (false, Err(reason)) => self.mark_unavailable(id, &reason.0),
                        (true, Ok(())) => {
                            let folder = live.folder.clone();
                            self.live.remove(&id);
                            self.start(folder);
                            self.folder_event(id, WatchEventKind::Warning, "the folder is back; watching again".into());
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn start(&mut self, folder: WatchedFolder) {
        let id = folder.id;
        let root = PathBuf::from(&folder.path);
        let now = Instant::now();
        let live = Live {
            folder,
            root: root.clone(),
            watcher: None,
            mode: WatchStatus::Unavailable,
            next_scan: now + self.options.poll_every,
            reported: HashSet::new(),
        };
        self.live.insert(id, live);
        if let Err(reason) = readable(&root) {
            self.mark_unavailable(id, &reason.0);
            return;
        }
        let (watcher, mode, warning) = match self.watch(id, &root) {
            Ok(watcher) => (Some(watcher), WatchStatus::Watching, None),
            Err(reason) => (None, WatchStatus::Polling, Some(reason.0)),
        };
        if let Some(live) = self.live.get_mut(&id) {
            live.watcher = watcher;
            live.mode = mode;
        }
        if let Some(reason) = &warning {
            let every = self.options.poll_every.as_secs_f64();
            self.folder_event(
                id,
                WatchEventKind::Warning,
                format!("{reason}; checking the folder every {every:.0} s instead"),
            );
        }
        // The start-up walk (files that arrived while nobody watched) shows as "scanning" while it runs.
        self.set_status(id, WatchStatus::Scanning, None);
        self.scan(id);
        self.set_status(id, mode, warning.as_deref());
    }

    /// A recursive watch on `root`, or why there cannot be a useful one.
    fn watch(&self, id: WatchedFolderId, root: &Path) -> std::result::Result<notify::RecommendedWatcher, NoWatch> {
        if self.options.force_polling {
            return Err(NoWatch("polling was asked for".into()));
        }
        if let Some(fstype) = super::mounts::network_fs(root) {
            return Err(NoWatch(format!("the folder is on a network share ({fstype}), which sends no change events")));
        }
        let tx = self.tx.clone();
        let mut watcher = notify::recommended_watcher(move |event| {
            let _ = tx.send((id, event));
        })
        .map_err(|e| NoWatch(describe_watch_error(&e)))?;
        watcher.watch(root, RecursiveMode::Recursive).map_err(|e| NoWatch(describe_watch_error(&e)))?;
        Ok(watcher)
    }

    fn mark_unavailable(&mut self, id: WatchedFolderId, reason: &str) {
        self.settler.forget_folder(id);
        if let Some(live) = self.live.get_mut(&id) {
            live.watcher = None;
            live.mode = WatchStatus::Unavailable;
            live.next_scan = Instant::now() + self.options.rescan_every;
        }
        let detail = format!("{reason}; watching resumes when it is back");
        self.set_status(id, WatchStatus::Unavailable, Some(&detail));
        self.folder_event(id, WatchEventKind::Error, detail);
    }

    fn scan_due(&mut self, now: Instant) {
        let due: Vec<WatchedFolderId> = self
            .live
            .iter()
            .filter(|(_, l)| l.mode != WatchStatus::Unavailable && l.next_scan <= now)
            .map(|(id, _)| *id)
            .collect();
        for id in due {
            self.scan(id);
        }
    }

    /// Walks a folder (or `start` inside it) and queues what was not taken in yet.
    fn scan(&mut self, id: WatchedFolderId) {
        let Some(live) = self.live.get(&id) else { return };
        let (root, mode) = (live.root.clone(), live.mode);
        self.scan_from(id, &root, &root);
        let every = if mode == WatchStatus::Polling { self.options.poll_every } else { self.options.rescan_every };
        if let Some(live) = self.live.get_mut(&id) {
            live.next_scan = Instant::now() + every;
        }
    }

    fn scan_from(&mut self, id: WatchedFolderId, root: &Path, start: &Path) {
        let scan = match reconcile::scan(&self.library, root, start) {
            Ok(scan) => scan,
            Err(e) => {
                return self.folder_event(id, WatchEventKind::Warning, format!("could not check the folder: {e}"))
            }
        };
        let now = Instant::now();
        for path in scan.new {
            if self.failed.get(&path).is_none_or(|s| Snapshot::of(&path).as_ref() != Some(s)) {
                self.settler.offer(id, path, now);
            }
        }
        let mut warnings = Vec::new();
        if let Some(live) = self.live.get_mut(&id) {
            for (path, reason) in scan.unreadable {
                if live.reported.insert(path.clone()) {
                    warnings.push(NewWatchEvent {
                        folder: id,
                        kind: WatchEventKind::Warning,
                        path: Some(path.to_string_lossy().into_owned()),
                        asset: None,
                        detail: format!("cannot read this part of the folder: {reason}"),
                    });
                }
            }
        }
        self.record(warnings);
    }

    fn on_message(&mut self, (id, result): Message) {
        let Some(live) = self.live.get(&id) else { return };
        let root = live.root.clone();
        let event = match result {
            Ok(event) => event,
            Err(e) => {
                let detail = format!("change events failed ({}); checking the folder again", describe_watch_error(&e));
                self.folder_event(id, WatchEventKind::Warning, detail);
                return self.scan(id);
            }
        };
        let now = Instant::now();
        for change in translate(&event) {
            match change {
                FsChange::Appeared(path) => self.appeared(id, &root, path, now),
                FsChange::Changed(path) => {
                    if is_candidate(&root, &path) && !path.is_dir() {
                        // A change (even of permissions) is worth another try for a file that failed.
                        self.failed.remove(&path);
                        self.settler.touch(id, path, now);
                    }
                }
                FsChange::Closed(path) => {
                    if is_candidate(&root, &path) && !path.is_dir() {
                        self.failed.remove(&path);
                        self.settler.closed(id, path, now);
                    }
                }
                FsChange::Removed(path) => {
                    self.settler.forget(&path);
                    if path == root {
                        self.check_root(id, &root);
                    }
                }
                FsChange::Renamed { from, to } => {
                    self.settler.forget(&from);
                    if from == root {
                        self.check_root(id, &root);
                    } else {
                        self.appeared(id, &root, to, now);
                    }
                }
                FsChange::Rescan(_) => self.scan(id),
            }
        }
    }

    fn appeared(&mut self, id: WatchedFolderId, root: &Path, path: PathBuf, now: Instant) {
        if path.is_dir() {
            // A folder moved or created inside: its files may predate the watch on it.
            if is_candidate(root, &path) {
                self.scan_from(id, root, &path);
            }
        } else if is_candidate(root, &path) {
            self.settler.touch(id, path, now);
        }
    }

    fn check_root(&mut self, id: WatchedFolderId, root: &Path) {
        if let Err(reason) = readable(root) {
            self.mark_unavailable(id, &reason.0);
        }
    }

    fn ingest_ready(&mut self, ready: Vec<Ready>) {
        let mut by_folder: BTreeMap<WatchedFolderId, Vec<Ready>> = BTreeMap::new();
        for file in ready {
            // An event says the file changed, so it is taken even when its path is recorded (at worst it is a
            // duplicate); only a file that failed as it is now waits for a change.
            if self.failed.get(&file.path) != Some(&file.snapshot) {
                by_folder.entry(file.folder).or_default().push(file);
            }
        }
        for (id, files) in by_folder {
            for chunk in files.chunks(self.options.batch_files.max(1)) {
                if self.cancel.is_cancelled() {
                    return;
                }
                let Some(live) = self.live.get(&id) else { break };
                let (folder, root) = (live.folder.clone(), live.root.clone());
                let options = IngestOptions {
                    uploader: folder.rule.uploader.clone(),
                    defaults: rules::defaults(&folder.rule),
                    threads: self.options.threads,
                    previews: false,
                    cancel: self.cancel.clone(),
                };
                let ctx = Ctx::new(&self.library, Actor::named(&self.options.uploader));
                let outcome = ingest_batch(&ctx, &folder, &root, chunk, options, &self.cancel);
                drop(ctx);
                let now = Instant::now();
                for path in outcome.retry {
                    self.settler.touch(id, path, now);
                }
                self.failed.extend(outcome.failed);
                self.record(outcome.events);
            }
        }
    }
}

fn unstored(event: &NewWatchEvent, at: i64, detail: String) -> WatchEvent {
    WatchEvent {
        id: 0,
        folder_id: event.folder,
        at,
        kind: if detail.is_empty() { event.kind } else { WatchEventKind::Warning },
        path: event.path.clone(),
        asset_id: event.asset,
        detail: if detail.is_empty() { event.detail.clone() } else { detail },
    }
}

/// Why a folder cannot be used right now (missing, unreadable), worded for the activity feed.
#[derive(Debug)]
struct Unavailable(String);

/// Why a folder gets no change events and is polled instead, worded for the activity feed.
#[derive(Debug)]
struct NoWatch(String);

/// Whether the folder is there and can be listed.
fn readable(root: &Path) -> std::result::Result<(), Unavailable> {
    match std::fs::read_dir(root) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Unavailable("the folder is missing".into())),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(Unavailable("the folder cannot be read (permission denied)".into()))
        }
        Err(e) => Err(Unavailable(format!("the folder cannot be read ({e})"))),
    }
}

fn describe_watch_error(e: &notify::Error) -> String {
    match e.kind {
        notify::ErrorKind::MaxFilesWatch => "the system's limit of watched folders is reached (raise \
             fs.inotify.max_user_watches)"
            .into(),
        _ => format!("cannot watch for changes: {e}"),
    }
}
