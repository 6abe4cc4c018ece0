//! HTML page handlers.

use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
};
use biblio::Book;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{
    Shared,
    cache::Page,
    cover::cover_svg,
    error::PageError,
    meta,
    views::{self, SummaryView, book_path, book_view, item_path, item_view, person_slug},
};
use crate::store::StoredBook;

type PageResult = Result<Response, PageError>;

impl super::AppState {
    /// Renders a template with the fields every page has.
    fn render(&self, template: &str, mut ctx: Value) -> PageResult {
        ctx["site_name"] = json!("Shelfmark");
        let html = self
            .templates
            .get_template(template)?
            .render(minijinja::value::Serde(&ctx))?;
        Ok(Html(html).into_response())
    }

    async fn load(&self, id: &str) -> Result<StoredBook, PageError> {
        self.store.get(id).await?.ok_or_else(|| {
            PageError::NotFound(format!("There is no book \"{id}\" in this catalog."))
        })
    }
}

pub async fn home(State(app): State<Shared>, headers: HeaderMap) -> PageResult {
    cached(&app, "/".into(), &headers, || render_home(&app)).await
}

async fn render_home(app: &Shared) -> PageResult {
    let books = app.store.list(0, 50).await?;
    let subjects: Vec<Value> = app
        .store
        .subjects()
        .await?
        .into_iter()
        .map(|(name, count)| json!({"url": views::subject_path(&name), "name": name, "count": count}))
        .collect();
    let books: Vec<SummaryView> = books.iter().map(SummaryView::from).collect();
    let total = app.store.count().await?;
    app.render(
        "list.html",
        json!({
            "heading": "Recent books",
            "intro": format!("{total} books in this catalog."),
            "books": books,
            "subjects": subjects,
            "empty": "The catalog is empty. Import books with shelfmark import FILE.",
            "more": total > 50,
            "canonical": format!("{}/", app.base_url),
        }),
    )
}

/// `<link rel="alternate">` for the reference-manager formats of a page.
fn alternates(path: &str) -> Vec<Value> {
    super::cite::downloads(path)
        .into_iter()
        .filter(|d| d["title"] != "EndNote")
        .collect()
}

/// The "Cite this Item" panel: citations in every bundled style (pinned to `locator`
/// when it is inside the item), or the error that says why the locator is not.
fn cite_panel(
    app: &Shared,
    book: &Book,
    item: Option<u32>,
    page_path: &str,
    locator: Option<&str>,
) -> Result<(Value, bool), PageError> {
    let pages_text = match item {
        Some(n) => book.toc_item(n).and_then(|i| views::pages_text(&i)),
        None => None,
    };
    let (citations, error) = match super::cite::citations(&app.styles, book, item, locator) {
        Ok(c) => (c, None),
        Err(e) if locator.is_some() => (
            super::cite::citations(&app.styles, book, item, None)
                .map_err(|e| PageError::Internal(e.to_string()))?,
            Some(e.to_string()),
        ),
        Err(e) => return Err(PageError::Internal(e.to_string())),
    };
    let bad = error.is_some();
    Ok((
        json!({
            "citations": citations,
            "downloads": super::cite::downloads(page_path),
            "page_url": page_path,
            "pages_text": pages_text,
            "locator": locator,
            "locator_error": error,
            "open": locator.is_some(),
        }),
        bad,
    ))
}

/// A page with a citation pinned by `?locator=`: rendered on request, not cached, 400
/// when the locator is not a page of the item.
#[derive(Deserialize)]
pub struct LocatorParams {
    locator: Option<String>,
}

fn with_status(response: PageResult, bad: bool) -> PageResult {
    let mut response = response?;
    if bad {
        *response.status_mut() = StatusCode::BAD_REQUEST;
    }
    Ok(response)
}

/// A page served from the cache, with the catalog version as its ETag; `render` builds
/// it when the cache has no copy for the current version.
async fn cached<F>(app: &Shared, key: String, headers: &HeaderMap, render: F) -> PageResult
where
    F: AsyncFnOnce() -> PageResult,
{
    let version = app.pages.version(app.store.as_ref(), false).await?;
    let etag = format!("W/\"v{version}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    let (body, mime) = match app.pages.get(&key, version) {
        Some(page) => (page.body, page_mime(&key)),
        None => {
            let response = render().await?;
            if response.status() != StatusCode::OK {
                return Ok(response);
            }
            let mime = page_mime(&key);
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .map_err(|e| PageError::Internal(e.to_string()))?;
            app.pages.put(
                key,
                Page {
                    version,
                    body: body.clone(),
                },
            );
            (body, mime)
        }
    };
    Ok((
        [(header::ETAG, etag.as_str()), (header::CONTENT_TYPE, mime)],
        body,
    )
        .into_response())
}

fn page_mime(key: &str) -> &'static str {
    if key.ends_with(".xml") {
        "application/xml; charset=utf-8"
    } else {
        "text/html; charset=utf-8"
    }
}

pub async fn book(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(params): Query<LocatorParams>,
    headers: HeaderMap,
) -> PageResult {
    if let Some(locator) = params
        .locator
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        return render_book(&app, &id, Some(locator)).await;
    }
    let key = format!("/books/{id}");
    cached(&app, key, &headers, || render_book(&app, &id, None)).await
}

async fn render_book(app: &Shared, id: &str, locator: Option<&str>) -> PageResult {
    let id = id.to_owned();
    let stored = app.load(&id).await?;
    if stored.id != id {
        return Ok(Redirect::permanent(&book_path(&stored.id)).into_response());
    }
    let book = &stored.book;
    let path = book_path(&stored.id);
    let (cite, bad) = cite_panel(app, book, None, &path, locator)?;
    let page = app.render(
        "book.html",
        json!({
            "book": book_view(&stored.id, book),
            "lang": book.language.as_ref().map(|l| l.to_string()).unwrap_or_else(|| "en".into()),
            "canonical": format!("{}{path}", app.base_url),
            "alternates": alternates(&path),
            "highwire": meta::book_tags(&app.base_url, &stored.id, book),
            "json_ld": meta::book_json_ld(&app.base_url, &stored.id, book),
            "coins": meta::coins(book, None),
            "cite": cite,
        }),
    );
    with_status(page, bad)
}

pub async fn cover(State(app): State<Shared>, Path(id): Path<String>) -> PageResult {
    let stored = app.load(&id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        cover_svg(&stored.id, &stored.book),
    )
        .into_response())
}

/// Reads an item reference: `12` or `12-the-august-plenum`.
fn item_position(text: &str) -> Option<u32> {
    let digits = text.split('-').next()?;
    digits.parse().ok().filter(|n| *n > 0)
}

pub async fn item(
    State(app): State<Shared>,
    Path((id, item)): Path<(String, String)>,
    Query(params): Query<LocatorParams>,
    headers: HeaderMap,
) -> PageResult {
    if let Some(locator) = params
        .locator
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        return render_item(&app, &id, &item, Some(locator)).await;
    }
    let key = format!("/books/{id}/{item}");
    cached(&app, key, &headers, || render_item(&app, &id, &item, None)).await
}

async fn render_item(app: &Shared, id: &str, item: &str, locator: Option<&str>) -> PageResult {
    let (id, item) = (id.to_owned(), item.to_owned());
    let stored = app.load(&id).await?;
    let book: &Book = &stored.book;
    let not_found = || {
        PageError::NotFound(format!(
            "\"{}\" has no table-of-contents item \"{item}\"; its items are numbered 1 to {}.",
            book.title,
            book.toc_items().len()
        ))
    };
    let position = item_position(&item).ok_or_else(not_found)?;
    let found = book.toc_item(position).ok_or_else(not_found)?;
    let path = item_path(&stored.id, position);
    if stored.id != id || item != position.to_string() {
        return Ok(Redirect::permanent(&path).into_response());
    }
    let prev = position
        .checked_sub(1)
        .and_then(|p| book.toc_item(p))
        .map(|i| item_view(&stored.id, book, &i, false));
    let next = book
        .toc_item(position + 1)
        .map(|i| item_view(&stored.id, book, &i, false));
    let (cite, bad) = cite_panel(app, book, Some(position), &path, locator)?;
    let page = app.render(
        "chapter.html",
        json!({
            "book": book_view(&stored.id, book),
            "item": item_view(&stored.id, book, &found, true),
            "prev": prev,
            "next": next,
            "lang": book.language.as_ref().map(|l| l.to_string()).unwrap_or_else(|| "en".into()),
            "canonical": format!("{}{path}", app.base_url),
            "alternates": alternates(&path),
            "highwire": meta::item_tags(&app.base_url, &stored.id, book, &found),
            "json_ld": meta::item_json_ld(&app.base_url, &stored.id, book, &found),
            "coins": meta::coins(book, Some(&found)),
            "cite": cite,
        }),
    );
    with_status(page, bad)
}

/// Books per page of `/books`.
const PER_PAGE: u64 = 50;

#[derive(Deserialize)]
pub struct ListParams {
    page: Option<String>,
}

/// `/books?page=N`: every book, most recently updated first.
pub async fn all_books(
    State(app): State<Shared>,
    Query(params): Query<ListParams>,
    headers: HeaderMap,
) -> PageResult {
    let page: u64 = match params.page.as_deref() {
        None => 1,
        Some(p) => p
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| PageError::BadRequest(format!("\"{p}\" is not a page number.")))?,
    };
    let key = format!("/books?page={page}");
    cached(&app, key, &headers, || render_all_books(&app, page)).await
}

async fn render_all_books(app: &Shared, page: u64) -> PageResult {
    let total = app.store.count().await?;
    let pages = total.div_ceil(PER_PAGE).max(1);
    if page > pages {
        return Err(PageError::NotFound(format!("The list has {pages} pages.")));
    }
    let books = app.store.list((page - 1) * PER_PAGE, PER_PAGE).await?;
    let books: Vec<SummaryView> = books.iter().map(SummaryView::from).collect();
    app.render(
        "list.html",
        json!({
            "heading": "All books",
            "intro": format!("{total} books, most recently updated first."),
            "books": books,
            "empty": "The catalog is empty.",
            "canonical": format!("{}/books?page={page}", app.base_url),
            "paging": {
                "page": page,
                "pages": pages,
                "prev": (page > 1).then(|| format!("/books?page={}", page - 1)),
                "next": (page < pages).then(|| format!("/books?page={}", page + 1)),
            },
        }),
    )
}

pub async fn subject(
    State(app): State<Shared>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let key = format!("/subjects/{name}");
    cached(&app, key, &headers, || render_subject(&app, &name)).await
}

async fn render_subject(app: &Shared, name: &str) -> PageResult {
    let books = app.store.by_subject(name).await?;
    if books.is_empty() {
        return Err(PageError::NotFound(format!(
            "No book has the subject \"{name}\"."
        )));
    }
    let books: Vec<SummaryView> = books.iter().map(SummaryView::from).collect();
    app.render(
        "list.html",
        json!({
            "heading": format!("Subject: {name}"),
            "books": books,
            "canonical": format!("{}{}", app.base_url, views::subject_path(name)),
        }),
    )
}

pub async fn author(
    State(app): State<Shared>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> PageResult {
    let key = format!("/authors/{slug}");
    cached(&app, key, &headers, || render_author(&app, &slug)).await
}

async fn render_author(app: &Shared, slug: &str) -> PageResult {
    let people = app.store.people().await?;
    let mut name = None;
    let mut ids: Vec<String> = Vec::new();
    for (person, books) in people {
        if person_slug(&person) == slug {
            name.get_or_insert_with(|| person.to_string());
            for b in books {
                if !ids.contains(&b) {
                    ids.push(b);
                }
            }
        }
    }
    let name = name.ok_or_else(|| {
        PageError::NotFound(format!(
            "No one called \"{slug}\" is named in this catalog."
        ))
    })?;
    let books = app.store.summaries(&ids).await?;
    let books: Vec<SummaryView> = books.iter().map(SummaryView::from).collect();
    app.render(
        "list.html",
        json!({
            "heading": name,
            "intro": "Books and chapters by or with this person.",
            "books": books,
            "canonical": format!("{}/authors/{slug}", app.base_url),
        }),
    )
}

#[derive(Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
}

pub async fn search(State(app): State<Shared>, Query(params): Query<SearchParams>) -> PageResult {
    let q = params.q.trim();
    if q.chars().count() > 500 {
        return Err(PageError::BadRequest(
            "The search is longer than 500 characters.".into(),
        ));
    }
    let books = if q.is_empty() {
        Vec::new()
    } else {
        app.store.search(q, 100).await?
    };
    let books: Vec<SummaryView> = books.iter().map(SummaryView::from).collect();
    app.render(
        "list.html",
        json!({
            "heading": if q.is_empty() { "Search".to_owned() } else { format!("Search: {q}") },
            "query": q,
            "intro": if q.is_empty() { "" } else { "Books whose title, contents, description, people or subjects contain every word." },
            "books": books,
            "empty": if q.is_empty() { "Type words to search for above." } else { "No book matches." },
        }),
    )
}

pub async fn sitemap(State(app): State<Shared>, headers: HeaderMap) -> PageResult {
    cached(&app, "/sitemap.xml".into(), &headers, || {
        render_sitemap(&app)
    })
    .await
}

async fn render_sitemap(app: &Shared) -> PageResult {
    let total = app.store.count().await?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for summary in app.store.list(0, total.min(50_000)).await? {
        let Some(stored) = app.store.get(&summary.id).await? else {
            continue;
        };
        let lastmod = stored.updated_at.get(..10).unwrap_or("");
        let mut url = |path: String| {
            xml.push_str(&format!(
                "  <url><loc>{}{}</loc><lastmod>{lastmod}</lastmod></url>\n",
                views::escape(&app.base_url),
                views::escape(&path)
            ));
        };
        url(book_path(&stored.id));
        for item in stored.book.toc_items() {
            url(item_path(&stored.id, item.position));
        }
    }
    xml.push_str("</urlset>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response())
}

pub async fn robots(State(app): State<Shared>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /search\n\nSitemap: {}/sitemap.xml\n", app.base_url),
    )
        .into_response()
}

pub async fn static_file(Path(file): Path<String>) -> PageResult {
    let (body, mime): (&'static str, &str) = match file.as_str() {
        "style.css" => (
            include_str!("../../static/style.css"),
            "text/css; charset=utf-8",
        ),
        "copy.js" => (
            include_str!("../../static/copy.js"),
            "text/javascript; charset=utf-8",
        ),
        "favicon.svg" => (include_str!("../../static/favicon.svg"), "image/svg+xml"),
        _ => return Err(PageError::NotFound(format!("There is no file \"{file}\"."))),
    };
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response())
}

pub async fn not_found() -> Response {
    super::error::error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no page at this address.",
    )
}
