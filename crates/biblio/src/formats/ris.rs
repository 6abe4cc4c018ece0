//! RIS, the tagged format every reference manager imports (Zotero, EndNote, Mendeley).
//!
//! A book is `TY  - BOOK`; a table-of-contents item is `TY  - CHAP` with the book's title
//! in `T2` and its pages in `SP` and `EP`. Names are `Family, Given` (`Kim, Il Sung`,
//! `김, 일성`): RIS has no flag for name order, so the parts are kept and the reading
//! software orders them. Several ISBNs share one `SN` line, as Zotero writes them,
//! since readers keep one `SN` per record. Lines end with CR LF, as the RIS specification asks. Written by
//! hand: RIS is a line per field, and no crate writes it.

use super::reference::{NoSuchItem, Reference};
use crate::{Book, PersonName};

/// One book (`None`) or one of its items, as one RIS record.
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

/// `Family, Given, Suffix`.
pub(crate) fn inverted(n: &PersonName) -> String {
    let mut out = n.family.clone();
    if let Some(given) = &n.given {
        out.push_str(", ");
        out.push_str(given);
    }
    if let Some(suffix) = &n.suffix {
        out.push_str(", ");
        out.push_str(suffix);
    }
    out
}

/// Text on one line: RIS values end at the line break.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn record(r: &Reference<'_>) -> String {
    let mut out = String::new();
    let mut tag = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(tag);
            out.push_str("  - ");
            out.push_str(&value);
            out.push_str("\r\n");
        }
    };
    tag("TY", if r.is_chapter() { "CHAP" } else { "BOOK" });
    tag("ID", &r.key());
    for n in r.authors() {
        tag("AU", &inverted(n));
    }
    for n in r.editors() {
        tag("A2", &inverted(n));
    }
    for n in r.translators() {
        tag("A4", &inverted(n));
    }
    tag("TI", &r.title());
    if r.is_chapter() {
        tag("T2", &r.book.full_title());
    }
    if let Some(pages) = r.pages() {
        tag("SP", &pages.first().to_string());
        tag("EP", &pages.last().to_string());
    }
    if let Some(year) = r.book.copyright_year {
        tag("PY", &year.to_string());
    }
    if let Some(publisher) = &r.book.publisher {
        tag("PB", publisher);
    }
    if let Some(place) = &r.book.place {
        tag("CY", place);
    }
    let isbns: Vec<String> = r.isbns().iter().map(|i| i.to_string()).collect();
    tag("SN", &isbns.join(" "));
    if let Some(doi) = r.doi() {
        tag("DO", doi.as_str());
        tag("UR", &doi.url());
    }
    if let Some(language) = &r.book.language {
        tag("LA", language.as_str());
    }
    for subject in &r.book.subjects {
        tag("KW", subject.as_str());
    }
    if let Some(text) = r.abstract_text() {
        tag("AB", text);
    }
    out.push_str("ER  - \r\n\r\n");
    out
}
