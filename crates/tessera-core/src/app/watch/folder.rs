//! Watched folders and their rules: what they are, and adding, listing, removing, pausing, resuming and changing the
//! rules of one. The watcher process ([`super::runner`]) re-reads this list every few seconds, so a change made here
//! by another process (the CLI, the desktop app) takes effect without a restart.
//!
//! To add a rule: add the field to [`WatchRule`], a column in a new migration, read/write it in `store::watch_sql`,
//! and apply it in [`super::rules`].

use crate::app::Ctx;
use crate::domain::watch::{AfterIngest, FolderState, WatchRule, WatchedFolder, WatchedFolderId};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Starts watching `dir` with `rule`. The folder must exist; it is stored as its canonical path. A folder inside the
/// library, or inside (or around) another watched folder, is refused: its files would arrive twice. With "delete
/// after ingest", the file system root, the home folder and any folder holding the library are refused too: one
/// mistyped path would empty them.
pub fn add(ctx: &Ctx, dir: &Path, rule: WatchRule) -> Result<WatchedFolder> {
    ctx.require(crate::domain::Action::ManageWatch)?;
    let library = ctx.library;
    let rule = rule.normalised()?;
    let path = std::fs::canonicalize(dir).map_err(|e| Error::io("open folder", dir, e))?;
    if !path.is_dir() {
        return Err(Error::InvalidWatchedFolder { path, reason: "not a folder".into() });
    }
    let library_root = std::fs::canonicalize(library.root()).unwrap_or_else(|_| library.root().to_path_buf());
    if path.starts_with(&library_root) {
        return Err(Error::InvalidWatchedFolder { path, reason: "it is inside the library folder".into() });
    }
    if library_root.starts_with(&path) {
        let reason = "it holds the library itself (its originals and thumbnails would arrive as new files)".into();
        return Err(Error::InvalidWatchedFolder { path, reason });
    }
    refuse_deleting_from(&path, rule.after)?;
    for other in library.store().watched_folders()? {
        let other_path = PathBuf::from(&other.path);
        if other_path == path {
            return Err(Error::InvalidWatchedFolder { path, reason: format!("already watched (id {})", other.id) });
        }
        if path.starts_with(&other_path) || other_path.starts_with(&path) {
            let reason = format!("it overlaps watched folder {} ({}); watch one or the other", other.id, other.path);
            return Err(Error::InvalidWatchedFolder { path, reason });
        }
    }
    let id = ctx.store().insert_watched_folder(&path.to_string_lossy(), &rule, ctx.now())?;
    get(ctx, id)
}

/// Folders whose files must never be deleted after ingest: `/` and the home folder.
fn refuse_deleting_from(path: &Path, after: AfterIngest) -> Result<()> {
    if after != AfterIngest::Delete {
        return Ok(());
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
    let home = home.map(|h| std::fs::canonicalize(&h).unwrap_or(h));
    let reason = if path.parent().is_none() {
        Some("it is the root of the file system")
    } else if home.as_deref() == Some(path) {
        Some("it is your home folder")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(Error::InvalidWatchedFolder {
            path: path.to_path_buf(),
            reason: format!("{reason}, and --after delete would delete every file ingested from it; watch a subfolder"),
        }),
        None => Ok(()),
    }
}

/// Every watched folder, in the order they were added.
pub fn list(ctx: &Ctx) -> Result<Vec<WatchedFolder>> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().watched_folders()
}

/// One watched folder.
pub fn get(ctx: &Ctx, id: WatchedFolderId) -> Result<WatchedFolder> {
    ctx.require(crate::domain::Action::Read)?;
    ctx.store().watched_folder(id)?.ok_or(Error::WatchedFolderNotFound(id.0))
}

/// Stops watching a folder and forgets its activity. Assets that arrived through it stay.
pub fn remove(ctx: &Ctx, id: WatchedFolderId) -> Result<WatchedFolder> {
    ctx.require(crate::domain::Action::ManageWatch)?;
    let folder = get(ctx, id)?;
    ctx.store().delete_watched_folder(id)?;
    Ok(folder)
}

/// Pauses (files that arrive meanwhile are picked up on resume) or resumes a folder.
pub fn set_state(ctx: &Ctx, id: WatchedFolderId, state: FolderState) -> Result<WatchedFolder> {
    ctx.require(crate::domain::Action::ManageWatch)?;
    if !ctx.store().set_watched_folder_state(id, state)? {
        return Err(Error::WatchedFolderNotFound(id.0));
    }
    get(ctx, id)
}

/// Replaces a folder's rules (they apply to what arrives from now on).
pub fn update_rule(ctx: &Ctx, id: WatchedFolderId, rule: WatchRule) -> Result<WatchedFolder> {
    ctx.require(crate::domain::Action::ManageWatch)?;
    let rule = rule.normalised()?;
    if !ctx.store().set_watched_folder_rule(id, &rule)? {
        return Err(Error::WatchedFolderNotFound(id.0));
    }
    get(ctx, id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn add_list_pause_update_remove() {
        let dir = tempfile::tempdir().unwrap();
        let library = crate::Library::init(&dir.path().join("t.tessera")).unwrap();
        let ctx = Ctx::new(&library, crate::Actor::named("test"));
        let shoot = dir.path().join("shoot");
        std::fs::create_dir_all(shoot.join("day1")).unwrap();
        let rule = WatchRule {
            tags: vec![" summer ".into(), "Summer".into()],
            credit: Some("  ".into()),
            ..Default::default()
        };
        let folder = add(&ctx, &shoot, rule).unwrap();
        assert_eq!(folder.rule.tags, vec!["summer"], "tags are trimmed and deduplicated without regard to case");
        assert_eq!(folder.rule.credit, None, "a blank credit is no credit");
        assert_eq!(folder.state, FolderState::Active);
        assert!(add(&ctx, &shoot, WatchRule::default()).is_err(), "a folder is watched once");
        assert!(add(&ctx, &shoot.join("day1"), WatchRule::default()).is_err(), "nested folders overlap");
        assert!(add(&ctx, &dir.path().join("t.tessera"), WatchRule::default()).is_err(), "not the library");
        let paused = set_state(&ctx, folder.id, FolderState::Paused).unwrap();
        assert_eq!(paused.state, FolderState::Paused);
        let rule = WatchRule { after: AfterIngest::Move, creator: Some("Ana".into()), ..Default::default() };
        let updated = update_rule(&ctx, folder.id, rule).unwrap();
        assert_eq!(updated.rule.after, AfterIngest::Move);
        assert_eq!(updated.rule.creator.as_deref(), Some("Ana"));
        assert_eq!(list(&ctx).unwrap().len(), 1);
        remove(&ctx, folder.id).unwrap();
        assert!(list(&ctx).unwrap().is_empty());
        assert!(matches!(remove(&ctx, folder.id), Err(Error::WatchedFolderNotFound(_))));
    }

    #[test]
    fn folders_holding_the_library_are_refused_and_delete_never_empties_root_or_home() {
        let dir = tempfile::tempdir().unwrap();
        let parent = dir.path().join("studio");
        let library = crate::Library::init(&parent.join("t.tessera")).unwrap();
        let ctx = Ctx::new(&library, crate::Actor::named("test"));
        let delete = || WatchRule { after: AfterIngest::Delete, ..Default::default() };
        let refused = |path: &Path| match add(&ctx, path, delete()) {
            Err(Error::InvalidWatchedFolder { reason, .. }) => reason,
            other => panic!("{} must be refused with --after delete, got {other:?}", path.display()),
        };
        assert!(refused(Path::new("/")).contains("holds the library"), "/ holds every library");
        assert!(refused(&parent).contains("holds the library"));
        assert!(refused(dir.path()).contains("holds the library"), "any folder above the library");
        let home = std::fs::canonicalize(std::env::var_os("HOME").unwrap_or_default()).ok();
        if let Some(home) = home.filter(|h| h.is_dir() && !parent.starts_with(h)) {
            assert!(refused(&home).contains("home folder"));
        }
        let shoot = dir.path().join("shoot");
        std::fs::create_dir_all(&shoot).unwrap();
        assert!(add(&ctx, &shoot, delete()).is_ok(), "an ordinary folder may delete its sources");
        let outside = tempfile::tempdir().unwrap();
        let leave = add(&ctx, outside.path(), WatchRule::default());
        assert!(leave.is_ok(), "leaving sources in place is allowed anywhere outside the library: {leave:?}");
        assert!(
            matches!(add(&ctx, dir.path(), WatchRule::default()), Err(Error::InvalidWatchedFolder { .. })),
            "a folder holding the library is never watched: the library's own files would arrive"
        );
    }
}
