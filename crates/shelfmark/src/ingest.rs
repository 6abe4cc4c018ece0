//! Turning bytes from outside (files, request bodies) into books: size limit, format
//! detection (binary MARC first, then the text formats), UTF-8 check, parsing. Shared by `shelfmark import` and the write API so
//! both give the same located messages.

use biblio::formats::{self, Diagnostic, Format, Parsed};

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
    if formats::detect_bytes(bytes) == Some(Format::Marc) {
        return formats::marc::parse(bytes);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let column =
                good.len() - good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
            let mut d = Diagnostic::new(line, "text is not valid UTF-8");
            d.column = Some(column);
            return Parsed {
                books: Vec::new(),
                diagnostics: vec![d],
                records: 1,
            };
        }
    };
    match formats::detect(text) {
        Some(Format::Json) => formats::json::parse(text),
        Some(Format::MarcJson) => formats::marc::parse_json_text(text),
        Some(Format::MarcXml) => formats::marc::parse_xml(text),
        Some(Format::Onix) => formats::onix::parse(text),
        // Binary MARC is recognised above; text that only looks like it is not MARC.
        Some(Format::Marc) => formats::marc::parse(bytes),
        // Catalog text is the fallback: its parser says what it expected, and where.
        Some(Format::Catalog) | None => formats::catalog::parse(text),
    }
}
