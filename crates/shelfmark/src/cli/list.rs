//! `shelfmark list`: the catalog, a line per book.

use std::process::ExitCode;

use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many books to list.
    #[arg(long, default_value_t = 100)]
    limit: u64,
    /// How many books to skip.
    #[arg(long, default_value_t = 0)]
    offset: u64,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let books = store.list(args.offset, args.limit).await?;
    let total = store.count().await?;
    let mut out = String::new();
    for b in &books {
        let year = b.copyright_year.map(|y| y.to_string()).unwrap_or_default();
        let authors = b.authors.join(", ");
        outln!(out, "{:<32} {:>4}  {}  {}", b.id, year, b.title, authors);
    }
    eprintln!("{} of {total} books", books.len());
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
