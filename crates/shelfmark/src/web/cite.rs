//! "Cite this Item" on the pages, and the citation downloads.
//!
//! Citations come from `biblio::cite` in every bundled style. The styles are parsed once
//! per server; the formatted citations are part of the cached page, so a page view does
//! not run the CSL engine. Only a citation pinned to a page (`?locator=`) is formatted
//! on request.

use axum::{
    extract::{Path, Query, State},
    http::header,
    response::{IntoResponse, Response},
};
use biblio::{
    Book,
    cite::{self, CiteError, Styles},
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Shared, error::PageError, views};

/// The CSL engine's inline styles as classes, which the Content-Security-Policy allows.
fn csp_safe(html: &str) -> String {
    html.replace(
        "<span style=\"font-variant:small-caps;\">",
        "<span class=\"csl-sc\">",
    )
    .replace(
        "<span style=\"font-weight:lighter;\">",
        "<span class=\"csl-light\">",
    )
    .replace(
        "<span style=\"text-decoration:underline;\">",
        "<span class=\"csl-u\">",
    )
}

/// The citation forms of a book or item in every bundled style, for the template.
pub fn citations(
    styles: &Styles,
    book: &Book,
    item: Option<u32>,
    locator: Option<&str>,
) -> Result<Vec<Value>, CiteError> {
    let mut out = Vec::new();
    for style in styles.iter() {
        let c = styles.format(book, item, style, locator)?;
        let mut forms = Vec::new();
        let (first, later) = if style.is_note_style() {
            ("Note", Some("Short note"))
        } else {
            ("In-text citation", None)
        };
        if let Some(bib) = &c.bibliography {
            forms.push(json!({"label": "Bibliography", "html": csp_safe(&bib.html)}));
        }
        forms.push(json!({"label": first, "html": csp_safe(&c.first.html)}));
        if let Some(label) = later
            && c.subsequent.text != c.first.text
        {
            forms.push(json!({"label": label, "html": csp_safe(&c.subsequent.html)}));
        }
        out.push(json!({"style": style.title(), "name": style.name(), "forms": forms}));
    }
    Ok(out)
}

/// Download links of a page: RIS, BibTeX, CSL-JSON, EndNote.
pub fn downloads(path: &str) -> Vec<Value> {
    FORMATS
        .iter()
        .map(|f| json!({"mime": f.mime, "title": f.title, "href": format!("{path}/cite?format={}", f.param)}))
        .collect()
}

struct DownloadFormat {
    param: &'static str,
    title: &'static str,
    mime: &'static str,
    extension: &'static str,
    write: fn(&Book, Option<u32>) -> Result<String, CiteError>,
}

const FORMATS: [DownloadFormat; 4] = [
    DownloadFormat {
        param: "ris",
        title: "RIS",
        mime: "application/x-research-info-systems",
        extension: "ris",
        write: cite::ris,
    },
    DownloadFormat {
        param: "bibtex",
        title: "BibTeX",
        mime: "application/x-bibtex",
        extension: "bib",
        write: cite::bibtex,
    },
    DownloadFormat {
        param: "csl-json",
        title: "CSL-JSON",
        mime: "application/vnd.citationstyles.csl+json",
        extension: "json",
        write: cite::csl_json,
    },
    DownloadFormat {
        param: "enw",
        title: "EndNote",
        mime: "application/x-endnote-refer",
        extension: "enw",
        write: cite::endnote,
    },
];

#[derive(Debug, Deserialize)]
pub struct CiteParams {
    format: Option<String>,
    style: Option<String>,
    locator: Option<String>,
}

/// `/books/{id}/cite` and `/books/{id}/{n}/cite`: a download (`?format=ris`) or the
/// citation in one style as text (`?style=apa&locator=127`).
async fn answer(
    app: &Shared,
    id: &str,
    item: Option<u32>,
    params: CiteParams,
) -> Result<Response, PageError> {
    let stored = app.store.get(id).await?.ok_or_else(|| {
        PageError::NotFound(format!("There is no book \"{id}\" in this catalog."))
    })?;
    let book = &stored.book;
    if let Some(n) = item
        && book.toc_item(n).is_none()
    {
        return Err(PageError::NotFound(format!(
            "\"{}\" has no item {n}.",
            book.title
        )));
    }
    let name = match item {
        Some(n) => format!("{}-{n}", stored.id),
        None => stored.id.clone(),
    };
    if let Some(format) = params.format.as_deref() {
        let f = FORMATS.iter().find(|f| f.param == format).ok_or_else(|| {
            let known: Vec<&str> = FORMATS.iter().map(|f| f.param).collect();
            PageError::BadRequest(format!(
                "Unknown format \"{format}\"; use one of {}.",
                known.join(", ")
            ))
        })?;
        let body = (f.write)(book, item).map_err(|e| PageError::NotFound(e.to_string()))?;
        return Ok((
            [
                (header::CONTENT_TYPE, format!("{}; charset=utf-8", f.mime)),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.{}\"", f.extension),
                ),
            ],
            body,
        )
            .into_response());
    }
    let style_name = params
        .style
        .as_deref()
        .unwrap_or("chicago-notes-bibliography");
    let style = app
        .styles
        .require(style_name)
        .map_err(|e| PageError::BadRequest(e.to_string()))?;
    let locator = params
        .locator
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let c = app
        .styles
        .format(book, item, style, locator)
        .map_err(|e| PageError::BadRequest(e.to_string()))?;
    let mut text = format!("{}\n", c.first.text);
    if let Some(b) = &c.bibliography {
        text.push_str(&format!("{}\n", b.text));
    }
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

pub async fn book_cite(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(params): Query<CiteParams>,
) -> Result<Response, PageError> {
    answer(&app, &id, None, params).await
}

pub async fn item_cite(
    State(app): State<Shared>,
    Path((id, item)): Path<(String, String)>,
    Query(params): Query<CiteParams>,
) -> Result<Response, PageError> {
    let n = item.parse::<u32>().map_err(|_| {
        PageError::NotFound(format!("There is no item \"{}\".", views::escape(&item)))
    })?;
    answer(&app, &id, Some(n), params).await
}
