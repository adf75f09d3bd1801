//! Tauri commands: each takes the state, calls one core function and maps the error. Nothing else.

pub mod assets;
pub mod dialogs;
pub mod import;
pub mod library;
pub mod watch;
