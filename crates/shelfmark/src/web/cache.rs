//! Rendered pages kept in memory, keyed by path and checked against the book's revision.
//!
//! A page view then costs one indexed lookup of the revision instead of loading the book,
//! running the citation engine and the templates. A change to the book, by this process
//! or another one sharing the database, raises the revision and so retires the entry.
//! The cache is bounded: when full it is emptied, which is simple and, for a catalog's
//! working set, rare.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

/// The most pages kept.
const CAPACITY: usize = 20_000;

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, (i64, Arc<str>)>>,
}

impl PageCache {
    /// The page at `key` if it was rendered from this revision.
    pub fn get(&self, key: &str, revision: i64) -> Option<Arc<str>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        match entries.get(key) {
            Some((rev, html)) if *rev == revision => Some(html.clone()),
            _ => None,
        }
    }

    pub fn put(&self, key: String, revision: i64, html: Arc<str>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, (revision, html));
    }
}
