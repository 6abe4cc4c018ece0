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
pub mod endnote;
pub mod json;
pub mod ris;

mod detect;
pub(crate) mod reference;
pub use detect::{Format, detect};
pub use reference::NoSuchItem;

/// A problem found in input, located by 1-based line (and column where it helps).
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

    /// The diagnostic prefixed with where it was found: `seed.txt line 14: ...`.
    pub fn located(&self, source: &str) -> String {
        format!("{source} {self}")
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
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
