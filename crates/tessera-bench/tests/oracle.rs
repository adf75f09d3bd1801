//! The search oracle inside `cargo test` (and so `make test`): `tessera-bench-search --check` on a small synthetic
//! library compares every page of its queries × sorts × orders with the plain, untuned SQL (ids, order, totals).
//!
//! 12,000 assets: small enough for a debug build (well under a minute), large enough that the broad queries pass
//! the core's total cap (10,000) and check the capped "10,000+" totals too.

use std::path::PathBuf;
use std::process::Command;

/// Removes the library folder when the test ends, passed or not.
struct TempLibrary(PathBuf);

impl Drop for TempLibrary {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_page_of_every_query_equals_the_plain_sql() {
    let dir = TempLibrary(std::env::temp_dir().join(format!("tessera-oracle-{}.tessera", std::process::id())));
    let output = Command::new(env!("CARGO_BIN_EXE_tessera-bench-search"))
        .args(["--assets", "12000", "--check", "--library"])
        .arg(&dir.0)
        .output()
        .expect("tessera-bench-search runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "search_sql must return the plain SQL's ids, order and totals on every page:\n{stderr}"
    );
    assert!(stderr.contains("identical to the plain SQL"), "the check ran to its end:\n{stderr}");
}
