//! What crawlers read: extruct (the extractor many crawlers build on) finds the JSON-LD
//! Book and Chapter of the seed with the right fields (tools/crawler/extract.py).

use std::process::Command;

use serde_json::Value;

use crate::peers::{Server, available, tools};

#[test]
fn extruct_finds_the_book_and_the_chapter() {
    if !available(
        "python3 with extruct (pip install -r tools/crawler/requirements.txt)",
        Command::new("python3").args(["-c", "import extruct"]),
    ) {
        return;
    }
    let server = Server::start();
    let book_url = format!("{}/books/crisis-in-north-korea", server.base);
    let chapter_url = format!("{book_url}/12");
    let run = Command::new("python3")
        .arg(tools().join("crawler/extract.py"))
        .args([&book_url, &chapter_url])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let found: Value = serde_json::from_slice(&run.stdout).unwrap();

    let book = &found[&book_url]["json-ld"][0];
    assert_eq!(book["@type"], "Book");
    assert_eq!(
        book["name"],
        "Crisis in North Korea: The Failure of De-Stalinization, 1956"
    );
    assert_eq!(book["isbn"], "978-0-8248-6203-9");
    assert_eq!(book["author"][0]["name"], "Andrei Lankov");
    assert_eq!(book["datePublished"], "2005");
    let parts = book["hasPart"].as_array().unwrap();
    assert_eq!(parts.len(), 21);
    assert_eq!(parts[2]["pageStart"], "vii");
    assert_eq!(parts[20]["name"], "Back Matter");

    let chapter = &found[&chapter_url]["json-ld"][0];
    assert_eq!(chapter["@type"], "Chapter");
    assert_eq!(chapter["name"], "6 The August Plenum");
    assert_eq!(
        (chapter["pageStart"].as_str(), chapter["pageEnd"].as_str()),
        (Some("121"), Some("135"))
    );
    assert_eq!(chapter["pagination"], "121-135");
    assert_eq!(chapter["isPartOf"]["@type"], "Book");
    assert_eq!(chapter["isPartOf"]["@id"], Value::String(book_url.clone()));
    assert_eq!(chapter["author"][0]["familyName"], "Lankov");
}
