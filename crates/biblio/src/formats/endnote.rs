//! EndNote tagged import format (`.enw`): `%0 Book` or `%0 Book Section`, one field per
//! line, records separated by a blank line.
//!
//! A table-of-contents item is a book section with the book's title in `%B` and its
//! pages in `%P`. Names are `Family, Given`, as EndNote expects. Written by hand for the
//! same reason as RIS: a line per field, and no crate writes it.

use super::reference::{NoSuchItem, Reference};
use super::ris::{inverted, one_line};
use crate::Book;

/// One book (`None`) or one of its items, as one record.
pub fn item(book: &Book, position: Option<u32>) -> Result<String, NoSuchItem> {
    Ok(record(&Reference::new(book, position)?))
}

/// A book followed by every item of its table of contents.
pub fn toc(book: &Book) -> String {
    Reference::with_toc(book).iter().map(record).collect()
}

/// Several books, one record each.
pub fn books(books: &[Book]) -> String {
    Reference::of_books(books).iter().map(record).collect()
}

fn record(r: &Reference<'_>) -> String {
    let mut out = String::new();
    let mut tag = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push('%');
            out.push_str(tag);
            out.push(' ');
            out.push_str(&value);
            out.push('\n');
        }
    };
    tag(
        "0",
        if r.is_chapter() {
            "Book Section"
        } else {
            "Book"
        },
    );
    for n in r.authors() {
        tag("A", &inverted(n));
    }
    for n in r.editors() {
        tag("E", &inverted(n));
    }
    for n in r.translators() {
        tag("H", &inverted(n));
    }
    tag("T", &r.title());
    if r.is_chapter() {
        tag("B", &r.book.full_title());
    }
    if let Some(pages) = r.pages() {
        tag("P", &pages.to_string());
    }
    if let Some(year) = r.book.copyright_year {
        tag("D", &year.to_string());
    }
    if let Some(publisher) = &r.book.publisher {
        tag("I", publisher);
    }
    if let Some(place) = &r.book.place {
        tag("C", place);
    }
    for isbn in r.isbns() {
        tag("@", &isbn.to_string());
    }
    if let Some(doi) = r.doi() {
        tag("R", doi.as_str());
        tag("U", &doi.url());
    }
    if let Some(language) = &r.book.language {
        tag("G", language.as_str());
    }
    for subject in &r.book.subjects {
        tag("K", subject.as_str());
    }
    if let Some(text) = r.abstract_text() {
        tag("X", text);
    }
    out.push('\n');
    out
}
