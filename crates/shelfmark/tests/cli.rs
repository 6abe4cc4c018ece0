//! The `shelfmark` binary, run as a user runs it.

use std::{path::Path, process::Command};

use crate::{repo, seed, seed_path};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn shelfmark(data: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_shelfmark"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("SHELFMARK_DATA")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn err_file(name: &str) -> String {
    repo()
        .join("crates/biblio/tests/data/catalog/err")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn seed_round_trips_through_import_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let seed_file = seed_path().to_string_lossy().into_owned();
    let run = shelfmark(dir.path(), &["import", &seed_file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("added crisis-in-north-korea"),
        "{}",
        run.stderr
    );
    let run = shelfmark(
        dir.path(),
        &["export", "--format", "catalog", "crisis-in-north-korea"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{}\n", seed()));
    let by_isbn = shelfmark(dir.path(), &["export", "978-0-8248-6203-9"]);
    assert_eq!(by_isbn.stdout, run.stdout);
}

#[test]
fn importing_twice_leaves_one_book() {
    let dir = tempfile::tempdir().unwrap();
    let seed_file = seed_path().to_string_lossy().into_owned();
    shelfmark(dir.path(), &["import", &seed_file]);
    let run = shelfmark(dir.path(), &["import", &seed_file]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("unchanged crisis-in-north-korea"),
        "{}",
        run.stderr
    );
    let list = shelfmark(dir.path(), &["list"]);
    assert_eq!(list.stdout.lines().count(), 1, "{}", list.stdout);
    assert!(list.stdout.starts_with("crisis-in-north-korea"));
}

#[test]
fn a_bad_file_imports_nothing_and_lists_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = err_file("several-value-errors.txt");
    let run = shelfmark(dir.path(), &["import", &bad]);
    assert_eq!(run.code, 1);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(" line "))
        .collect();
    assert_eq!(
        errors,
        [
            format!("{bad} line 6: copyright date \"20O5\" is not a year"),
            format!("{bad} line 14: eISBN 978-0-8248-6203-8 has check digit 8, expected 9"),
            format!("{bad} line 40: page range 59-26 runs backwards"),
        ]
    );
    assert_eq!(shelfmark(dir.path(), &["list"]).stdout, "");
}

#[test]
fn keep_going_imports_the_good_records() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = err_file("second-record-bad.txt");
    let strict = shelfmark(dir.path(), &["import", &mixed]);
    assert_eq!(strict.code, 1);
    assert!(
        strict
            .stderr
            .contains(&format!("{mixed} line 84: page range 59-26 runs backwards"))
    );
    assert_eq!(shelfmark(dir.path(), &["list"]).stdout, "");
    let lenient = shelfmark(dir.path(), &["import", "--keep-going", &mixed]);
    assert_eq!(lenient.code, 1, "errors still make the exit code non-zero");
    assert!(
        lenient
            .stderr
            .contains("1 added, 0 updated, 0 unchanged, 1 rejected"),
        "{}",
        lenient.stderr
    );
    assert_eq!(shelfmark(dir.path(), &["list"]).stdout.lines().count(), 1);
}

#[test]
fn json_export_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let seed_file = seed_path().to_string_lossy().into_owned();
    shelfmark(dir.path(), &["import", &seed_file]);
    let json = shelfmark(
        dir.path(),
        &["export", "--format", "json", "crisis-in-north-korea"],
    );
    let json_file = dir.path().join("book.json");
    std::fs::write(&json_file, &json.stdout).unwrap();
    let other = tempfile::tempdir().unwrap();
    let run = shelfmark(other.path(), &["import", json_file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let back = shelfmark(other.path(), &["export", "crisis-in-north-korea"]);
    assert_eq!(back.stdout, format!("{}\n", seed()));
}

#[test]
fn bad_bytes_and_missing_files_are_reported_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    let mut bytes = seed().into_bytes();
    bytes.splice(0..0, b"Caf\xe9\n".iter().copied());
    std::fs::write(&latin1, bytes).unwrap();
    let run = shelfmark(
        dir.path(),
        &["import", latin1.to_str().unwrap(), "/no/such/file.txt"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "{} line 1 column 4: text is not valid UTF-8",
            latin1.display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("/no/such/file.txt: cannot read:"),
        "{}",
        run.stderr
    );
}

#[test]
fn show_delete_and_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let seed_file = seed_path().to_string_lossy().into_owned();
    shelfmark(dir.path(), &["import", &seed_file]);
    let show = shelfmark(dir.path(), &["show", "9780824862039"]);
    assert!(
        show.stdout
            .contains("12. 6 The August Plenum  (pp. 121-135)"),
        "{}",
        show.stdout
    );
    let missing = shelfmark(dir.path(), &["show", "nope"]);
    assert_eq!(missing.code, 1);
    assert_eq!(missing.stderr, "error: no book with id or ISBN \"nope\"\n");
    assert_eq!(
        shelfmark(dir.path(), &["delete", "crisis-in-north-korea"]).code,
        0
    );
    assert_eq!(
        shelfmark(dir.path(), &["delete", "crisis-in-north-korea"]).code,
        1
    );
}

fn sample(path: &str) -> String {
    repo()
        .join("crates/biblio/tests/data")
        .join(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn marc_onix_and_marcxml_import_with_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let marc = sample("marc/ok/marc.dat");
    let run = shelfmark(dir.path(), &["import", &marc]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 files: 20 added, 0 updated, 0 unchanged, 0 rejected"),
        "{}",
        run.stderr
    );
    // The same records again: matched by ISBN, nothing changes.
    let again = shelfmark(dir.path(), &["import", &marc]);
    assert!(
        again
            .stderr
            .contains("1 files: 0 added, 0 updated, 20 unchanged, 0 rejected"),
        "{}",
        again.stderr
    );
    // A file with bad records: strict imports nothing, --keep-going the good ones.
    let mixed = sample("marc/err/bad_oversize_field_bad_directory.mrc");
    let strict = shelfmark(dir.path(), &["import", &mixed]);
    assert_eq!(strict.code, 1);
    assert!(
        strict.stderr.contains(&format!(
            "{mixed} record 2 (byte 1571): directory of 217 bytes is not a whole number of 12-byte entries"
        )),
        "{}",
        strict.stderr
    );
    let lenient = shelfmark(dir.path(), &["import", "--keep-going", &mixed]);
    assert!(
        lenient
            .stderr
            .contains("1 files: 4 added, 0 updated, 0 unchanged, 1 rejected"),
        "{}",
        lenient.stderr
    );
    let onix = shelfmark(
        dir.path(),
        &["import", &sample("onix/ok/valid_google_onix_3.xml")],
    );
    assert!(
        onix.stderr.contains("added this-is-my-distinctive-title"),
        "{}",
        onix.stderr
    );
    let old = shelfmark(
        dir.path(),
        &["import", &sample("onix/err/valid_onix2_ref.xml")],
    );
    assert!(
        old.stderr.contains("line 2: this is ONIX 2.1"),
        "{}",
        old.stderr
    );
}

#[test]
fn a_marcxml_export_updates_the_book_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let full = repo()
        .join("crates/biblio/tests/data/catalog/ok/every-optional-line.txt")
        .to_string_lossy()
        .into_owned();
    shelfmark(dir.path(), &["import", &full]);
    for format in ["marcxml", "marc", "onix", "dc"] {
        let out = dir.path().join(format!("book.{format}"));
        let run = shelfmark(
            dir.path(),
            &[
                "export",
                "--format",
                format,
                "--all",
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
    }
    // MARC holds no excerpts: the record matched by ISBN replaces the richer book.
    let xml = dir.path().join("book.marcxml");
    let run = shelfmark(dir.path(), &["import", xml.to_str().unwrap()]);
    assert!(
        run.stderr.contains("updated crisis-in-north-korea"),
        "{}",
        run.stderr
    );
    let run = shelfmark(
        dir.path(),
        &["import", dir.path().join("book.marc").to_str().unwrap()],
    );
    assert!(
        run.stderr.contains("unchanged crisis-in-north-korea"),
        "{}",
        run.stderr
    );
    assert_eq!(shelfmark(dir.path(), &["list"]).stdout.lines().count(), 1);
    let dc = std::fs::read_to_string(dir.path().join("book.dc")).unwrap();
    assert!(
        dc.contains("<dc:identifier>urn:isbn:9780824862039</dc:identifier>"),
        "{dc}"
    );
    let onix = std::fs::read_to_string(dir.path().join("book.onix")).unwrap();
    assert!(
        onix.contains("<LevelSequenceNumber>7.1</LevelSequenceNumber>"),
        "{onix}"
    );
}

#[test]
fn a_marc_file_streams_with_the_same_messages_as_when_read_whole() {
    use shelfmark::ingest::MarcStream;
    let good = std::fs::read(sample("marc/ok/marc.dat")).unwrap();
    let bad = std::fs::read(sample("marc/err/bad_records.mrc")).unwrap();
    let mut bytes = Vec::new();
    for _ in 0..60 {
        bytes.extend_from_slice(&good);
    }
    bytes.extend_from_slice(&bad);
    bytes.extend_from_slice(&good);
    let whole = biblio::formats::marc::parse(&bytes);
    let mut stream = MarcStream::new(std::io::BufReader::with_capacity(4096, &bytes[..]));
    let (mut books, mut messages, mut records) = (Vec::new(), Vec::new(), 0);
    while let Some(batch) = stream.next_batch(1000).unwrap() {
        records += batch.records;
        books.extend(batch.books);
        messages.extend(batch.diagnostics.iter().map(|d| d.to_string()));
    }
    let expected: Vec<String> = whole.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(messages, expected);
    assert_eq!(records, whole.records);
    assert_eq!(books, whole.books);
    // A run without a record terminator is skipped, not held in memory.
    let mut runaway = good.clone();
    runaway.extend(std::iter::repeat_n(b'7', 250_000));
    runaway.push(0x1D);
    runaway.extend_from_slice(&good);
    let mut stream = MarcStream::new(&runaway[..]);
    let batch = stream.next_batch(100).unwrap().unwrap();
    assert_eq!((batch.records, batch.books.len()), (41, 40));
    assert_eq!(
        batch.diagnostics[0].to_string(),
        format!(
            "record 21 (byte {}): no record terminator within 99999 bytes",
            good.len()
        )
    );
}
