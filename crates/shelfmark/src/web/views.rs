//! View structs: what templates see. Built by hand from the model so that the model is
//! not shaped by the pages, and so that templates only print (no logic, no lookups).

use biblio::{Book, Contributor, Medium, PersonName, Role, TocItem, TocKind, model::slugify};
use serde::Serialize;

/// A person with the link to their author page.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub url: String,
    /// What follows the name in a list: ", ", " and " or nothing.
    pub sep: &'static str,
}

#[derive(Debug, Serialize)]
pub struct BylineView {
    pub prefix: &'static str,
    pub people: Vec<PersonView>,
}

#[derive(Debug, Serialize)]
pub struct LinkView {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct IsbnView {
    pub label: &'static str,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub position: u32,
    pub depth: u32,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub label: Option<String>,
    pub title: String,
    pub display_title: String,
    pub pages_text: Option<String>,
    pub excerpt: Vec<String>,
    pub authors: Vec<PersonView>,
    pub authors_text: String,
    pub doi: Option<String>,
    pub doi_url: Option<String>,
    pub url: String,
    pub children: Vec<ItemView>,
}

#[derive(Debug, Serialize)]
pub struct BookView {
    pub id: String,
    pub path: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub full_title: String,
    pub bylines: Vec<BylineView>,
    pub authors_text: String,
    pub year: Option<i32>,
    pub publisher: Option<String>,
    pub place: Option<String>,
    pub isbns: Vec<IsbnView>,
    pub doi: Option<String>,
    pub doi_url: Option<String>,
    pub language: Option<String>,
    pub subjects: Vec<LinkView>,
    pub description_html: Option<String>,
    pub toc: Vec<ItemView>,
    pub cover_url: String,
    pub pagination_svg: Option<String>,
}

/// One line of a list of books.
#[derive(Debug, Serialize)]
pub struct SummaryView {
    pub url: String,
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: String,
    pub year: Option<i32>,
}

impl From<&crate::store::BookSummary> for SummaryView {
    fn from(b: &crate::store::BookSummary) -> Self {
        SummaryView {
            url: book_path(&b.id),
            title: b.title.clone(),
            subtitle: b.subtitle.clone(),
            authors: b.authors.join(", "),
            year: b.copyright_year,
        }
    }
}

pub fn book_path(id: &str) -> String {
    format!("/books/{}", url_segment(id))
}

pub fn item_path(id: &str, position: u32) -> String {
    format!("/books/{}/{position}", url_segment(id))
}

pub fn subject_path(subject: &str) -> String {
    format!("/subjects/{}", url_segment(subject))
}

/// The author page of a person: `/authors/lankov-andrei`.
pub fn person_slug(name: &PersonName) -> String {
    slugify(&name.sort_form())
}

pub fn person_path(name: &PersonName) -> String {
    format!("/authors/{}", person_slug(name))
}

/// Percent-encodes one path segment.
pub fn url_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn people(list: &[&Contributor]) -> Vec<PersonView> {
    let n = list.len();
    list.iter()
        .enumerate()
        .map(|(i, c)| PersonView {
            name: c.name.to_string(),
            url: person_path(&c.name),
            sep: match (n, i) {
                (2, 0) => " and ",
                (_, i) if i + 2 == n => ", and ",
                (_, i) if i + 1 < n => ", ",
                _ => "",
            },
        })
        .collect()
}

/// "A", "A and B", "A, B, and C".
pub fn names_text(list: &[&Contributor]) -> String {
    people(list)
        .into_iter()
        .map(|p| format!("{}{}", p.name, p.sep))
        .collect()
}

pub fn kind_label(kind: TocKind) -> &'static str {
    match kind {
        TocKind::FrontMatter => "Front matter",
        TocKind::Contents => "Contents",
        TocKind::Preface => "Preface",
        TocKind::Acknowledgments => "Acknowledgments",
        TocKind::Note => "Note",
        TocKind::Introduction => "Introduction",
        TocKind::Chapter => "Chapter",
        TocKind::Conclusion => "Conclusion",
        TocKind::Notes => "Notes",
        TocKind::Bibliography => "Bibliography",
        TocKind::Index => "Index",
        TocKind::BackMatter => "Back matter",
        TocKind::Part => "Part",
    }
}

/// "pp. 121-135" or "p. 5".
pub fn pages_text(item: &TocItem<'_>) -> Option<String> {
    item.entry.pages.map(|p| {
        if p.is_single() {
            format!("p. {p}")
        } else {
            format!("pp. {p}")
        }
    })
}

/// Paragraphs of plain text, split on blank lines.
pub fn paragraphs(text: Option<&str>) -> Vec<String> {
    text.map(|t| {
        t.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

/// A description as HTML: markup some sources carry (ONIX, publishers' feeds) is kept
/// after ammonia strips everything unsafe; plain text is escaped into paragraphs.
pub fn description_html(text: &str) -> String {
    if text.contains('<') {
        return ammonia::clean(text);
    }
    paragraphs(Some(text))
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect()
}

/// A description as plain text, for metadata: markup removed, paragraphs joined.
pub fn plain_text(text: &str) -> String {
    let text = if text.contains('<') {
        let cleaned = ammonia::Builder::empty().clean(text).to_string();
        cleaned
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", "\u{a0}")
            .replace("&amp;", "&")
    } else {
        text.to_owned()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn item_view(id: &str, book: &Book, item: &TocItem<'_>, with_children: bool) -> ItemView {
    let e = item.entry;
    let authors: Vec<&Contributor> = e.authors.iter().collect();
    let children = if with_children {
        book.toc_items()
            .iter()
            .filter(|c| c.parent == Some(item.position))
            .map(|c| item_view(id, book, c, false))
            .collect()
    } else {
        Vec::new()
    };
    ItemView {
        position: item.position,
        depth: item.depth,
        kind: e.kind.as_str(),
        kind_label: kind_label(e.kind),
        label: e.label.clone(),
        title: e.title.clone(),
        display_title: e.display_title(),
        pages_text: pages_text(item),
        excerpt: paragraphs(e.excerpt.as_deref()),
        authors_text: names_text(&authors),
        authors: people(&authors),
        doi: e.doi.as_ref().map(|d| d.to_string()),
        doi_url: e.doi.as_ref().map(|d| d.url()),
        url: item_path(id, item.position),
        children,
    }
}

pub fn book_view(id: &str, book: &Book) -> BookView {
    let mut bylines = Vec::new();
    let mut rest = book.contributors.as_slice();
    while let Some(first) = rest.first() {
        let run = rest.iter().take_while(|c| c.role == first.role).count();
        let group: Vec<&Contributor> = rest[..run].iter().collect();
        bylines.push(BylineView {
            prefix: first.role.byline_prefix().unwrap_or(""),
            people: people(&group),
        });
        rest = &rest[run..];
    }
    let authors: Vec<&Contributor> = book.contributors_in(Role::Author).collect();
    let editors: Vec<&Contributor> = book.contributors_in(Role::Editor).collect();
    let authors_text = if authors.is_empty() && !editors.is_empty() {
        format!("{}, ed.", names_text(&editors))
    } else {
        names_text(&authors)
    };
    BookView {
        id: id.to_owned(),
        path: book_path(id),
        title: book.title.clone(),
        subtitle: book.subtitle.clone(),
        full_title: book.full_title(),
        bylines,
        authors_text,
        year: book.copyright_year,
        publisher: book.publisher.clone(),
        place: book.place.clone(),
        isbns: book
            .isbns()
            .map(|(isbn, medium)| IsbnView {
                label: if medium == Medium::Electronic {
                    "eISBN"
                } else {
                    "ISBN"
                },
                value: isbn.to_string(),
            })
            .collect(),
        doi: book.doi().map(|d| d.to_string()),
        doi_url: book.doi().map(|d| d.url()),
        language: book.language.as_ref().map(|l| l.to_string()),
        subjects: book
            .subjects
            .iter()
            .map(|s| LinkView {
                name: s.to_string(),
                url: subject_path(s.as_str()),
            })
            .collect(),
        description_html: book.description.as_deref().map(description_html),
        toc: book
            .toc_items()
            .iter()
            .map(|i| item_view(id, book, i, false))
            .collect(),
        cover_url: format!("{}/cover.svg", book_path(id)),
        pagination_svg: super::cover::pagination_svg(id, book),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_descriptions() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            description_html("One.\n\nTwo & three."),
            "<p>One.</p><p>Two &amp; three.</p>"
        );
        let dirty = description_html("<p onclick=\"x()\">Hi<script>alert(1)</script></p>");
        assert_eq!(dirty, "<p>Hi</p>");
        assert_eq!(url_segment("Political Science"), "Political%20Science");
    }
}
