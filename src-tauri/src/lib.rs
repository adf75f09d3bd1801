//! The desktop shell: window setup, thin commands, events and the thumbnail protocol. No business logic lives here;
//! every command calls one `tessera_core` function.

mod changes;
mod commands;
mod error;
mod events;
mod protocol;
mod state;
mod switch;
mod watcher;
mod webview;

use state::AppState;
use tauri::Manager;

/// Opens the library named by `TESSERA_LIBRARY`, else the default one (created on first use), and runs the app; the
/// library switcher opens others later (`switch.rs`).
pub fn run() {
    webview::configure_engine();
    let root = state::library_root();
    let state = match AppState::open(&root, state::config_dir()) {
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
            let state = app.state::<AppState>();
            let library = state.library();
            log::info!("library {}", library.root().display());
            // The library the app starts on is a recent one too (the switcher lists it to come back to).
            let now = tessera_core::runtime::Clock::now(&tessera_core::runtime::SystemClock);
            if let Err(e) = tessera_core::app::libraries::record(&state.config_dir, library.root(), now) {
                log::warn!("{} is not in the recent list: {e}", library.root().display());
            }
            webview::tune(app.handle());
            watcher::start(app.handle());
            changes::start(app.handle());
            switch::set_title(app.handle(), &library.name());
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
