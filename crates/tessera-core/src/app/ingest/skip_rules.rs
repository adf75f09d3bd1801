//! Files that are never assets: hidden and system files, lock files, downloads still in progress. Watched folders
//! use the same rules to wait for a `.part` file to be renamed.

/// Why a file with this name is skipped, or None when it is a candidate.
pub fn skip_reason(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if lower == ".ds_store" || lower.starts_with("._") {
        return Some("macOS folder metadata");
    }
    if lower == "thumbs.db" || lower == "ehthumbs.db" || lower == "desktop.ini" || name == "Icon\r" {
        return Some("system file");
    }
    if name.starts_with("~$") {
        return Some("Office lock file");
    }
    if name.starts_with('.') {
        return Some("hidden file");
    }
    const TEMPORARY: [&str; 6] = [".part", ".crdownload", ".tmp", ".download", ".partial", ".temp"];
    if TEMPORARY.iter().any(|ext| lower.ends_with(ext)) {
        return Some("temporary or incomplete download");
    }
    None
}

/// Folders that are not walked (hidden ones, including a library's own folders when nested).
pub fn skip_folder_reason(name: &str) -> Option<&'static str> {
    if name.starts_with('.') {
        Some("hidden folder")
    } else if name.ends_with(".tessera") {
        Some("a Tessera library folder")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_and_partial_files_are_skipped() {
        for name in [".DS_Store", "Thumbs.db", "~$report.docx", "movie.mp4.part", "x.crdownload", "a.TMP", ".hidden"] {
            assert!(skip_reason(name).is_some(), "{name} must be skipped");
        }
        for name in ["photo.jpg", "final_final_v4_REVISED.jpg", "partition.png", "tmp.jpg"] {
            assert_eq!(skip_reason(name), None, "{name} is a real candidate");
        }
    }
}
