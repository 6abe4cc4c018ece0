//! `shelfmark import`: read files, report every problem with its place, store the books.
//!
//! A file is all-or-nothing by default: one bad record and nothing from that file is
//! stored. With `--keep-going` the good records are stored, each in its own transaction,
//! and the bad ones reported. Either way every error is listed and the exit code is 1
//! when there was any.
//!
//! ISO 2709 MARC files stream, whatever their size: a first pass checks every record
//! (unless `--keep-going`), then the books are stored in batches of 1,000 records, one
//! transaction each, so memory holds one batch and never the file.

use std::{
    io::{BufReader, IsTerminal, Read},
    path::{Path, PathBuf},
    process::ExitCode,
};

use biblio::formats::{Format, detect_bytes};

use indicatif::{ProgressBar, ProgressStyle};

use crate::{
    ingest::{self, MarcStream},
    store::{Change, Outcome, Store},
};

/// Records stored per transaction when a MARC file streams.
const BATCH: usize = 1000;

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

impl Tally {
    fn count(&mut self, outcomes: &[Outcome], name: &str, say: &dyn Fn(String)) {
        for outcome in outcomes {
            match outcome.change {
                Change::Added => self.added += 1,
                Change::Updated => self.updated += 1,
                Change::Unchanged => self.unchanged += 1,
            }
            say(format!(
                "{name}: {} {}",
                outcome.change.as_str(),
                outcome.id
            ));
        }
    }
}

/// Whether a file starts like ISO 2709 MARC.
fn is_iso2709(path: &Path) -> bool {
    let mut head = Vec::with_capacity(64 * 1024);
    std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut head))
        .is_ok()
        && detect_bytes(&head) == Some(Format::Marc)
}

/// Imports an ISO 2709 file a batch at a time (see the module documentation).
async fn stream_marc(
    store: &dyn Store,
    path: &Path,
    name: &str,
    keep_going: bool,
    say: &dyn Fn(String),
    tally: &mut Tally,
) -> std::io::Result<()> {
    let open = || -> std::io::Result<_> {
        let file = std::fs::File::open(path)?;
        Ok(MarcStream::new(BufReader::with_capacity(1 << 20, file)))
    };
    if !keep_going {
        let mut stream = open()?;
        let (mut records, mut bad) = (0, 0);
        while let Some(batch) = stream.next_batch(BATCH)? {
            for d in &batch.diagnostics {
                say(d.located(name));
            }
            tally.errors += batch.diagnostics.len();
            records += batch.records;
            bad += batch.records - batch.books.len();
        }
        if bad > 0 {
            tally.rejected += records;
            say(format!(
                "{name}: nothing imported: {bad} of {records} records have errors (--keep-going imports the rest)"
            ));
            return Ok(());
        }
    }
    let mut stream = open()?;
    while let Some(batch) = stream.next_batch(BATCH)? {
        if keep_going {
            for d in &batch.diagnostics {
                say(d.located(name));
            }
            tally.errors += batch.diagnostics.len();
            tally.rejected += batch.records - batch.books.len();
        }
        let (numbers, books): (Vec<usize>, Vec<biblio::Book>) = batch.books.into_iter().unzip();
        match store.import(&books).await {
            Ok(outcomes) => tally.count(&outcomes, name, say),
            Err(_) if keep_going => {
                // Find the book that failed the batch: store them one by one.
                for (number, book) in numbers.iter().zip(&books) {
                    match store.import(std::slice::from_ref(book)).await {
                        Ok(outcomes) => tally.count(&outcomes, name, say),
                        Err(e) => {
                            say(format!("{name} record {number}: not stored: {e}"));
                            tally.errors += 1;
                            tally.rejected += 1;
                        }
                    }
                }
            }
            Err(e) => {
                let first = numbers.first().copied().unwrap_or(0);
                say(format!(
                    "{name}: stopped at the batch from record {first}, which stores nothing: {e}; the batches before it are stored"
                ));
                tally.errors += 1;
                tally.rejected += books.len();
                return Ok(());
            }
        }
    }
    Ok(())
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
        if is_iso2709(path) {
            if let Err(e) = stream_marc(store, path, &name, args.keep_going, &say, &mut tally).await
            {
                say(format!("{name}: cannot read: {e}"));
                tally.errors += 1;
            }
            bar.inc(1);
            continue;
        }
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
        tally.count(&results, &name, &say);
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
