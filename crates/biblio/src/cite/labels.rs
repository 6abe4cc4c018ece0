//! Labels of roman page ranges are plural.
//!
//! hayagriva decides between "p." and "pp." by reading the pages as numbers, so a range
//! of front-matter pages (`vii–xii`) is labelled as one page. When the pages printed
//! are a roman range, this turns the singular page label of the rendered output into
//! the plural one, for the English terms of the bundled locales (`p.`, `page`).

use hayagriva::{ElemChild, ElemChildren, ElemMeta};

use crate::PageRange;

/// Whether a range is printed as several pages that hayagriva cannot count.
pub(super) fn needs_plural(pages: Option<PageRange>) -> bool {
    pages.is_some_and(|p| !p.is_single() && (p.first().is_roman() || p.last().is_roman()))
}

/// Makes every singular page label in `content` plural.
pub(super) fn pluralize(content: &mut ElemChildren) {
    for child in &mut content.0 {
        if let ElemChild::Elem(elem) = child {
            if elem.meta == Some(ElemMeta::Label) {
                for part in &mut elem.children.0 {
                    if let ElemChild::Text(t) = part {
                        for (one, many) in [
                            ("p.", "pp."),
                            ("P.", "Pp."),
                            ("page", "pages"),
                            ("Page", "Pages"),
                        ] {
                            if t.text.trim() == one {
                                t.text = t.text.replace(one, many);
                                break;
                            }
                        }
                    }
                }
            } else {
                pluralize(&mut elem.children);
            }
        }
    }
}
