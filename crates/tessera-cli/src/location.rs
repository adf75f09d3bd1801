//! Where the library is: `--library`, `$TESSERA_LIBRARY`, or the default one in the platform data folder, created
//! on first use; and where the recent-library list is (`$TESSERA_CONFIG_DIR`, else the platform config folder, the
//! one the desktop app uses). The only place the CLI asks the OS for user folders.

use anyhow::{Context, Result};
use std::path::PathBuf;
use tessera_core::app::people::Who;
use tessera_core::{Ctx, Library};

pub fn default_library() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("org", "Tessera", "Tessera")
        .context("cannot find your home folder to place the default library; pass --library DIR")?;
    Ok(dirs.data_dir().join("Default.tessera"))
}

/// The settings folder holding the recent-library list (shared with the desktop app): `$TESSERA_CONFIG_DIR` (tests,
/// or a portable setup), else the platform config folder (`~/.config/tessera` on Linux).
pub fn config_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("TESSERA_CONFIG_DIR").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("org", "Tessera", "Tessera")
        .context("cannot find your home folder to place the settings; set TESSERA_CONFIG_DIR")?;
    Ok(dirs.config_dir().to_path_buf())
}

/// What every command runs with: which library, and who asks to act (`--as NAME`, else the OS user).
pub struct Session {
    pub library: Option<PathBuf>,
    /// `--as NAME` or `$TESSERA_AS`.
    pub named: Option<String>,
    pub os_user: String,
}

impl Session {
    /// Opens the library named on the command line, or the default one (created if missing).
    pub fn open(&self) -> Result<Library> {
        match &self.library {
            Some(dir) => Ok(Library::open(dir)?),
            None => Ok(Library::open_or_init(&default_library()?)?),
        }
    }

    /// The use cases' context on an open library, acting as the profile `--as` names or the OS user's (refused,
    /// exit 3, when there is none to act as).
    pub fn ctx<'a>(&self, library: &'a Library) -> Result<Ctx<'a>> {
        let who = Who { named: self.named.as_deref(), os_user: &self.os_user };
        let profile = tessera_core::app::people::resolve(library, &who)?;
        Ok(Ctx::acting(library, &profile))
    }
}
