//! Running the watcher inside an application that must not fail when another process already watches the library
//! (a headless `tessera watch run`, a second window): [`run_when_free`] watches while it holds the library's watch
//! lock, and otherwise waits, checking every so often, so it takes over when the other process stops.

use super::runner::{run_locked, take_watch_lock, WatchOptions};
use crate::domain::watch::WatchEvent;
use crate::error::Error;
use crate::library::Library;
use crate::runtime::job::{CancelToken, ProgressSink};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, Instant};

/// Who watches the library's folders, as seen from this process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum WatcherHost {
    /// Not started yet.
    Starting,
    /// This process runs the watcher.
    Here,
    /// Another process holds the library's watch lock; the folders show the status it records.
    Elsewhere,
    /// The watcher could not run here (the reason says why); it is tried again.
    Stopped { reason: String },
}

/// Watches the library's folders until `cancel` is set, whenever no other process does: while another process
/// holds the watch lock, it checks again every `retry`. `on_host` hears each change of who watches. Errors that stop
/// the watcher (the library cannot be opened, say) are reported as [`WatcherHost::Stopped`] and tried again after
/// `retry`; only cancelling ends this.
pub fn run_when_free(
    library_root: &Path,
    options: WatchOptions,
    retry: Duration,
    cancel: CancelToken,
    sink: &dyn ProgressSink<WatchEvent>,
    on_host: &dyn Fn(&WatcherHost),
) {
    let mut last: Option<WatcherHost> = None;
    let mut tell = |host: WatcherHost| {
        if last.as_ref() != Some(&host) {
            on_host(&host);
            last = Some(host);
        }
    };
    while !cancel.is_cancelled() {
        match take_watch_lock(library_root)
            .and_then(|lock| Ok((Library::open(library_root)?.for_long_running()?, lock)))
        {
            Ok((library, lock)) => {
                tell(WatcherHost::Here);
                match run_locked(library, lock, options.clone(), cancel.clone(), sink) {
                    Ok(()) if cancel.is_cancelled() => break,
                    Ok(()) => tell(WatcherHost::Stopped { reason: "the watcher stopped".into() }),
                    Err(e) => tell(WatcherHost::Stopped { reason: e.to_string() }),
                }
            }
            Err(Error::WatcherRunning { .. }) => tell(WatcherHost::Elsewhere),
            Err(e) => tell(WatcherHost::Stopped { reason: e.to_string() }),
        }
        sleep_unless_cancelled(retry, &cancel);
    }
}

fn sleep_unless_cancelled(total: Duration, cancel: &CancelToken) {
    let end = Instant::now() + total;
    while !cancel.is_cancelled() {
        let now = Instant::now();
        if now >= end {
            break;
        }
        std::thread::sleep((end - now).min(Duration::from_millis(50)));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use crate::runtime::job::NoProgress;
    use std::sync::{Arc, Mutex};

    fn wait_for(hosts: &Mutex<Vec<WatcherHost>>, want: &WatcherHost) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !hosts.lock().unwrap().contains(want) {
            assert!(Instant::now() < deadline, "never became {want:?}: {:?}", hosts.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    type Hosts = Arc<Mutex<Vec<WatcherHost>>>;

    /// Runs `run_when_free` on a thread, recording every host change it reports.
    fn spawn_host(root: &Path) -> (Hosts, CancelToken, std::thread::JoinHandle<()>) {
        let hosts: Hosts = Arc::new(Mutex::new(Vec::new()));
        let cancel = CancelToken::new();
        let thread = {
            let (root, hosts, cancel) = (root.to_path_buf(), hosts.clone(), cancel.clone());
            std::thread::spawn(move || {
                let on_host = |h: &WatcherHost| hosts.lock().unwrap().push(h.clone());
                run_when_free(&root, WatchOptions::default(), Duration::from_millis(50), cancel, &NoProgress, &on_host);
            })
        };
        (hosts, cancel, thread)
    }

    #[test]
    fn waits_while_another_process_watches_then_takes_over() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("t.tessera");
        drop(Library::init(&root).unwrap());
        let other = take_watch_lock(&root).unwrap(); // what a `tessera watch run` holds
        let (hosts, cancel, thread) = spawn_host(&root);
        wait_for(&hosts, &WatcherHost::Elsewhere);
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(*hosts.lock().unwrap(), vec![WatcherHost::Elsewhere], "each change is told once");
        drop(other);
        wait_for(&hosts, &WatcherHost::Here);
        assert!(matches!(take_watch_lock(&root), Err(Error::WatcherRunning { .. })), "this process holds the lock now");
        cancel.cancel();
        thread.join().unwrap();
        assert!(take_watch_lock(&root).is_ok(), "cancelling releases the lock");
    }

    #[test]
    fn a_missing_library_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("missing.tessera");
        std::fs::create_dir_all(&root).unwrap();
        let (hosts, cancel, thread) = spawn_host(&root);
        let deadline = Instant::now() + Duration::from_secs(10);
        while !hosts.lock().unwrap().iter().any(|h| matches!(h, WatcherHost::Stopped { .. })) {
            assert!(Instant::now() < deadline, "no Stopped: {:?}", hosts.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
        cancel.cancel();
        thread.join().unwrap();
    }
}
