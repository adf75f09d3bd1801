//! A fixed set of worker threads with a bounded queue: work that must not start an OS thread per request (the
//! desktop's thumbnail protocol, where a fast scroll asks for hundreds of images at once).

use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Workers that run jobs in arrival order. Dropping the handle lets the workers finish the queue and end.
#[derive(Debug)]
pub struct Workers {
    queue: SyncSender<Job>,
}

/// The queue was full: the job was not taken (the caller answers "try again").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFull;

impl Workers {
    /// `threads` workers (at least one) and room for `queued` waiting jobs.
    pub fn new(name: &str, threads: usize, queued: usize) -> Workers {
        let (queue, jobs) = sync_channel::<Job>(queued);
        let jobs = Arc::new(Mutex::new(jobs));
        for n in 0..threads.max(1) {
            let jobs = Arc::clone(&jobs);
            let _ = std::thread::Builder::new().name(format!("{name}-{n}")).spawn(move || work(&jobs));
        }
        Workers { queue }
    }

    /// Queues a job, or says the queue is full.
    pub fn try_run(&self, job: impl FnOnce() + Send + 'static) -> Result<(), QueueFull> {
        match self.queue.try_send(Box::new(job)) {
            Ok(()) => Ok(()),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(QueueFull),
        }
    }
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        let next = jobs.lock().unwrap_or_else(|p| p.into_inner()).recv();
        match next {
            // A panicking job must not take its worker with it.
            Ok(job) => drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))),
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn runs_every_job_on_at_most_its_threads_and_refuses_beyond_the_queue() {
        let workers = Workers::new("test", 2, 4);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let done = Arc::new(AtomicUsize::new(0));
        let (gate_tx, gate_rx) = std::sync::mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(gate_rx));
        let mut taken = 0;
        let mut refused = 0;
        for _ in 0..20 {
            let (running, most, done, gate) = (running.clone(), most.clone(), done.clone(), gate.clone());
            let job = move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(5));
                running.fetch_sub(1, Ordering::SeqCst);
                done.fetch_add(1, Ordering::SeqCst);
            };
            match workers.try_run(job) {
                Ok(()) => taken += 1,
                Err(QueueFull) => refused += 1,
            }
        }
        assert!(refused > 0, "a full queue refuses instead of growing");
        for _ in 0..taken {
            gate_tx.send(()).unwrap();
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while done.load(Ordering::SeqCst) < taken && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(done.load(Ordering::SeqCst), taken, "every queued job runs");
        assert!(most.load(Ordering::SeqCst) <= 2, "never more jobs at once than workers");
        workers.try_run(|| panic!("a failing job")).unwrap();
        let after = Arc::new(AtomicUsize::new(0));
        let seen = after.clone();
        workers
            .try_run(move || {
                seen.fetch_add(1, Ordering::SeqCst);
            })
            .unwrap();
        while after.load(Ordering::SeqCst) == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(after.load(Ordering::SeqCst), 1, "a panicking job leaves its worker running");
    }
}
