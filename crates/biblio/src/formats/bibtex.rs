//! BibTeX in its BibLaTeX dialect, readable by both: `@book` for a book; for a
//! table-of-contents item, `@incollection` when the book is a collection (it has editors,
//! or the item has authors of its own) and `@inbook` when it is a part of a monograph,
//! each with `booktitle` and `pages`.
//!
//! Values are braced and escaped: `\ { } & % $ # _ ~ ^` become their LaTeX forms, so a
//! title such as `Sound & Fury: 100% {Braces}` reads back as written. Names are joined
//! with `and` as `Family, Given` (`van Beethoven, Ludwig`, `King, Jr., Martin Luther`,
//! `Kim, Il Sung`); a name part containing the word "and" is braced. Page ranges take
//! the en dash `--`. Written by hand: the `biblatex` crate reads BibTeX but does not
//! write it, and the tests read our output back with it and with bibtexparser.

use super::reference::{NoSuchItem, Reference, unique_keys};
use crate::{Book, PersonName, Role};

/// One book (`None`) or one of its items, as one entry.
pub fn item(book: &Book, position: Option<u32>) -> Result<String, NoSuchItem> {
    let r = Reference::new(book, position)?;
    Ok(entry(&r, &r.key()))
}

/// A book followed by every item of its table of contents.
pub fn toc(book: &Book) -> String {
    entries(&Reference::with_toc(book))
}

/// Several books, one entry each, with keys made unique.
pub fn books(books: &[Book]) -> String {
    entries(&Reference::of_books(books))
}

fn entries(refs: &[Reference<'_>]) -> String {
    let keys = unique_keys(refs);
    refs.iter()
        .zip(&keys)
        .map(|(r, k)| entry(r, k))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes LaTeX's special characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' => out.push_str("\\&"),
            '%' => out.push_str("\\%"),
            '$' => out.push_str("\\$"),
            '#' => out.push_str("\\#"),
            '_' => out.push_str("\\_"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn name_part(s: &str) -> String {
    let escaped = escape(s);
    if s.split_whitespace().any(|w| w.eq_ignore_ascii_case("and")) {
        format!("{{{escaped}}}")
    } else {
        escaped
    }
}

fn name(n: &PersonName) -> String {
    let mut out = name_part(&n.family);
    if let Some(suffix) = &n.suffix {
        out.push_str(", ");
        out.push_str(&name_part(suffix));
    }
    if let Some(given) = &n.given {
        out.push_str(", ");
        out.push_str(&name_part(given));
    }
    out
}

fn names(people: &[&PersonName]) -> String {
    people
        .iter()
        .map(|n| name(n))
        .collect::<Vec<_>>()
        .join(" and ")
}

fn entry(r: &Reference<'_>, key: &str) -> String {
    let kind = match r.item {
        None => "book",
        Some((_, entry)) => {
            let collection =
                r.book.contributors_in(Role::Editor).next().is_some() || !entry.authors.is_empty();
            if collection { "incollection" } else { "inbook" }
        }
    };
    let mut fields: Vec<(&str, String)> = Vec::new();
    let authors = r.authors();
    if !authors.is_empty() {
        fields.push(("author", names(&authors)));
    }
    let editors = r.editors();
    if !editors.is_empty() {
        fields.push(("editor", names(&editors)));
    }
    let translators = r.translators();
    if !translators.is_empty() {
        fields.push(("translator", names(&translators)));
    }
    fields.push(("title", escape(&r.title())));
    if r.is_chapter() {
        fields.push(("booktitle", escape(&r.book.full_title())));
    }
    if let Some(pages) = r.pages() {
        let text = if pages.is_single() {
            pages.first().to_string()
        } else {
            format!("{}--{}", pages.first(), pages.last())
        };
        fields.push(("pages", text));
    }
    if let Some(publisher) = &r.book.publisher {
        fields.push(("publisher", escape(publisher)));
    }
    if let Some(place) = &r.book.place {
        fields.push(("address", escape(place)));
        fields.push(("location", escape(place)));
    }
    if let Some(year) = r.book.copyright_year {
        fields.push(("year", year.to_string()));
    }
    if let Some(isbn) = r.isbns().first() {
        fields.push(("isbn", isbn.to_string()));
    }
    if let Some(doi) = r.doi() {
        fields.push(("doi", escape(doi.as_str())));
    }
    if let Some(language) = &r.book.language {
        fields.push(("langid", escape(language.as_str())));
    }
    if !r.book.subjects.is_empty() {
        let subjects: Vec<String> = r.book.subjects.iter().map(|s| escape(s.as_str())).collect();
        fields.push(("keywords", subjects.join(", ")));
    }
    let mut out = format!("@{kind}{{{key},\n");
    for (name, value) in fields {
        out.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    out.push_str("}\n");
    out
}
