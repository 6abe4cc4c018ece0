//! The SQLite store: books come back exactly as stored, are matched by ISBN or DOI, and
//! a failed batch leaves nothing behind.

use biblio::{Identifier, Medium};
use shelfmark::store::{Change, SqliteStore, Store, StoreError};

use crate::{parse_one, repo, seed};

async fn store() -> SqliteStore {
    SqliteStore::in_memory().await.unwrap()
}

fn full() -> biblio::Book {
    let path = repo().join("crates/biblio/tests/data/catalog/ok/every-optional-line.txt");
    parse_one(&std::fs::read_to_string(path).unwrap())
}

#[tokio::test]
async fn books_come_back_exactly_as_stored() {
    let store = store().await;
    for book in [parse_one(&seed()), full()] {
        let outcome = store.import(std::slice::from_ref(&book)).await.unwrap();
        let stored = store.get(&outcome[0].id).await.unwrap().unwrap();
        assert_eq!(stored.book, book);
        store.delete(&outcome[0].id).await.unwrap();
    }
}

#[tokio::test]
async fn importing_twice_updates_one_book() {
    let store = store().await;
    let seed = parse_one(&seed());
    let first = store.import(std::slice::from_ref(&seed)).await.unwrap();
    assert_eq!(first[0].change, Change::Added);
    assert_eq!(first[0].id, "crisis-in-north-korea");
    let again = store.import(std::slice::from_ref(&seed)).await.unwrap();
    assert_eq!(again[0].change, Change::Unchanged);
    let updated = store.import(&[full()]).await.unwrap();
    assert_eq!(updated[0].change, Change::Updated);
    assert_eq!(updated[0].id, "crisis-in-north-korea");
    assert_eq!(store.count().await.unwrap(), 1);
    let stored = store.get("crisis-in-north-korea").await.unwrap().unwrap();
    assert_eq!(
        stored.book.publisher.as_deref(),
        Some("University of Hawai'i Press")
    );
}

#[tokio::test]
async fn books_are_found_by_any_isbn_form() {
    let store = store().await;
    store.import(&[full()]).await.unwrap();
    for key in [
        "978-0-8248-6203-9",
        "9780824862039",
        "0824862031",
        "978-0-8248-2809-7",
    ] {
        let found = store.get(key).await.unwrap();
        assert_eq!(
            found.map(|b| b.id).as_deref(),
            Some("crisis-in-north-korea"),
            "{key}"
        );
    }
    assert!(store.get("978-0-8248-2810-3").await.unwrap().is_none());
    assert!(store.get("no-such-book").await.unwrap().is_none());
}

#[tokio::test]
async fn a_book_matched_by_its_print_isbn_or_doi_is_updated() {
    let store = store().await;
    store.import(&[full()]).await.unwrap();
    // An update replaces the stored identifiers with the new record's, so match by the
    // DOI first (its record keeps the DOI), then by the print ISBN alone.
    let mut by_doi = full();
    by_doi
        .identifiers
        .retain(|i| matches!(i, Identifier::Doi { .. }));
    by_doi.identifiers.push(Identifier::Isbn {
        value: "978-0-8248-2809-7".parse().unwrap(),
        medium: Medium::Print,
    });
    by_doi.identifiers[0] = Identifier::Doi {
        value: "10.1515/9780824862039".to_uppercase().parse().unwrap(),
    };
    let out = store.import(&[by_doi]).await.unwrap();
    assert_eq!(
        (out[0].id.as_str(), out[0].change),
        ("crisis-in-north-korea", Change::Updated)
    );
    let mut by_print = full();
    by_print.identifiers.retain(|i| {
        matches!(
            i,
            Identifier::Isbn {
                medium: Medium::Print,
                ..
            }
        )
    });
    by_print.place = Some("Honolulu, HI".into());
    let out = store.import(&[by_print]).await.unwrap();
    assert_eq!(
        (out[0].id.as_str(), out[0].change),
        ("crisis-in-north-korea", Change::Updated)
    );
    assert_eq!(store.count().await.unwrap(), 1);
}

#[tokio::test]
async fn same_title_gets_a_distinct_id() {
    let store = store().await;
    let a = parse_one(&seed());
    let mut b = a.clone();
    b.identifiers.clear();
    let mut c = b.clone();
    c.copyright_year = None;
    let out = store.import(&[a, b, c]).await.unwrap();
    let ids: Vec<&str> = out.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "crisis-in-north-korea",
            "crisis-in-north-korea-2005",
            "crisis-in-north-korea-2"
        ]
    );
}

#[tokio::test]
async fn a_failing_batch_leaves_nothing_behind() {
    let store = store().await;
    let mut print_only = full();
    print_only.identifiers.retain(|i| {
        matches!(
            i,
            Identifier::Isbn {
                medium: Medium::Print,
                ..
            }
        )
    });
    let mut electronic_only = parse_one(&seed());
    electronic_only.title = "Another Book".into();
    store.import(&[print_only, electronic_only]).await.unwrap();
    assert_eq!(store.count().await.unwrap(), 2);
    // A new book whose identifiers point at both stored books is a conflict; the book
    // before it in the same batch must be rolled back with it.
    let mut innocent = parse_one(&seed());
    innocent.title = "Innocent".into();
    innocent.identifiers = vec![Identifier::Isbn {
        value: "978-0-14-044913-6".parse().unwrap(),
        medium: Medium::Print,
    }];
    let err = store.import(&[innocent, full()]).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("match two stored books"), "{err}");
    assert_eq!(store.count().await.unwrap(), 2);
    assert!(store.get("innocent").await.unwrap().is_none());
}

#[tokio::test]
async fn delete_and_list() {
    let store = store().await;
    store.import(&[parse_one(&seed())]).await.unwrap();
    let list = store.list(0, 10).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].authors, ["Andrei Lankov"]);
    assert_eq!(list[0].isbn.as_deref(), Some("978-0-8248-6203-9"));
    assert_eq!(
        store.delete("9780824862039").await.unwrap(),
        "crisis-in-north-korea"
    );
    assert!(matches!(
        store.delete("crisis-in-north-korea").await,
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(store.count().await.unwrap(), 0);
}

#[tokio::test]
async fn data_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shelfmark.db");
    {
        let store = SqliteStore::open(&path).await.unwrap();
        store.import(&[full()]).await.unwrap();
    }
    let store = SqliteStore::open(&path).await.unwrap();
    assert_eq!(
        store
            .get("crisis-in-north-korea")
            .await
            .unwrap()
            .unwrap()
            .book,
        full()
    );
}

#[tokio::test]
async fn revisions_grow_with_every_change_only() {
    let store = store().await;
    let seed = parse_one(&seed());
    store.import(std::slice::from_ref(&seed)).await.unwrap();
    assert_eq!(
        store.revision("crisis-in-north-korea").await.unwrap(),
        Some(1)
    );
    store.import(std::slice::from_ref(&seed)).await.unwrap();
    assert_eq!(
        store.revision("crisis-in-north-korea").await.unwrap(),
        Some(1),
        "unchanged keeps the revision"
    );
    store.import(&[full()]).await.unwrap();
    assert_eq!(
        store.revision("crisis-in-north-korea").await.unwrap(),
        Some(2)
    );
    let stored = store.get("crisis-in-north-korea").await.unwrap().unwrap();
    assert_eq!(stored.revision, 2);
    assert!(
        store.revision("978-0-8248-6203-9").await.unwrap().is_none(),
        "ids only"
    );
}

#[tokio::test]
async fn lists_write_names_as_they_are_written() {
    let store = store().await;
    let mut book = parse_one(&seed());
    book.contributors = vec![
        biblio::Contributor::new("김일성".parse().unwrap(), biblio::Role::Author),
        biblio::Contributor::new("{Kim} Il Sung".parse().unwrap(), biblio::Role::Author),
        biblio::Contributor::new(
            "Martin Luther King Jr.".parse().unwrap(),
            biblio::Role::Editor,
        ),
    ];
    store.import(&[book]).await.unwrap();
    let list = store.list(0, 1).await.unwrap();
    assert_eq!(
        list[0].authors,
        ["김일성", "Kim Il Sung", "Martin Luther King Jr."]
    );
}

#[tokio::test]
async fn library_details_and_original_scripts_are_kept() {
    let store = store().await;
    let mut book = full();
    book.edition = Some("2nd ed.".into());
    book.extent = Some("xvi, 280 pages".into());
    book.series = Some("Hawaii Studies on Korea ; 3".into());
    book.original_script_title = Some("북한의 위기".into());
    book.contributors[0].name.original_script = Some("Андрей Ланьков".into());
    let out = store.import(std::slice::from_ref(&book)).await.unwrap();
    let stored = store.get(&out[0].id).await.unwrap().unwrap();
    assert_eq!(stored.book, book);
    let again = store.import(std::slice::from_ref(&book)).await.unwrap();
    assert_eq!(again[0].change, Change::Unchanged);
}

#[tokio::test]
async fn every_demo_file_reads_cleanly_and_each_book_is_stored_once() {
    let store = store().await;
    let mut dirs = vec![repo().join("demo")];
    let mut books = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_uppercase();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if name.contains("LICENSE") || name.ends_with(".MD") {
                continue;
            }
            let parsed = shelfmark::ingest::read_books(&std::fs::read(&path).unwrap());
            assert!(
                parsed.diagnostics.is_empty(),
                "{}: {:?}",
                path.display(),
                parsed.diagnostics
            );
            for (_, book) in parsed.books {
                let out = store.import(&[book]).await.unwrap();
                assert_eq!(out[0].change, Change::Added, "{}", path.display());
                books += 1;
            }
        }
    }
    assert_eq!(books, 385);
    assert_eq!(store.count().await.unwrap(), 385);
}
