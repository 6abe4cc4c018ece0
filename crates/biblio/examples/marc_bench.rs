//! The MARC benchmark program (see `tools/bench/marc.sh` and BENCHMARKS.md).
//!
//!     marc_bench generate N OUT.mrc   N records built from the demo catalog's MARC books,
//!                                     each with its own ISBN and title
//!     marc_bench parse FILE.mrc       records per second: walking the structure,
//!                                     decoding to Unicode, and mapping to books

use std::path::Path;
use std::time::Instant;

use biblio::formats::marc::{self, iso2709};

fn demo_books() -> Vec<biblio::Book> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/catalog/marc");
    let mut books = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "mrc" || e == "dat"))
        .collect();
    paths.sort();
    for path in paths {
        let parsed = marc::parse(&std::fs::read(path).unwrap());
        books.extend(parsed.books.into_iter().map(|(_, b)| b));
    }
    books
}

/// An ISBN-13 in the 979-8 range, numbered.
fn isbn(n: usize) -> biblio::Isbn13 {
    let body = format!("9798{:08}", n % 100_000_000);
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10).parse().unwrap()
}

fn generate(n: usize, out: &Path) {
    let books = demo_books();
    let mut bytes = Vec::new();
    for i in 0..n {
        let mut book = books[i % books.len()].clone();
        book.title = format!("{} {}", book.title, i + 1);
        book.identifiers.clear();
        book.identifiers.insert(
            0,
            biblio::Identifier::Isbn {
                value: isbn(i),
                medium: biblio::Medium::Print,
            },
        );
        bytes.extend(iso2709::write(&marc::to_record(&book)).unwrap());
    }
    std::fs::write(out, &bytes).unwrap();
    println!(
        "{n} records from {} demo books, {} bytes",
        books.len(),
        bytes.len()
    );
}

fn parse(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    let rate = |label: &str, records: usize, start: Instant| {
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: {records} records in {secs:.3} s, {:.0} records/s",
            records as f64 / secs
        );
    };
    let start = Instant::now();
    let mut fields = 0;
    let mut records = 0;
    for raw in iso2709::Reader::new(&bytes).flatten() {
        fields += raw.fields.len();
        records += 1;
    }
    rate("structure", records, start);
    let start = Instant::now();
    let mut decoded = 0;
    for raw in iso2709::Reader::new(&bytes).flatten() {
        if raw.decode().is_ok() {
            decoded += 1;
        }
    }
    rate("decode", decoded, start);
    let start = Instant::now();
    let parsed = marc::parse(&bytes);
    rate("books", parsed.books.len(), start);
    println!("({fields} fields)");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("generate") => generate(args[2].parse().unwrap(), Path::new(&args[3])),
        Some("parse") => parse(Path::new(&args[2])),
        _ => eprintln!("usage: marc_bench generate N OUT.mrc | parse FILE.mrc"),
    }
}
