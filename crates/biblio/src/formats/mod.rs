//! Formats books are read from and written to.
//!
//! Each format is a pair of pure functions over text, or a writer alone for the
//! reference-manager exports (`ris`, `bibtex`, `csl_json`, `endnote`), which write one
//! book or item, a book with its whole table of contents, or a list of books. Readers
//! return every book they
//! could read together with located diagnostics for the rest, so that one bad record is
//! reported rather than fatal; whether a batch is all-or-nothing is the caller's choice.

pub mod bibtex;
pub mod catalog;
pub mod csl_json;
pub mod dublin_core;
pub mod endnote;
pub mod json;
pub mod marc;
pub mod onix;
pub mod ris;
mod xml;

mod detect;
pub(crate) mod reference;
pub use detect::{Format, detect, detect_bytes};
pub use reference::NoSuchItem;

/// Reads books from raw bytes in any format Shelfmark reads, detected from the
/// content: binary MARC first, then (after a UTF-8 check) the text formats. Catalog
/// text is the fallback, since its parser says best what it expected, and where.
pub fn read(bytes: &[u8]) -> Parsed {
    if detect_bytes(bytes) == Some(Format::Marc) {
        return marc::parse(bytes);
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
    match detect(text) {
        Some(Format::Json) => json::parse(text),
        Some(Format::MarcJson) => marc::parse_json_text(text),
        Some(Format::MarcXml) => marc::parse_xml(text),
        Some(Format::Onix) => onix::parse(text),
        Some(Format::Marc) => marc::parse(bytes),
        None if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<') =>
        {
            let d = match xml::parse(text) {
                Ok(root) => Diagnostic::new(
                    root.line,
                    format!(
                        "root element <{}> is neither MARCXML (<collection>, <record>) nor ONIX (<ONIXMessage>)",
                        root.name
                    ),
                ),
                Err(d) => d,
            };
            Parsed {
                books: Vec::new(),
                diagnostics: vec![d],
                records: 1,
            }
        }
        Some(Format::Catalog) | None => catalog::parse(text),
    }
}

/// A problem found in input, located by 1-based line (and column where it helps).
///
/// Binary input has no lines: its diagnostics have line 0 and carry their own place
/// (`record 3 (byte 1017) field 245: ...`) at the start of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column: None,
            message: message.into(),
        }
    }

    /// A diagnostic for input without lines, whose message starts with its place.
    pub fn placed(message: impl Into<String>) -> Self {
        Diagnostic::new(0, message)
    }

    /// The diagnostic prefixed with where it was found: `seed.txt line 14: ...`.
    pub fn located(&self, source: &str) -> String {
        format!("{source} {self}")
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            _ if self.line == 0 => f.write_str(&self.message),
            Some(col) => write!(f, "line {} column {col}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

/// What a reader made of one input: the books it read, each with the line its record
/// starts on, and a diagnostic for everything it could not read.
#[derive(Debug, Default)]
pub struct Parsed {
    pub books: Vec<(usize, crate::Book)>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many records the input held, good and bad.
    pub records: usize,
}
