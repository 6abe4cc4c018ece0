//! The web server: landing pages for books and their items, what machines read on
//! them, and the JSON API.
//!
//! Pages are rendered on the server from embedded templates and work without
//! JavaScript. Handlers turn store results into view structs (`views`), metadata
//! (`meta`) and graphics (`cover`); only `api` speaks JSON.

pub mod api;
pub mod cache;
pub mod cite;
pub mod cover;
pub mod error;
pub mod meta;
mod pages;
pub mod views;

use std::sync::Arc;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderValue, header},
    middleware,
    response::Response,
    routing::get,
};
use minijinja::Environment;

use crate::store::Store;

/// The largest request body the API accepts.
pub const MAX_BODY: usize = 16 * 1024 * 1024;

/// What every handler shares.
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub templates: Environment<'static>,
    /// Scheme, host and port that links in pages and metadata start with, no final slash.
    pub base_url: String,
    /// Pages already rendered, by path and catalog version.
    pub pages: cache::PageCache,
    /// The bundled citation styles, parsed once.
    pub styles: biblio::cite::Styles,
}

pub type Shared = Arc<AppState>;

/// The templates, embedded in the binary.
fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    // HTML escaping of the five characters that matter, leaving `/` readable in URLs
    // (the default also escapes it, which some metadata readers do not undo).
    env.set_formatter(|out, state, value| {
        let html = matches!(state.auto_escape(), minijinja::AutoEscape::Html);
        if html && !value.is_safe() && !value.is_undefined() && !value.is_none() {
            out.write_str(&views::escape(&value.to_string()))
                .map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed")
                })
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    for (name, source) in [
        ("base.html", include_str!("../../templates/base.html")),
        ("cite.html", include_str!("../../templates/cite.html")),
        ("book.html", include_str!("../../templates/book.html")),
        ("chapter.html", include_str!("../../templates/chapter.html")),
        ("list.html", include_str!("../../templates/list.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("embedded template {name} is invalid: {e}"));
    }
    env
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, base_url: &str) -> Shared {
        Arc::new(AppState {
            store,
            templates: templates(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            pages: cache::PageCache::default(),
            styles: biblio::cite::Styles::bundled(),
        })
    }
}

/// Security headers on every response. The policy allows only our own stylesheet and
/// script: no inline script or style, no framing.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    response
}

/// The whole application.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/books", get(pages::all_books))
        .route("/books/{id}", get(pages::book))
        .route("/books/{id}/cover.svg", get(pages::cover))
        .route("/books/{id}/cite", get(cite::book_cite))
        .route("/books/{id}/{item}", get(pages::item))
        .route("/books/{id}/{item}/cite", get(cite::item_cite))
        .route("/subjects/{name}", get(pages::subject))
        .route("/authors/{slug}", get(pages::author))
        .route("/search", get(pages::search))
        .route("/sitemap.xml", get(pages::sitemap))
        .route("/robots.txt", get(pages::robots))
        .route("/static/{file}", get(pages::static_file))
        .merge(api::router().layer(DefaultBodyLimit::max(MAX_BODY)))
        .fallback(pages::not_found)
        .layer(middleware::map_response(security_headers))
        .with_state(state)
}
