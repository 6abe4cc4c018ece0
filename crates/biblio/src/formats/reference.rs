//! What one citable thing is, for the export formats: a whole book, or one item of its
//! table of contents seen as a section of the book.
//!
//! The model is not shaped by its outputs, so every export (RIS, BibTeX, CSL-JSON,
//! EndNote) and the citation engine start from this view instead of reading `Book`
//! themselves. It settles, once, the questions they would otherwise answer differently:
//! a chapter without authors of its own is by the book's authors; the book's editors
//! edit the container; a chapter carries its own DOI, never the book's.

use crate::{Book, Contributor, Doi, Isbn13, Medium, PageRange, PersonName, Role, model::slugify};

/// Why a table-of-contents item could not be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{title}\" has no table-of-contents item {position} (it has {count})")]
pub struct NoSuchItem {
    pub title: String,
    pub position: u32,
    pub count: usize,
}

/// A book or one of its table-of-contents items, ready to export.
#[derive(Debug, Clone)]
pub(crate) struct Reference<'a> {
    pub book: &'a Book,
    /// The item's position and entry when the reference is to a part of the book.
    pub item: Option<(u32, &'a crate::TocEntry)>,
}

impl<'a> Reference<'a> {
    /// The book itself, or its item at a 1-based position.
    pub fn new(book: &'a Book, position: Option<u32>) -> Result<Self, NoSuchItem> {
        let item = match position {
            None => None,
            Some(position) => {
                let found = book.toc_item(position).ok_or_else(|| NoSuchItem {
                    title: book.title.clone(),
                    position,
                    count: book.toc_items().len(),
                })?;
                Some((position, found.entry))
            }
        };
        Ok(Reference { book, item })
    }

    /// The book followed by every item of its table of contents.
    pub fn with_toc(book: &'a Book) -> Vec<Self> {
        std::iter::once(Reference { book, item: None })
            .chain(book.toc_items().into_iter().map(|i| Reference {
                book,
                item: Some((i.position, i.entry)),
            }))
            .collect()
    }

    /// Each book as a whole, one reference each.
    pub fn of_books(books: &'a [Book]) -> Vec<Self> {
        books
            .iter()
            .map(|book| Reference { book, item: None })
            .collect()
    }

    pub fn is_chapter(&self) -> bool {
        self.item.is_some()
    }

    /// The title of what is cited: the chapter's (without its number) or the book's
    /// full title.
    pub fn title(&self) -> String {
        match self.item {
            Some((_, entry)) => entry.title.clone(),
            None => self.book.full_title(),
        }
    }

    /// The book's title without subtitle, where it has a subtitle.
    pub fn short_book_title(&self) -> Option<&'a str> {
        self.book
            .subtitle
            .as_ref()
            .map(|_| self.book.title.as_str())
    }

    /// The people who wrote what is cited: a chapter's own authors, else the book's.
    pub fn authors(&self) -> Vec<&'a PersonName> {
        if let Some((_, entry)) = self.item {
            let own = names(&entry.authors, Role::Author);
            if !own.is_empty() {
                return own;
            }
        }
        names(&self.book.contributors, Role::Author)
    }

    /// The book's authors when a chapter has authors of its own that differ from them.
    pub fn container_authors(&self) -> Vec<&'a PersonName> {
        match self.item {
            Some((_, entry)) => {
                let own = names(&entry.authors, Role::Author);
                let book = names(&self.book.contributors, Role::Author);
                if own.is_empty() || own == book {
                    Vec::new()
                } else {
                    book
                }
            }
            None => Vec::new(),
        }
    }

    pub fn editors(&self) -> Vec<&'a PersonName> {
        names(&self.book.contributors, Role::Editor)
    }

    pub fn translators(&self) -> Vec<&'a PersonName> {
        names(&self.book.contributors, Role::Translator)
    }

    pub fn pages(&self) -> Option<PageRange> {
        self.item.and_then(|(_, e)| e.pages)
    }

    /// The DOI of what is cited: the chapter's own for a chapter, the book's for a book.
    pub fn doi(&self) -> Option<&'a Doi> {
        match self.item {
            Some((_, entry)) => entry.doi.as_ref(),
            None => self.book.doi(),
        }
    }

    /// ISBNs, print editions first.
    pub fn isbns(&self) -> Vec<Isbn13> {
        let mut isbns: Vec<(Isbn13, Medium)> = self.book.isbns().collect();
        isbns.sort_by_key(|(_, m)| *m != Medium::Print);
        isbns.into_iter().map(|(i, _)| i).collect()
    }

    /// The book's description, or a chapter's opening text.
    pub fn abstract_text(&self) -> Option<&'a str> {
        match self.item {
            Some((_, entry)) => entry.excerpt.as_deref(),
            None => self.book.description.as_deref(),
        }
    }

    /// A citation key: first author's family name, year and first significant title
    /// word (`lankov2005crisis`), with `-N` for item N.
    pub fn key(&self) -> String {
        let book_authors = names(&self.book.contributors, Role::Author);
        let editors = self.editors();
        let who = book_authors
            .first()
            .or(editors.first())
            .map(|n| slugify(&n.family).replace('-', ""))
            .filter(|s| s != "book")
            .unwrap_or_default();
        let year = self
            .book
            .copyright_year
            .map(|y| y.to_string())
            .unwrap_or_default();
        let word = slugify(&self.book.title)
            .split('-')
            .find(|w| !["a", "an", "the"].contains(w))
            .unwrap_or("book")
            .to_owned();
        let mut key = format!("{who}{year}{word}");
        if let Some((position, _)) = self.item {
            key.push_str(&format!("-{position}"));
        }
        key
    }
}

fn names(contributors: &[Contributor], role: Role) -> Vec<&PersonName> {
    contributors
        .iter()
        .filter(|c| c.role == role)
        .map(|c| &c.name)
        .collect()
}

/// Keys made unique across a list by appending `a`, `b`, ... to repeats.
pub(crate) fn unique_keys(refs: &[Reference<'_>]) -> Vec<String> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    refs.iter()
        .map(|r| {
            let key = r.key();
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                key
            } else {
                format!("{key}{}", suffix(*n - 1))
            }
        })
        .collect()
}

/// `a`..`z`, then `aa`, `ab`, ...
fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        n -= 1;
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_count_like_spreadsheet_columns() {
        let got: Vec<String> = [1, 2, 26, 27, 28].into_iter().map(suffix).collect();
        assert_eq!(got, ["a", "b", "z", "aa", "ab"]);
    }
}
