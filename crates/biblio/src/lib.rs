//! Shelfmark's bibliographic core: the book model and every format it is read from and
//! written to.
//!
//! This crate is pure: it does no IO, spawns no tasks and knows nothing of SQL, HTTP or
//! search indexes. Callers hand it text and get back values plus located diagnostics, so
//! that the same code serves the command line, the web API and the tests.

pub mod cite;
pub mod formats;
pub mod model;

pub use model::{
    Book, Contributor, Doi, DoiError, Identifier, Isbn13, IsbnError, Language, LanguageError,
    Medium, NameError, Page, PageError, PageRange, PageRangeError, PersonName, Role, Subject,
    SubjectError, TocEntry, TocItem, TocKind,
};
