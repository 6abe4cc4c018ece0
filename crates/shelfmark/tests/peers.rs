//! Running third-party programs (a real browser, Python readers) against what we serve.
//!
//! A peer that is not installed skips its test with a message, unless
//! `SHELFMARK_REQUIRE_PEERS=1` (set by `.ci/run`), where a missing peer fails the test.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
};

/// Whether a peer can run; panics when peers are required and this one cannot.
pub fn available(name: &str, probe: &mut Command) -> bool {
    let ok = probe
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("SHELFMARK_REQUIRE_PEERS").is_none(),
            "{name} is required (SHELFMARK_REQUIRE_PEERS is set) but not installed"
        );
        eprintln!("skipping: {name} is not installed (.ci/run installs it)");
    }
    ok
}

/// A `shelfmark serve` process on a free port, with its own data directory (so the demo
/// catalog is loaded); killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    _data: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        let data = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_shelfmark"))
            .arg("--data")
            .arg(data.path())
            .args(["serve", "--listen", "127.0.0.1:0"])
            .env("RUST_LOG", "warn")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let base = loop {
            let line = lines.next().expect("server exited before serving").unwrap();
            if let Some(rest) = line.strip_prefix("Shelfmark is serving ") {
                break rest
                    .split_whitespace()
                    .next()
                    .unwrap()
                    .trim_end_matches('/')
                    .to_owned();
            }
        };
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server {
            child,
            base,
            _data: data,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn tools() -> &'static Path {
    Box::leak(crate::repo().join("tools").into_boxed_path())
}
