//! The SQLite backend, through sqlx: one file in the data directory, WAL journal,
//! foreign keys on.

use std::{collections::HashMap, path::Path, str::FromStr, time::Duration};

use async_trait::async_trait;
use biblio::{
    Book, Contributor, Identifier, Isbn13, Medium, Page, PageRange, PersonName, Role, TocEntry,
    TocKind, model::slugify,
};
use sqlx::{
    Row, Sqlite, SqliteConnection, Transaction,
    sqlite::{
        SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
    },
};

use super::{BookSummary, Change, Outcome, Store, StoreError, StoredBook};

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("src/store/migrations/sqlite")
            .run(&pool)
            .await?;
        Ok(SqliteStore { pool })
    }

    /// A private in-memory database, for tests.
    pub async fn in_memory() -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await?;
        sqlx::migrate!("src/store/migrations/sqlite")
            .run(&pool)
            .await?;
        Ok(SqliteStore { pool })
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn import(&self, books: &[Book]) -> Result<Vec<Outcome>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut outcomes = Vec::with_capacity(books.len());
        for book in books {
            let existing = match_book(&mut tx, book).await?;
            outcomes.push(save(&mut tx, existing, None, book).await?);
        }
        tx.commit().await?;
        Ok(outcomes)
    }

    async fn put(&self, id: &str, book: &Book) -> Result<Outcome, StoreError> {
        let mut tx = self.pool.begin().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM books WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(other) = match_book(&mut tx, book).await?
            && Some(&other) != exists.as_ref()
        {
            return Err(StoreError::Conflict(format!(
                "an identifier of this book belongs to the book \"{other}\""
            )));
        }
        let outcome = save(&mut tx, exists, Some(id), book).await?;
        tx.commit().await?;
        Ok(outcome)
    }

    async fn catalog_version(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT version FROM catalog_version WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn revision(&self, id: &str) -> Result<Option<i64>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT revision FROM books WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn get(&self, key: &str) -> Result<Option<StoredBook>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        let Some(id) = resolve(&mut conn, key).await? else {
            return Ok(None);
        };
        load(&mut conn, &id).await
    }

    async fn list(&self, offset: u64, limit: u64) -> Result<Vec<BookSummary>, StoreError> {
        let sql =
            format!("{SUMMARY_SELECT} ORDER BY b.updated_at DESC, b.rowid DESC LIMIT ? OFFSET ?");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::try_from(limit).unwrap_or(i64::MAX))
            .bind(i64::try_from(offset).unwrap_or(i64::MAX))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(summary).collect()
    }

    async fn subjects(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT name, count(DISTINCT book_id) AS n FROM subjects
             GROUP BY name ORDER BY n DESC, name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(s, n)| (s, n.max(0) as u64))
            .collect())
    }

    async fn by_subject(&self, subject: &str) -> Result<Vec<BookSummary>, StoreError> {
        let sql = format!(
            "{SUMMARY_SELECT} WHERE b.id IN (SELECT book_id FROM subjects WHERE name = ?)
             ORDER BY b.title, b.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(subject)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(summary).collect()
    }

    async fn people(&self) -> Result<Vec<(PersonName, Vec<String>)>, StoreError> {
        let rows: Vec<(String, Option<String>, Option<String>, bool, String)> = sqlx::query_as(
            "SELECT DISTINCT family, given, suffix, family_first, book_id FROM contributors
             ORDER BY family, given, book_id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<(PersonName, Vec<String>)> = Vec::new();
        for (family, given, suffix, family_first, book) in rows {
            let name = PersonName {
                family,
                given,
                suffix,
                family_first,
                original_script: None,
            };
            match out.last_mut() {
                Some((last, books)) if *last == name => {
                    if !books.contains(&book) {
                        books.push(book);
                    }
                }
                _ => out.push((name, vec![book])),
            }
        }
        Ok(out)
    }

    async fn summaries(&self, ids: &[String]) -> Result<Vec<BookSummary>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        let sql = format!("{SUMMARY_SELECT} WHERE b.id = ?");
        for id in ids {
            if let Some(row) = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
            {
                out.push(summary(&row)?);
            }
        }
        Ok(out)
    }

    async fn search(&self, query: &str, limit: u64) -> Result<Vec<BookSummary>, StoreError> {
        let words: Vec<String> = query
            .split_whitespace()
            .take(16)
            .map(|w| format!("%{}%", w.replace(['%', '_', '\\'], "")))
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let clause = "(b.title LIKE ?1 OR coalesce(b.subtitle, '') LIKE ?1
              OR coalesce(b.description, '') LIKE ?1
              OR EXISTS (SELECT 1 FROM toc_entries t WHERE t.book_id = b.id
                         AND (t.title LIKE ?1 OR coalesce(t.excerpt, '') LIKE ?1))
              OR EXISTS (SELECT 1 FROM contributors c WHERE c.book_id = b.id
                         AND (c.family LIKE ?1 OR coalesce(c.given, '') LIKE ?1))
              OR EXISTS (SELECT 1 FROM subjects s WHERE s.book_id = b.id AND s.name LIKE ?1))";
        let mut ids: Option<Vec<String>> = None;
        for word in &words {
            let sql = format!("SELECT b.id FROM books b WHERE {clause}");
            let found: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(word)
                .fetch_all(&self.pool)
                .await?;
            ids = Some(match ids {
                None => found,
                Some(prev) => prev.into_iter().filter(|id| found.contains(id)).collect(),
            });
        }
        let mut ids = ids.unwrap_or_default();
        ids.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        self.summaries(&ids).await
    }

    async fn count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM books")
            .fetch_one(&self.pool)
            .await?;
        Ok(n.max(0) as u64)
    }

    async fn delete(&self, key: &str) -> Result<String, StoreError> {
        let mut tx = self.pool.begin().await?;
        let id = resolve(&mut tx, key)
            .await?
            .ok_or_else(|| StoreError::NotFound(key.to_owned()))?;
        sqlx::query("DELETE FROM books WHERE id = ?")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn add_token(&self, hash: &str, name: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO tokens (hash, name) VALUES (?, ?)")
            .bind(hash)
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn has_token(&self, hash: &str) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM tokens WHERE hash = ?")
            .bind(hash)
            .fetch_optional(&self.pool)
            .await?;
        Ok(found.is_some())
    }
}

/// The columns of a [`BookSummary`]; callers append WHERE, ORDER and LIMIT.
const SUMMARY_SELECT: &str = "SELECT b.id, b.title, b.subtitle, b.copyright_year, b.updated_at,
        (SELECT group_concat(name, char(31)) FROM (
            SELECT family || char(30) || coalesce(given, '') || char(30)
                   || coalesce(suffix, '') || char(30) || family_first AS name
            FROM contributors c
            WHERE c.book_id = b.id AND c.toc_position IS NULL
            ORDER BY c.position)) AS authors,
        (SELECT value FROM identifiers i
            WHERE i.book_id = b.id AND i.scheme = 'isbn'
            ORDER BY i.position LIMIT 1) AS isbn
     FROM books b";

fn summary(row: &sqlx::sqlite::SqliteRow) -> Result<BookSummary, StoreError> {
    let authors: Option<String> = row.try_get("authors")?;
    let isbn: Option<String> = row.try_get("isbn")?;
    Ok(BookSummary {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        subtitle: row.try_get("subtitle")?,
        authors: authors
            .map(|a| a.split('\u{1f}').map(display_name).collect())
            .unwrap_or_default(),
        copyright_year: row.try_get("copyright_year")?,
        isbn: isbn
            .and_then(|i| i.parse::<Isbn13>().ok())
            .map(|i| i.to_string()),
        updated_at: row.try_get("updated_at")?,
    })
}

/// A name as written, from the `family␞given␞suffix␞family_first` of [`SUMMARY_SELECT`].
fn display_name(packed: &str) -> String {
    let mut parts = packed.split('\u{1e}');
    let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
    let family = next().unwrap_or_default();
    let given = next();
    let suffix = next();
    let family_first = next().as_deref() == Some("1");
    PersonName {
        family,
        given,
        suffix,
        family_first,
        original_script: None,
    }
    .to_string()
}

/// The key an identifier is matched on: 13 ISBN digits, or the lowercased DOI.
fn match_key(id: &Identifier) -> (&'static str, String) {
    match id {
        Identifier::Isbn { value, .. } => ("isbn", value.compact()),
        Identifier::Doi { value } => ("doi", value.as_str().to_ascii_lowercase()),
    }
}

/// The id of the stored book sharing an ISBN or DOI with `book`, if any; an error if
/// its identifiers point at two different books.
async fn match_book(
    conn: &mut SqliteConnection,
    book: &Book,
) -> Result<Option<String>, StoreError> {
    let mut found: Option<String> = None;
    for id in &book.identifiers {
        let (scheme, key) = match_key(id);
        let owner: Option<String> = sqlx::query_scalar(
            "SELECT book_id FROM identifiers WHERE scheme = ? AND match_key = ?",
        )
        .bind(scheme)
        .bind(&key)
        .fetch_optional(&mut *conn)
        .await?;
        match (&found, owner) {
            (Some(a), Some(b)) if *a != b => {
                return Err(StoreError::Conflict(format!(
                    "\"{}\": its identifiers match two stored books, \"{a}\" and \"{b}\"",
                    book.title
                )));
            }
            (None, Some(b)) => found = Some(b),
            _ => {}
        }
    }
    Ok(found)
}

/// The id of a book given its id or one of its ISBNs.
async fn resolve(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>, StoreError> {
    let by_id: Option<String> = sqlx::query_scalar("SELECT id FROM books WHERE id = ?")
        .bind(key)
        .fetch_optional(&mut *conn)
        .await?;
    if by_id.is_some() {
        return Ok(by_id);
    }
    let Ok(isbn) = key.parse::<Isbn13>() else {
        return Ok(None);
    };
    Ok(sqlx::query_scalar(
        "SELECT book_id FROM identifiers WHERE scheme = 'isbn' AND match_key = ?",
    )
    .bind(isbn.compact())
    .fetch_optional(&mut *conn)
    .await?)
}

/// A free id for a new book: its title's slug, then with the year, then numbered.
async fn fresh_id(conn: &mut SqliteConnection, book: &Book) -> Result<String, StoreError> {
    let base = slugify(&book.title);
    let mut candidates = vec![base.clone()];
    if let Some(year) = book.copyright_year {
        candidates.push(format!("{base}-{year}"));
    }
    for candidate in candidates {
        if !id_taken(conn, &candidate).await? {
            return Ok(candidate);
        }
    }
    // Numbered ids are tried from one past the count of those already taken, so that
    // the thousandth book of a title costs two lookups, not a thousand. (Slugs hold only
    // letters, digits and hyphens, so the GLOB pattern needs no escaping.)
    let numbered: i64 = sqlx::query_scalar("SELECT count(*) FROM books WHERE id GLOB ?")
        .bind(format!("{base}-[0-9]*"))
        .fetch_one(&mut *conn)
        .await?;
    let first = usize::try_from(numbered).unwrap_or(0).max(1) + 1;
    for n in first.. {
        let candidate = format!("{base}-{n}");
        if !id_taken(conn, &candidate).await? {
            return Ok(candidate);
        }
    }
    unreachable!("the candidate ids are endless")
}

async fn id_taken(conn: &mut SqliteConnection, id: &str) -> Result<bool, StoreError> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT 1 FROM books WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(taken.is_some())
}

async fn save(
    tx: &mut Transaction<'static, Sqlite>,
    existing: Option<String>,
    wanted_id: Option<&str>,
    book: &Book,
) -> Result<Outcome, StoreError> {
    let mut created_at: Option<String> = None;
    let mut revision = 1;
    let (id, change) = match existing {
        Some(id) => {
            if let Some(stored) = load(tx, &id).await? {
                if stored.book == *book {
                    return Ok(Outcome {
                        id,
                        change: Change::Unchanged,
                    });
                }
                created_at = Some(stored.created_at);
                revision = stored.revision + 1;
            }
            sqlx::query("DELETE FROM books WHERE id = ?")
                .bind(&id)
                .execute(&mut **tx)
                .await
                .map(|_| ())?;
            (id, Change::Updated)
        }
        None => match wanted_id {
            Some(id) => (id.to_owned(), Change::Added),
            None => (fresh_id(tx, book).await?, Change::Added),
        },
    };
    insert(tx, &id, book, created_at, revision).await?;
    Ok(Outcome { id, change })
}

async fn insert(
    tx: &mut SqliteConnection,
    id: &str,
    book: &Book,
    created_at: Option<String>,
    revision: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO books (id, title, subtitle, publisher, place, copyright_year, description,
             language, original_script_title, edition, extent, series, created_at, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                 coalesce(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?)",
    )
    .bind(id)
    .bind(&book.title)
    .bind(&book.subtitle)
    .bind(&book.publisher)
    .bind(&book.place)
    .bind(book.copyright_year)
    .bind(&book.description)
    .bind(book.language.as_ref().map(|l| l.as_str()))
    .bind(&book.original_script_title)
    .bind(&book.edition)
    .bind(&book.extent)
    .bind(&book.series)
    .bind(created_at)
    .bind(revision)
    .execute(&mut *tx)
    .await?;
    for (position, identifier) in book.identifiers.iter().enumerate() {
        let (scheme, key) = match_key(identifier);
        let (medium, value) = match identifier {
            Identifier::Isbn { value, medium } => (
                Some(match medium {
                    Medium::Print => "print",
                    Medium::Electronic => "electronic",
                }),
                value.compact(),
            ),
            Identifier::Doi { value } => (None, value.to_string()),
        };
        sqlx::query(
            "INSERT INTO identifiers (book_id, position, scheme, medium, value, match_key)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(scheme)
        .bind(medium)
        .bind(value)
        .bind(key)
        .execute(&mut *tx)
        .await
        .map_err(|e| match e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(format!(
                "\"{}\" lists the identifier {identifier_text} twice",
                book.title,
                identifier_text = match identifier {
                    Identifier::Isbn { value, .. } => value.to_string(),
                    Identifier::Doi { value } => value.to_string(),
                }
            )),
            other => other.into(),
        })?;
    }
    for (position, subject) in book.subjects.iter().enumerate() {
        sqlx::query("INSERT INTO subjects (book_id, position, name) VALUES (?, ?, ?)")
            .bind(id)
            .bind(position as i64)
            .bind(subject.as_str())
            .execute(&mut *tx)
            .await?;
    }
    insert_people(tx, id, None, &book.contributors).await?;
    for item in book.toc_items() {
        let e = item.entry;
        let page = |p: Option<Page>| p.map(|p| (i64::from(p.number()), p.is_roman()));
        let first = page(e.pages.map(|r| r.first()));
        let last = page(e.pages.map(|r| r.last()));
        sqlx::query(
            "INSERT INTO toc_entries (book_id, position, parent, kind, label, title,
                 first_page, first_roman, last_page, last_roman, excerpt, doi)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(i64::from(item.position))
        .bind(item.parent.map(i64::from))
        .bind(e.kind.as_str())
        .bind(&e.label)
        .bind(&e.title)
        .bind(first.map(|p| p.0))
        .bind(first.map(|p| p.1))
        .bind(last.map(|p| p.0))
        .bind(last.map(|p| p.1))
        .bind(&e.excerpt)
        .bind(e.doi.as_ref().map(|d| d.to_string()))
        .execute(&mut *tx)
        .await?;
        insert_people(tx, id, Some(item.position), &e.authors).await?;
    }
    Ok(())
}

async fn insert_people(
    tx: &mut SqliteConnection,
    id: &str,
    toc_position: Option<u32>,
    people: &[Contributor],
) -> Result<(), StoreError> {
    for (position, c) in people.iter().enumerate() {
        sqlx::query(
            "INSERT INTO contributors (book_id, toc_position, position, role, family, given, suffix,
                 family_first, original_script)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(toc_position.map(i64::from))
        .bind(position as i64)
        .bind(c.role.as_str())
        .bind(&c.name.family)
        .bind(&c.name.given)
        .bind(&c.name.suffix)
        .bind(c.name.family_first)
        .bind(&c.name.original_script)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

fn corrupt(id: &str, what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("book \"{id}\": {what}"))
}

async fn load(conn: &mut SqliteConnection, id: &str) -> Result<Option<StoredBook>, StoreError> {
    let Some(row) = sqlx::query("SELECT * FROM books WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let mut book = Book::new(row.try_get::<String, _>("title")?);
    book.subtitle = row.try_get("subtitle")?;
    book.original_script_title = row.try_get("original_script_title")?;
    book.edition = row.try_get("edition")?;
    book.extent = row.try_get("extent")?;
    book.series = row.try_get("series")?;
    book.publisher = row.try_get("publisher")?;
    book.place = row.try_get("place")?;
    book.copyright_year = row.try_get("copyright_year")?;
    book.description = row.try_get("description")?;
    book.language = row
        .try_get::<Option<String>, _>("language")?
        .map(|l| l.parse().map_err(|e| corrupt(id, e)))
        .transpose()?;

    for r in sqlx::query("SELECT * FROM identifiers WHERE book_id = ? ORDER BY position")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
    {
        let value: String = r.try_get("value")?;
        let scheme: String = r.try_get("scheme")?;
        book.identifiers.push(match scheme.as_str() {
            "isbn" => Identifier::Isbn {
                value: value.parse().map_err(|e| corrupt(id, e))?,
                medium: match r.try_get::<Option<String>, _>("medium")?.as_deref() {
                    Some("print") => Medium::Print,
                    _ => Medium::Electronic,
                },
            },
            _ => Identifier::Doi {
                value: value.parse().map_err(|e| corrupt(id, e))?,
            },
        });
    }
    book.subjects = sqlx::query_scalar::<_, String>(
        "SELECT name FROM subjects WHERE book_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|s| s.parse().map_err(|e| corrupt(id, e)))
    .collect::<Result<_, _>>()?;

    let mut people: HashMap<Option<i64>, Vec<Contributor>> = HashMap::new();
    for r in
        sqlx::query("SELECT * FROM contributors WHERE book_id = ? ORDER BY toc_position, position")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
    {
        let role: String = r.try_get("role")?;
        let name = PersonName {
            family: r.try_get("family")?,
            given: r.try_get("given")?,
            suffix: r.try_get("suffix")?,
            family_first: r.try_get("family_first")?,
            original_script: r.try_get("original_script")?,
        };
        people
            .entry(r.try_get("toc_position")?)
            .or_default()
            .push(Contributor::new(
                name,
                role.parse::<Role>().map_err(|e| corrupt(id, e))?,
            ));
    }
    book.contributors = people.remove(&None).unwrap_or_default();

    // Entries come in reading order; each is attached to its parent once its own
    // children are complete, which a stack of open entries makes simple.
    let rows = sqlx::query("SELECT * FROM toc_entries WHERE book_id = ? ORDER BY position")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    let mut stack: Vec<(i64, TocEntry)> = Vec::new();
    let attach =
        |stack: &mut Vec<(i64, TocEntry)>, top: &mut Vec<TocEntry>, entry: TocEntry| match stack
            .last_mut()
        {
            Some((_, parent)) => parent.children.push(entry),
            None => top.push(entry),
        };
    for r in rows {
        let position: i64 = r.try_get("position")?;
        let parent: Option<i64> = r.try_get("parent")?;
        while let Some((open, _)) = stack.last() {
            if Some(*open) == parent {
                break;
            }
            let (_, done) = stack.pop().unwrap_or_else(|| unreachable!());
            attach(&mut stack, &mut book.toc, done);
        }
        let page = |n: Option<i64>, roman: Option<bool>| -> Option<Page> {
            let n = u32::try_from(n?).ok()?;
            Some(if roman? {
                Page::Roman(n)
            } else {
                Page::Arabic(n)
            })
        };
        let first = page(r.try_get("first_page")?, r.try_get("first_roman")?);
        let last = page(r.try_get("last_page")?, r.try_get("last_roman")?);
        let pages = match (first, last) {
            (Some(a), Some(b)) => Some(PageRange::new(a, b).map_err(|e| corrupt(id, e))?),
            _ => None,
        };
        let kind: String = r.try_get("kind")?;
        let entry = TocEntry {
            kind: kind.parse::<TocKind>().map_err(|e| corrupt(id, e))?,
            label: r.try_get("label")?,
            title: r.try_get("title")?,
            pages,
            excerpt: r.try_get("excerpt")?,
            authors: people.remove(&Some(position)).unwrap_or_default(),
            doi: r
                .try_get::<Option<String>, _>("doi")?
                .map(|d| d.parse().map_err(|e| corrupt(id, e)))
                .transpose()?,
            children: Vec::new(),
        };
        stack.push((position, entry));
    }
    while let Some((_, done)) = stack.pop() {
        attach(&mut stack, &mut book.toc, done);
    }
    Ok(Some(StoredBook {
        id: id.to_owned(),
        book,
        revision: row.try_get("revision")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    }))
}
