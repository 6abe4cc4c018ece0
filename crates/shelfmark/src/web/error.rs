//! Errors of the web layer and the HTTP status each one is.
//!
//! Pages answer with an HTML error page, the API with a JSON object; neither shows
//! internals: a store failure is logged and answered with a plain 500.

use axum::{
    Json,
    http::StatusCode,
    response::{Html, IntoResponse, Response},
};
use serde_json::json;

use super::views::escape;
use crate::store::StoreError;

/// An error on an HTML page.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        PageError::Internal(e.to_string())
    }
}

impl From<minijinja::Error> for PageError {
    fn from(e: minijinja::Error) -> Self {
        PageError::Internal(format!("template: {e:#}"))
    }
}

/// A complete, self-contained error page (it must render even when templates fail).
pub fn error_page(status: StatusCode, heading: &str, message: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{h} | Shelfmark</title><link rel=\"stylesheet\" href=\"/static/style.css\">\
         <link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\"></head>\
         <body><header class=\"site\"><a class=\"brand\" href=\"/\">Shelfmark</a></header>\
         <main id=\"main\"><h1>{h}</h1><p>{m}</p><p><a href=\"/\">Back to the catalog</a></p></main></body></html>\n",
        h = escape(heading),
        m = escape(message)
    );
    (status, Html(body)).into_response()
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::NotFound(what) => error_page(StatusCode::NOT_FOUND, "Not found", &what),
            PageError::BadRequest(why) => error_page(StatusCode::BAD_REQUEST, "Bad request", &why),
            PageError::Internal(detail) => {
                tracing::error!("{detail}");
                error_page(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The page could not be built. The error has been logged.",
                )
            }
        }
    }
}

/// An error from the JSON API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    NotFound(String),
    #[error(
        "a bearer token is required: send Authorization: Bearer TOKEN (see shelfmark token create)"
    )]
    Unauthorized,
    #[error("{0}")]
    BadRequest(String),
    #[error("the body has errors")]
    Unprocessable(Vec<String>),
    #[error("{0}")]
    Conflict(String),
    #[error("internal error")]
    Internal(String),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => {
                ApiError::NotFound(format!("no book with id or ISBN \"{what}\""))
            }
            StoreError::Conflict(why) => ApiError::Conflict(why),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Internal(detail) => {
                tracing::error!("{detail}");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let body = match &self {
            ApiError::Unprocessable(errors) => json!({"error": self.to_string(), "errors": errors}),
            other => json!({"error": other.to_string()}),
        };
        let mut response = (status, Json(body)).into_response();
        if matches!(self, ApiError::Unauthorized) {
            response
                .headers_mut()
                .insert("www-authenticate", "Bearer".parse().expect("static header"));
        }
        response
    }
}
