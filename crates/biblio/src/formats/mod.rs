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
