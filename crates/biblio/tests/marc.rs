//! MARC 21 and ONIX: every sample file from pymarc, marc4j and onixcheck reads as its
//! snapshot says (books for the well-formed, located messages for the malformed), the
//! MARC-8 decoder agrees with pymarc's own conformance lines, and books survive a trip
//! through each format we write.

use std::path::{Path, PathBuf};

use biblio::formats::marc::{self, iso2709};
use biblio::formats::{self, Parsed, json, onix};
use biblio::{Book, Medium, Role, TocKind};

use crate::{data_dir, expect_file};

/// The sample files of a folder (everything but licences and our snapshots), sorted.
fn samples(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with("LICENSE")
                && !name.ends_with(".snap.json")
                && !name.ends_with(".err")
                && name != "SOURCES.md"
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no samples in {}", dir.display());
    files
}

fn snapshot_path(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.file_name().unwrap().to_os_string();
    name.push(ext);
    path.with_file_name(name)
}

fn books(parsed: &Parsed) -> Vec<Book> {
    parsed.books.iter().map(|(_, b)| b.clone()).collect()
}

fn check_folder(area: &str) {
    for path in samples(&data_dir().join(area).join("ok")) {
        let parsed = formats::read(&std::fs::read(&path).unwrap());
        assert!(
            parsed.diagnostics.is_empty(),
            "{}: {:?}",
            path.display(),
            parsed.diagnostics
        );
        assert!(!parsed.books.is_empty(), "{} gave no book", path.display());
        expect_file(
            &snapshot_path(&path, ".snap.json"),
            &json::render_many(&books(&parsed)),
        );
    }
    for path in samples(&data_dir().join(area).join("err")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let parsed = formats::read(&std::fs::read(&path).unwrap());
        assert!(!parsed.diagnostics.is_empty(), "{name} gave no diagnostics");
        let mut report = String::new();
        for d in &parsed.diagnostics {
            // Located: a line, or for binary MARC a record number with its byte offset.
            assert!(
                d.line > 0 || (d.message.starts_with("record ") && d.message.contains("(byte ")),
                "{name}: unlocated {d}"
            );
            assert!(
                !d.message.ends_with('.') && !d.message.starts_with(char::is_uppercase),
                "{name}: {d}"
            );
            report.push_str(&d.located(&name));
            report.push('\n');
        }
        report.push_str(&format!(
            "({} of {} records read)\n",
            parsed.books.len(),
            parsed.records
        ));
        expect_file(&snapshot_path(&path, ".err"), &report);
        if !parsed.books.is_empty() {
            expect_file(
                &snapshot_path(&path, ".snap.json"),
                &json::render_many(&books(&parsed)),
            );
        }
    }
}

#[test]
fn marc_samples_match_their_snapshots() {
    check_folder("marc");
}

#[test]
fn onix_samples_match_their_snapshots() {
    check_folder("onix");
}

#[test]
fn marc8_decoding_agrees_with_pymarcs_conformance_lines() {
    let dir = data_dir().join("marc/err");
    let marc8 = std::fs::read(dir.join("test_marc8.txt")).unwrap();
    let utf8 = std::fs::read_to_string(dir.join("test_utf8.txt")).unwrap();
    let mut checked = 0;
    for (i, (m, u)) in marc8
        .split(|b| *b == b'\n')
        .zip(utf8.split('\n'))
        .enumerate()
    {
        let decoded = marc::marc8::decode(m).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        assert_eq!(decoded, u, "line {}", i + 1);
        checked += 1;
    }
    assert_eq!(checked, 1516);
}

#[test]
fn bad_records_are_reported_and_the_rest_still_read() {
    // pymarc's bad_records.mrc makes the `marc` crate panic; marc4j's 008008027.mrc
    // makes `marc-record` panic. Here each bad record is a located message.
    let bytes = std::fs::read(data_dir().join("marc/err/bad_records.mrc")).unwrap();
    let parsed = marc::parse(&bytes);
    assert_eq!(parsed.records, 9);
    assert_eq!(parsed.diagnostics.len(), 9);
    assert_eq!(
        parsed.diagnostics[2].to_string(),
        "record 3 (byte 254): base address 0 lies outside the record of 127 bytes"
    );
    // A truncated copy of a good file: the records before the cut still read.
    let good = std::fs::read(data_dir().join("marc/ok/marc.dat")).unwrap();
    let cut = &good[..good.len() - 100];
    let parsed = marc::parse(cut);
    assert_eq!(parsed.books.len(), 19);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert!(
        parsed.diagnostics[0]
            .message
            .starts_with("record 20 (byte "),
        "{}",
        parsed.diagnostics[0]
    );
}

#[test]
fn records_map_to_the_book_a_landing_page_needs() {
    let bytes = std::fs::read(data_dir().join("marc/ok/test.dat")).unwrap();
    let parsed = marc::parse(&bytes);
    let book = &parsed.books[0].1;
    assert_eq!(book.title, "ActivePerl with ASP and ADO");
    assert_eq!(book.contributors[0].name.family, "Martinsson");
    assert_eq!(book.contributors[0].name.given.as_deref(), Some("Tobias"));
    assert_eq!(book.publisher.as_deref(), Some("John Wiley & Sons"));
    assert_eq!(book.place.as_deref(), Some("New York"));
    assert_eq!(book.copyright_year, Some(2000));
    assert_eq!(book.language.as_ref().unwrap().as_str(), "en");
    // The same eight records in MARC-8 and in UTF-8 read as the same books.
    let read = |name: &str| {
        books(&marc::parse(
            &std::fs::read(data_dir().join("marc/ok").join(name)).unwrap(),
        ))
    };
    let marc8 = read("brkrtest.mrc");
    assert_eq!(marc8.len(), 8);
    assert_eq!(marc8, read("brkrtest_UTF8.mrc"));
    // MARC-8 combining marks, written before their letter, come out composed after it.
    let selected = json::render_many(&read("selectedRecs.mrc"));
    assert!(selected.contains('\u{e9}') && !selected.contains("\u{301}e"));
}

/// A book with every field MARC, MARCXML and ONIX can carry.
fn full_book() -> Book {
    let text =
        std::fs::read_to_string(data_dir().join("catalog/ok/every-optional-line.txt")).unwrap();
    let mut book = biblio::formats::catalog::parse(&text).books.remove(0).1;
    book.edition = Some("2nd ed.".into());
    book.extent = Some("280 pages".into());
    book.series = Some("Hawaii Studies on Korea ; 3".into());
    book.original_script_title = Some("북한의 위기".into());
    book.contributors[0].name.original_script = Some("Андрей Ланьков".into());
    book
}

/// What survives MARC: the contents flattened, kinds as the titles suggest, no
/// excerpts or chapter DOIs, chapter authors as authors.
fn as_marc_holds(book: &Book) -> Book {
    let mut b = book.clone();
    b.toc = book
        .toc_items()
        .iter()
        .map(|i| {
            let mut e = i.entry.clone();
            e.children.clear();
            e.excerpt = None;
            e.doi = None;
            e.kind = TocKind::infer(&e.title, e.label.as_deref(), false);
            e.authors.retain(|a| a.role == Role::Author);
            for a in &mut e.authors {
                a.name.original_script = None;
                a.name.family_first = false;
            }
            e
        })
        .collect();
    b
}

#[test]
fn books_survive_marcxml_and_iso2709() {
    for book in [full_book(), crate::seed_book()] {
        let expected = as_marc_holds(&book);
        let xml = marc::render_xml(std::slice::from_ref(&book));
        let back = marc::parse_xml(&xml);
        assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        assert_eq!(back.books[0].1, expected, "{xml}");
        let bin = marc::render(std::slice::from_ref(&book)).unwrap();
        let back = marc::parse(&bin);
        assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        assert_eq!(back.books[0].1, expected);
        // The record read back is the record written.
        let record = marc::to_record(&book);
        let read: Vec<_> = iso2709::read_all(&bin);
        let mut again = read[0].clone().unwrap();
        again.leader = record.leader.clone();
        assert_eq!(again, record);
    }
}

#[test]
fn books_survive_onix() {
    for book in [full_book(), crate::seed_book()] {
        let mut expected = book.clone();
        expected.original_script_title = None;
        for c in &mut expected.contributors {
            c.name.original_script = None;
        }
        if expected.publisher.is_none() {
            expected.place = None;
            expected.copyright_year = None;
        }
        let onix = onix::render(std::slice::from_ref(&book), "20250101");
        let back = onix::parse(&onix);
        assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
        assert_eq!(back.books[0].1, expected, "{onix}");
    }
}

#[test]
fn isbn_media_and_roles_come_from_qualifiers_and_relators() {
    let xml = r#"<record xmlns="http://www.loc.gov/MARC21/slim">
  <leader>00000nam a2200000 i 4500</leader>
  <datafield tag="020" ind1=" " ind2=" "><subfield code="a">9780824862039 (ebook)</subfield></datafield>
  <datafield tag="020" ind1=" " ind2=" "><subfield code="a">0824828097</subfield><subfield code="q">hardcover</subfield></datafield>
  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">Essays /</subfield></datafield>
  <datafield tag="700" ind1="1" ind2=" "><subfield code="a">Smith, Jane,</subfield><subfield code="e">editor.</subfield></datafield>
  <datafield tag="700" ind1="1" ind2=" "><subfield code="a">Roe, Richard,</subfield><subfield code="4">trl</subfield></datafield>
  <datafield tag="700" ind1="1" ind2=" "><subfield code="a">Doe, John,</subfield><subfield code="e">illustrator.</subfield></datafield>
</record>"#;
    let parsed = marc::parse_xml(xml);
    let book = &parsed.books[0].1;
    let media: Vec<Medium> = book.isbns().map(|(_, m)| m).collect();
    assert_eq!(media, [Medium::Electronic, Medium::Print]);
    let roles: Vec<Role> = book.contributors.iter().map(|c| c.role).collect();
    assert_eq!(roles, [Role::Editor, Role::Translator]);
    assert_eq!(book.title, "Essays");
}

#[test]
fn xml_with_a_doctype_is_refused() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE collection [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<collection>&x;</collection>";
    let parsed = marc::parse_xml(xml);
    assert!(parsed.books.is_empty());
    assert_eq!(parsed.diagnostics[0].line, 2);
    let parsed = onix::parse(&xml.replace("collection", "ONIXMessage"));
    assert!(parsed.diagnostics[0].message.contains("DOCTYPE"));
}

mod properties {
    //! No input makes a MARC, MARCXML, MARC-in-JSON or ONIX reader panic, and any book
    //! survives ONIX whole (bar what ONIX cannot hold).

    use biblio::formats::{self, marc, onix};
    use proptest::prelude::*;

    use crate::data_dir;

    fn sample(name: &str) -> Vec<u8> {
        std::fs::read(data_dir().join(name)).unwrap()
    }

    fn mutate(mut bytes: Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
        for (at, op, value) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op % 5 {
                0 => bytes[i] = *value,
                1 => bytes.truncate(i),
                2 => bytes.insert(i, *value),
                3 => {
                    bytes.remove(i);
                }
                _ => bytes[i] = [0x1D, 0x1E, 0x1F, b'0', b'9', 0x1B][usize::from(*value) % 6],
            }
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 300,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
            let _ = formats::read(&bytes);
            let _ = marc::parse(&bytes);
            let _ = marc::marc8::decode(&bytes);
            let text = String::from_utf8_lossy(&bytes);
            let _ = marc::parse_xml(&text);
            let _ = onix::parse(&text);
            let _ = marc::parse_json_text(&text);
        }

        #[test]
        fn mutated_marc_never_panics(
            file in prop::sample::select(vec![
                "marc/ok/marc.dat", "marc/ok/selectedRecs.mrc", "marc/ok/oclc_63111280_export_as_UTF8_from_connexion.mrc",
                "marc/err/bad_records.mrc", "marc/ok/greekmissingcharsetchange.mrc",
            ]),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..12),
        ) {
            let bytes = mutate(sample(file), &edits);
            let parsed = marc::parse(&bytes);
            for d in &parsed.diagnostics {
                prop_assert!(d.message.starts_with("record ") || d.message.starts_with("the file"), "{d}");
            }
            if parsed.records > 0 {
                prop_assert_eq!(parsed.records, parsed.books.len() + parsed.diagnostics.len());
            }
        }

        #[test]
        fn mutated_xml_and_json_never_panic(
            file in prop::sample::select(vec![
                "marc/ok/chabon.xml", "marc/ok/OCLC_814388508.xml", "marc/ok/summerland-marc-in-json.json",
                "onix/ok/valid_google_onix_3.xml", "onix/ok/win_console_issue.xml",
            ]),
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..12),
        ) {
            let bytes = mutate(sample(file), &edits);
            let parsed = formats::read(&bytes);
            for d in &parsed.diagnostics {
                prop_assert!(d.line >= 1, "{d}");
            }
        }

        #[test]
        fn books_survive_onix(book in crate::properties::book()) {
            let text = onix::render(std::slice::from_ref(&book), "20250101");
            let parsed = onix::parse(&text);
            prop_assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
            let mut expected = book.clone();
            if expected.publisher.is_none() {
                expected.place = None;
                expected.copyright_year = None;
            }
            // A name whose family and given names are the same word reads as given first.
            fn same_names(people: &mut [biblio::Contributor]) {
                for c in people {
                    if c.name.given.as_deref() == Some(c.name.family.as_str()) {
                        c.name.family_first = false;
                    }
                }
            }
            fn in_entries(entries: &mut [biblio::TocEntry]) {
                for e in entries {
                    same_names(&mut e.authors);
                    in_entries(&mut e.children);
                }
            }
            same_names(&mut expected.contributors);
            in_entries(&mut expected.toc);
            // The product's own ISBN (the first electronic one) comes first, the other
            // editions' after it, each once, then the DOI.
            let mut isbns: Vec<(biblio::Isbn13, biblio::Medium)> = Vec::new();
            for (i, m) in book.isbns() {
                if !isbns.iter().any(|(j, _)| *j == i) {
                    isbns.push((i, m));
                }
            }
            if let Some(e) = isbns.iter().position(|(_, m)| *m == biblio::Medium::Electronic) {
                let main = isbns.remove(e);
                isbns.insert(0, main);
            }
            expected.identifiers = isbns
                .into_iter()
                .map(|(value, medium)| biblio::Identifier::Isbn { value, medium })
                .chain(book.doi().map(|d| biblio::Identifier::Doi { value: d.clone() }))
                .collect();
            // A subject repeated is read once.
            let mut seen = Vec::new();
            expected.subjects.retain(|s| if seen.contains(s) { false } else { seen.push(s.clone()); true });
            // ONIX language codes are ISO 639-2: a script or region subtag is lost.
            expected.language = expected
                .language
                .map(|l| l.as_str().split('-').next().unwrap_or("").parse().unwrap());
            prop_assert_eq!(&parsed.books[0].1, &expected, "{}", text);
        }

        #[test]
        fn marc_records_survive_iso2709_and_marcxml(book in crate::properties::book()) {
            let record = marc::to_record(&book);
            let bytes = marc::iso2709::write(&record).unwrap();
            let mut back = marc::iso2709::read_all(&bytes).remove(0).unwrap();
            back.leader = record.leader.clone();
            prop_assert_eq!(&back, &record);
            let xml = marc::marcxml::write(std::slice::from_ref(&record));
            let mut back = marc::marcxml::read(&xml).unwrap().remove(0).record.unwrap();
            back.leader = record.leader.clone();
            prop_assert_eq!(&back, &record);
        }
    }
}
