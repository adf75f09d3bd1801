//! Errors as the UI receives them: core's `ApiError` `{ code, message }`, where `code` is a stable enum the UI can
//! branch on.

pub use tessera_core::error::ApiError;
use tessera_core::error::ErrorCode;

pub type IpcResult<T> = Result<T, ApiError>;

/// An import is already running.
pub fn busy(message: &str) -> ApiError {
    ApiError { code: ErrorCode::BadInput, message: message.to_string() }
}
