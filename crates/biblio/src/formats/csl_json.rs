//! CSL-JSON, the item format of the Citation Style Language: what citeproc-js, Zotero
//! and Mendeley read, and what our citation engine formats.
//!
//! A book is a `book`; a table-of-contents item is a `chapter` whose `container-title`
//! is the book. Names keep their parts; a name written family name first (`Kim Il Sung`,
//! `김일성`) carries `"static-ordering": true`, the CSL-JSON flag that tells a processor
//! not to reorder or invert it. Written with `serde_json`; no crate models CSL-JSON items
//! as plain data without pulling in a processor, and the mapping is the point here.

use serde_json::{Map, Value, json};

use super::reference::{NoSuchItem, Reference, unique_keys};
use crate::{Book, PersonName};

/// One book (`None`) or one of its items, as a CSL-JSON object.
pub fn item(book: &Book, position: Option<u32>) -> Result<String, NoSuchItem> {
    let r = Reference::new(book, position)?;
    Ok(pretty(&Value::Object(exported(&r, &r.key()))))
}

/// A book followed by every item of its table of contents, as a CSL-JSON array.
pub fn toc(book: &Book) -> String {
    array(&Reference::with_toc(book))
}

/// Several books, as a CSL-JSON array.
pub fn books(books: &[Book]) -> String {
    array(&Reference::of_books(books))
}

fn array(refs: &[Reference<'_>]) -> String {
    let keys = unique_keys(refs);
    let items: Vec<Value> = refs
        .iter()
        .zip(&keys)
        .map(|(r, k)| Value::Object(exported(r, k)))
        .collect();
    pretty(&Value::Array(items))
}

/// The object with the abstract, which exports carry and citations do not need.
fn exported(r: &Reference<'_>, id: &str) -> Map<String, Value> {
    let mut m = object(r, id);
    if let Some(text) = r.abstract_text() {
        m.insert("abstract".into(), text.into());
    }
    m
}

fn pretty(value: &Value) -> String {
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// The CSL-JSON object of a reference, with the given id.
pub(crate) fn object(r: &Reference<'_>, id: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), id.into());
    let kind = if r.is_chapter() { "chapter" } else { "book" };
    m.insert("type".into(), kind.into());
    m.insert("title".into(), r.title().into());
    if r.is_chapter() {
        m.insert("container-title".into(), r.book.full_title().into());
        if let Some(short) = r.short_book_title() {
            m.insert("container-title-short".into(), short.into());
        }
    } else if let Some(short) = r.short_book_title() {
        m.insert("title-short".into(), short.into());
    }
    let mut put_names = |key: &str, people: Vec<&PersonName>| {
        if !people.is_empty() {
            m.insert(key.into(), people.into_iter().map(name).collect());
        }
    };
    put_names("author", r.authors());
    put_names("container-author", r.container_authors());
    put_names("editor", r.editors());
    put_names("translator", r.translators());
    if let Some(publisher) = &r.book.publisher {
        m.insert("publisher".into(), publisher.as_str().into());
    }
    if let Some(place) = &r.book.place {
        m.insert("publisher-place".into(), place.as_str().into());
    }
    if let Some(year) = r.book.copyright_year {
        m.insert("issued".into(), json!({ "date-parts": [[year]] }));
    }
    if let Some(pages) = r.pages() {
        m.insert("page".into(), pages.to_string().into());
    }
    if let Some(doi) = r.doi() {
        m.insert("DOI".into(), doi.as_str().into());
    }
    if let Some(isbn) = r.isbns().first() {
        m.insert("ISBN".into(), isbn.to_string().into());
    }
    if let Some(language) = &r.book.language {
        m.insert("language".into(), language.as_str().into());
    }
    m
}

/// A name as CSL-JSON: family and given parts, a family name's leading lowercase words
/// (`van`, `de la`) as its particle, and the static-ordering flag for names written
/// family name first.
pub(crate) fn name(n: &PersonName) -> Value {
    let mut m = Map::new();
    let (particle, family) = split_particle(&n.family);
    if let Some(particle) = particle {
        m.insert("non-dropping-particle".into(), particle.into());
    }
    m.insert("family".into(), family.into());
    if let Some(given) = &n.given {
        m.insert("given".into(), given.as_str().into());
    }
    if let Some(suffix) = &n.suffix {
        m.insert("suffix".into(), suffix.as_str().into());
    }
    if n.family_first {
        m.insert("static-ordering".into(), true.into());
    }
    Value::Object(m)
}

/// Splits `de la Croix` into `de la` and `Croix`; a family name without leading
/// lowercase words has no particle.
fn split_particle(family: &str) -> (Option<&str>, &str) {
    let mut end = 0;
    for word in family.split(' ') {
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        if !lower || end + word.len() >= family.len() {
            break;
        }
        end += word.len() + 1;
    }
    if end == 0 {
        (None, family)
    } else {
        (Some(&family[..end - 1]), &family[end..])
    }
}
