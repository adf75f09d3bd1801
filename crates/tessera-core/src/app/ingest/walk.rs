//! Turning the paths a person named into candidate files: folders are walked recursively (following symbolic links,
//! with loops detected), hidden and system files are skipped with a reason, and a file named twice is taken once.
//! XMP sidecars found beside a file (`photo.jpg.xmp` as darktable and digiKam name them, `photo.xmp` as Lightroom
//! and Bridge do) are attached to it, read with it, and not ingested as assets of their own.

use super::report::Problem;
use super::skip_rules::{skip_folder_reason, skip_reason};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Candidates in a stable order, and what was skipped or could not be read while listing.
#[derive(Debug, Default)]
pub(super) struct Listing {
    pub candidates: Vec<PathBuf>,
    pub skipped: Vec<Problem>,
    pub failed: Vec<Problem>,
    /// Candidate → the sidecar read with it.
    pub sidecars: HashMap<PathBuf, PathBuf>,
}

pub(super) fn list(inputs: &[PathBuf]) -> Listing {
    let mut listing = Listing::default();
    let mut seen = HashSet::new();
    for input in inputs {
        match std::fs::metadata(input) {
            Err(e) => listing.failed.push(problem(input, &format!("cannot open: {}", io_reason(&e)))),
            Ok(meta) if meta.is_dir() => walk_folder(input, &mut listing, &mut seen),
            Ok(_) => consider_file(input, &mut listing, &mut seen),
        }
    }
    attach_sidecars(&mut listing);
    listing
}

fn is_xmp(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xmp"))
}

/// Takes the sidecars out of the candidates and attaches each to the file(s) it describes: `photo.jpg.xmp` to
/// `photo.jpg` (first choice), `photo.xmp` to every `photo.*` beside it (a RAW and its JPEG share one in
/// Lightroom). A `.xmp` with no such file stays a candidate. One pass and two hash maps: nothing is read or
/// stat'ed, so a folder without sidecars costs nothing more.
fn attach_sidecars(listing: &mut Listing) {
    if !listing.candidates.iter().any(|p| is_xmp(p)) {
        return;
    }
    let key = |dir: Option<&Path>, name: &std::ffi::OsStr| {
        (dir.map(Path::to_path_buf), name.to_string_lossy().to_lowercase())
    };
    let mut by_name: HashMap<(Option<PathBuf>, String), usize> = HashMap::new();
    let mut by_stem: HashMap<(Option<PathBuf>, String), Vec<usize>> = HashMap::new();
    for (i, p) in listing.candidates.iter().enumerate().filter(|(_, p)| !is_xmp(p)) {
        if let Some(name) = p.file_name() {
            by_name.insert(key(p.parent(), name), i);
        }
        if let Some(stem) = p.file_stem() {
            by_stem.entry(key(p.parent(), stem)).or_default().push(i);
        }
    }
    let mut exact: HashMap<usize, PathBuf> = HashMap::new();
    let mut loose: HashMap<usize, PathBuf> = HashMap::new();
    let mut attached: HashMap<PathBuf, PathBuf> = HashMap::new();
    for p in listing.candidates.iter().filter(|p| is_xmp(p)) {
        let Some(stem) = p.file_stem() else { continue };
        let k = key(p.parent(), stem);
        if let Some(&i) = by_name.get(&k) {
            exact.insert(i, p.clone());
            attached.insert(p.clone(), listing.candidates[i].clone());
        } else if let Some(targets) = by_stem.get(&k) {
            for &i in targets {
                loose.entry(i).or_insert_with(|| p.clone());
            }
            attached.insert(p.clone(), listing.candidates[targets[0]].clone());
        }
    }
    for (i, sidecar) in loose.into_iter().chain(exact) {
        listing.sidecars.insert(listing.candidates[i].clone(), sidecar);
    }
    listing.candidates.retain(|p| !attached.contains_key(p));
    let mut notes: Vec<Problem> = attached
        .iter()
        .map(|(sidecar, file)| {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            problem(sidecar, &format!("XMP sidecar, read with {name}"))
        })
        .collect();
    notes.sort_by(|a, b| a.path.cmp(&b.path));
    listing.skipped.extend(notes);
}

fn walk_folder(root: &Path, listing: &mut Listing, seen: &mut HashSet<PathBuf>) {
    let mut walker = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter();
    loop {
        let entry = match walker.next() {
            None => break,
            Some(Ok(entry)) => entry,
            Some(Err(e)) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| root.to_path_buf());
                if e.loop_ancestor().is_some() {
                    listing.skipped.push(problem(&path, "symbolic link loop (already walked this folder)"));
                } else if let Some(io) = e.io_error() {
                    listing.failed.push(problem(&path, &format!("cannot read: {}", io_reason(io))));
                } else {
                    listing.failed.push(problem(&path, &e.to_string()));
                }
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() {
            if entry.depth() > 0 {
                if let Some(reason) = skip_folder_reason(&name) {
                    listing.skipped.push(problem(entry.path(), reason));
                    walker.skip_current_dir();
                }
            }
            continue;
        }
        consider_file(entry.path(), listing, seen);
    }
}

fn consider_file(path: &Path, listing: &mut Listing, seen: &mut HashSet<PathBuf>) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if let Some(reason) = skip_reason(&name) {
        listing.skipped.push(problem(path, reason));
        return;
    }
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => listing.skipped.push(problem(path, "not a regular file")),
        Ok(_) => {
            let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if seen.insert(key) {
                listing.candidates.push(path.to_path_buf());
            } else {
                listing.skipped.push(problem(path, "the same file was already listed (through another path or link)"));
            }
        }
        Err(e) => listing.failed.push(problem(path, &format!("cannot open: {}", io_reason(&e)))),
    }
}

fn problem(path: &Path, reason: &str) -> Problem {
    Problem { path: path.to_string_lossy().into_owned(), reason: reason.to_string() }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
