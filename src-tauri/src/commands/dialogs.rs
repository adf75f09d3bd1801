//! Native file and folder pickers (rfd with GTK 3: the portal backend returns nothing without a portal, e.g. Xvfb).

use super::Call;
use crate::error::IpcResult;

pub async fn pick_files(_: Call<'_>) -> IpcResult<Vec<String>> {
    let picked = rfd::AsyncFileDialog::new().set_title("Import files").pick_files().await;
    Ok(picked.unwrap_or_default().iter().map(|f| f.path().display().to_string()).collect())
}

pub async fn pick_folder(_: Call<'_>) -> IpcResult<Option<String>> {
    // Both "Import folder…" and the watched folders' "Add folder…" open this picker, so its title fits both.
    let picked = rfd::AsyncFileDialog::new().set_title("Choose a folder").pick_folder().await;
    Ok(picked.map(|f| f.path().display().to_string()))
}
