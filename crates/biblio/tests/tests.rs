//! Integration tests for `biblio`: one binary, one module per area.

mod catalog;
mod cite;
mod csl_suite;
mod exports;
mod marc;
mod peers;
mod properties;
mod refcheck;

use std::path::{Path, PathBuf};

/// The folder of test data.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// Compares `actual` with the file at `path`; with `UPDATE_EXPECT=1`, writes it instead.
pub fn expect_file(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_EXPECT=1 to create it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output:\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

/// The `.txt` files of a folder, sorted.
pub fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no test files in {}", dir.display());
    files
}

/// The seed book, parsed from the demo catalog.
pub fn seed_book() -> biblio::Book {
    let path = data_dir().join("../../../../demo/catalog/crisis-in-north-korea.txt");
    let text = std::fs::read_to_string(path).unwrap();
    biblio::formats::catalog::parse(&text).books.remove(0).1
}
