//! The demo catalog, embedded in the binary: what `shelfmark serve` loads into an empty
//! data directory so that a fresh checkout shows real books. The seed book is stored
//! last, so that it is the most recent and leads the home page's recent books.

use include_dir::{Dir, include_dir};

use crate::{ingest, store::Store};

static DEMO: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../demo");

/// The file that is loaded first.
const SEED: &str = "catalog/crisis-in-north-korea.txt";

/// Files of the demo folder that hold books (not licences or notes), seed last.
fn book_files() -> Vec<&'static include_dir::File<'static>> {
    let mut files = Vec::new();
    let mut dirs = vec![&DEMO];
    while let Some(dir) = dirs.pop() {
        for file in dir.files() {
            let name = file.path().to_string_lossy();
            let upper = name.to_uppercase();
            if upper.contains("LICENSE") || upper.contains("LICENCE") || name.ends_with(".md") {
                continue;
            }
            files.push(file);
        }
        dirs.extend(dir.dirs());
    }
    files.sort_by_key(|f| (f.path().to_string_lossy() == SEED, f.path().to_path_buf()));
    files
}

/// Loads the demo books when the catalog is empty; returns how many were stored.
pub async fn load_if_empty(store: &dyn Store) -> anyhow::Result<usize> {
    if store.count().await? > 0 {
        return Ok(0);
    }
    let mut stored = 0;
    for file in book_files() {
        let parsed = ingest::read_books(file.contents());
        for d in &parsed.diagnostics {
            tracing::warn!("demo {}", d.located(&file.path().to_string_lossy()));
        }
        for (_, book) in parsed.books {
            match store.import(std::slice::from_ref(&book)).await {
                Ok(_) => stored += 1,
                Err(e) => tracing::warn!("demo {}: {e}", file.path().display()),
            }
        }
    }
    Ok(stored)
}
