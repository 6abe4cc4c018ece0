//! `shelfmark delete`: remove a book and everything it holds.

use std::process::ExitCode;

use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book's id or one of its ISBNs.
    key: String,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let id = store.delete(&args.key).await?;
    eprintln!("deleted {id}");
    Ok(ExitCode::SUCCESS)
}
