//! WebKitGTK tuning. The document-viewer cache model keeps WebKit's in-memory cache of decoded pages and images
//! small: scrolling 100,000 thumbnails otherwise grows the web process by hundreds of megabytes, and the thumbnails
//! are already cached on disk by the core and served with long-lived caching headers.

use tauri::{AppHandle, Manager};

pub fn tune(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
        let tuned = window.with_webview(|webview| {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(webkit2gtk::CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = tuned {
            log::warn!("could not tune the webview: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
