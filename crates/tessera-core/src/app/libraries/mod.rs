//! Which library a front end shows: open an existing one, create a new one, and the list of recent ones (people who
//! came from Eagle keep several libraries and switch between them).
//!
//! These use cases run before there is a library, so they take no `Ctx`: the front end passes the folder it keeps
//! its own settings in (the CLI and the app ask the OS for it, tests give a temporary folder; the core never looks
//! up user folders) and the time. The recent list is a small JSON file there ([`recent`]); opening and creating
//! record the library in it.

mod create;
mod open;
mod recent;

pub use create::create;
pub use open::open;
pub use recent::{recent, record, RecentLibrary, MAX_RECENT, RECENT_FILE};

use crate::error::Error;
use crate::library::Library;

/// A library just opened or created, and whether it made it into the recent list.
#[derive(Debug)]
pub struct Opened {
    pub library: Library,
    /// Why the library is not in the recent list (a read-only settings folder, a full disk): it is open all the same,
    /// since the list is a convenience; front ends say so in their log or on stderr.
    pub not_recorded: Option<Error>,
}

impl Opened {
    fn recorded(library: Library, config_dir: &std::path::Path, now: i64) -> Opened {
        let not_recorded = record(config_dir, library.root(), now).err();
        Opened { library, not_recorded }
    }
}
