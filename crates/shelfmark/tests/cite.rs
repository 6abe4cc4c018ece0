//! `shelfmark cite`: the seed's chapters cited and downloaded from the command line, as
//! the issue asks ("Cite this Item", issue 4).

use std::{path::Path, process::Command};

use crate::{repo, seed_path};

fn shelfmark(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shelfmark"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("SHELFMARK_DATA")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn with_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_path().to_string_lossy().into_owned();
    let (code, _, err) = shelfmark(dir.path(), &["import", &seed]);
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn a_chapter_is_cited_at_a_page_in_chicago_notes() {
    let dir = with_seed();
    let (code, out, err) = shelfmark(
        dir.path(),
        &[
            "cite",
            "crisis-in-north-korea",
            "--chapter",
            "12",
            "--locator",
            "127",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "Chicago Manual of Style 18th edition (notes and bibliography) (chicago-notes-bibliography)\n\
         \x20 note:         Andrei Lankov, “The August Plenum,” in Crisis in North Korea: The Failure of De-Stalinization, 1956 (2005), 127.\n\
         \x20 short note:   Lankov, “The August Plenum,” 127.\n\
         \x20 bibliography: Lankov, Andrei. “The August Plenum.” In Crisis in North Korea: The Failure of De-Stalinization, 1956. 2005.\n"
    );
}

#[test]
fn a_page_outside_the_chapter_is_an_error() {
    let dir = with_seed();
    let (code, out, err) = shelfmark(
        dir.path(),
        &[
            "cite",
            "crisis-in-north-korea",
            "--chapter",
            "12",
            "--locator",
            "300",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "error: page 300 is outside \"The August Plenum\" (pp. 121-135)\n"
    );
    let (code, _, err) = shelfmark(
        dir.path(),
        &["cite", "crisis-in-north-korea", "--chapter", "22"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "error: \"Crisis in North Korea\" has no table-of-contents item 22 (it has 21)\n"
    );
}

#[test]
fn every_style_and_download_is_available() {
    let dir = with_seed();
    let (code, out, err) = shelfmark(
        dir.path(),
        &[
            "cite",
            "978-0-8248-6203-9",
            "--chapter",
            "3",
            "--style",
            "all",
            "--format",
            "html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("bibliography: ").count(), 6, "{out}");
    assert!(out.contains("(pp. vii–xii)"), "{out}");
    for (format, start) in [
        ("ris", "TY  - CHAP\r\n"),
        ("bibtex", "@inbook{lankov2005crisis-3,\n"),
        ("csl-json", "{\n"),
        ("enw", "%0 Book Section\n"),
    ] {
        let (code, out, err) = shelfmark(
            dir.path(),
            &[
                "cite",
                "crisis-in-north-korea",
                "--chapter",
                "3",
                "--format",
                format,
            ],
        );
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.starts_with(start), "{format}: {out}");
    }
}

#[test]
fn a_style_file_is_accepted_and_a_bad_one_refused() {
    let dir = with_seed();
    let apa = repo().join("crates/biblio/src/cite/styles/apa.csl");
    let (code, out, err) = shelfmark(
        dir.path(),
        &[
            "cite",
            "crisis-in-north-korea",
            "--style",
            apa.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("APA Style 7th edition (apa)\n"), "{out}");
    let bad = dir.path().join("bad.csl");
    std::fs::write(&bad, "<style>not csl</style>").unwrap();
    let (code, _, err) = shelfmark(
        dir.path(),
        &[
            "cite",
            "crisis-in-north-korea",
            "--style",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("style is not an independent CSL 1.0.2 style"),
        "{err}"
    );
}
