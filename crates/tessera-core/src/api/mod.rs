//! What crosses the IPC boundary: the error codes front ends branch on, the table of the desktop app's commands
//! ([`crate::ipc_commands!`]), and the TypeScript generated from the types and that table.

pub mod bindings;
pub mod command_bindings;
// Holds only the exported `ipc_commands!` macro.
mod commands;
mod error;

pub use error::{ApiError, ErrorCode};
