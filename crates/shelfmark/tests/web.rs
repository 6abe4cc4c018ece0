//! The web server in-process: pages carry everything the seed page shows and what
//! machines read, errors are pages, writes need a token.

use std::sync::Arc;

use axum::{
    body::Body,
    http::{Request, StatusCode, header},
};
use http_body_util::BodyExt;
use scraper::{Html, Selector};
use serde_json::Value;
use shelfmark::{
    store::{SqliteStore, Store},
    web::{self, api::token_hash},
};
use tower::ServiceExt;

use crate::{parse_one, seed};

const BASE: &str = "https://books.example.org";
const TOKEN: &str = "smk_test_token";

async fn app() -> axum::Router {
    let store = SqliteStore::in_memory().await.unwrap();
    store.import(&[parse_one(&seed())]).await.unwrap();
    store.add_token(&token_hash(TOKEN), "test").await.unwrap();
    web::router(web::AppState::new(Arc::new(store), BASE))
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn send(app: &axum::Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(app: &axum::Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

/// The `content` of every `<meta name=NAME>`, in order.
fn meta(html: &str, name: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(&format!("meta[name=\"{name}\"]")).unwrap();
    doc.select(&sel)
        .filter_map(|m| m.value().attr("content").map(str::to_owned))
        .collect()
}

fn json_ld(html: &str) -> Value {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let script = doc.select(&sel).next().expect("a JSON-LD script");
    serde_json::from_str(&script.text().collect::<String>()).unwrap()
}

fn texts(html: &str, selector: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[tokio::test]
async fn book_page_shows_everything_the_seed_page_shows() {
    let app = app().await;
    let page = get(&app, "/books/crisis-in-north-korea").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert_eq!(
        texts(html, "h1.title"),
        ["Crisis in North KoreaThe Failure of De-Stalinization, 1956"]
    );
    assert_eq!(texts(html, ".byline a"), ["Andrei Lankov"]);
    assert!(texts(html, ".meta").contains(&"Copyright Date: 2005".to_owned()));
    assert_eq!(texts(html, "details.cite summary"), ["Cite this Item"]);
    assert_eq!(texts(html, "#info"), ["Book Info"]);
    assert!(texts(html, ".description")[0].starts_with("North Korea remains the most mysterious"));
    assert!(
        texts(html, "dl.facts")
            .concat()
            .contains("eISBN978-0-8248-6203-9")
    );
    assert_eq!(
        texts(html, "dl.facts dd a"),
        ["History", "Political Science"]
    );
    let titles = texts(html, ".toc-title");
    assert_eq!(titles.len(), 21);
    assert_eq!(titles[0], "Front Matter");
    assert_eq!(titles[11], "6 The August Plenum");
    assert_eq!(titles[20], "Back Matter");
    let pages = texts(html, ".toc-entry .pages");
    assert_eq!(pages[2], "(pp. vii-xii)");
    assert_eq!(pages[11], "(pp. 121-135)");
    let links: Vec<String> = {
        let doc = Html::parse_document(html);
        let sel = Selector::parse("a.toc-title").unwrap();
        doc.select(&sel)
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect()
    };
    assert_eq!(links[11], "/books/crisis-in-north-korea/12");
    assert!(
        texts(html, ".excerpt")
            .iter()
            .any(|p| p.starts_with("AFTER ALMOST A MONTH of delays"))
    );
    assert!(
        html.contains("<svg")
            && html.contains("aria-label=\"Pages of the book, 16 roman and 280 arabic")
    );
}

#[tokio::test]
async fn book_page_highwire_and_json_ld() {
    let app = app().await;
    let html = get(&app, "/books/crisis-in-north-korea").await.body;
    assert_eq!(
        meta(&html, "citation_title"),
        ["Crisis in North Korea: The Failure of De-Stalinization, 1956"]
    );
    assert_eq!(meta(&html, "citation_author"), ["Lankov, Andrei"]);
    assert_eq!(meta(&html, "citation_publication_date"), ["2005"]);
    assert_eq!(meta(&html, "citation_isbn"), ["978-0-8248-6203-9"]);
    assert_eq!(
        meta(&html, "citation_keywords"),
        ["History", "Political Science"]
    );
    assert_eq!(
        meta(&html, "citation_abstract_html_url"),
        [format!("{BASE}/books/crisis-in-north-korea")]
    );
    assert!(meta(&html, "citation_inbook_title").is_empty());
    let ld = json_ld(&html);
    assert_eq!(ld["@type"], "Book");
    assert_eq!(ld["isbn"], "978-0-8248-6203-9");
    assert_eq!(ld["author"][0]["familyName"], "Lankov");
    assert_eq!(ld["hasPart"].as_array().unwrap().len(), 21);
    assert_eq!(ld["hasPart"][11]["pageStart"], "121");
    let doc = Html::parse_document(&html);
    let canonical = doc
        .select(&Selector::parse("link[rel=canonical]").unwrap())
        .next()
        .unwrap();
    assert_eq!(
        canonical.value().attr("href"),
        Some(&*format!("{BASE}/books/crisis-in-north-korea"))
    );
    let alternates: Vec<&str> = doc
        .select(&Selector::parse("link[rel=alternate]").unwrap())
        .filter_map(|l| l.value().attr("type"))
        .collect();
    assert_eq!(
        alternates,
        [
            "application/x-research-info-systems",
            "application/x-bibtex",
            "application/vnd.citationstyles.csl+json"
        ]
    );
    let coins = doc
        .select(&Selector::parse("span.Z3988").unwrap())
        .next()
        .unwrap();
    let title = coins.value().attr("title").unwrap();
    assert!(
        title.contains("rft.genre=book&") && title.contains("rft.isbn=978-0-8248-6203-9"),
        "{title}"
    );
}

#[tokio::test]
async fn chapter_page_august_plenum() {
    let app = app().await;
    let page = get(&app, "/books/crisis-in-north-korea/12").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert_eq!(meta(html, "citation_title"), ["The August Plenum"]);
    assert_eq!(meta(html, "citation_firstpage"), ["121"]);
    assert_eq!(meta(html, "citation_lastpage"), ["135"]);
    assert_eq!(
        meta(html, "citation_inbook_title"),
        ["Crisis in North Korea: The Failure of De-Stalinization, 1956"]
    );
    assert_eq!(
        meta(html, "citation_book_title"),
        meta(html, "citation_inbook_title")
    );
    assert_eq!(meta(html, "citation_author"), ["Lankov, Andrei"]);
    assert_eq!(meta(html, "citation_isbn"), ["978-0-8248-6203-9"]);
    let ld = json_ld(html);
    assert_eq!(ld["@type"], "Chapter");
    assert_eq!(
        (ld["pageStart"].as_str(), ld["pageEnd"].as_str()),
        (Some("121"), Some("135"))
    );
    assert_eq!(ld["pagination"], "121-135");
    assert_eq!(ld["isPartOf"]["@type"], "Book");
    assert_eq!(texts(html, "h1.title"), ["The August Plenum"]);
    assert_eq!(
        texts(html, "a[rel=prev]"),
        ["Previous 5 The “August Group” before August"]
    );
    assert_eq!(
        texts(html, "a[rel=next]"),
        ["Next 7 The Soviet-Chinese Delegation and the September Plenum"]
    );
    assert!(texts(html, ".meta")[0].starts_with("pp. 121-135 of Crisis in North Korea"));
}

#[tokio::test]
async fn front_matter_and_index_are_items_with_roman_pages_as_written() {
    let app = app().await;
    let preface = get(&app, "/books/crisis-in-north-korea/3").await.body;
    assert_eq!(meta(&preface, "citation_firstpage"), ["vii"]);
    assert_eq!(meta(&preface, "citation_lastpage"), ["xii"]);
    let index = get(&app, "/books/crisis-in-north-korea/20").await;
    assert_eq!(index.status, StatusCode::OK);
    assert_eq!(meta(&index.body, "citation_title"), ["Index"]);
    assert!(texts(&index.body, "a[rel=prev]")[0].ends_with("Bibliography"));
}

#[tokio::test]
async fn unknown_things_are_404_pages_and_headers_are_strict() {
    let app = app().await;
    for uri in [
        "/books/nope",
        "/books/crisis-in-north-korea/22",
        "/books/crisis-in-north-korea/0",
        "/books/crisis-in-north-korea/x",
        "/no/such/page",
        "/subjects/Nothing",
        "/authors/nobody",
        "/static/../Cargo.toml",
    ] {
        let reply = get(&app, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(reply.body.contains("<h1>Not found</h1>"), "{uri}");
        let csp = reply
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    }
    let slugged = get(&app, "/books/crisis-in-north-korea/12-the-august-plenum").await;
    assert_eq!(slugged.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        slugged.headers.get(header::LOCATION).unwrap(),
        "/books/crisis-in-north-korea/12"
    );
    let by_isbn = get(&app, "/books/9780824862039").await;
    assert_eq!(
        by_isbn.headers.get(header::LOCATION).unwrap(),
        "/books/crisis-in-north-korea"
    );
}

#[tokio::test]
async fn hostile_catalog_text_is_escaped_everywhere() {
    let store = SqliteStore::in_memory().await.unwrap();
    let mut book = parse_one(&seed());
    book.title = "<script>alert(1)</script> & \"Quotes\"".into();
    book.description =
        Some("<p>Fine <b>bold</b></p><img src=x onerror=alert(2)><script>alert(3)</script>".into());
    book.toc[11].title = "</script><script>alert(4)</script>".into();
    store.import(&[book]).await.unwrap();
    let app = web::router(web::AppState::new(Arc::new(store), BASE));
    let id = "script-alert-1-script-quotes";
    for uri in [
        format!("/books/{id}"),
        format!("/books/{id}/12"),
        "/".to_owned(),
        format!("/books/{id}/cover.svg"),
    ] {
        let reply = get(&app, &uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        for attack in ["<script>alert", "<img src=x", "alert(3)"] {
            assert!(!reply.body.contains(attack), "{uri} contains {attack}");
        }
        if !uri.ends_with(".svg") {
            let doc = Html::parse_document(&reply.body);
            for element in doc.select(&Selector::parse("*").unwrap()) {
                let el = element.value();
                assert!(
                    el.attrs().all(|(name, _)| !name.starts_with("on")),
                    "{uri}: {el:?}"
                );
                if el.name() == "script" {
                    let ok = el.attr("type") == Some("application/ld+json")
                        || el.attr("src") == Some("/static/copy.js");
                    assert!(ok, "{uri}: unexpected script {el:?}");
                }
            }
        }
    }
    let html = get(&app, &format!("/books/{id}")).await.body;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Quotes&quot;"));
    assert!(html.contains("<p>Fine <b>bold</b></p>"));
    assert_eq!(
        json_ld(&html)["name"].as_str().unwrap().split(':').next(),
        Some("<script>alert(1)</script> & \"Quotes\"")
    );
}

#[tokio::test]
async fn home_subject_author_search_sitemap_robots() {
    let app = app().await;
    let home = get(&app, "/").await.body;
    assert!(texts(&home, ".book-list a")[0].starts_with("Crisis in North Korea"));
    let subject = get(&app, "/subjects/Political%20Science").await;
    assert_eq!(subject.status, StatusCode::OK);
    assert_eq!(texts(&subject.body, "h1"), ["Subject: Political Science"]);
    let author = get(&app, "/authors/lankov-andrei").await;
    assert_eq!(texts(&author.body, "h1"), ["Andrei Lankov"]);
    assert_eq!(texts(&author.body, ".book-list li").len(), 1);
    let found = get(&app, "/search?q=august+plenum").await.body;
    assert_eq!(texts(&found, ".book-list li").len(), 1);
    let none = get(&app, "/search?q=zanzibar").await.body;
    assert!(texts(&none, "main p").contains(&"No book matches.".to_owned()));
    let sitemap = get(&app, "/sitemap.xml").await.body;
    assert_eq!(sitemap.matches("<loc>").count(), 22);
    assert!(sitemap.contains(&format!("<loc>{BASE}/books/crisis-in-north-korea/21</loc>")));
    let robots = get(&app, "/robots.txt").await.body;
    assert!(robots.contains(&format!("Sitemap: {BASE}/sitemap.xml")));
    let cover = get(&app, "/books/crisis-in-north-korea/cover.svg").await;
    assert_eq!(
        cover.headers.get(header::CONTENT_TYPE).unwrap(),
        "image/svg+xml; charset=utf-8"
    );
    assert!(cover.body.contains(">CRISIS IN<") && cover.body.contains(">NORTH KOREA<"));
}

fn json(reply: &Reply) -> Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|e| panic!("{e}: {}", reply.body))
}

fn write(method: &str, uri: &str, token: Option<&str>, body: &str, mime: &str) -> Request<Body> {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, mime);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

#[tokio::test]
async fn api_reads_books_and_items_paged() {
    let app = app().await;
    let list = json(&get(&app, "/api/books?per_page=1").await);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], "crisis-in-north-korea");
    assert_eq!(list["next"], Value::Null);
    assert_eq!(
        get(&app, "/api/books?per_page=1000").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/api/books?page=abc").await.status,
        StatusCode::BAD_REQUEST
    );
    let book = json(&get(&app, "/api/books/978-0-8248-6203-9").await);
    assert_eq!(book["book"]["title"], "Crisis in North Korea");
    let item = json(&get(&app, "/api/books/crisis-in-north-korea/toc/12").await);
    assert_eq!(
        (item["first_page"].as_str(), item["last_page"].as_str()),
        (Some("121"), Some("135"))
    );
    assert_eq!(item["label"], "6");
    let missing = get(&app, "/api/books/crisis-in-north-korea/toc/99").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        json(&missing)["error"]
            .as_str()
            .unwrap()
            .contains("numbered 1 to 21")
    );
    let doc = json(&get(&app, "/api/openapi.json").await);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/books", "/api/books/{id}", "/api/books/{id}/toc/{n}"] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn api_writes_need_a_token_and_report_located_errors() {
    let app = app().await;
    let text = seed()
        .replace("Crisis in North Korea", "Crisis in the North")
        .replace("978-0-8248-6203-9", "978-0-8248-2809-7");
    for token in [None, Some("wrong")] {
        let reply = send(
            &app,
            write("POST", "/api/books", token, &text, "text/plain"),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            reply.headers.get(header::WWW_AUTHENTICATE).unwrap(),
            "Bearer"
        );
    }
    assert_eq!(
        send(
            &app,
            write(
                "DELETE",
                "/api/books/crisis-in-north-korea",
                None,
                "",
                "text/plain"
            )
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    let bad = text
        .replace("978-0-8248-2809-7", "978-0-8248-2809-8")
        .replace("(pp. 26-59)", "(pp. 59-26)");
    let reply = send(
        &app,
        write("POST", "/api/books", Some(TOKEN), &bad, "text/plain"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json(&reply)["errors"],
        serde_json::json!([
            "body line 14: eISBN 978-0-8248-2809-8 has check digit 8, expected 7",
            "body line 40: page range 59-26 runs backwards"
        ])
    );
    let created = send(
        &app,
        write("POST", "/api/books", Some(TOKEN), &text, "text/plain"),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(json(&created)["results"][0]["id"], "crisis-in-the-north");
    assert_eq!(json(&created)["results"][0]["change"], "added");
    let book_json = json(&get(&app, "/api/books/crisis-in-the-north").await)["book"].to_string();
    let put = send(
        &app,
        write(
            "PUT",
            "/api/books/crisis-in-the-north",
            Some(TOKEN),
            &book_json,
            "application/json",
        ),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK);
    assert_eq!(json(&put)["results"][0]["change"], "unchanged");
    let conflict = send(
        &app,
        write(
            "PUT",
            "/api/books/another-id",
            Some(TOKEN),
            &book_json,
            "application/json",
        ),
    )
    .await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let deleted = send(
        &app,
        write(
            "DELETE",
            "/api/books/crisis-in-the-north",
            Some(TOKEN),
            "",
            "text/plain",
        ),
    )
    .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(
        get(&app, "/api/books/crisis-in-the-north").await.status,
        StatusCode::NOT_FOUND
    );
    let too_big = "x".repeat(web::MAX_BODY + 1);
    let reply = send(
        &app,
        write("POST", "/api/books", Some(TOKEN), &too_big, "text/plain"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn cached_pages_follow_the_book_and_answer_etags() {
    let app = app().await;
    let first = get(&app, "/books/crisis-in-north-korea/12").await;
    let etag = first
        .headers
        .get(header::ETAG)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(etag.starts_with("W/\"v"), "{etag}");
    let again = get(&app, "/books/crisis-in-north-korea/12").await;
    assert_eq!(again.body, first.body);
    let conditional = Request::get("/books/crisis-in-north-korea/12")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(&app, conditional).await.status,
        StatusCode::NOT_MODIFIED
    );
    let home = get(&app, "/").await;
    assert_eq!(
        home.headers.get(header::ETAG).unwrap().to_str().unwrap(),
        etag
    );
    // A change through the API shows at once, on the cached chapter page too.
    let changed = seed().replace("The August Plenum", "The August Plenum of 1956");
    let put = send(
        &app,
        write(
            "PUT",
            "/api/books/crisis-in-north-korea",
            Some(TOKEN),
            &changed,
            "text/plain",
        ),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let fresh = get(&app, "/books/crisis-in-north-korea/12").await;
    assert_ne!(
        fresh.headers.get(header::ETAG).unwrap().to_str().unwrap(),
        etag
    );
    assert_eq!(
        texts(&fresh.body, "h1.title"),
        ["The August Plenum of 1956"]
    );
}

#[tokio::test]
async fn changes_by_another_process_show_within_the_freshness_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shelfmark.db");
    let server_store = SqliteStore::open(&path).await.unwrap();
    server_store.import(&[parse_one(&seed())]).await.unwrap();
    let app = web::router(web::AppState::new(Arc::new(server_store), BASE));
    let before = get(&app, "/books/crisis-in-north-korea/12").await.body;
    assert_eq!(texts(&before, "h1.title"), ["The August Plenum"]);
    // Another connection to the same file, as `shelfmark import` would be.
    let other = SqliteStore::open(&path).await.unwrap();
    let changed = seed().replace("The August Plenum", "The Plenum");
    other.import(&[parse_one(&changed)]).await.unwrap();
    tokio::time::sleep(web::cache::FRESHNESS + std::time::Duration::from_millis(50)).await;
    let after = get(&app, "/books/crisis-in-north-korea/12").await.body;
    assert_eq!(texts(&after, "h1.title"), ["The Plenum"]);
}

#[tokio::test]
async fn cite_this_item_in_every_style_pinned_and_downloadable() {
    let app = app().await;
    let html = get(&app, "/books/crisis-in-north-korea/12").await.body;
    let styles = texts(&html, ".citation h3");
    assert_eq!(styles.len(), 6, "{styles:?}");
    assert!(
        styles[0].starts_with("Chicago Manual of Style"),
        "{styles:?}"
    );
    let forms = texts(&html, ".citation-text");
    assert!(
        forms[0].starts_with("Lankov, Andrei. “The August Plenum.” In Crisis in North Korea"),
        "{forms:?}"
    );
    assert!(!html.contains("style=\""), "no inline styles under the CSP");

    let pinned = get(&app, "/books/crisis-in-north-korea/12?locator=127").await;
    assert_eq!(pinned.status, StatusCode::OK);
    assert!(
        texts(&pinned.body, ".citation-text")
            .iter()
            .any(|c| c.ends_with(", 127.")),
        "{:?}",
        texts(&pinned.body, ".citation-text")
    );
    assert!(
        pinned
            .body
            .contains("<details class=\"cite\" id=\"cite\" open>")
    );

    let outside = get(&app, "/books/crisis-in-north-korea/12?locator=300").await;
    assert_eq!(outside.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        texts(&outside.body, ".cite .error"),
        ["page 300 is outside \"The August Plenum\" (pp. 121-135)"]
    );
    let empty = get(&app, "/books/crisis-in-north-korea/12?locator=").await;
    assert_eq!(empty.status, StatusCode::OK);

    let ris = get(&app, "/books/crisis-in-north-korea/12/cite?format=ris").await;
    assert_eq!(
        ris.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/x-research-info-systems; charset=utf-8"
    );
    assert!(
        ris.headers
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("crisis-in-north-korea-12.ris")
    );
    for line in [
        "TY  - CHAP",
        "T2  - Crisis in North Korea",
        "SP  - 121",
        "EP  - 135",
    ] {
        assert!(ris.body.contains(line), "{line} missing from {}", ris.body);
    }
    let book_ris = get(&app, "/books/crisis-in-north-korea/cite?format=ris")
        .await
        .body;
    assert!(book_ris.starts_with("TY  - BOOK"), "{book_ris}");
    let bib = get(&app, "/books/crisis-in-north-korea/3/cite?format=bibtex")
        .await
        .body;
    assert!(bib.contains("pages = {vii--xii}"), "{bib}");
    let csl: Value = serde_json::from_str(
        &get(&app, "/books/crisis-in-north-korea/12/cite?format=csl-json")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(csl["type"], "chapter");
    let apa = get(
        &app,
        "/books/crisis-in-north-korea/12/cite?style=apa&locator=130",
    )
    .await;
    assert!(
        apa.body.starts_with("(Lankov, 2005, p. 130)"),
        "{}",
        apa.body
    );
    assert_eq!(
        get(&app, "/books/crisis-in-north-korea/12/cite?format=docx")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/books/crisis-in-north-korea/12/cite?style=nope")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/books/crisis-in-north-korea/99/cite?format=ris")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn all_books_are_listed_in_pages() {
    let store = SqliteStore::in_memory().await.unwrap();
    let seed_book = parse_one(&seed());
    let books: Vec<biblio::Book> = (0..120)
        .map(|i| {
            let mut b = seed_book.clone();
            b.title = format!("Volume {i:03}");
            b.identifiers.clear();
            b
        })
        .collect();
    store.import(&books).await.unwrap();
    let app = web::router(web::AppState::new(Arc::new(store), BASE));
    let first = get(&app, "/books").await.body;
    assert_eq!(texts(&first, ".book-list li").len(), 50);
    assert_eq!(texts(&first, "nav.paging span"), ["Page 1 of 3"]);
    let last = get(&app, "/books?page=3").await.body;
    assert_eq!(texts(&last, ".book-list li").len(), 20);
    assert_eq!(texts(&last, "a[rel=prev]"), ["Previous page"]);
    assert!(texts(&last, "a[rel=next]").is_empty());
    assert_eq!(
        get(&app, "/books?page=4").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/books?page=x").await.status,
        StatusCode::BAD_REQUEST
    );
    let home = get(&app, "/").await.body;
    assert_eq!(texts(&home, "main a[href=\"/books\"]"), ["All books"]);
}

/// Every book of the demo catalog, real records from several sources, has a page that
/// renders with its metadata, and so do the items of a sample of them.
#[tokio::test]
async fn every_demo_book_renders() {
    let store = Arc::new(SqliteStore::in_memory().await.unwrap());
    let loaded = shelfmark::demo::load_if_empty(store.as_ref())
        .await
        .unwrap();
    assert!(loaded >= 1);
    let total = store.count().await.unwrap();
    let books = store.list(0, total).await.unwrap();
    let app = web::router(web::AppState::new(store.clone(), BASE));
    let home = get(&app, "/").await.body;
    assert!(
        texts(&home, ".book-list a")[0].starts_with("Crisis in North Korea"),
        "the seed leads the home page"
    );
    for (i, summary) in books.iter().enumerate() {
        let path = format!("/books/{}", summary.id);
        let page = get(&app, &path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        assert_eq!(json_ld(&page.body)["@type"], "Book", "{path}");
        assert!(!meta(&page.body, "citation_title").is_empty(), "{path}");
        assert_eq!(texts(&page.body, ".citation h3").len(), 6, "{path}");
        if i % 10 == 0 {
            let book = store.get(&summary.id).await.unwrap().unwrap().book;
            for item in book.toc_items() {
                let item_path = format!("{path}/{}", item.position);
                let page = get(&app, &item_path).await;
                assert_eq!(page.status, StatusCode::OK, "{item_path}: {}", page.body);
                assert_eq!(json_ld(&page.body)["@type"], "Chapter", "{item_path}");
            }
        }
    }
}

#[tokio::test]
async fn api_takes_marc_records_and_reports_bad_ones_by_record() {
    let app = app().await;
    let data = crate::repo().join("crates/biblio/tests/data/marc");
    let good = std::fs::read_to_string(data.join("ok/summerland.mrc")).unwrap();
    let reply = send(
        &app,
        write("POST", "/api/books", Some(TOKEN), &good, "application/marc"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(json(&reply)["results"][0]["id"], "summerland");
    let bad = std::fs::read_to_string(data.join("err/bad_records.mrc")).unwrap();
    let reply = send(
        &app,
        write("POST", "/api/books", Some(TOKEN), &bad, "application/marc"),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json(&reply)["errors"][2],
        "body record 3 (byte 254): base address 0 lies outside the record of 127 bytes"
    );
}
