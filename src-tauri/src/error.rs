//! Errors as the UI receives them: core's `ApiError` `{ code, message, field }`, where `code` is a stable enum the
//! UI can branch on.

pub use tessera_core::api::ApiError;
use tessera_core::api::ErrorCode;

pub type IpcResult<T> = Result<T, ApiError>;

/// The action clashes with what runs now (opening another library during an import).
pub fn conflict(message: &str) -> ApiError {
    ApiError::new(ErrorCode::Conflict, message)
}

/// Something else holds what this needs (an import is already running).
pub fn busy(message: &str) -> ApiError {
    ApiError::new(ErrorCode::Busy, message)
}
