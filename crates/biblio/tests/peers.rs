//! Third-party programs that check what we write: found, skipped with a message, or,
//! under `SHELFMARK_REQUIRE_PEERS=1` (as in CI), required.

use std::path::Path;
use std::process::Command;

/// Whether the peers must be present.
pub fn required() -> bool {
    std::env::var("SHELFMARK_REQUIRE_PEERS").is_ok_and(|v| v == "1")
}

/// Skips a test whose peer is missing, or fails it when peers are required.
pub fn missing(what: &str) {
    assert!(
        !required(),
        "{what} is not installed and SHELFMARK_REQUIRE_PEERS=1 (run .ci/run to install it)"
    );
    eprintln!("skipped: {what} is not installed (set SHELFMARK_REQUIRE_PEERS=1 to require it)");
}

/// Whether a command runs and exits with success.
pub fn works(program: &str, args: &[&str], dir: &Path) -> bool {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}
