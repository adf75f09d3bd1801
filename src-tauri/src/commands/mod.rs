//! Tauri commands, generated from the core's command table (`tessera_core::ipc_commands!`, the same table the UI's
//! `commands.ts` is generated from). For each entry `name(param: Type, …) -> Ret` the macro below writes
//! `#[tauri::command] async fn name(…, param: Type, …) -> IpcResult<Ret>`, so the argument keys Tauri reads are the
//! table's, and calls the handler `name(call: Call<'_>, param: Type, …) -> IpcResult<Ret>` of one of the area modules
//! (found through `handlers`): a missing handler, or one whose parameters or result differ, fails `cargo build`. The
//! invoke handler registers exactly the table's commands, so none can be listed without a handler or the reverse.
//!
//! Handlers stay thin: take the state, call one core function, map the error (`?` into `ApiError`). They are all
//! `async` and run on the async runtime's threads, never on the main thread that drives the window (a slow query at a
//! million assets must not freeze it); those without an `.await` simply run to the end there, as a
//! `#[tauri::command(async)]` fn would.

pub mod assets;
pub mod collections;
pub mod dialogs;
pub mod fields;
pub mod import;
pub mod library;
pub mod lifecycle;
pub mod people;
pub mod review;
pub mod tags;
pub mod trash;
pub mod versions;
pub mod watch;
pub mod xmp;

use crate::state::{AppState, CallState};
use tauri::AppHandle;

/// What every handler gets besides its arguments: the app (events, threads, windows, dialogs) and the shell's state,
/// with the library open when the command started (`call.state.ctx()?`).
#[derive(Clone, Copy)]
pub struct Call<'a> {
    pub app: &'a AppHandle,
    pub state: &'a CallState<'a>,
}

/// Where the generated commands find their handlers: every area's public functions, by command name.
mod handlers {
    pub use super::assets::*;
    pub use super::collections::*;
    pub use super::dialogs::*;
    pub use super::fields::*;
    pub use super::import::*;
    pub use super::library::*;
    pub use super::lifecycle::*;
    pub use super::people::*;
    pub use super::review::*;
    pub use super::tags::*;
    pub use super::trash::*;
    pub use super::versions::*;
    pub use super::watch::*;
    pub use super::xmp::*;
}

macro_rules! tauri_commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($param:ident : $ty:ty),* $(,)? ) -> $ret:ty;
    )*) => {
        // Private on purpose: `#[tauri::command]` on a `pub` fn adds a `#[macro_export]` helper macro, which cannot be
        // referred to by path when it comes out of a macro like this one; `invoke_handler` is in the same module.
        $(
            $(#[doc = $doc])*
            #[tauri::command]
            async fn $name(
                app: AppHandle,
                state: tauri::State<'_, AppState>,
                $($param: $ty),*
            ) -> crate::error::IpcResult<$ret> {
                let state = state.inner().for_call();
                handlers::$name(Call { app: &app, state: &state }, $($param),*).await
            }
        )*

        /// Every command of the table, for `Builder::invoke_handler`.
        pub fn invoke_handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

tessera_core::ipc_commands!(tauri_commands);
