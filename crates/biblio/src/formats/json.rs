//! Shelfmark's JSON form of a book: the model's fields, with ISBNs, DOIs and page ranges
//! as the strings the catalog format uses.

use super::{Diagnostic, Parsed};
use crate::Book;

/// Reads one book object or an array of books.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let located = |e: serde_json::Error| Diagnostic {
        line: e.line(),
        column: Some(e.column()),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_owned(),
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Parsed {
                diagnostics: vec![located(e)],
                records: 1,
                ..Parsed::default()
            };
        }
    };
    let items = match value {
        serde_json::Value::Array(items) => items,
        other => vec![other],
    };
    let mut parsed = Parsed {
        records: items.len(),
        ..Parsed::default()
    };
    for (i, item) in items.into_iter().enumerate() {
        match serde_json::from_value::<Book>(item) {
            Ok(book) => match validate(&book) {
                Ok(()) => parsed.books.push((1, book)),
                Err(msg) => parsed
                    .diagnostics
                    .push(Diagnostic::new(1, format!("book {}: {msg}", i + 1))),
            },
            Err(e) => parsed
                .diagnostics
                .push(Diagnostic::new(1, format!("book {}: {e}", i + 1))),
        }
    }
    parsed
}

/// Checks what the types alone do not: a title on every book and entry.
fn validate(book: &Book) -> Result<(), String> {
    if book.title.trim().is_empty() {
        return Err("title is empty".into());
    }
    for item in book.toc_items() {
        if item.entry.title.trim().is_empty() {
            return Err(format!(
                "table of contents item {} has no title",
                item.position
            ));
        }
    }
    Ok(())
}

/// Writes a book as pretty-printed JSON.
pub fn render(book: &Book) -> String {
    let mut out = serde_json::to_string_pretty(book).unwrap_or_default();
    out.push('\n');
    out
}

/// Writes several books as a JSON array.
pub fn render_many(books: &[Book]) -> String {
    let mut out = serde_json::to_string_pretty(books).unwrap_or_default();
    out.push('\n');
    out
}
