//! The desktop shell: window setup, thin commands, events and the thumbnail protocol. No business logic lives here;
//! every command calls one `tessera_core` function.

mod changes;
mod commands;
mod error;
mod events;
mod protocol;
mod state;
mod watcher;
mod webview;

use state::AppState;
use tauri::Manager;

/// Opens the library named by `TESSERA_LIBRARY`, else the default one (created on first use), and runs the app.
pub fn run() {
    webview::configure_engine();
    let root = state::library_root();
    let state = match AppState::open(&root) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("Tessera cannot open the library {}: {e}", root.display());
            std::process::exit(2);
        }
    };
    let result = tauri::Builder::default()
        .plugin(
            tauri_plugin_log::Builder::new()
                .targets([
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::LogDir { file_name: None }),
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::Stderr),
                ])
                .rotation_strategy(tauri_plugin_log::RotationStrategy::KeepOne)
                .max_file_size(5_000_000)
                .level(log::LevelFilter::Info)
                .build(),
        )
        .manage(state)
        .register_asynchronous_uri_scheme_protocol("thumb", protocol::handle)
        .invoke_handler(commands::invoke_handler())
        .setup(|app| {
            log::info!("library {}", app.state::<AppState>().root.display());
            webview::tune(app.handle());
            watcher::start(app.handle());
            changes::start(app.handle());
            if let Some(window) = app.get_webview_window("main") {
                let name = app.state::<AppState>().library.name();
                let _ = window.set_title(&format!("{name} — Tessera"));
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::Destroyed = event {
                watcher::stop(window.app_handle());
            }
        })
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|handle, event| {
                if let tauri::RunEvent::Exit = event {
                    watcher::stop(handle);
                }
            })
        });
    if let Err(e) = result {
        eprintln!("Tessera stopped: {e}");
        std::process::exit(1);
    }
}
