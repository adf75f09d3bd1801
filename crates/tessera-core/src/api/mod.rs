//! What crosses the IPC boundary: the error codes front ends branch on, and the generated TypeScript bindings.

pub mod bindings;
mod error;

pub use error::{ApiError, ErrorCode};
