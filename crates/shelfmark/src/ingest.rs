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
