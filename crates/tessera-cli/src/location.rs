//! Where the library is: `--library`, `$TESSERA_LIBRARY`, or the default one in the platform data folder, created
//! on first use. The only place the CLI asks the OS for user folders.

use anyhow::{Context, Result};
use std::path::PathBuf;

pub fn default_library() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Tessera", "Tessera")
        .context("cannot find your home folder to place the default library; pass --library DIR")?;
    Ok(dirs.data_dir().join("Default.tessera"))
}

/// Opens the library named on the command line, or the default one (created if missing).
pub fn open(explicit: Option<&PathBuf>) -> Result<tessera_core::Library> {
    match explicit {
        Some(dir) => Ok(tessera_core::Library::open(dir)?),
        None => Ok(tessera_core::Library::open_or_init(&default_library()?)?),
    }
}
