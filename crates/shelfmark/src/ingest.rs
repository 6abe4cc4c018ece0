//! Turning bytes from outside (files, request bodies) into books: a size limit, then
//! `biblio::formats::read` (format detection from the content, UTF-8 check, parsing).
//! Shared by `shelfmark import` and the write API so both give the same located
//! messages.

use biblio::formats::{self, Diagnostic, Parsed};

/// The largest input accepted, in bytes.
pub const MAX_INPUT: usize = 64 * 1024 * 1024;

/// Reads books from `bytes`; every problem is a diagnostic, never a panic.
pub fn read_books(bytes: &[u8]) -> Parsed {
    let fail = |line: usize, message: String| Parsed {
        books: Vec::new(),
        diagnostics: vec![Diagnostic::new(line, message)],
        records: 1,
    };
    if bytes.len() > MAX_INPUT {
        return fail(
            1,
            format!(
                "input is {} bytes; the limit is {MAX_INPUT} bytes",
                bytes.len()
            ),
        );
    }
    formats::read(bytes)
}

/// The longest ISO 2709 record: the leader's five-digit length.
const MAX_RECORD: usize = 99_999;

/// An ISO 2709 file read a record at a time, so that memory holds one record and a
/// batch of books however large the file is. Records are cut at record terminators;
/// a run of more than 99,999 bytes without one is reported and skipped.
pub struct MarcStream<R> {
    input: R,
    /// Records read so far.
    number: usize,
    /// Bytes read so far.
    offset: usize,
    chunk: Vec<u8>,
    /// Where the last run too long to be a record started.
    overflow_at: usize,
}

impl<R: std::io::BufRead> MarcStream<R> {
    pub fn new(input: R) -> Self {
        MarcStream {
            input,
            number: 0,
            offset: 0,
            chunk: Vec::with_capacity(MAX_RECORD + 1),
            overflow_at: 0,
        }
    }

    /// Reads up to `max` more records: their books (paired with record numbers) and a
    /// diagnostic for each bad one. `None` at the end of the file.
    pub fn next_batch(&mut self, max: usize) -> std::io::Result<Option<Parsed>> {
        let mut batch = Parsed::default();
        let mut any = false;
        while batch.records < max {
            let Some(overflow) = self.next_chunk()? else {
                break;
            };
            any = true;
            if overflow {
                self.number += 1;
                batch.records += 1;
                batch.diagnostics.push(Diagnostic::placed(format!(
                    "record {} (byte {}): no record terminator within {MAX_RECORD} bytes",
                    self.number, self.overflow_at
                )));
            } else {
                let mut parsed = formats::marc::parse_at(&self.chunk, self.number + 1, self.offset);
                self.number += parsed.records;
                batch.records += parsed.records;
                batch.books.append(&mut parsed.books);
                batch.diagnostics.append(&mut parsed.diagnostics);
            }
            if !overflow {
                self.offset += self.chunk.len();
            }
        }
        Ok(any.then_some(batch))
    }

    /// Fills `chunk` with the bytes up to and including the next record terminator (or
    /// the end of the file). `Some(true)` when the run was too long to be a record: it
    /// is skipped, and `chunk` left empty.
    fn next_chunk(&mut self) -> std::io::Result<Option<bool>> {
        self.chunk.clear();
        let mut skipped = 0usize;
        let mut overflow = false;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let (take, done) = match buf.iter().position(|b| *b == 0x1D) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            if overflow || self.chunk.len() + take > MAX_RECORD + 1 {
                overflow = true;
                skipped += self.chunk.len() + take;
                self.chunk.clear();
            } else {
                self.chunk.extend_from_slice(&buf[..take]);
            }
            self.input.consume(take);
            if done {
                break;
            }
        }
        if overflow {
            self.overflow_at = self.offset;
            self.offset += skipped;
            return Ok(Some(true));
        }
        Ok((!self.chunk.is_empty()).then_some(false))
    }
}
