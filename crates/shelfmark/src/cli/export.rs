//! `shelfmark export`: books written out in a format, to standard output or a file.

use std::{path::PathBuf, process::ExitCode};

use anyhow::{Context, anyhow, bail};
use biblio::formats::{catalog, dublin_core, json, marc, onix};

use crate::store::Store;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// The catalog text layout (docs/catalog-format.md).
    Catalog,
    /// Shelfmark's JSON.
    Json,
    /// MARCXML (MARC21slim), one collection.
    Marcxml,
    /// MARC 21 in ISO 2709, UTF-8.
    Marc,
    /// ONIX for Books 3.0, reference tags, chapters in ContentDetail.
    Onix,
    /// Dublin Core (oai_dc).
    Dc,
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
    let bytes: Vec<u8> = match (args.format, books.as_slice()) {
        (ExportFormat::Catalog, _) => catalog::render_many(&books).into_bytes(),
        (ExportFormat::Json, [one]) => json::render(one).into_bytes(),
        (ExportFormat::Json, many) => json::render_many(many).into_bytes(),
        (ExportFormat::Marcxml, _) => marc::render_xml(&books).into_bytes(),
        (ExportFormat::Marc, _) => marc::render(&books).context("cannot write MARC")?,
        (ExportFormat::Onix, _) => onix::render(&books, &today()).into_bytes(),
        (ExportFormat::Dc, _) => dublin_core::render_many(&books).into_bytes(),
    };
    match &args.output {
        Some(path) => std::fs::write(path, &bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => super::print_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Today's date in UTC as YYYYMMDD, for the ONIX header.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}{month:02}{day:02}")
}
