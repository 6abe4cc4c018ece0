//! Property tests: rendering then parsing any valid book gives it back, and no input,
//! random or mutated, makes a parser panic.

use biblio::formats::{catalog, json};
use biblio::{
    Book, Contributor, Identifier, Medium, Page, PageRange, PersonName, Role, TocEntry, TocKind,
};
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[a-z]{1,8}",
        Just("Kim".to_owned()),
        Just("Pŏngyang’s".to_owned()),
        Just("“August".to_owned()),
        Just("김일성".to_owned()),
        Just("1956".to_owned()),
        Just("De-Stalinization,".to_owned()),
    ]
}

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..max).prop_map(|w| w.join(" "))
}

fn paragraph_text() -> impl Strategy<Value = String> {
    // Paragraphs start with a letter: a paragraph that began "8. " could be read as the
    // next item, and one that began "eISBN:" as a Book Info line.
    prop::collection::vec(words(12), 1..3).prop_map(|ps| {
        ps.into_iter()
            .map(|p| format!("Text {p}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn name_part() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{1,8}",
        Just("Il Sung".to_owned()),
        Just("van".to_owned())
    ]
}

fn person() -> impl Strategy<Value = PersonName> {
    prop_oneof![
        (name_part(), prop::option::of(name_part()), any::<bool>()).prop_map(
            |(family, given, family_first)| PersonName {
                family,
                family_first: family_first && given.is_some(),
                original_script: None,
                given,
                suffix: None,
            }
        ),
        (name_part(), name_part()).prop_map(|(g, f)| PersonName {
            family: f,
            given: Some(g),
            suffix: Some("Jr.".into()),
            family_first: false,
            original_script: None,
        }),
        prop_oneof![Just("남궁"), Just("김"), Just("毛")].prop_map(|f| PersonName {
            family: f.into(),
            given: Some("일성".into()),
            suffix: None,
            family_first: true,
            original_script: None,
        }),
    ]
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

fn page() -> impl Strategy<Value = Page> {
    prop_oneof![
        (1u32..40).prop_map(Page::Roman),
        (1u32..900).prop_map(Page::Arabic)
    ]
}

fn pages() -> impl Strategy<Value = PageRange> {
    (page(), page()).prop_map(|(a, b)| PageRange::new(a.min(b), a.max(b)).unwrap())
}

fn leaf() -> impl Strategy<Value = TocEntry> {
    (
        prop::option::of(prop_oneof![
            "[1-9][0-9]{0,2}",
            Just("A".to_owned()),
            Just("Part I".to_owned())
        ]),
        words(6),
        prop::option::of(pages()),
        prop::option::of(paragraph_text()),
        prop::collection::vec(
            (person(), role()).prop_map(|(n, r)| Contributor::new(n, r)),
            0..3,
        ),
        prop::option::of("10\\.[0-9]{4}/[a-z0-9.-]{1,12}".prop_map(|d| d.parse().unwrap())),
        prop::option::of(prop::sample::select(TocKind::ALL.to_vec())),
    )
        .prop_map(|(label, title, pages, excerpt, authors, doi, kind)| {
            let kind = kind.unwrap_or_else(|| TocKind::infer(&title, label.as_deref(), false));
            TocEntry {
                kind,
                label,
                title,
                pages,
                excerpt,
                authors,
                doi,
                children: Vec::new(),
            }
        })
}

fn entry() -> impl Strategy<Value = TocEntry> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        (leaf(), prop::collection::vec(inner, 0..4)).prop_map(|(mut e, children)| {
            e.children = children;
            e
        })
    })
}

pub fn book() -> impl Strategy<Value = Book> {
    (
        (
            words(5),
            prop::option::of(words(6)),
            prop::collection::vec((person(), role()), 0..4),
        ),
        (
            prop::option::of(words(4)),
            prop::option::of(words(2)),
            prop::option::of(1400i32..2100),
            prop::collection::vec(
                (
                    prop_oneof![
                        "978[0-9]{9}".prop_map(|d| with_check(&d)),
                        "979[0-9]{9}".prop_map(|d| with_check(&d)),
                    ],
                    any::<bool>(),
                ),
                0..3,
            ),
        ),
        (
            prop::collection::vec(
                prop_oneof![words(3), Just("Korea (North), History".to_owned())],
                0..4,
            ),
            prop::option::of(paragraph_text()),
            prop::option::of(prop_oneof![Just("en"), Just("ko"), Just("zh-Hant")]),
            prop::collection::vec(entry(), 0..6),
            prop::option::of("10\\.[0-9]{4}/[a-z0-9.-]{1,12}"),
        ),
    )
        .prop_map(
            |(
                (title, subtitle, people),
                (publisher, place, year, isbns),
                (subjects, description, language, toc, doi),
            )| {
                let mut book = Book::new(title);
                book.subtitle = subtitle;
                book.contributors = people
                    .into_iter()
                    .map(|(n, r)| Contributor::new(n, r))
                    .collect();
                book.publisher = publisher;
                book.place = place;
                book.copyright_year = year;
                book.identifiers = isbns
                    .into_iter()
                    .map(|(digits, e)| Identifier::Isbn {
                        value: digits.parse().unwrap(),
                        medium: if e { Medium::Electronic } else { Medium::Print },
                    })
                    .collect();
                if let Some(doi) = doi {
                    book.identifiers.push(Identifier::Doi {
                        value: doi.parse().unwrap(),
                    });
                }
                book.subjects = subjects.iter().map(|s| s.parse().unwrap()).collect();
                book.description = description;
                book.language = language.map(|l| l.parse().unwrap());
                book.toc = toc;
                fix_kinds(&mut book.toc);
                book
            },
        )
}

/// An entry with children is a part unless its kind says otherwise; keep generated kinds
/// consistent with what was generated before the children were attached.
fn fix_kinds(entries: &mut [TocEntry]) {
    for e in entries {
        fix_kinds(&mut e.children);
    }
}

fn with_check(twelve: &str) -> String {
    let sum: u32 = twelve
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    format!("{twelve}{}", (10 - sum % 10) % 10)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn render_then_parse_is_identity(book in book()) {
        let text = catalog::render(&book);
        let parsed = catalog::parse(&text);
        prop_assert!(parsed.diagnostics.is_empty(), "{:?}\n{text}", parsed.diagnostics);
        prop_assert_eq!(parsed.books.len(), 1);
        prop_assert_eq!(&parsed.books[0].1, &book, "{}", text);
        let again = json::parse(&json::render(&book));
        prop_assert_eq!(&again.books[0].1, &book);
    }

    #[test]
    fn several_books_in_one_file(books in prop::collection::vec(book(), 1..4)) {
        let parsed = catalog::parse(&catalog::render_many(&books));
        prop_assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let back: Vec<Book> = parsed.books.into_iter().map(|(_, b)| b).collect();
        prop_assert_eq!(back, books);
    }

    #[test]
    fn random_text_never_panics(text in "(?s).{0,400}") {
        let _ = catalog::parse(&text);
        let _ = json::parse(&text);
    }

    #[test]
    fn mutated_catalog_text_never_panics(
        book in book(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..6, ".{0,3}"), 1..8),
    ) {
        let mut text = catalog::render(&book);
        for (at, op, insert) in edits {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let i = boundaries[at.index(boundaries.len())];
            match op {
                0 => text.insert_str(i, &insert),
                1 => { let end = boundaries.iter().copied().find(|b| *b > i).unwrap_or(text.len()); text.replace_range(i..end, ""); }
                2 => text.insert(i, '\n'),
                3 => text.insert_str(i, "  "),
                4 => text.insert_str(i, "\n---\n"),
                _ => text.truncate(i),
            }
        }
        let parsed = catalog::parse(&text);
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.line <= text.split('\n').count() + 1, "{d}");
        }
    }
}
