//! MARC 21 bibliographic records in and out: ISO 2709 (UTF-8 and MARC-8), MARCXML and
//! MARC-in-JSON, mapped to and from books.
//!
//! We wrote our own ISO 2709 reader and writer and MARC-8 decoder because every Rust
//! MARC crate falls short on real files. Measured on 250,000 Library of Congress
//! records: `marctk` 0.7 reads one byte per system call (111 s, five times slower than
//! pymarc's 21 s), has no MARC-8, and panics on a 26-byte record whose base address
//! is 0; `marc` 3.1 walks the same records in 0.07 s from memory but panics on
//! malformed ones (pymarc's `bad_records.mrc`); `marc-record` 0.5 panics on marc4j's
//! `008008027.mrc` and rejects the whole LoC file. Ours is zero-copy over a byte
//! buffer, streams record by record, never panics, and reports a bad record with its
//! number, byte offset and control number before resuming at the next record
//! terminator. The MARC-8 tables are the Library of Congress's, generated from pymarc's
//! `marc8_mapping` (BSD-2-Clause) into `marc8.tsv` by `tools/marc/gen_marc8.py`.
//!
//! This module does not read UNIMARC, authority or holdings records, nor MARC-8 on
//! output: what we write is always UTF-8.

pub mod iso2709;
pub mod json;
pub mod marc8;
pub mod marcxml;

mod from_book;
mod record;
mod to_book;

pub use from_book::to_record;
pub use record::{Field, Record, is_control_tag};
pub use to_book::to_book;
pub(crate) use to_book::{language_from_marc, language_to_marc};

use super::{Diagnostic, Parsed};
use crate::Book;

/// Reads every book in an ISO 2709 file. Records that are malformed or are not books
/// are diagnostics (line 0, placed by record number and byte offset); the rest are
/// books, each paired with its record number.
pub fn parse(bytes: &[u8]) -> Parsed {
    let mut parsed = parse_at(bytes, 1, 0);
    if parsed.records == 0 {
        parsed
            .diagnostics
            .push(Diagnostic::placed("the file holds no MARC record"));
    }
    parsed
}

/// Reads the books in a window of a larger ISO 2709 file, whose first record is
/// number `first` and starts at byte `base`: how a caller streams a file too large to
/// hold, a few records at a time. Books are paired with their record numbers.
pub fn parse_at(bytes: &[u8], first: usize, base: usize) -> Parsed {
    let mut parsed = Parsed::default();
    for raw in iso2709::Reader::at(bytes, first, base) {
        parsed.records += 1;
        let result = raw.and_then(|raw| {
            let record = raw.decode()?;
            to_book(&record).map_err(|message| iso2709::RecordError {
                number: raw.number,
                offset: raw.offset,
                control_number: raw.control_number(),
                tag: None,
                message,
            })
        });
        match result {
            Ok(book) => parsed.books.push((first + parsed.records - 1, book)),
            Err(e) => parsed.diagnostics.push(Diagnostic::placed(e.to_string())),
        }
    }
    parsed
}

/// Reads every book in a MARCXML document.
pub fn parse_xml(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let records = match marcxml::read(text) {
        Ok(r) => r,
        Err(d) => {
            parsed.records = 1;
            parsed.diagnostics.push(d);
            return parsed;
        }
    };
    for r in records {
        parsed.records += 1;
        match r.record {
            Ok(record) => match to_book(&record) {
                Ok(book) => parsed.books.push((r.line, book)),
                Err(message) => parsed.diagnostics.push(Diagnostic::new(
                    r.line,
                    format!("record {}{}: {message}", r.number, control_suffix(&record)),
                )),
            },
            Err(d) => parsed.diagnostics.push(d),
        }
    }
    if parsed.records == 0 {
        parsed
            .diagnostics
            .push(Diagnostic::new(1, "the MARCXML collection holds no record"));
    }
    parsed
}

/// Reads every book in MARC-in-JSON text.
pub fn parse_json_text(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => parse_json(&value),
        Err(e) => {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or("").to_owned();
            Parsed {
                books: Vec::new(),
                diagnostics: vec![Diagnostic {
                    line: e.line(),
                    column: Some(e.column()),
                    message: format!("not valid JSON: {message}"),
                }],
                records: 1,
            }
        }
    }
}

/// Reads every book in a MARC-in-JSON value (one record or an array).
pub fn parse_json(value: &serde_json::Value) -> Parsed {
    let mut parsed = Parsed::default();
    for (i, r) in json::read(value).into_iter().enumerate() {
        parsed.records += 1;
        let result = r
            .and_then(|record| {
                to_book(&record).map_err(|m| format!("{}: {m}", control_suffix(&record)))
            })
            .map_err(|m| {
                if m.starts_with(' ') || m.starts_with(':') {
                    m
                } else {
                    format!(": {m}")
                }
            });
        match result {
            Ok(book) => parsed.books.push((1, book)),
            Err(message) => parsed
                .diagnostics
                .push(Diagnostic::new(1, format!("record {}{message}", i + 1))),
        }
    }
    parsed
}

fn control_suffix(record: &Record) -> String {
    match record.control_number() {
        Some(cn) if !cn.is_empty() => format!(" (001 {cn})"),
        _ => String::new(),
    }
}

/// Writes books as ISO 2709 records, one after another.
pub fn render(books: &[Book]) -> Result<Vec<u8>, iso2709::WriteError> {
    let mut out = Vec::new();
    for book in books {
        out.extend(iso2709::write(&to_record(book))?);
    }
    Ok(out)
}

/// Writes books as a MARCXML collection.
pub fn render_xml(books: &[Book]) -> String {
    let records: Vec<Record> = books.iter().map(to_record).collect();
    marcxml::write(&records)
}
