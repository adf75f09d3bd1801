//! Turning the paths a person named into candidate files: folders are walked recursively (following symbolic links,
//! with loops detected), hidden and system files are skipped with a reason, and a file named twice is taken once.

use super::report::Problem;
use super::skip_rules::{skip_folder_reason, skip_reason};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Candidates in a stable order, and what was skipped or could not be read while listing.
#[derive(Debug, Default)]
pub(super) struct Listing {
    pub candidates: Vec<PathBuf>,
    pub skipped: Vec<Problem>,
    pub failed: Vec<Problem>,
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
    listing
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
