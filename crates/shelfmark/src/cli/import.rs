//! `shelfmark import`: read files, report every problem with its place, store the books.
//!
//! A file is all-or-nothing by default: one bad record and nothing from that file is
//! stored. With `--keep-going` the good records are stored, each in its own transaction,
//! and the bad ones reported. Either way every error is listed and the exit code is 1
//! when there was any.

use std::{io::IsTerminal, path::PathBuf, process::ExitCode};

use indicatif::{ProgressBar, ProgressStyle};

use crate::{
    ingest,
    store::{Change, Store},
};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Store the good records of a file that also holds bad ones.
    #[arg(long)]
    keep_going: bool,
    /// Files to import: catalog text, JSON, MARC 21 (ISO 2709, MARCXML, MARC-in-JSON)
    /// or ONIX 3, detected from the content.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Default)]
struct Tally {
    added: usize,
    updated: usize,
    unchanged: usize,
    rejected: usize,
    errors: usize,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let interactive = std::io::stderr().is_terminal();
    let bar = if interactive {
        let bar = ProgressBar::new(args.files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let say = |line: String| {
        if interactive {
            bar.println(line);
        } else {
            eprintln!("{line}");
        }
    };
    let mut tally = Tally::default();
    for path in &args.files {
        let name = path.display().to_string();
        bar.set_message(name.clone());
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                say(format!("{name}: cannot read: {e}"));
                tally.errors += 1;
                bar.inc(1);
                continue;
            }
        };
        let parsed = ingest::read_books(&bytes);
        // Binary MARC books are numbered by record, text formats by line.
        let bytes_are_records =
            biblio::formats::detect_bytes(&bytes) == Some(biblio::formats::Format::Marc);
        for d in &parsed.diagnostics {
            say(d.located(&name));
        }
        tally.errors += parsed.diagnostics.len();
        let bad_records = parsed.records.saturating_sub(parsed.books.len());
        let books: Vec<_> = parsed.books.into_iter().collect();
        if bad_records > 0 && !args.keep_going {
            tally.rejected += parsed.records;
            say(format!(
                "{name}: nothing imported: {bad_records} of {} records have errors (--keep-going imports the rest)",
                parsed.records
            ));
            bar.inc(1);
            continue;
        }
        tally.rejected += bad_records;
        let mut results = Vec::new();
        if args.keep_going {
            for (line, book) in &books {
                match store.import(std::slice::from_ref(book)).await {
                    Ok(mut o) => results.append(&mut o),
                    Err(e) => {
                        let place = if bytes_are_records { "record" } else { "line" };
                        say(format!("{name} {place} {line}: not stored: {e}"));
                        tally.errors += 1;
                        tally.rejected += 1;
                    }
                }
            }
        } else {
            let only_books: Vec<_> = books.iter().map(|(_, b)| b.clone()).collect();
            match store.import(&only_books).await {
                Ok(o) => results = o,
                Err(e) => {
                    say(format!("{name}: nothing imported: {e}"));
                    tally.errors += 1;
                    tally.rejected += books.len();
                }
            }
        }
        for outcome in &results {
            match outcome.change {
                Change::Added => tally.added += 1,
                Change::Updated => tally.updated += 1,
                Change::Unchanged => tally.unchanged += 1,
            }
            say(format!(
                "{name}: {} {}",
                outcome.change.as_str(),
                outcome.id
            ));
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    eprintln!(
        "{} files: {} added, {} updated, {} unchanged, {} rejected",
        args.files.len(),
        tally.added,
        tally.updated,
        tally.unchanged,
        tally.rejected
    );
    Ok(if tally.errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
