//! What the use cases run on, none of it about assets: long jobs (cancel + progress), the injected clock, the
//! library's file locks, the desktop's file opener, and the OS user (the default actor's name).

pub mod clock;
pub mod disk_space;
pub mod job;
mod lock;
pub mod opener;
pub mod os_user;
mod workers;

pub use clock::{Clock, FixedClock, SystemClock};
pub use job::{CancelToken, NoProgress, ProgressSink};
pub use lock::WriterLock;
pub use workers::{QueueFull, Workers};
