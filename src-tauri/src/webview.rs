//! WebKitGTK tuning.
//!
//! - The document-viewer cache model keeps WebKit's in-memory cache of decoded pages and images small: scrolling
//!   100,000 thumbnails otherwise grows the web process by hundreds of megabytes, and the thumbnails are already
//!   cached on disk by the core and served with long-lived caching headers.
//! - Without a GPU (no DRI render node: virtual machines, Xvfb, remote desktops) WebKit would composite every frame
//!   through llvmpipe, software OpenGL: measured here, a scrolled frame of the grid took 24-36 ms instead of 16 ms
//!   and a search took ~50 ms longer to repaint. Painting directly is faster there, so acceleration is turned off
//!   unless a render node exists. `TESSERA_GPU=on|off` overrides the guess.
//! - JavaScriptCore runs in its "mini VM" mode, which grows the JavaScript heap less between collections: scrolling
//!   the whole grid of 100,000 assets left the web process ~80 MB smaller, with no measurable change in search or
//!   scroll times. Set `JSC_forceMiniVMMode=false` to compare.

use tauri::{AppHandle, Manager};

/// Engine settings read from the environment by the web process WebKit starts: call before any thread or window.
pub fn configure_engine() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("JSC_forceMiniVMMode").is_none() {
        std::env::set_var("JSC_forceMiniVMMode", "true");
    }
}

/// Whether WebKit should composite with the GPU: `TESSERA_GPU` when set, else whether a DRI render node exists.
fn use_gpu() -> bool {
    match std::env::var("TESSERA_GPU").as_deref() {
        Ok("on" | "1" | "true") => true,
        Ok("off" | "0" | "false") => false,
        _ => has_render_node(),
    }
}

fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
        .unwrap_or(false)
}

pub fn tune(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let gpu = use_gpu();
        let tuned = window.with_webview(move |webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
            }
            if !gpu {
                if let Some(settings) = WebViewExt::settings(&view) {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            }
        });
        match tuned {
            Ok(()) => log::info!("webview: GPU compositing {}", if gpu { "on" } else { "off" }),
            Err(e) => log::warn!("could not tune the webview: {e}"),
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
