//! Where books live: the `Store` trait and its backends.
//!
//! Only this module knows SQL. Every write of a batch happens in one transaction, so an
//! import either lands whole or not at all, and a killed process leaves no half book.
//! Books are addressed by a stable id (a slug such as `crisis-in-north-korea`) and
//! matched on import by ISBN or DOI, so importing a book twice updates it.

mod sqlite;

use async_trait::async_trait;
use biblio::{Book, PersonName};

pub use sqlite::SqliteStore;

/// Errors a caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no book with id or ISBN \"{0}\"")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

/// What an import did to one book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Added,
    Updated,
    Unchanged,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Updated => "updated",
            Change::Unchanged => "unchanged",
        }
    }
}

/// The result of storing one book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub change: Change,
}

/// A book with its id and timestamps.
#[derive(Debug, Clone)]
pub struct StoredBook {
    pub id: String,
    pub book: Book,
    /// Grows by one with every change to the book.
    pub revision: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of a book list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookSummary {
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub copyright_year: Option<i32>,
    pub isbn: Option<String>,
    pub updated_at: String,
}

/// A storage backend. SQLite is the default; PostgreSQL implements the same trait for
/// catalogs shared by several servers.
#[async_trait]
pub trait Store: Send + Sync {
    /// Stores books in one transaction: each is matched by ISBN or DOI (then by `id`
    /// when given) and added or updated. Any error rolls the whole batch back.
    async fn import(&self, books: &[Book]) -> Result<Vec<Outcome>, StoreError>;

    /// Replaces the book with this id, or adds it under this id.
    async fn put(&self, id: &str, book: &Book) -> Result<Outcome, StoreError>;

    /// A number that grows with every change to any book, by any process.
    async fn catalog_version(&self) -> Result<i64, StoreError>;

    /// The revision of the book with this id (not ISBN), without loading it.
    async fn revision(&self, id: &str) -> Result<Option<i64>, StoreError>;

    /// A book by id or by any of its ISBNs, in any hyphenation.
    async fn get(&self, key: &str) -> Result<Option<StoredBook>, StoreError>;

    /// Books, most recently written first.
    async fn list(&self, offset: u64, limit: u64) -> Result<Vec<BookSummary>, StoreError>;

    async fn count(&self) -> Result<u64, StoreError>;

    /// Deletes a book by id or ISBN and returns its id.
    async fn delete(&self, key: &str) -> Result<String, StoreError>;

    /// Every subject with the number of books that carry it, most used first.
    async fn subjects(&self) -> Result<Vec<(String, u64)>, StoreError>;

    /// Books carrying a subject.
    async fn by_subject(&self, subject: &str) -> Result<Vec<BookSummary>, StoreError>;

    /// Every person named on a book or one of its items, with the books they appear in.
    async fn people(&self) -> Result<Vec<(PersonName, Vec<String>)>, StoreError>;

    /// Books with these ids, in the given order; unknown ids are skipped.
    async fn summaries(&self, ids: &[String]) -> Result<Vec<BookSummary>, StoreError>;

    /// Books whose title, contents, description or people contain every word of `query`
    /// (case-insensitive substring match; the search index replaces this).
    async fn search(&self, query: &str, limit: u64) -> Result<Vec<BookSummary>, StoreError>;

    /// Records the hash of a new API token.
    async fn add_token(&self, hash: &str, name: &str) -> Result<(), StoreError>;

    /// Whether a token hash is known.
    async fn has_token(&self, hash: &str) -> Result<bool, StoreError>;
}
