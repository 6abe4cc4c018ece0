//! Reference-manager exports: RIS, BibTeX, CSL-JSON and EndNote for a book with its whole
//! table of contents, against snapshots; BibTeX read back by the `biblatex` crate.

use biblio::Book;
use biblio::formats::{bibtex, csl_json, endnote, ris};

use crate::cite::case_books;
use crate::{data_dir, expect_file};

fn book(name: &str) -> Book {
    case_books()
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no case book {name}"))
        .1
}

const SNAPSHOT_BOOKS: [&str; 4] = [
    "seed",
    "edited-volume",
    "special-characters",
    "korean-monograph",
];

#[test]
fn exports_of_whole_tables_of_contents_match_their_snapshots() {
    for name in SNAPSHOT_BOOKS {
        let book = book(name);
        let dir = data_dir().join("exports");
        expect_file(&dir.join(format!("{name}.ris")), &ris::toc(&book));
        expect_file(&dir.join(format!("{name}.bib")), &bibtex::toc(&book));
        expect_file(&dir.join(format!("{name}.json")), &csl_json::toc(&book));
        expect_file(&dir.join(format!("{name}.enw")), &endnote::toc(&book));
    }
}

#[test]
fn a_list_of_books_has_one_record_each_with_unique_keys() {
    let books: Vec<Book> = case_books().into_iter().map(|(_, b)| b).collect();
    let bib = bibtex::books(&books);
    assert_eq!(bib.matches("\n@").count() + 1, books.len());
    // The seed and the fuller seed share author, year and title word.
    assert!(bib.contains("@book{lankov2005crisis,") && bib.contains("@book{lankov2005crisisa,"));
    assert_eq!(ris::books(&books).matches("ER  - ").count(), books.len());
    assert_eq!(
        endnote::books(&books).matches("%0 Book\n").count(),
        books.len()
    );
    let json: serde_json::Value = serde_json::from_str(&csl_json::books(&books)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), books.len());
}

#[test]
fn one_item_is_a_chapter_of_its_book() {
    let seed = book("seed");
    let ris = ris::item(&seed, Some(12)).unwrap();
    assert!(ris.starts_with("TY  - CHAP\r\n"), "{ris}");
    for line in [
        "TI  - The August Plenum",
        "T2  - Crisis in North Korea: The Failure of De-Stalinization, 1956",
        "SP  - 121",
        "EP  - 135",
        "AU  - Lankov, Andrei",
    ] {
        assert!(
            ris.contains(&format!("{line}\r\n")),
            "{line} missing from\n{ris}"
        );
    }
    let bib = bibtex::item(&seed, Some(3)).unwrap();
    assert!(bib.starts_with("@inbook{lankov2005crisis-3,"), "{bib}");
    assert!(bib.contains("  pages = {vii--xii},\n"), "{bib}");
    let err = bibtex::item(&seed, Some(22)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "\"Crisis in North Korea\" has no table-of-contents item 22 (it has 21)"
    );
}

/// The text of a biblatex field, with LaTeX escapes resolved.
fn field(entry: &biblatex::Entry, name: &str) -> String {
    use biblatex::ChunksExt;
    entry
        .fields
        .get(name)
        .map(|chunks| chunks.format_verbatim())
        .unwrap_or_default()
}

#[test]
fn the_biblatex_crate_reads_back_every_field() {
    for (name, book) in case_books() {
        let text = bibtex::toc(&book);
        let bib = biblatex::Bibliography::parse(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:?}\n{text}"));
        let refs: Vec<Option<u32>> = std::iter::once(None)
            .chain(book.toc_items().iter().map(|i| Some(i.position)))
            .collect();
        assert_eq!(bib.len(), refs.len(), "{name}");
        for (entry, position) in bib.iter().zip(refs) {
            let (title, authors) = match position {
                None => (
                    book.full_title(),
                    book.contributors_in(biblio::Role::Author)
                        .map(|c| &c.name)
                        .collect::<Vec<_>>(),
                ),
                Some(p) => {
                    let e = book.toc_item(p).unwrap().entry;
                    let own: Vec<_> = e.authors.iter().map(|c| &c.name).collect();
                    let authors = if own.is_empty() {
                        book.contributors_in(biblio::Role::Author)
                            .map(|c| &c.name)
                            .collect()
                    } else {
                        own
                    };
                    (e.title.clone(), authors)
                }
            };
            assert_eq!(field(entry, "title"), title, "{name} {}", entry.key);
            let people = entry.author().unwrap_or_default();
            assert_eq!(people.len(), authors.len(), "{name} {}", entry.key);
            for (got, want) in people.iter().zip(authors) {
                let family = match got.prefix.as_str() {
                    "" => got.name.clone(),
                    prefix => format!("{prefix} {}", got.name),
                };
                assert_eq!(family, want.family, "{name} {}", entry.key);
                assert_eq!(
                    got.given_name,
                    want.given.clone().unwrap_or_default(),
                    "{name} {}",
                    entry.key
                );
                assert_eq!(
                    got.suffix,
                    want.suffix.clone().unwrap_or_default(),
                    "{name} {}",
                    entry.key
                );
            }
            if let Some(p) = position {
                let e = book.toc_item(p).unwrap().entry;
                assert_eq!(field(entry, "booktitle"), book.full_title());
                if let Some(pages) = e.pages {
                    let want = if pages.is_single() {
                        pages.first().to_string()
                    } else {
                        format!("{}-{}", pages.first(), pages.last())
                    };
                    // biblatex reads `--` as an en dash.
                    assert_eq!(
                        field(entry, "pages").replace('–', "-"),
                        want,
                        "{name} {}",
                        entry.key
                    );
                }
            }
            if let Some(publisher) = &book.publisher {
                assert_eq!(field(entry, "publisher"), *publisher);
            }
            if let Some(year) = book.copyright_year {
                assert_eq!(field(entry, "year"), year.to_string());
            }
        }
    }
}
