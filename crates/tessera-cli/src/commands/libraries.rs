//! `tessera libraries`: the recent libraries (the list the desktop app's switcher shows) and the default one.
//!
//! Only `tessera init` adds to the list, not every command: scripts, CI jobs and a NAS's `tessera watch run` run
//! commands on throwaway or server libraries all day, and would push the libraries a person opens off the twelve
//! places; they also run in parallel, and the list is rewritten whole (the later writer wins), so recording on every
//! command would lose entries. A library made with `init` is one a person means to use, so it is offered next time.

use super::Outcome;
use crate::location;
use crate::output;
use tessera_core::app::libraries::{self, RecentLibrary};
use tessera_core::runtime::{Clock, SystemClock};
use tessera_core::Library;

#[derive(serde::Serialize)]
struct Listed {
    #[serde(flatten)]
    library: RecentLibrary,
    /// The library commands use without `--library` or `TESSERA_LIBRARY`.
    default: bool,
}

pub fn run(json: bool) -> anyhow::Result<Outcome> {
    let config = location::config_dir()?;
    let default = location::default_library()?;
    let canonical_default = std::fs::canonicalize(&default).unwrap_or_else(|_| default.clone());
    let listed: Vec<Listed> = libraries::recent(&config)
        .into_iter()
        .map(|library| {
            let default = std::path::Path::new(&library.path) == canonical_default;
            Listed { library, default }
        })
        .collect();
    if json {
        output::json(&serde_json::json!({ "libraries": listed, "default": default }));
        return Ok(Outcome::Clean);
    }
    if listed.is_empty() {
        println!("no recent libraries yet (tessera init DIR makes one; the desktop app lists what it opens)");
    }
    for l in &listed {
        let when = tessera_core::domain::query::dates::format_utc(l.library.last_opened);
        let default = if l.default { "  (default)" } else { "" };
        let missing = if l.library.missing { "  (not found)" } else { "" };
        println!("{:<24} {when}  {}{default}{missing}", l.library.name, l.library.path);
    }
    println!("default: {}", default.display());
    Ok(Outcome::Clean)
}

/// Records a library `tessera init` made or found; a list that cannot be written is a warning, not a failure.
pub fn record(library: &Library) {
    let recorded =
        location::config_dir().and_then(|dir| Ok(libraries::record(&dir, library.root(), SystemClock.now())?));
    if let Err(e) = recorded {
        eprintln!("warning: {} is not in the recent list: {e:#}", library.root().display());
    }
}
