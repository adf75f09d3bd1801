//! Native file and folder pickers (rfd with GTK 3: the portal backend returns nothing without a portal, e.g. Xvfb).

#[tauri::command]
pub async fn pick_files() -> Vec<String> {
    let picked = rfd::AsyncFileDialog::new().set_title("Import files").pick_files().await;
    picked.unwrap_or_default().iter().map(|f| f.path().display().to_string()).collect()
}

#[tauri::command]
pub async fn pick_folder() -> Option<String> {
    // Both "Import folder…" and the watched folders' "Add folder…" open this picker, so its title fits both.
    let picked = rfd::AsyncFileDialog::new().set_title("Choose a folder").pick_folder().await;
    picked.map(|f| f.path().display().to_string())
}
