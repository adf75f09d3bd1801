//! Creating a library from the switcher's "New library…": `PARENT/NAME.tessera`, refused (with the field to fix) when
//! the name cannot be a portable folder name or the folder is already taken, then recorded as the most recent.

use super::Opened;
use crate::error::{Error, Result};
use crate::library::{Library, LibraryPaths};
use std::path::Path;

/// Longest name accepted, in characters (file systems allow 255 bytes; `.tessera` and non-ASCII letters need room).
const MAX_NAME: usize = 100;
/// Characters Windows and macOS refuse in names, refused everywhere so a library can move to another machine.
const FORBIDDEN: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// Creates the library `NAME.tessera` in `parent` (an existing folder). `name` is trimmed, and a `.tessera` the
/// user typed is not doubled. Refused with `invalid_input`: field `name` for a name that cannot be a folder name or
/// a folder that exists and is not empty (an empty one is used), field `parent` for a parent that is not a folder.
pub fn create(config_dir: &Path, parent: &Path, name: &str, now: i64) -> Result<Opened> {
    let name = valid_name(name)?;
    if !parent.is_dir() {
        let reason = if parent.exists() { "it is not a folder" } else { "the folder does not exist" };
        return Err(Error::InvalidLibraryLocation { path: parent.to_path_buf(), reason });
    }
    let root = parent.join(format!("{name}.tessera"));
    if root.exists() {
        let empty = std::fs::read_dir(&root).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            let is_library = LibraryPaths::new(&root).db.is_file();
            return Err(Error::LibraryFolderTaken { path: root, is_library });
        }
    }
    let library = Library::init(&root)?;
    Ok(Opened::recorded(library, config_dir, now))
}

fn valid_name(raw: &str) -> Result<&str> {
    let trimmed = raw.trim();
    let name = trimmed.strip_suffix(".tessera").unwrap_or(trimmed).trim_end();
    let refuse = |reason| Err(Error::InvalidLibraryName { name: raw.to_string(), reason });
    if name.is_empty() {
        return refuse("a library needs a name");
    }
    if name.chars().count() > MAX_NAME {
        return refuse("names are at most 100 characters");
    }
    if name.starts_with('.') {
        return refuse("a name cannot start with a dot (the folder would be hidden)");
    }
    if name.chars().any(|c| FORBIDDEN.contains(&c) || c.is_control()) {
        return refuse("a name cannot contain / \\ : * ? \" < > | or control characters");
    }
    if name.ends_with('.') {
        return refuse("a name cannot end with a dot");
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ApiError, ErrorCode};

    fn refused(parent: &Path, name: &str) -> ApiError {
        let config = parent.join("config");
        ApiError::from(create(&config, parent, name, 1).expect_err("refused"))
    }

    #[test]
    fn creates_name_dot_tessera_in_the_parent_and_records_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("config");
        let opened = create(&config, dir.path(), "  Brand 2026 ", 7).expect("create");
        assert_eq!(opened.library.root(), dir.path().join("Brand 2026.tessera"));
        assert!(dir.path().join("Brand 2026.tessera/library.db").is_file());
        assert_eq!(opened.library.name(), "Brand 2026");
        let recent = super::super::recent(&config);
        assert_eq!((recent[0].name.as_str(), recent[0].last_opened), ("Brand 2026", 7));

        let again = create(&config, dir.path(), "Typed.tessera", 8).expect("create");
        assert_eq!(again.library.name(), "Typed", "a typed .tessera is not doubled");
        // An empty folder of that name is used.
        std::fs::create_dir(dir.path().join("Empty.tessera")).expect("mkdir");
        create(&config, dir.path(), "Empty", 9).expect("an empty folder becomes the library");
    }

    #[test]
    fn names_that_cannot_be_folder_names_are_refused_with_the_field() {
        let dir = tempfile::tempdir().expect("temp dir");
        for bad in ["", "   ", ".tessera", ".hidden", "a/b", "a\\b", "what?", "tab\there", "dot.", &"x".repeat(101)] {
            let e = refused(dir.path(), bad);
            assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("name")), "{bad:?}: {}", e.message);
        }
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert!(names.is_empty(), "nothing was created for a refused name");
    }

    #[test]
    fn a_taken_folder_or_a_bad_parent_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("Used.tessera")).expect("mkdir");
        std::fs::write(dir.path().join("Used.tessera/notes.txt"), b"mine").expect("write");
        let e = refused(dir.path(), "Used");
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("name")));
        assert!(e.message.contains("not empty"), "{}", e.message);
        assert!(dir.path().join("Used.tessera/notes.txt").is_file(), "the folder is left as it was");

        Library::init(&dir.path().join("Lib.tessera")).expect("init");
        let e = refused(dir.path(), "Lib");
        assert!(e.message.contains("already a library"), "says to open it instead: {}", e.message);

        let e = refused(&dir.path().join("nowhere"), "New");
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::InvalidInput, Some("parent")), "{}", e.message);
        std::fs::write(dir.path().join("file"), b"").expect("write");
        let e = refused(&dir.path().join("file"), "New");
        assert_eq!(e.field.as_deref(), Some("parent"));
    }
}
