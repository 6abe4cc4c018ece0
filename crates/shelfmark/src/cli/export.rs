//! `shelfmark export`: books written out in a format, to standard output or a file.

use std::{path::PathBuf, process::ExitCode};

use anyhow::{Context, anyhow, bail};
use biblio::formats::{catalog, json};

use crate::store::Store;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// The catalog text layout (docs/catalog-format.md).
    Catalog,
    /// Shelfmark's JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "catalog")]
    format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Export every book in the catalog.
    #[arg(long, conflicts_with = "keys")]
    all: bool,
    /// Ids or ISBNs of the books to export.
    keys: Vec<String>,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let keys: Vec<String> = if args.all {
        let total = store.count().await?;
        store
            .list(0, total)
            .await?
            .into_iter()
            .map(|b| b.id)
            .collect()
    } else if args.keys.is_empty() {
        bail!("name the books to export (ids or ISBNs), or pass --all");
    } else {
        args.keys
    };
    let mut books = Vec::with_capacity(keys.len());
    for key in &keys {
        let stored = store
            .get(key)
            .await?
            .ok_or_else(|| anyhow!("no book with id or ISBN \"{key}\""))?;
        books.push(stored.book);
    }
    let text = match (args.format, books.as_slice()) {
        (ExportFormat::Catalog, _) => catalog::render_many(&books),
        (ExportFormat::Json, [one]) => json::render(one),
        (ExportFormat::Json, many) => json::render_many(many),
    };
    match &args.output {
        Some(path) => std::fs::write(path, &text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => super::print(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}
