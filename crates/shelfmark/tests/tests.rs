//! Integration tests for the application: one binary, one module per area.

mod browser;
mod cite;
mod cli;
mod crawler;
mod peers;
mod standards;
mod store;
mod web;

use std::path::PathBuf;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn seed_path() -> PathBuf {
    repo().join("demo/catalog/crisis-in-north-korea.txt")
}

pub fn seed() -> String {
    std::fs::read_to_string(seed_path()).unwrap()
}

pub fn parse_one(text: &str) -> biblio::Book {
    let parsed = biblio::formats::catalog::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed.books.into_iter().next().unwrap().1
}
