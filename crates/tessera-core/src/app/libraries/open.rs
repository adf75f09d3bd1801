//! Opening an existing library (the switcher's "Open library…" and its recent list): it must already be one, and
//! then it becomes the most recent.

use super::Opened;
use crate::error::Result;
use crate::library::Library;
use std::path::Path;

/// Opens the library at `root` (refused with `not_a_library` when the folder holds none, `schema_too_new` when a newer
/// Tessera made it) and records it as the most recent in `config_dir`.
pub fn open(config_dir: &Path, root: &Path, now: i64) -> Result<Opened> {
    let library = Library::open(root)?;
    Ok(Opened::recorded(library, config_dir, now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ErrorCode;

    #[test]
    fn opening_records_the_library_and_a_plain_folder_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        let root = dir.path().join("Work.tessera");
        Library::init(&root).expect("init");
        let opened = open(&config, &root, 100).expect("open");
        assert!(opened.not_recorded.is_none(), "the recent list is written: {:?}", opened.not_recorded);
        assert_eq!(opened.library.name(), "Work");
        let recent = super::super::recent(&config);
        assert_eq!(recent.len(), 1);
        assert_eq!((recent[0].name.as_str(), recent[0].last_opened), ("Work", 100));

        let plain = dir.path().join("plain");
        std::fs::create_dir(&plain).expect("mkdir");
        let err = open(&config, &plain, 200).expect_err("a folder without library.db is not a library");
        assert_eq!(err.code(), ErrorCode::NotALibrary);
        assert_eq!(super::super::recent(&config).len(), 1, "what could not be opened is not recorded");
    }

    #[test]
    fn a_settings_folder_that_cannot_be_written_still_opens_the_library() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("Work.tessera");
        Library::init(&root).expect("init");
        // A file where the settings folder should be: nothing can be written inside it.
        let config = dir.path().join("not-a-folder");
        std::fs::write(&config, b"x").expect("write");
        let opened = open(&config, &root, 100).expect("the library opens whatever happens to the recent list");
        assert!(opened.not_recorded.is_some(), "and says why it is not listed");
    }
}
