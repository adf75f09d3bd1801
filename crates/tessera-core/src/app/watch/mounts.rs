//! Which folders sit on a network file system. Network shares (NFS, SMB, SSHFS…) send no change events for what
//! other machines write, so the watcher polls them instead of trusting a silent watch.

use std::path::Path;

const NETWORK_TYPES: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "ncpfs",
    "davfs",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
];

/// The file system type of `path` when it is a network one (Linux; elsewhere None).
pub fn network_fs(path: &Path) -> Option<String> {
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    network_fs_in(&mounts, path)
}

fn network_fs_in(mounts: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for line in mounts.lines() {
        let mut fields = line.split_whitespace();
        let (Some(_device), Some(point), Some(fstype)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        // Spaces in mount points are written as \040.
        let point = point.replace("\\040", " ");
        if path.starts_with(&point) && best.is_none_or(|(len, _)| point.len() >= len) {
            best = Some((point.len(), fstype));
        }
    }
    best.map(|(_, fstype)| fstype).filter(|t| NETWORK_TYPES.contains(t)).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_mount_point_decides() {
        let mounts =
            "/dev/sda1 / ext4 rw 0 0\nnas:/photos /mnt/nas nfs4 rw 0 0\n/dev/sdb1 /mnt/nas/local ext4 rw 0 0\n";
        assert_eq!(network_fs_in(mounts, Path::new("/mnt/nas/shoot")).as_deref(), Some("nfs4"));
        assert_eq!(network_fs_in(mounts, Path::new("/mnt/nas/local/x")), None, "a local disk mounted inside");
        assert_eq!(network_fs_in(mounts, Path::new("/home/ana")), None);
    }
}
