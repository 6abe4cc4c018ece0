//! The pages in a real browser: axe-core finds no accessibility violations on the home,
//! book, chapter and search pages, and a reader can go from the book page to a chapter
//! and read its citation (tools/browser/check.mjs, in Debian's chromium).

use std::process::Command;

use crate::peers::{Server, available, tools};

#[test]
fn pages_pass_axe_and_a_reader_can_cite_a_chapter() {
    let dir = tools().join("browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !available("chromium", Command::new(&chromium).arg("--version"))
        || !available(
            "tools/browser/node_modules (npm ci)",
            Command::new("node").current_dir(&dir).args([
                "-e",
                "require.resolve('playwright-core'); require.resolve('axe-core')",
            ]),
        )
    {
        return;
    }
    let server = Server::start();
    let out_dir = crate::repo().join("target/screenshots");
    let run = Command::new("node")
        .current_dir(&dir)
        .arg("check.mjs")
        .arg(&server.base)
        .arg(&out_dir)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "browser check failed:\n{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["audits"].as_array().unwrap().len(), 4);
    for audit in report["audits"].as_array().unwrap() {
        assert_eq!(audit["violations"].as_array().unwrap().len(), 0, "{audit}");
        assert!(
            audit["passes"].as_u64().unwrap() > 10,
            "axe ran too few rules: {audit}"
        );
    }
    assert_eq!(report["path"]["desktop"]["heading"], "The August Plenum");
    assert!(out_dir.join("chapter-cite-phone.png").exists());
}
