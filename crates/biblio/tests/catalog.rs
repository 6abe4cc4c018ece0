//! The catalog text format: the seed round-trips byte for byte, well-formed files match
//! their JSON snapshots, and every malformed file gives its exact located messages.

use biblio::formats::{catalog, json};
use biblio::{Medium, Page, Role, TocKind};

use crate::{data_dir, expect_file, txt_files};

fn seed() -> String {
    let path = data_dir().join("../../../../demo/catalog/crisis-in-north-korea.txt");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn seed_round_trips_byte_for_byte() {
    let seed = seed();
    let parsed = catalog::parse(&seed);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.books.len(), 1);
    let rendered = catalog::render(&parsed.books[0].1);
    assert!(!seed.ends_with('\n'), "the seed has no final newline");
    assert_eq!(rendered, format!("{seed}\n"));
}

#[test]
fn seed_reads_as_the_page_shows_it() {
    let parsed = catalog::parse(&seed());
    let book = &parsed.books[0].1;
    assert_eq!(book.title, "Crisis in North Korea");
    assert_eq!(
        book.subtitle.as_deref(),
        Some("The Failure of De-Stalinization, 1956")
    );
    assert_eq!(book.copyright_year, Some(2005));
    let authors: Vec<String> = book
        .contributors_in(Role::Author)
        .map(|c| c.name.sort_form())
        .collect();
    assert_eq!(authors, ["Lankov, Andrei"]);
    let isbns: Vec<(String, Medium)> = book.isbns().map(|(i, m)| (i.to_string(), m)).collect();
    assert_eq!(
        isbns,
        [("978-0-8248-6203-9".to_owned(), Medium::Electronic)]
    );
    let subjects: Vec<&str> = book.subjects.iter().map(|s| s.as_str()).collect();
    assert_eq!(subjects, ["History", "Political Science"]);
    let items = book.toc_items();
    assert_eq!(items.len(), 21);
    let plenum = book.toc_item(12).unwrap().entry;
    assert_eq!(plenum.label.as_deref(), Some("6"));
    assert_eq!(plenum.title, "The August Plenum");
    assert_eq!(plenum.kind, TocKind::Chapter);
    let pages = plenum.pages.unwrap();
    assert_eq!(
        (pages.first(), pages.last()),
        (Page::Arabic(121), Page::Arabic(135))
    );
    let preface = book.toc_item(3).unwrap().entry;
    assert_eq!(preface.pages.unwrap().to_string(), "vii-xii");
    assert_eq!(preface.kind, TocKind::Preface);
    let congress = book.toc_item(9).unwrap().entry;
    assert_eq!(
        congress.excerpt.as_deref().unwrap().split("\n\n").count(),
        2
    );
    let kinds: Vec<TocKind> = items.iter().map(|i| i.entry.kind).collect();
    assert_eq!(
        kinds[..6],
        [
            TocKind::FrontMatter,
            TocKind::Contents,
            TocKind::Preface,
            TocKind::Acknowledgments,
            TocKind::Note,
            TocKind::Introduction
        ]
    );
    assert_eq!(
        kinds[16..],
        [
            TocKind::Conclusion,
            TocKind::Notes,
            TocKind::Bibliography,
            TocKind::Index,
            TocKind::BackMatter
        ]
    );
    assert!(book.toc_item(22).is_none() && book.toc_item(0).is_none());
}

#[test]
fn well_formed_files_round_trip_and_match_their_snapshots() {
    for path in txt_files(&data_dir().join("catalog/ok")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = catalog::parse(&text);
        assert!(
            parsed.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            parsed.diagnostics
        );
        let books: Vec<_> = parsed.books.into_iter().map(|(_, b)| b).collect();
        assert_eq!(
            catalog::render_many(&books).trim_end_matches('\n'),
            text.trim_end_matches('\n'),
            "{} does not round-trip",
            path.display()
        );
        let snapshot = json::render_many(&books);
        expect_file(&path.with_extension("json"), &snapshot);
        let back = json::parse(&snapshot);
        assert!(back.diagnostics.is_empty());
        assert_eq!(
            back.books.into_iter().map(|(_, b)| b).collect::<Vec<_>>(),
            books
        );
    }
}

#[test]
fn every_optional_line_is_read() {
    let text =
        std::fs::read_to_string(data_dir().join("catalog/ok/every-optional-line.txt")).unwrap();
    let book = &catalog::parse(&text).books[0].1;
    assert_eq!(
        book.publisher.as_deref(),
        Some("University of Hawai'i Press")
    );
    assert_eq!(book.place.as_deref(), Some("Honolulu"));
    assert_eq!(book.language.as_ref().map(|l| l.as_str()), Some("en"));
    assert_eq!(book.doi().unwrap().as_str(), "10.1515/9780824862039");
    let print: Vec<String> = book
        .isbns()
        .filter(|(_, m)| *m == Medium::Print)
        .map(|(i, _)| i.to_string())
        .collect();
    assert_eq!(print, ["978-0-8248-2809-7"]);
    let part = book.toc_item(7).unwrap();
    assert_eq!(part.entry.kind, TocKind::Part);
    assert_eq!(part.entry.children.len(), 3);
    let nested = book.toc_item(8).unwrap();
    assert_eq!((nested.depth, nested.parent), (1, Some(7)));
    let plenum = book.toc_item(13).unwrap().entry;
    assert_eq!(plenum.authors[0].name.family, "Lankov");
    assert_eq!(
        plenum.doi.as_ref().unwrap().as_str(),
        "10.1515/9780824862039-012"
    );
}

#[test]
fn malformed_files_give_located_messages() {
    for path in txt_files(&data_dir().join("catalog/err")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = catalog::parse(&text);
        let name = path.file_name().unwrap().to_string_lossy();
        assert!(!parsed.diagnostics.is_empty(), "{name} gave no diagnostics");
        let mut report: String = parsed
            .diagnostics
            .iter()
            .map(|d| format!("{}\n", d.located(&name)))
            .collect();
        report.push_str(&format!(
            "({} of {} records read)\n",
            parsed.books.len(),
            parsed.records
        ));
        expect_file(&path.with_extension("err"), &report);
    }
}

#[test]
fn eisbn_check_digit_message_matches_the_issue() {
    let text = seed().replace("978-0-8248-6203-9", "978-0-8248-6203-8");
    let parsed = catalog::parse(&text);
    let messages: Vec<String> = parsed
        .diagnostics
        .iter()
        .map(|d| d.located("seed.txt"))
        .collect();
    assert_eq!(
        messages,
        ["seed.txt line 14: eISBN 978-0-8248-6203-8 has check digit 8, expected 9"]
    );
    assert!(parsed.books.is_empty());
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_accepted() {
    let text = format!("\u{feff}{}", seed().replace('\n', "\r\n"));
    let parsed = catalog::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(catalog::render(&parsed.books[0].1), format!("{}\n", seed()));
}
