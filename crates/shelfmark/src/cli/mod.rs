//! The command line: one file per subcommand, all sharing `--data`.
//!
//! Errors here are for people: `anyhow` with context, printed once by [`main`].

/// `writeln!` into a `String`, which cannot fail.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

mod cite;
mod delete;
mod export;
mod import;
mod list;
mod serve;
mod show;
mod token;

use std::{
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::store::SqliteStore;

/// Publish scholarly books on the web: landing pages, citations and library standards.
#[derive(Debug, Parser)]
#[command(name = "shelfmark", version, about)]
pub struct Cli {
    /// Directory holding the catalog database (created if missing).
    #[arg(
        long,
        global = true,
        env = "SHELFMARK_DATA",
        default_value = "shelfmark-data"
    )]
    pub data: PathBuf,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import books from files; the format is detected from the content.
    Import(import::Args),
    /// List the books in the catalog, most recently updated first.
    List(list::Args),
    /// Show one book by id or ISBN.
    Show(show::Args),
    /// Write books out in a format.
    Export(export::Args),
    /// Delete a book by id or ISBN.
    Delete(delete::Args),
    /// Serve the catalog on the web (loads the demo books into an empty catalog).
    Serve(serve::Args),
    /// Manage API tokens for the write endpoints.
    Token(token::Args),
    /// Cite a book or one item of its table of contents, or write it for a reference manager.
    Cite(cite::Args),
}

/// Runs the command line and turns errors into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let store = open_store(&cli.data).await?;
    match cli.command {
        Command::Import(args) => import::run(&store, args).await,
        Command::List(args) => list::run(&store, args).await,
        Command::Show(args) => show::run(&store, args).await,
        Command::Export(args) => export::run(&store, args).await,
        Command::Delete(args) => delete::run(&store, args).await,
        Command::Serve(args) => serve::run(store, args).await,
        Command::Token(args) => token::run(&store, args).await,
        Command::Cite(args) => cite::run(&store, args).await,
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes bytes to standard output, as [`print`] does text.
pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Opens the catalog in a data directory, creating both if needed.
pub async fn open_store(data: &Path) -> anyhow::Result<SqliteStore> {
    std::fs::create_dir_all(data)
        .with_context(|| format!("cannot create the data directory {}", data.display()))?;
    let db = data.join("shelfmark.db");
    SqliteStore::open(&db)
        .await
        .with_context(|| format!("cannot open the catalog {}", db.display()))
}
