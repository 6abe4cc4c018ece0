//! Library standards checked by independent software: pymarc reads the MARC and
//! MARCXML that `shelfmark export` writes with the same fields we wrote, our MARCXML
//! and Dublin Core validate against their schemas (xmlschema), and our ONIX against
//! EDItEUR's 3.0 schema (onixcheck). The peers are Python packages that `.ci/run`
//! installs (`tools/marc/requirements.txt`).

use std::path::{Path, PathBuf};
use std::process::Command;

use biblio::formats::marc::{Field, iso2709};
use serde_json::{Value, json};

use crate::repo;

fn peers_script() -> PathBuf {
    repo().join("tools/marc/peers.py")
}

/// Whether the Python peers are installed (see `crate::peers::available`).
fn peers_available() -> bool {
    crate::peers::available(
        "pymarc, xmlschema and onixcheck",
        Command::new("python3").arg(peers_script()).arg("available"),
    )
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn peer(command: &str, file: &Path) -> String {
    run(
        "python3",
        &[
            peers_script().to_str().unwrap(),
            command,
            file.to_str().unwrap(),
        ],
    )
}

fn shelfmark(data: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_shelfmark"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("SHELFMARK_DATA")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "shelfmark {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A catalog of books with names in several scripts, chapters, an original-script title.
fn catalog(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let samples = repo().join("crates/biblio/tests/data");
    for file in [
        "catalog/ok/every-optional-line.txt",
        "marc/ok/selectedRecs.mrc",
        "marc/ok/oclc_63111280_export_as_UTF8_from_connexion.mrc",
        "marc/ok/cyrillic_capital_e.mrc",
        "marc/ok/diacritic.dat",
        "onix/ok/valid_google_onix_3.xml",
    ] {
        shelfmark(&data, &["import", samples.join(file).to_str().unwrap()]);
    }
    data
}

/// Our own reading of the records in an ISO 2709 file, in pymarc's JSON shape.
fn our_records(bytes: &[u8]) -> Value {
    let records: Vec<Value> = iso2709::read_all(bytes)
        .into_iter()
        .map(|r| {
            let r = r.unwrap();
            let fields: Vec<Value> = r
                .fields
                .iter()
                .map(|f| match f {
                    Field::Control { tag, value } => json!([tag, value]),
                    Field::Data {
                        tag,
                        indicators,
                        subfields,
                    } => {
                        let subs: Vec<Value> = subfields
                            .iter()
                            .map(|(c, v)| json!([c.to_string(), v]))
                            .collect();
                        json!([
                            tag,
                            indicators[0].to_string(),
                            indicators[1].to_string(),
                            subs
                        ])
                    }
                })
                .collect();
            json!({"leader": r.leader, "fields": fields})
        })
        .collect();
    Value::Array(records)
}

#[test]
fn pymarc_reads_our_marc_and_marcxml_with_the_same_fields() {
    if !peers_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = catalog(dir.path());
    let mrc = dir.path().join("all.mrc");
    let xml = dir.path().join("all.xml");
    shelfmark(
        &data,
        &[
            "export",
            "--all",
            "--format",
            "marc",
            "-o",
            mrc.to_str().unwrap(),
        ],
    );
    shelfmark(
        &data,
        &[
            "export",
            "--all",
            "--format",
            "marcxml",
            "-o",
            xml.to_str().unwrap(),
        ],
    );
    let ours = our_records(&std::fs::read(&mrc).unwrap());
    // 23 records, some of them editions of one book matched by ISBN.
    assert_eq!(ours.as_array().unwrap().len(), 17);
    let from_binary: Value = serde_json::from_str(&peer("marc", &mrc)).unwrap();
    let from_xml: Value = serde_json::from_str(&peer("marcxml", &xml)).unwrap();
    for (i, ((ours, binary), xml)) in ours
        .as_array()
        .unwrap()
        .iter()
        .zip(from_binary.as_array().unwrap())
        .zip(from_xml.as_array().unwrap())
        .enumerate()
    {
        assert_eq!(binary, ours, "record {} read from ISO 2709", i + 1);
        assert_eq!(xml, ours, "record {} read from MARCXML", i + 1);
    }
    assert_eq!(from_binary.as_array().unwrap().len(), 17);
    assert_eq!(from_xml.as_array().unwrap().len(), 17);
    // Names in Han and Cyrillic came through.
    let text = ours.to_string();
    assert!(
        text.contains('\u{4e2d}') || text.contains('\u{6587}'),
        "no Han characters"
    );
    assert!(
        text.chars()
            .any(|c| ('\u{400}'..='\u{4ff}').contains(&c) || c == '\u{116}')
    );
}

#[test]
fn our_marcxml_and_dublin_core_validate_against_their_schemas() {
    if !peers_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = catalog(dir.path());
    let xml = dir.path().join("all.xml");
    shelfmark(
        &data,
        &[
            "export",
            "--all",
            "--format",
            "marcxml",
            "-o",
            xml.to_str().unwrap(),
        ],
    );
    assert_eq!(peer("xsd-marcxml", &xml).trim(), "VALID");
    let dc = dir.path().join("dc.xml");
    shelfmark(
        &data,
        &[
            "export",
            "--format",
            "dc",
            "crisis-in-north-korea",
            "-o",
            dc.to_str().unwrap(),
        ],
    );
    assert_eq!(peer("xsd-dc", &dc).trim(), "VALID");
}

#[test]
fn our_onix_validates_against_the_editeur_schema() {
    if !peers_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = catalog(dir.path());
    let onix = dir.path().join("all.onix.xml");
    shelfmark(
        &data,
        &[
            "export",
            "--all",
            "--format",
            "onix",
            "-o",
            onix.to_str().unwrap(),
        ],
    );
    // onixcheck's verdict is in its text, whatever its exit status.
    let onixcheck = |file: &Path| {
        let out = Command::new("onixcheck").arg(file).output().unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let verdict = onixcheck(&onix);
    assert!(
        verdict.contains("VALID") && !verdict.contains("INVALID"),
        "{verdict}"
    );
    // And a deliberately broken copy is caught, so the check can fail.
    let text = std::fs::read_to_string(&onix).unwrap();
    let broken = dir.path().join("broken.xml");
    std::fs::write(
        &broken,
        text.replacen("<NotificationType>03</NotificationType>", "", 1),
    )
    .unwrap();
    let verdict = onixcheck(&broken);
    assert!(verdict.contains("INVALID"), "{verdict}");
}
