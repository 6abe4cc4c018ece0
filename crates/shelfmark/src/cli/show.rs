//! `shelfmark show`: one book, as a reader would want to check it.

use std::process::ExitCode;

use anyhow::anyhow;
use biblio::Medium;

use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book's id or one of its ISBNs.
    key: String,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let stored = store
        .get(&args.key)
        .await?
        .ok_or_else(|| anyhow!("no book with id or ISBN \"{}\"", args.key))?;
    let book = &stored.book;
    let mut out = String::new();
    outln!(out, "{}", book.full_title());
    outln!(out, "  id:         {}", stored.id);
    for c in &book.contributors {
        outln!(out, "  {:<11} {}", format!("{}:", c.role.as_str()), c.name);
    }
    if let Some(year) = book.copyright_year {
        outln!(out, "  copyright:  {year}");
    }
    if let Some(p) = &book.publisher {
        let place = book
            .place
            .as_deref()
            .map(|p| format!(" ({p})"))
            .unwrap_or_default();
        outln!(out, "  publisher:  {p}{place}");
    }
    for (isbn, medium) in book.isbns() {
        let label = if medium == Medium::Electronic {
            "eISBN:"
        } else {
            "ISBN:"
        };
        outln!(out, "  {label:<11} {isbn}");
    }
    if let Some(doi) = book.doi() {
        outln!(out, "  DOI:        {doi}");
    }
    if !book.subjects.is_empty() {
        let subjects: Vec<&str> = book.subjects.iter().map(|s| s.as_str()).collect();
        outln!(out, "  subjects:   {}", subjects.join(", "));
    }
    outln!(out, "  updated:    {}", stored.updated_at);
    outln!(out, "  contents:");
    for item in book.toc_items() {
        let pages = item
            .entry
            .pages
            .map(|p| format!("  (pp. {p})"))
            .unwrap_or_default();
        outln!(
            out,
            "  {:>4}. {}{}{pages}",
            item.position,
            "  ".repeat(item.depth as usize),
            item.entry.display_title()
        );
    }
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
