//! Rendered pages kept in memory and served without touching the database.
//!
//! Every entry is tagged with the catalog version it was rendered under (a number the
//! database raises on every change to any book, whichever process made it). The server
//! reads that version at most every [`FRESHNESS`]; an entry from an older version is
//! never served. Writes made through this server refresh the version at once, so they
//! show immediately; writes by another process (`shelfmark import` while serving) show
//! within [`FRESHNESS`]. The cache is bounded: when full it is emptied.

use std::{
    collections::HashMap,
    sync::{
        Mutex,
        atomic::{AtomicI64, Ordering},
    },
    time::{Duration, Instant},
};

use axum::body::Bytes;

use crate::store::{Store, StoreError};

/// How long a read of the catalog version is trusted.
pub const FRESHNESS: Duration = Duration::from_millis(250);
/// The most pages kept.
const CAPACITY: usize = 20_000;

/// A rendered page: its body and the catalog version it was rendered under.
#[derive(Clone)]
pub struct Page {
    pub version: i64,
    pub body: Bytes,
}

pub struct PageCache {
    entries: Mutex<HashMap<String, Page>>,
    version: AtomicI64,
    checked: Mutex<Option<Instant>>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache {
            entries: Mutex::new(HashMap::new()),
            version: AtomicI64::new(-1),
            checked: Mutex::new(None),
        }
    }
}

impl PageCache {
    /// The catalog version, read from the store when the last read is older than
    /// [`FRESHNESS`] (or when `force`).
    pub async fn version(&self, store: &dyn Store, force: bool) -> Result<i64, StoreError> {
        let due = {
            let mut checked = self.checked.lock().unwrap_or_else(|e| e.into_inner());
            let due = force || checked.is_none_or(|t| t.elapsed() >= FRESHNESS);
            if due {
                *checked = Some(Instant::now());
            }
            due
        };
        if due {
            let version = store.catalog_version().await?;
            if self.version.swap(version, Ordering::AcqRel) != version {
                self.entries
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clear();
            }
        }
        Ok(self.version.load(Ordering::Acquire))
    }

    /// The page at `key` if it was rendered under `version`.
    pub fn get(&self, key: &str, version: i64) -> Option<Page> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.get(key).filter(|p| p.version == version).cloned()
    }

    pub fn put(&self, key: String, page: Page) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, page);
    }
}
