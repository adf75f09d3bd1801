//! The desktop shell: window setup, thin commands, events and the thumbnail protocol. No business logic lives here;
//! every command calls one `tessera_core` function.

mod commands;
mod error;
mod events;
mod protocol;
mod state;

use state::AppState;

/// Opens the library named by `TESSERA_LIBRARY`, else the default one (created on first use), and runs the app.
pub fn run() {
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
        .invoke_handler(tauri::generate_handler![
            commands::library::library_info,
            commands::library::tag_counts,
            commands::assets::search,
            commands::assets::asset_detail,
            commands::assets::edit_assets,
            commands::import::import_paths,
            commands::import::cancel_import,
            commands::import::add_sample_assets,
            commands::dialogs::pick_files,
            commands::dialogs::pick_folder,
        ])
        .setup(|app| {
            use tauri::Manager;
            log::info!("library {}", app.state::<AppState>().root.display());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Tessera stopped: {e}");
        std::process::exit(1);
    }
}
