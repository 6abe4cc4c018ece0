//! The JSON API: reading books and their items, paged, and writing them with a bearer
//! token. The OpenAPI document at `/api/openapi.json` is generated from these handlers
//! and types, so it cannot drift from them.
//!
//! Writes accept the same inputs as `shelfmark import` (catalog text, Shelfmark JSON,
//! MARC 21 or ONIX, detected from the content) and answer 422 with the same located
//! messages.

use axum::{
    Json, Router,
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use biblio::Book;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema, openapi::security};

use super::{
    Shared,
    error::ApiError,
    views::{book_path, item_path, pages_text},
};
use crate::{ingest, store::Outcome};

pub fn router() -> Router<Shared> {
    Router::new()
        .route("/api/openapi.json", get(openapi))
        .route("/api/books", get(list_books).post(create_books))
        .route(
            "/api/books/{id}",
            get(get_book).put(put_book).delete(delete_book),
        )
        .route("/api/books/{id}/toc/{n}", get(get_item))
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Shelfmark API", description = "Books, their tables of contents, and writes with a bearer token."),
    paths(list_books, get_book, get_item, create_books, put_book, delete_book),
    components(schemas(BookPage, BookSummaryOut, BookOut, ItemOut, WriteResult, Written, ErrorOut)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            security::SecurityScheme::Http(
                security::HttpBuilder::new()
                    .scheme(security::HttpAuthScheme::Bearer)
                    .description(Some("A token from `shelfmark token create`"))
                    .build(),
            ),
        );
    }
}

/// The OpenAPI 3.1 document of this API.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi_document())
}

/// Paging of a list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page number, from 1.
    #[param(minimum = 1, default = 1)]
    page: Option<u64>,
    /// Books per page, 1 to 100.
    #[param(minimum = 1, maximum = 100, default = 20)]
    per_page: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookSummaryOut {
    id: String,
    title: String,
    subtitle: Option<String>,
    authors: Vec<String>,
    copyright_year: Option<i32>,
    isbn: Option<String>,
    updated_at: String,
    /// The book's landing page.
    url: String,
    /// This book in the API.
    api_url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookPage {
    items: Vec<BookSummaryOut>,
    page: u64,
    per_page: u64,
    total: u64,
    /// The next page, when there is one.
    next: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BookOut {
    id: String,
    url: String,
    created_at: String,
    updated_at: String,
    /// The book in Shelfmark JSON (the model of docs/catalog-format.md): title, subtitle,
    /// contributors, identifiers, subjects, description, toc and so on.
    #[schema(value_type = Object)]
    book: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ItemOut {
    /// Item number in reading order, from 1.
    position: u32,
    depth: u32,
    parent: Option<u32>,
    kind: String,
    label: Option<String>,
    title: String,
    /// "pp. 121-135"
    pages: Option<String>,
    first_page: Option<String>,
    last_page: Option<String>,
    excerpt: Option<String>,
    authors: Vec<String>,
    doi: Option<String>,
    url: String,
    book_id: String,
    book_title: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Written {
    id: String,
    /// added, updated or unchanged
    change: String,
    url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WriteResult {
    results: Vec<Written>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorOut {
    error: String,
    /// Located messages, as `shelfmark import` prints them.
    errors: Option<Vec<String>>,
}

#[utoipa::path(get, path = "/api/books", params(PageParams),
    responses((status = 200, description = "A page of books, most recently updated first", body = BookPage)))]
async fn list_books(
    State(app): State<Shared>,
    Query(params): Query<PageParams>,
) -> Result<Json<BookPage>, ApiError> {
    let page = params.page.unwrap_or(1);
    let per_page = params.per_page.unwrap_or(20);
    if page == 0 || !(1..=100).contains(&per_page) {
        return Err(ApiError::BadRequest(
            "page starts at 1 and per_page runs from 1 to 100".into(),
        ));
    }
    let total = app.store.count().await?;
    let offset = (page - 1).saturating_mul(per_page);
    let items = app
        .store
        .list(offset, per_page)
        .await?
        .into_iter()
        .map(|b| BookSummaryOut {
            url: format!("{}{}", app.base_url, book_path(&b.id)),
            api_url: format!("{}/api{}", app.base_url, book_path(&b.id)),
            id: b.id,
            title: b.title,
            subtitle: b.subtitle,
            authors: b.authors,
            copyright_year: b.copyright_year,
            isbn: b.isbn,
            updated_at: b.updated_at,
        })
        .collect();
    let next = (offset + per_page < total).then(|| {
        format!(
            "{}/api/books?page={}&per_page={per_page}",
            app.base_url,
            page + 1
        )
    });
    Ok(Json(BookPage {
        items,
        page,
        per_page,
        total,
        next,
    }))
}

#[utoipa::path(get, path = "/api/books/{id}",
    params(("id" = String, Path, description = "Book id or any of its ISBNs")),
    responses((status = 200, body = BookOut), (status = 404, body = ErrorOut)))]
async fn get_book(
    State(app): State<Shared>,
    Path(id): Path<String>,
) -> Result<Json<BookOut>, ApiError> {
    let stored = app
        .store
        .get(&id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no book with id or ISBN \"{id}\"")))?;
    Ok(Json(BookOut {
        url: format!("{}{}", app.base_url, book_path(&stored.id)),
        book: serde_json::to_value(&stored.book).map_err(|e| ApiError::Internal(e.to_string()))?,
        id: stored.id,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    }))
}

#[utoipa::path(get, path = "/api/books/{id}/toc/{n}",
    params(("id" = String, Path, description = "Book id or ISBN"), ("n" = u32, Path, description = "Item number, from 1")),
    responses((status = 200, body = ItemOut), (status = 404, body = ErrorOut)))]
async fn get_item(
    State(app): State<Shared>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Json<ItemOut>, ApiError> {
    let stored = app
        .store
        .get(&id)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("no book with id or ISBN \"{id}\"")))?;
    let book = &stored.book;
    let item = n
        .parse::<u32>()
        .ok()
        .and_then(|n| book.toc_item(n))
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "\"{}\" has no item \"{n}\"; its items are numbered 1 to {}",
                stored.id,
                book.toc_items().len()
            ))
        })?;
    let e = item.entry;
    Ok(Json(ItemOut {
        position: item.position,
        depth: item.depth,
        parent: item.parent,
        kind: e.kind.as_str().to_owned(),
        label: e.label.clone(),
        title: e.title.clone(),
        pages: pages_text(&item),
        first_page: e.pages.map(|p| p.first().to_string()),
        last_page: e.pages.map(|p| p.last().to_string()),
        excerpt: e.excerpt.clone(),
        authors: e.authors.iter().map(|c| c.name.to_string()).collect(),
        doi: e.doi.as_ref().map(|d| d.to_string()),
        url: format!("{}{}", app.base_url, item_path(&stored.id, item.position)),
        book_id: stored.id.clone(),
        book_title: book.full_title(),
    }))
}

/// The SHA-256 of a token, as stored.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn authorize(app: &Shared, headers: &HeaderMap) -> Result<(), ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(ApiError::Unauthorized)?;
    if app.store.has_token(&token_hash(token)).await? {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// Parses a body into books, or the located messages of everything wrong with it.
fn parse_body(body: &[u8]) -> Result<Vec<Book>, ApiError> {
    let parsed = ingest::read_books(body);
    if !parsed.diagnostics.is_empty() {
        return Err(ApiError::Unprocessable(
            parsed
                .diagnostics
                .iter()
                .map(|d| d.located("body"))
                .collect(),
        ));
    }
    Ok(parsed.books.into_iter().map(|(_, b)| b).collect())
}

fn written(app: &Shared, outcomes: Vec<Outcome>) -> WriteResult {
    WriteResult {
        results: outcomes
            .into_iter()
            .map(|o| Written {
                url: format!("{}{}", app.base_url, book_path(&o.id)),
                change: o.change.as_str().to_owned(),
                id: o.id,
            })
            .collect(),
    }
}

#[utoipa::path(post, path = "/api/books",
    request_body(description = "One or more books: catalog text, Shelfmark JSON (a book or an array), MARC 21 (ISO 2709, MARCXML, MARC-in-JSON) or ONIX 3",
        content(("text/plain"), ("application/json"), ("application/marc"), ("application/marcxml+xml"), ("application/xml"))),
    responses((status = 201, body = WriteResult), (status = 401, body = ErrorOut),
        (status = 409, body = ErrorOut), (status = 422, body = ErrorOut)),
    security(("bearer" = [])))]
async fn create_books(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(&app, &headers).await?;
    let books = parse_body(&body)?;
    let outcomes = app.store.import(&books).await?;
    app.pages.version(app.store.as_ref(), true).await?;
    Ok((StatusCode::CREATED, Json(written(&app, outcomes))).into_response())
}

#[utoipa::path(put, path = "/api/books/{id}",
    params(("id" = String, Path, description = "Book id")),
    request_body(description = "One book: catalog text or Shelfmark JSON", content(("text/plain"), ("application/json"))),
    responses((status = 200, body = WriteResult), (status = 201, body = WriteResult), (status = 401, body = ErrorOut),
        (status = 409, body = ErrorOut), (status = 422, body = ErrorOut)),
    security(("bearer" = [])))]
async fn put_book(
    State(app): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    authorize(&app, &headers).await?;
    if biblio::model::slugify(&id) != id {
        return Err(ApiError::BadRequest(format!(
            "\"{id}\" is not a valid id: use lowercase letters, digits and hyphens, like \"{}\"",
            biblio::model::slugify(&id)
        )));
    }
    let mut books = parse_body(&body)?;
    if books.len() != 1 {
        return Err(ApiError::Unprocessable(vec![format!(
            "body holds {} books; PUT takes exactly one",
            books.len()
        )]));
    }
    let book = books.remove(0);
    let outcome = app.store.put(&id, &book).await?;
    app.pages.version(app.store.as_ref(), true).await?;
    let status = if outcome.change == crate::store::Change::Added {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(written(&app, vec![outcome]))).into_response())
}

#[utoipa::path(delete, path = "/api/books/{id}",
    params(("id" = String, Path, description = "Book id or ISBN")),
    responses((status = 204, description = "Deleted"), (status = 401, body = ErrorOut), (status = 404, body = ErrorOut)),
    security(("bearer" = [])))]
async fn delete_book(
    State(app): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    authorize(&app, &headers).await?;
    app.store.delete(&id).await?;
    app.pages.version(app.store.as_ref(), true).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
