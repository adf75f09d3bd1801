//! Who is at the keyboard, for the uploader field: `$USER`/`$LOGNAME`/`$USERNAME`, else (on Unix) the passwd entry of
//! the process's user. Front ends call this once; the core itself never asks.

/// The OS user name, or "unknown".
pub fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(passwd_name)
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(unix)]
fn passwd_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid().to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        (fields.nth(1)? == uid).then(|| name.to_string())
    })
}

#[cfg(not(unix))]
fn passwd_name() -> Option<String> {
    None
}
