//! Our RIS and BibTeX read back by rispy 0.10.0 and bibtexparser 2 (`tools/refcheck/`):
//! every field comes back with the value the book model gives.

use std::process::Command;

use biblio::formats::{bibtex, ris};
use biblio::{Book, PersonName, Role, TocEntry};
use serde_json::{Map, Value, json};

use crate::cite::case_books;
use crate::{data_dir, peers};

fn inverted(n: &PersonName) -> String {
    [
        Some(n.family.as_str()),
        n.given.as_deref(),
        n.suffix.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

fn bib_name(n: &PersonName) -> String {
    [
        Some(n.family.as_str()),
        n.suffix.as_deref(),
        n.given.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

fn people(book: &Book, entry: Option<&TocEntry>, role: Role) -> Vec<PersonName> {
    if let (Role::Author, Some(e)) = (role, entry) {
        if !e.authors.is_empty() {
            return e.authors.iter().map(|c| c.name.clone()).collect();
        }
    }
    book.contributors_in(role).map(|c| c.name.clone()).collect()
}

/// What rispy and bibtexparser should read for a book and each of its items.
fn expected(book: &Book, key: &str) -> Value {
    let mut ris_records = Vec::new();
    let mut bib_entries = Vec::new();
    let items = book.toc_items();
    let all = std::iter::once(None).chain(items.iter().map(|i| Some((i.position, i.entry))));
    let isbns: Vec<String> = {
        let mut v: Vec<_> = book.isbns().collect();
        v.sort_by_key(|(_, m)| *m != biblio::Medium::Print);
        v.into_iter().map(|(i, _)| i.to_string()).collect()
    };
    for item in all {
        let entry = item.map(|(_, e)| e);
        let mut r = Map::new();
        let mut b = Map::new();
        r.insert(
            "type_of_reference".into(),
            (if entry.is_some() { "CHAP" } else { "BOOK" }).into(),
        );
        let id = match item {
            Some((p, _)) => format!("{key}-{p}"),
            None => key.to_owned(),
        };
        r.insert("id".into(), id.clone().into());
        for (role, ris_key, bib_key) in [
            (Role::Author, "authors", "author"),
            (Role::Editor, "secondary_authors", "editor"),
            (Role::Translator, "subsidiary_authors", "translator"),
        ] {
            let names = people(book, entry, role);
            if !names.is_empty() {
                r.insert(ris_key.into(), names.iter().map(inverted).collect());
                let joined: Vec<String> = names.iter().map(bib_name).collect();
                b.insert(bib_key.into(), joined.join(" and ").into());
            }
        }
        let title = entry
            .map(|e| e.title.clone())
            .unwrap_or_else(|| book.full_title());
        r.insert("title".into(), title.clone().into());
        b.insert("title".into(), title.into());
        if entry.is_some() {
            r.insert("secondary_title".into(), book.full_title().into());
            b.insert("booktitle".into(), book.full_title().into());
        }
        if let Some(pages) = entry.and_then(|e| e.pages) {
            r.insert("start_page".into(), pages.first().to_string().into());
            r.insert("end_page".into(), pages.last().to_string().into());
            // LaTeX reads `--` as an en dash.
            b.insert(
                "pages".into(),
                format!("{}\u{2013}{}", pages.first(), pages.last()).into(),
            );
        }
        if let Some(year) = book.copyright_year {
            r.insert("year".into(), year.to_string().into());
            b.insert("year".into(), year.to_string().into());
        }
        if let Some(p) = &book.publisher {
            r.insert("publisher".into(), p.as_str().into());
            b.insert("publisher".into(), p.as_str().into());
        }
        if let Some(p) = &book.place {
            r.insert("place_published".into(), p.as_str().into());
            b.insert("address".into(), p.as_str().into());
            b.insert("location".into(), p.as_str().into());
        }
        if !isbns.is_empty() {
            r.insert("issn".into(), isbns.join(" ").into());
            b.insert("isbn".into(), isbns[0].clone().into());
        }
        let doi = match entry {
            Some(e) => e.doi.as_ref(),
            None => book.doi(),
        };
        if let Some(doi) = doi {
            r.insert("doi".into(), doi.as_str().into());
            r.insert("urls".into(), json!([doi.url()]));
            b.insert("doi".into(), doi.as_str().into());
        }
        if let Some(l) = &book.language {
            r.insert("language".into(), l.as_str().into());
            b.insert("langid".into(), l.as_str().into());
        }
        if !book.subjects.is_empty() {
            let s: Vec<&str> = book.subjects.iter().map(|s| s.as_str()).collect();
            r.insert("keywords".into(), json!(s));
            b.insert("keywords".into(), s.join(", ").into());
        }
        let text = match entry {
            Some(e) => e.excerpt.as_deref(),
            None => book.description.as_deref(),
        };
        if let Some(text) = text {
            r.insert(
                "abstract".into(),
                text.split_whitespace().collect::<Vec<_>>().join(" ").into(),
            );
        }
        let kind = match entry {
            None => "book",
            Some(e)
                if book.contributors_in(Role::Editor).next().is_some() || !e.authors.is_empty() =>
            {
                "incollection"
            }
            Some(_) => "inbook",
        };
        ris_records.push(Value::Object(r));
        bib_entries.push(json!({ "type": kind, "key": id, "fields": b }));
    }
    json!({ "ris": ris_records, "bib": bib_entries })
}

#[test]
fn rispy_and_bibtexparser_read_back_every_field() {
    let script = data_dir().join("../../../../tools/refcheck/check.py");
    let probe = "import rispy, bibtexparser; assert bibtexparser.__version__ >= '2'";
    if !peers::works("python3", &["-c", probe], &data_dir()) {
        return peers::missing(
            "python3 with rispy==0.10.0 and bibtexparser 2 (tools/refcheck/requirements.txt)",
        );
    }
    let dir = tempfile_dir();
    for (name, book) in case_books() {
        let key = biblio::formats::bibtex::item(&book, None).unwrap();
        let key = key.split(['{', ',']).nth(1).unwrap().to_owned();
        std::fs::write(dir.join(format!("{name}.ris")), ris::toc(&book)).unwrap();
        std::fs::write(dir.join(format!("{name}.bib")), bibtex::toc(&book)).unwrap();
        let expected = serde_json::to_string_pretty(&expected(&book, &key)).unwrap();
        std::fs::write(dir.join(format!("{name}.expected.json")), expected).unwrap();
    }
    let out = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh folder under the target directory's temp space.
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shelfmark-refcheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
