//! Handing a file to the desktop: open it with its default application, or show it in the file manager. A small
//! wrapper over the platform's own command (`xdg-open`, `open`, `explorer`), no library. `TESSERA_OPENER` names a
//! program to run instead (`$TESSERA_OPENER open|reveal PATH`): tests record what would have been opened, and a user
//! can plug in their own.

use crate::error::{Error, Result};
use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

/// The environment variable that replaces the platform's opener.
pub const OPENER_ENV: &str = "TESSERA_OPENER";

/// Opens `path` with the default application for its type.
pub fn open(path: &Path) -> Result<()> {
    if let Some(program) = std::env::var_os(OPENER_ENV) {
        return run(Command::new(&program).arg("open").arg(path), &program, "open the file");
    }
    let (program, args): (&str, Vec<OsString>) = if cfg!(target_os = "macos") {
        ("open", vec![path.into()])
    } else if cfg!(windows) {
        ("explorer", vec![path.into()])
    } else {
        ("xdg-open", vec![path.into()])
    };
    run(Command::new(program).args(args), &program.into(), "open the file")
}

/// Shows `path` selected in the file manager (on Linux through the FileManager1 D-Bus interface when a file manager
/// offers it, else by opening the folder that holds it).
pub fn reveal(path: &Path) -> Result<()> {
    if let Some(program) = std::env::var_os(OPENER_ENV) {
        return run(Command::new(&program).arg("reveal").arg(path), &program, "show the file");
    }
    if cfg!(target_os = "macos") {
        return run(Command::new("open").arg("-R").arg(path), &"open".into(), "show the file");
    }
    if cfg!(windows) {
        let mut select = OsString::from("/select,");
        select.push(path);
        return run(Command::new("explorer").arg(select), &"explorer".into(), "show the file");
    }
    let shown = Command::new("dbus-send")
        .args(["--session", "--print-reply", "--dest=org.freedesktop.FileManager1", "--type=method_call"])
        .args(["/org/freedesktop/FileManager1", "org.freedesktop.FileManager1.ShowItems"])
        .arg(format!("array:string:{}", file_uri(path)))
        .arg("string:")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if shown {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(path);
    run(Command::new("xdg-open").arg(folder), &"xdg-open".into(), "show the folder")
}

fn run(command: &mut Command, program: &OsString, action: &'static str) -> Result<()> {
    let failed =
        |reason: String| Error::OpenerFailed { program: program.to_string_lossy().into_owned(), action, reason };
    let status = command.stdin(Stdio::null()).status().map_err(|e| failed(e.to_string()))?;
    // Explorer exits with 1 even when it opened the window; its status says nothing.
    if status.success() || cfg!(windows) {
        Ok(())
    } else {
        Err(failed(format!("it exited with {status}")))
    }
}

/// `file://` URI of an absolute path, bytes outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::file_uri;
    use std::path::Path;

    #[test]
    fn file_uri_encodes_spaces_and_non_ascii() {
        assert_eq!(
            file_uri(Path::new("/a b/é.jpg")),
            "file:///a%20b/%C3%A9.jpg",
            "a file manager must get a valid URI"
        );
        assert_eq!(file_uri(Path::new("/x/y_z-1.png")), "file:///x/y_z-1.png");
    }
}
