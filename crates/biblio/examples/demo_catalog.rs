//! Writes the demo catalog's library records: every well-formed book record of the
//! MARC and ONIX sample files in `crates/biblio/tests/data`, each book once.
//!
//! ISO 2709 files keep the bytes of their good records unchanged and drop the rest;
//! MARCXML, MARC-in-JSON and ONIX files are copied whole when every record in them is
//! a good book. A book already taken from an earlier file (the same ISBN, or the same
//! title and year) is left out. Binary files come before their XML and JSON copies,
//! and files named bad or invalid last. Run from the repository root:
//!
//!     cargo run -p biblio --example demo_catalog -- demo/catalog

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use biblio::Book;
use biblio::formats::{self, Format, marc};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with("LICENSE")
                && !name.ends_with(".snap.json")
                && !name.ends_with(".err")
                && !name.ends_with(".md")
        })
        .collect();
    // Binary records before their XML and JSON copies, files named bad or invalid
    // after the rest, so that each book comes from its cleanest source.
    out.sort_by_key(|p| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let text = name.ends_with(".xml") || name.ends_with(".json");
        let flawed = name.contains("bad") || name.contains("invalid");
        (flawed, text, name)
    });
    out
}

/// The keys a book is known by: its ISBNs, or its title and year.
fn keys(book: &Book) -> Vec<String> {
    let isbns: Vec<String> = book.isbns().map(|(i, _)| i.compact()).collect();
    if isbns.is_empty() {
        vec![format!(
            "{}|{}",
            book.full_title().to_lowercase(),
            book.copyright_year.unwrap_or(0)
        )]
    } else {
        isbns
    }
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: demo_catalog OUT_DIR"),
    );
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut seen: HashSet<String> = HashSet::new();
    let is_new = |book: &Book, seen: &mut HashSet<String>| {
        let k = keys(book);
        if k.iter().any(|k| seen.contains(k)) {
            return false;
        }
        seen.extend(k);
        true
    };
    let mut total = 0;
    let mut report = Vec::new();
    for area in ["marc", "onix"] {
        let target = out.join(area);
        std::fs::create_dir_all(&target).unwrap();
        for folder in ["ok", "err"] {
            for path in files(&data.join(area).join(folder)) {
                let bytes = std::fs::read(&path).unwrap();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let (kept, count) = if formats::detect_bytes(&bytes) == Some(Format::Marc) {
                    let mut kept = Vec::new();
                    let mut count = 0;
                    for raw in marc::iso2709::Reader::new(&bytes).flatten() {
                        let Ok(record) = raw.decode() else { continue };
                        let Ok(book) = marc::to_book(&record) else {
                            continue;
                        };
                        if is_new(&book, &mut seen) {
                            kept.extend_from_slice(raw.bytes);
                            count += 1;
                        }
                    }
                    (kept, count)
                } else {
                    let parsed = formats::read(&bytes);
                    if !parsed.diagnostics.is_empty() || parsed.books.is_empty() {
                        continue;
                    }
                    let fresh: Vec<bool> = parsed
                        .books
                        .iter()
                        .map(|(_, b)| is_new(b, &mut seen))
                        .collect();
                    if fresh.iter().any(|f| !f) {
                        continue;
                    }
                    (bytes.clone(), parsed.books.len())
                };
                if count == 0 {
                    continue;
                }
                std::fs::write(target.join(&name), kept).unwrap();
                report.push(format!("{area}/{name}: {count}"));
                total += count;
            }
        }
    }
    for line in &report {
        println!("{line}");
    }
    println!("{total} books");
}
