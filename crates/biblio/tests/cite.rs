//! Citations: our engine against citeproc-js on the seed, the fuller seed and the books in
//! `data/cite/books/`, every table-of-contents item of each, in every bundled style.
//!
//! `data/cite/cases.json` is the input both engines format (written from the books by
//! `cite_cases_are_current`); `data/cite/citeproc-js/STYLE.json` is what citeproc-js
//! 2.4.63 made of it (`tools/citeproc/format.js`). Every difference is either fixed or
//! listed with its reason in `docs/citations.md`, and the list must match exactly.

use std::collections::BTreeMap;
use std::path::PathBuf;

use biblio::Book;
use biblio::cite::{BUNDLED, Rendered, Styles};
use biblio::formats::{catalog, csl_json};
use serde_json::{Value, json};

use crate::{data_dir, expect_file, txt_files};

/// A book file of the comparison, with the name its cases are known by.
pub fn case_books() -> Vec<(String, Book)> {
    let mut files: Vec<(String, PathBuf)> = vec![
        (
            "seed".into(),
            data_dir().join("../../../../demo/catalog/crisis-in-north-korea.txt"),
        ),
        (
            "every-optional-line".into(),
            data_dir().join("catalog/ok/every-optional-line.txt"),
        ),
    ];
    for path in txt_files(&data_dir().join("cite/books")) {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        files.push((stem, path));
    }
    files
        .into_iter()
        .map(|(name, path)| {
            let text = std::fs::read_to_string(&path).unwrap();
            let parsed = catalog::parse(&text);
            assert!(
                parsed.diagnostics.is_empty(),
                "{name}: {:?}",
                parsed.diagnostics
            );
            (name, parsed.books.into_iter().next().unwrap().1)
        })
        .collect()
}

/// One thing to cite: a book or item, with the page it is cited at.
pub struct Case {
    pub id: String,
    pub book: usize,
    pub item: Option<u32>,
    pub locator: Option<String>,
}

/// Every book and every item; items of three pages or more are cited at their second
/// page, and every third such item at a range of two pages.
pub fn cases(books: &[(String, Book)]) -> Vec<Case> {
    let mut out = Vec::new();
    for (index, (name, book)) in books.iter().enumerate() {
        out.push(Case {
            id: name.clone(),
            book: index,
            item: None,
            locator: None,
        });
        for item in book.toc_items() {
            let locator = item.entry.pages.and_then(|p| {
                let count = p.page_count()?;
                if count < 3 {
                    return None;
                }
                let first = p.first();
                let page = |n: u32| match first {
                    biblio::Page::Roman(_) => biblio::Page::Roman(n).to_string(),
                    biblio::Page::Arabic(_) => biblio::Page::Arabic(n).to_string(),
                };
                let second = first.number() + 1;
                Some(if item.position % 3 == 0 && count >= 4 {
                    format!("{}-{}", page(second), page(second + 1))
                } else {
                    page(second)
                })
            });
            out.push(Case {
                id: format!("{name}#{}", item.position),
                book: index,
                item: Some(item.position),
                locator,
            });
        }
    }
    out
}

fn cases_json(books: &[(String, Book)], cases: &[Case]) -> String {
    let list: Vec<Value> = cases
        .iter()
        .map(|c| {
            let text = csl_json::item(&books[c.book].1, c.item).unwrap();
            let mut csl: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
            csl.insert("id".into(), c.id.clone().into());
            csl.remove("abstract");
            json!({ "id": c.id, "locator": c.locator, "csl": csl })
        })
        .collect();
    let doc = json!({ "styles": BUNDLED, "cases": list });
    serde_json::to_string_pretty(&doc).unwrap() + "\n"
}

#[test]
fn cite_cases_are_current() {
    let books = case_books();
    let cases = cases(&books);
    assert!(cases.len() >= 80, "{} cases", cases.len());
    expect_file(
        &data_dir().join("cite/cases.json"),
        &cases_json(&books, &cases),
    );
}

fn rendered(v: &Value) -> Option<Rendered> {
    Some(Rendered {
        text: v.get("text")?.as_str()?.to_owned(),
        html: v.get("html")?.as_str()?.to_owned(),
    })
}

/// Every (style, case, form) where our output differs from citeproc-js, with both.
pub fn differences() -> BTreeMap<String, (String, String)> {
    let books = case_books();
    let cases = cases(&books);
    let styles = Styles::bundled();
    let mut out = BTreeMap::new();
    for style in styles.iter() {
        let path = data_dir().join(format!("cite/citeproc-js/{}.json", style.name()));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let theirs: Value = serde_json::from_str(&text).unwrap();
        for case in &cases {
            let book = &books[case.book].1;
            let ours = styles
                .format(book, case.item, style, case.locator.as_deref())
                .unwrap_or_else(|e| panic!("{}: {e}", case.id));
            let want = &theirs[&case.id];
            let pairs = [
                ("first", Some(ours.first), rendered(&want["first"])),
                (
                    "subsequent",
                    Some(ours.subsequent),
                    rendered(&want["subsequent"]),
                ),
                (
                    "bibliography",
                    ours.bibliography,
                    rendered(&want["bibliography"]),
                ),
            ];
            for (form, ours, theirs) in pairs {
                let ours = ours.unwrap_or_default();
                let theirs = theirs.unwrap_or_default();
                for (kind, a, b) in [
                    ("text", &ours.text, &theirs.text),
                    ("html", &ours.html, &theirs.html),
                ] {
                    if a != b {
                        out.insert(
                            format!("{} {} {form}.{kind}", style.name(), case.id),
                            (a.clone(), b.clone()),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Prints every difference with both outputs: `cargo test -p biblio --test integration
/// show_differences -- --ignored --nocapture`.
#[test]
#[ignore]
fn show_differences() {
    for (key, (ours, theirs)) in differences() {
        println!("{key}\n  ours:   {ours}\n  theirs: {theirs}");
    }
}

/// The reasons a difference may be listed with, as `docs/citations.md` explains them.
const REASONS: [&str; 4] = [
    "title-case",
    "hyphenated-initials",
    "harvard-in",
    "cjk-italics",
];

/// The listed differences: `style case form` to its reasons.
fn listed() -> BTreeMap<String, Vec<String>> {
    let doc = std::fs::read_to_string(data_dir().join("../../../../docs/citations.md")).unwrap();
    let start = doc
        .find("<!-- differences from citeproc-js: begin -->")
        .expect("docs/citations.md has the list of differences");
    let end = doc
        .find("<!-- differences from citeproc-js: end -->")
        .unwrap();
    doc[start..end]
        .lines()
        .filter(|l| !l.starts_with("<!--") && !l.starts_with("```"))
        .filter_map(|l| l.split_once(": "))
        .map(|(key, reasons)| {
            let reasons: Vec<String> = reasons.split(", ").map(str::to_owned).collect();
            for r in &reasons {
                assert!(
                    REASONS.contains(&r.as_str()),
                    "{key}: unknown reason \"{r}\""
                );
            }
            (key.to_owned(), reasons)
        })
        .collect()
}

#[test]
fn every_difference_from_citeproc_js_is_listed_with_its_reason() {
    let found: std::collections::BTreeSet<String> = differences()
        .keys()
        .map(|k| k.rsplit_once('.').unwrap().0.to_owned())
        .collect();
    let listed = listed();
    let new: Vec<&String> = found.iter().filter(|k| !listed.contains_key(*k)).collect();
    let gone: Vec<&String> = listed.keys().filter(|k| !found.contains(*k)).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "differences from citeproc-js changed; update the list in docs/citations.md\n\
         new (fix them or list them with a reason): {new:#?}\n\
         no longer different (remove them from the list): {gone:#?}"
    );
}

#[test]
fn citeproc_js_reproduces_the_committed_fixtures() {
    let tool = data_dir().join("../../../../tools/citeproc");
    if !tool.join("node_modules/citeproc/package.json").is_file()
        || !crate::peers::works("node", &["--version"], &tool)
    {
        return crate::peers::missing("citeproc-js (npm ci in tools/citeproc)");
    }
    let out_dir = std::env::temp_dir().join(format!("shelfmark-citeproc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out_dir);
    let run = std::process::Command::new("node")
        .arg("format.js")
        .arg(data_dir().join("cite/cases.json"))
        .arg(data_dir().join("../../src/cite/styles"))
        .arg(&out_dir)
        .current_dir(&tool)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for name in BUNDLED {
        let fresh = std::fs::read_to_string(out_dir.join(format!("{name}.json"))).unwrap();
        let committed = data_dir().join(format!("cite/citeproc-js/{name}.json"));
        expect_file(&committed, &fresh);
    }
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn a_citation_alone_is_the_subsequent_form_of_the_full_citation() {
    let books = case_books();
    let styles = Styles::bundled();
    for style in styles.iter() {
        for case in cases(&books).iter().filter(|c| c.id.starts_with("seed")) {
            let book = &books[case.book].1;
            let full = styles
                .format(book, case.item, style, case.locator.as_deref())
                .unwrap();
            let alone = styles
                .citation(book, case.item, style, case.locator.as_deref())
                .unwrap();
            assert_eq!(alone, full.subsequent, "{} {}", style.name(), case.id);
        }
    }
}

#[test]
fn a_bibliography_of_several_books_is_sorted() {
    let books = case_books();
    let styles = Styles::bundled();
    let refs: Vec<(&Book, Option<u32>)> = books.iter().map(|(_, b)| (b, None)).collect();
    let apa = styles.require("apa").unwrap();
    let entries = styles.bibliography(&refs, apa).unwrap();
    let firsts: Vec<&str> = entries
        .iter()
        .map(|e| e.text.split(' ').next().unwrap())
        .collect();
    assert_eq!(
        firsts,
        [
            "Fleming,",
            "Kim",
            "Kim",
            "Lankov,",
            "Lankov,",
            "van",
            "박지민."
        ],
        "{entries:#?}"
    );
    // The seed and the fuller seed are told apart by year suffixes.
    assert!(entries[3].text.starts_with("Lankov, A. (2005a)."));
    assert!(entries[4].text.starts_with("Lankov, A. (2005b)."));
}

#[test]
fn a_bibliography_keeps_given_names_when_citations_are_ambiguous() {
    // Two Armstrongs of 1986 cite alike as "(Armstrong 1986)"; hayagriva's name
    // disambiguation used to leak into the bibliography and drop their given names.
    // Year suffixes now tell them apart (in the order cited; citeproc-js would tell the
    // citations apart by given name and print no suffix), as docs/citations.md says.
    let book = |given: &str, title: &str| {
        let mut b = Book::new(title);
        let name: biblio::PersonName = format!("{given} Armstrong").parse().unwrap();
        b.contributors
            .push(biblio::Contributor::new(name, biblio::Role::Author));
        b.copyright_year = Some(1986);
        b
    };
    let (a, b) = (book("Anna", "Diplomacy"), book("Andrei", "Language"));
    let styles = Styles::bundled();
    let style = styles.require("chicago-author-date").unwrap();
    let entries = styles
        .bibliography(&[(&a, None), (&b, None)], style)
        .unwrap();
    let texts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Armstrong, Andrei. 1986b. Language.",
            "Armstrong, Anna. 1986a. Diplomacy."
        ]
    );
}
