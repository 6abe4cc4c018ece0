//! Pinned citations: a page or page range inside the cited item.
//!
//! The locator is parsed as a [`PageRange`] (arabic or lowercase roman) and must lie
//! inside the item's own pages, or, for a whole book, inside the span of its table of
//! contents. A page outside is an error that names the item and its pages, so that a
//! wrong link never turns into a wrong citation. Items and books without page numbers
//! accept any page.

use hayagriva::citationberg::IndependentStyle;

use super::CiteError;
use crate::{Book, Page, PageRange};

/// Parses a locator and checks it against the book (`item: None`) or the item at a
/// 1-based position.
pub fn check_locator(
    book: &Book,
    item: Option<u32>,
    locator: &str,
) -> Result<PageRange, CiteError> {
    let trimmed = locator.trim();
    let pages: PageRange = trimmed
        .parse()
        .map_err(|_| CiteError::BadLocator(trimmed.to_owned()))?;
    let (title, span) = match item {
        Some(position) => {
            let found = book
                .toc_item(position)
                .ok_or_else(|| crate::formats::NoSuchItem {
                    title: book.title.clone(),
                    position,
                    count: book.toc_items().len(),
                })?;
            (found.entry.title.clone(), found.entry.pages)
        }
        None => (book.title.clone(), book_span(book)),
    };
    match span {
        Some(span) if !span.contains(&pages) => Err(CiteError::LocatorOutside {
            what: if pages.is_single() {
                format!("page {pages} is")
            } else {
                format!("pages {pages} are")
            },
            title,
            pages: span.to_string(),
        }),
        _ => Ok(pages),
    }
}

/// From the first page of the first paged item to the last page of the last.
fn book_span(book: &Book) -> Option<PageRange> {
    let items = book.toc_items();
    let mut ranges = items.iter().filter_map(|i| i.entry.pages);
    let first = ranges.next()?;
    let (lo, hi) = ranges.fold((first.first(), first.last()), |(lo, hi), r| {
        (lo.min(r.first()), hi.max(r.last()))
    });
    PageRange::new(lo, hi).ok()
}

/// A locator as the style prints it: a range in the style's page-range format with an
/// en dash (`122–23` in Chicago), roman ranges in full (`viii–ix`).
pub(super) fn display(pages: PageRange, style: &IndependentStyle) -> String {
    if pages.is_single() {
        return pages.first().to_string();
    }
    let (first, last) = (pages.first().to_string(), pages.last().to_string());
    match (
        pages.first(),
        pages.last(),
        style.settings.page_range_format,
    ) {
        (Page::Arabic(_), Page::Arabic(_), Some(format)) => {
            let mut out = String::new();
            match format.format(&mut out, &first, &last, None) {
                Ok(()) => out,
                Err(_) => format!("{first}\u{2013}{last}"),
            }
        }
        _ => format!("{first}\u{2013}{last}"),
    }
}
