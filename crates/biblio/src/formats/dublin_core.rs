//! Dublin Core as OAI-PMH serves it (`oai_dc`): the fifteen simple elements, for
//! harvesters that know nothing richer. Write-only: nothing imports Dublin Core, since
//! it cannot say which name is an author or which number an ISBN.

use super::xml::escape;
use crate::model::{Book, Identifier, Role};

pub const OAI_DC_NAMESPACE: &str = "http://www.openarchives.org/OAI/2.0/oai_dc/";
pub const DC_NAMESPACE: &str = "http://purl.org/dc/elements/1.1/";

/// One `<oai_dc:dc>` element for a book, with namespace declarations and schema
/// location, ready to stand alone or sit in an OAI-PMH `<metadata>`.
pub fn render(book: &Book) -> String {
    let mut out = format!(
        "<oai_dc:dc xmlns:oai_dc=\"{OAI_DC_NAMESPACE}\" xmlns:dc=\"{DC_NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{OAI_DC_NAMESPACE} http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">\n"
    );
    let mut el = |name: &str, value: &str| {
        out.push_str(&format!("  <dc:{name}>{}</dc:{name}>\n", escape(value)));
    };
    el("title", &book.full_title());
    for c in &book.contributors {
        let name = c.name.sort_form();
        if c.role == Role::Author {
            el("creator", &name);
        } else {
            el("contributor", &name);
        }
    }
    for s in &book.subjects {
        el("subject", s.as_str());
    }
    if let Some(d) = &book.description {
        el("description", d);
    }
    if let Some(p) = &book.publisher {
        el("publisher", p);
    }
    if let Some(y) = book.copyright_year {
        el("date", &format!("{y:04}"));
    }
    el("type", "Text");
    el("type", "Book");
    if let Some(extent) = &book.extent {
        el("format", extent);
    }
    for id in &book.identifiers {
        match id {
            Identifier::Isbn { value, .. } => {
                el("identifier", &format!("urn:isbn:{}", value.compact()))
            }
            Identifier::Doi { value } => el("identifier", &value.url()),
        }
    }
    if let Some(l) = &book.language {
        el("language", l.as_str());
    }
    if let Some(series) = &book.series {
        el("relation", series);
    }
    out.push_str("</oai_dc:dc>\n");
    out
}

/// Several books as a standalone XML document, one `<oai_dc:dc>` after another inside
/// a `<records>` wrapper (oai_dc has no collection element of its own).
pub fn render_many(books: &[Book]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if let [one] = books {
        out.push_str(&render(one));
        return out;
    }
    out.push_str("<records>\n");
    for b in books {
        out.push_str(&render(b));
    }
    out.push_str("</records>\n");
    out
}
