//! Turning `notify` events into the few changes the watcher acts on. Knows nothing of the database or of rules, so
//! a different event source (polling, another backend) only has to produce [`FsChange`]s.

use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use std::path::PathBuf;

/// A change in a watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FsChange {
    /// A file or folder appeared (created, or moved in).
    Appeared(PathBuf),
    /// A file's content or metadata changed (or a write finished).
    Changed(PathBuf),
    /// A file or folder went away (deleted, or moved out).
    Removed(PathBuf),
    /// Renamed or moved within the watched folder.
    Renamed { from: PathBuf, to: PathBuf },
    /// Events were lost (the kernel queue overflowed): walk the folder (or all of them when None) again.
    Rescan(Option<PathBuf>),
    /// A writer closed the file: it is most likely complete (a shorter settle time applies).
    Closed(PathBuf),
}

/// The changes one `notify` event stands for (often none: reads, opens).
pub fn translate(event: &notify::Event) -> Vec<FsChange> {
    if event.need_rescan() {
        return vec![FsChange::Rescan(event.paths.first().cloned())];
    }
    let each = |make: fn(PathBuf) -> FsChange| event.paths.iter().cloned().map(make).collect();
    match event.kind {
        EventKind::Create(CreateKind::Any | CreateKind::File | CreateKind::Folder | CreateKind::Other) => {
            each(FsChange::Appeared)
        }
        EventKind::Modify(ModifyKind::Name(mode)) => match (mode, event.paths.as_slice()) {
            (RenameMode::Both, [from, to]) => vec![FsChange::Renamed { from: from.clone(), to: to.clone() }],
            (RenameMode::To, _) => each(FsChange::Appeared),
            (RenameMode::From, _) => each(FsChange::Removed),
            // Unknown direction (some backends): whether the path exists now tells which side it was.
            _ => event
                .paths
                .iter()
                .map(|p| if p.exists() { FsChange::Appeared(p.clone()) } else { FsChange::Removed(p.clone()) })
                .collect(),
        },
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => each(FsChange::Closed),
        EventKind::Modify(_) => each(FsChange::Changed),
        EventKind::Remove(_) => each(FsChange::Removed),
        EventKind::Any | EventKind::Other => each(FsChange::Changed),
        EventKind::Access(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{Flag, RemoveKind};
    use notify::Event;

    fn event(kind: EventKind, paths: &[&str]) -> Event {
        paths.iter().fold(Event::new(kind), |e, p| e.add_path(PathBuf::from(p)))
    }

    #[test]
    fn kinds_map_to_changes() {
        assert_eq!(
            translate(&event(EventKind::Create(CreateKind::File), &["/w/a.jpg"])),
            vec![FsChange::Appeared("/w/a.jpg".into())]
        );
        assert_eq!(
            translate(&event(EventKind::Modify(ModifyKind::Name(RenameMode::Both)), &["/w/a.part", "/w/a.jpg"])),
            vec![FsChange::Renamed { from: "/w/a.part".into(), to: "/w/a.jpg".into() }],
            "a rename keeps both sides, so a .part renamed to .jpg is taken"
        );
        assert_eq!(
            translate(&event(EventKind::Access(AccessKind::Close(AccessMode::Write)), &["/w/a.jpg"])),
            vec![FsChange::Closed("/w/a.jpg".into())]
        );
        assert!(translate(&event(EventKind::Access(AccessKind::Read), &["/w/a.jpg"])).is_empty(), "reads are noise");
        assert_eq!(
            translate(&event(EventKind::Remove(RemoveKind::File), &["/w/a.jpg"])),
            vec![FsChange::Removed("/w/a.jpg".into())]
        );
        let overflow = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert_eq!(translate(&overflow), vec![FsChange::Rescan(None)], "lost events mean a walk");
    }
}
