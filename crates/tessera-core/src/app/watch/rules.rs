//! Applying a watched folder's rules to what arrived: tags, creator, rights, credit and campaign on the new assets
//! (handed to ingest as [`AssetDefaults`], recorded with the assets in one transaction, as is the uploader), the
//! collection (joined in that same transaction; a missing one is created and reported, one that cannot be used is
//! reported and left out), and
//! then the source action (leave, move into `.ingested/`, delete) on files whose content is safely in the library.
//! Every rule that cannot apply becomes a `rule` event with the reason; nothing is skipped silently.
//!
//! Extension point: the review-workflow issue adds its "start a review, assign a reviewer" rule here, after the
//! metadata rules and before the source action, as one more function returning events.

use super::settle::Snapshot;
use crate::app::Ctx;
use crate::domain::watch::{AfterIngest, NewWatchEvent, WatchEventKind, WatchRule, WatchedFolder};
use crate::domain::{collection_path, AssetDefaults, AssetId, CollectionKind};
use std::path::{Path, PathBuf};

/// The folder holding moved sources, inside the watched folder (hidden, so never walked or watched for new files).
pub const INGESTED_FOLDER: &str = ".ingested";

fn rule_event(folder: &WatchedFolder, path: Option<&Path>, detail: String) -> NewWatchEvent {
    NewWatchEvent {
        folder: folder.id,
        kind: WatchEventKind::Rule,
        path: path.map(|p| p.to_string_lossy().into_owned()),
        asset: None,
        detail,
    }
}

/// The metadata a folder's rule sets on every new asset: handed to the ingest, which records it in the same
/// transaction as the assets (a crash can never leave an asset without its folder's tags).
pub fn defaults(rule: &WatchRule) -> AssetDefaults {
    AssetDefaults {
        tags: rule.tags.clone(),
        creator: rule.creator.clone(),
        rights: rule.rights.clone(),
        credit: rule.credit.clone(),
        campaign: rule.campaign.clone(),
        collection: rule.collection.clone(),
    }
}

/// How a folder's collection rule stands before a batch is ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionRule {
    /// No collection rule, or the collection exists: nothing to report.
    Ready,
    /// The collection does not exist: the ingest creates it (reported, so a typo in a rule is seen).
    Missing(String),
    /// It cannot be used (a bad name, a smart collection): the assets arrive without it, and it is reported.
    Unusable(String, String),
}

/// Checks the folder's collection rule, and takes it out of `defaults` when it cannot apply (so the ingest itself
/// never fails on it).
pub fn check_collection(ctx: &Ctx, folder: &WatchedFolder, defaults: &mut AssetDefaults) -> CollectionRule {
    let Some(name) = folder.rule.collection.clone() else { return CollectionRule::Ready };
    let unusable = |reason: String, defaults: &mut AssetDefaults| {
        defaults.collection = None;
        CollectionRule::Unusable(name.clone(), reason)
    };
    let path = match collection_path(&name) {
        Ok(parts) => parts.join("/"),
        Err(e) => return unusable(e.to_string(), defaults),
    };
    defaults.collection = Some(path.clone());
    match ctx.store().collection_kind(&path) {
        Ok(Some(CollectionKind::Manual)) => CollectionRule::Ready,
        Ok(None) => CollectionRule::Missing(path),
        Ok(Some(CollectionKind::Smart)) => {
            unusable("it is a smart collection: its assets are what its query matches".into(), defaults)
        }
        Err(e) => unusable(e.to_string(), defaults),
    }
}

/// Events for the collection rule after a batch: a collection that was made for it, or one that could not be used.
pub fn collection_events(folder: &WatchedFolder, rule: &CollectionRule, new_assets: &[AssetId]) -> Vec<NewWatchEvent> {
    if new_assets.is_empty() {
        return Vec::new();
    }
    match rule {
        CollectionRule::Ready => Vec::new(),
        CollectionRule::Missing(path) => vec![rule_event(
            folder,
            None,
            format!("collection {path:?} did not exist: created it with {} new assets", new_assets.len()),
        )],
        CollectionRule::Unusable(name, reason) => vec![rule_event(
            folder,
            None,
            format!("collection {name:?} not applied to {} new assets: {reason}", new_assets.len()),
        )],
    }
}

/// Leaves, moves or deletes a source file whose content is in the library. `snapshot` is the file as it was
/// ingested: a file that changed since is left alone (its new content will arrive as its own change).
/// Returns what was done (for the log) or why nothing could be done.
pub fn apply_source_action(
    folder: &WatchedFolder,
    root: &Path,
    path: &Path,
    snapshot: &Snapshot,
) -> Result<Option<String>, String> {
    if folder.rule.after == AfterIngest::Leave {
        return Ok(None);
    }
    match Snapshot::of(path) {
        None => return Err("the file is no longer there; nothing to move or delete".into()),
        Some(now) if now != *snapshot => {
            return Err("the file changed after it was ingested, so it was left in place".into());
        }
        Some(_) => {}
    }
    match folder.rule.after {
        AfterIngest::Leave => Ok(None),
        AfterIngest::Delete => match std::fs::remove_file(path) {
            Ok(()) => Ok(Some("deleted the source".into())),
            Err(e) => Err(format!("could not delete the source: {e}")),
        },
        AfterIngest::Move => {
            let relative = path.strip_prefix(root).map_err(|_| "the file is outside the watched folder".to_string())?;
            let target = free_name(&root.join(INGESTED_FOLDER).join(relative));
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
            }
            std::fs::rename(path, &target)
                .map(|()| Some(format!("moved to {}", target.display())))
                .map_err(|e| format!("could not move the source to {}: {e}", target.display()))
        }
    }
}

/// `target`, or `name-2.ext`, `name-3.ext`… when that name is taken.
fn free_name(target: &Path) -> PathBuf {
    if std::fs::symlink_metadata(target).is_err() {
        return target.to_path_buf();
    }
    let stem = target.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = target.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    (2..)
        .map(|n| target.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .unwrap_or_else(|| target.to_path_buf())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;
    use crate::domain::watch::{FolderState, WatchRule, WatchedFolderId};

    fn folder(after: AfterIngest) -> WatchedFolder {
        WatchedFolder {
            id: WatchedFolderId(1),
            path: String::new(),
            state: FolderState::Active,
            rule: WatchRule { after, ..Default::default() },
            created_at: 0,
            ingested: 0,
            errors: 0,
            last_event_at: None,
            last_event: None,
            last_error: None,
            status: None,
            status_detail: None,
            status_at: None,
        }
    }

    #[test]
    fn the_collection_rule_is_made_when_missing_and_reported_when_it_cannot_be_used() {
        let dir = tempfile::tempdir().unwrap();
        let library = crate::Library::init(&dir.path().join("l.tessera")).unwrap();
        let ctx = Ctx::new(&library, crate::Actor::named("ana"));
        crate::app::collections::add_smart_collection(&ctx, "Smart", "rating:5").unwrap();
        let none = crate::app::assets::Selection::Ids { ids: vec![] };
        crate::app::collections::add_to_collection(&ctx, "Shoots/Day 1", &none, &crate::runtime::NoProgress).unwrap();
        type Expect = fn(&CollectionRule) -> bool;
        let cases: &[(&str, Expect, bool)] = &[
            (" shoots / day 1 ", |r| *r == CollectionRule::Ready, true),
            ("Shoots/Day 2", |r| matches!(r, CollectionRule::Missing(p) if p == "Shoots/Day 2"), true),
            ("smart", |r| matches!(r, CollectionRule::Unusable(_, why) if why.contains("smart")), false),
            ("a//b", |r| matches!(r, CollectionRule::Unusable(..)), false),
        ];
        for (name, expect, kept) in cases {
            let mut f = folder(AfterIngest::Leave);
            f.rule.collection = Some(name.to_string());
            let mut defaults = defaults(&f.rule);
            let rule = check_collection(&ctx, &f, &mut defaults);
            assert!(expect(&rule), "{name:?}: {rule:?}");
            assert_eq!(defaults.collection.is_some(), *kept, "{name:?}: joined only when it can be");
            let events = collection_events(&f, &rule, &[AssetId(1)]);
            assert_eq!(events.len(), usize::from(rule != CollectionRule::Ready), "{name:?}: reported unless ready");
        }
    }

    #[test]
    fn move_keeps_the_relative_path_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for round in 0..2 {
            let source = root.join("day1/a.jpg");
            std::fs::create_dir_all(source.parent().unwrap()).unwrap();
            std::fs::write(&source, format!("content {round}")).unwrap();
            let snapshot = Snapshot::of(&source).unwrap();
            apply_source_action(&folder(AfterIngest::Move), root, &source, &snapshot).unwrap();
            assert!(!source.exists());
        }
        assert_eq!(std::fs::read_to_string(root.join(".ingested/day1/a.jpg")).unwrap(), "content 0");
        assert_eq!(
            std::fs::read_to_string(root.join(".ingested/day1/a-2.jpg")).unwrap(),
            "content 1",
            "a numeric suffix on collision"
        );
    }

    #[test]
    fn a_file_that_changed_after_ingest_is_not_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("a.jpg");
        std::fs::write(&source, b"v1").unwrap();
        let snapshot = Snapshot::of(&source).unwrap();
        std::fs::write(&source, b"version 2").unwrap();
        let result = apply_source_action(&folder(AfterIngest::Delete), dir.path(), &source, &snapshot);
        assert!(result.is_err(), "the new content is not in the library yet");
        assert!(source.exists());
    }
}
