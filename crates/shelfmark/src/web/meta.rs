//! What machines read on a landing page: Highwire Press `citation_*` tags (Google
//! Scholar, Zotero), schema.org JSON-LD (search engines), and a COinS span (Zotero and
//! link resolvers). Built from the model; the templates only print them.

use biblio::{Book, Contributor, Medium, Role, TocItem};
use serde_json::{Value, json};

use super::views::{book_path, item_path};

/// Name and content of one `<meta>` tag.
pub type Tag = (String, String);

fn tag(name: &str, content: impl Into<String>) -> Tag {
    (name.to_owned(), content.into())
}

/// "Lankov, Andrei" for Western names; East Asian names in their own order.
fn highwire_name(c: &Contributor) -> String {
    c.name.sort_form()
}

fn people_tags(out: &mut Vec<Tag>, people: &[Contributor]) {
    for c in people {
        match c.role {
            Role::Author => out.push(tag("citation_author", highwire_name(c))),
            Role::Editor => out.push(tag("citation_editor", highwire_name(c))),
            Role::Translator | Role::Foreword => {}
        }
    }
}

fn shared_book_tags(out: &mut Vec<Tag>, book: &Book) {
    if let Some(year) = book.copyright_year {
        out.push(tag("citation_publication_date", year.to_string()));
    }
    if let Some(publisher) = &book.publisher {
        out.push(tag("citation_publisher", publisher.clone()));
    }
    for (isbn, _) in book.isbns() {
        out.push(tag("citation_isbn", isbn.to_string()));
    }
    if let Some(lang) = &book.language {
        out.push(tag("citation_language", lang.to_string()));
    }
}

/// Highwire tags of a book page. No `citation_inbook_title`: that would make Zotero
/// save the book as a section.
pub fn book_tags(base: &str, id: &str, book: &Book) -> Vec<Tag> {
    let mut out = vec![tag("citation_title", book.full_title())];
    people_tags(&mut out, &book.contributors);
    shared_book_tags(&mut out, book);
    if let Some(doi) = book.doi() {
        out.push(tag("citation_doi", doi.to_string()));
    }
    for s in &book.subjects {
        out.push(tag("citation_keywords", s.to_string()));
    }
    if let Some(d) = &book.description {
        out.push(tag("citation_abstract", super::views::plain_text(d)));
    }
    out.push(tag(
        "citation_abstract_html_url",
        format!("{base}{}", book_path(id)),
    ));
    out
}

/// Highwire tags of a table-of-contents item: the item's own title, pages and DOI, the
/// book's title, ISBN, publisher and date. The item's authors are its own where it has
/// them, the book's otherwise.
pub fn item_tags(base: &str, id: &str, book: &Book, item: &TocItem<'_>) -> Vec<Tag> {
    let e = item.entry;
    let mut out = vec![tag("citation_title", e.title.clone())];
    if e.authors.is_empty() {
        people_tags(&mut out, &book.contributors);
    } else {
        people_tags(&mut out, &e.authors);
        let editors: Vec<Contributor> = book.contributors_in(Role::Editor).cloned().collect();
        people_tags(&mut out, &editors);
    }
    out.push(tag("citation_inbook_title", book.full_title()));
    out.push(tag("citation_book_title", book.full_title()));
    if let Some(pages) = e.pages {
        out.push(tag("citation_firstpage", pages.first().to_string()));
        out.push(tag("citation_lastpage", pages.last().to_string()));
    }
    shared_book_tags(&mut out, book);
    if let Some(doi) = &e.doi {
        out.push(tag("citation_doi", doi.to_string()));
    }
    out.push(tag(
        "citation_abstract_html_url",
        format!("{base}{}", item_path(id, item.position)),
    ));
    out
}

fn person_ld(c: &Contributor) -> Value {
    let mut p = json!({"@type": "Person", "name": c.name.to_string(), "familyName": c.name.family});
    if let Some(given) = &c.name.given {
        p["givenName"] = json!(given);
    }
    p
}

fn people_ld(book_people: &[Contributor], role: Role) -> Vec<Value> {
    book_people
        .iter()
        .filter(|c| c.role == role)
        .map(person_ld)
        .collect()
}

fn book_ld_core(base: &str, id: &str, book: &Book) -> Value {
    let url = format!("{base}{}", book_path(id));
    let mut ld = json!({
        "@type": "Book",
        "@id": url,
        "url": url,
        "name": book.full_title(),
    });
    let authors = people_ld(&book.contributors, Role::Author);
    if !authors.is_empty() {
        ld["author"] = json!(authors);
    }
    let editors = people_ld(&book.contributors, Role::Editor);
    if !editors.is_empty() {
        ld["editor"] = json!(editors);
    }
    let isbns: Vec<String> = book.isbns().map(|(i, _)| i.to_string()).collect();
    match isbns.as_slice() {
        [] => {}
        [one] => ld["isbn"] = json!(one),
        many => ld["isbn"] = json!(many),
    }
    if book.isbns().any(|(_, m)| m == Medium::Electronic) {
        ld["bookFormat"] = json!("https://schema.org/EBook");
    }
    if let Some(year) = book.copyright_year {
        ld["copyrightYear"] = json!(year);
        ld["datePublished"] = json!(year.to_string());
    }
    if let Some(publisher) = &book.publisher {
        let mut org = json!({"@type": "Organization", "name": publisher});
        if let Some(place) = &book.place {
            org["location"] = json!(place);
        }
        ld["publisher"] = org;
    }
    ld
}

/// schema.org JSON-LD for a book page: the Book with its items as `hasPart`.
pub fn book_json_ld(base: &str, id: &str, book: &Book) -> String {
    let mut ld = book_ld_core(base, id, book);
    ld["@context"] = json!("https://schema.org");
    if let Some(doi) = book.doi() {
        ld["sameAs"] = json!(doi.url());
    }
    if let Some(d) = &book.description {
        ld["description"] = json!(super::views::plain_text(d));
    }
    if let Some(lang) = &book.language {
        ld["inLanguage"] = json!(lang.to_string());
    }
    if !book.subjects.is_empty() {
        ld["keywords"] = json!(
            book.subjects
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        );
        ld["about"] = json!(
            book.subjects
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let parts: Vec<Value> = book
        .toc_items()
        .iter()
        .map(|item| chapter_core(base, id, item))
        .collect();
    if !parts.is_empty() {
        ld["hasPart"] = json!(parts);
    }
    script_safe(&ld)
}

fn chapter_core(base: &str, id: &str, item: &TocItem<'_>) -> Value {
    let url = format!("{base}{}", item_path(id, item.position));
    let mut ld = json!({
        "@type": "Chapter",
        "@id": url,
        "url": url,
        "name": item.entry.display_title(),
        "position": item.position,
    });
    if let Some(p) = item.entry.pages {
        ld["pageStart"] = json!(p.first().to_string());
        ld["pageEnd"] = json!(p.last().to_string());
        ld["pagination"] = json!(p.to_string());
    }
    ld
}

/// schema.org JSON-LD for an item page: a Chapter that is part of its Book.
pub fn item_json_ld(base: &str, id: &str, book: &Book, item: &TocItem<'_>) -> String {
    let mut ld = chapter_core(base, id, item);
    ld["@context"] = json!("https://schema.org");
    let authors: Vec<Value> = item
        .entry
        .authors
        .iter()
        .filter(|c| c.role == Role::Author)
        .map(person_ld)
        .collect();
    if !authors.is_empty() {
        ld["author"] = json!(authors);
    } else {
        let book_authors = people_ld(&book.contributors, Role::Author);
        if !book_authors.is_empty() {
            ld["author"] = json!(book_authors);
        }
    }
    if let Some(doi) = &item.entry.doi {
        ld["sameAs"] = json!(doi.url());
    }
    if let Some(excerpt) = &item.entry.excerpt {
        ld["abstract"] = json!(excerpt);
    }
    ld["isPartOf"] = book_ld_core(base, id, book);
    script_safe(&ld)
}

/// JSON that is safe inside a `<script>` element: `<`, `>` and `&` are escaped as
/// `\u003c` and friends, so `</script>` in a title cannot end the element.
fn script_safe(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A COinS span (OpenURL 1.0 in a `title` attribute) for a book or an item.
pub fn coins(book: &Book, item: Option<&TocItem<'_>>) -> String {
    let mut kv: Vec<(&str, String)> = vec![
        ("ctx_ver", "Z39.88-2004".into()),
        ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book".into()),
    ];
    match item {
        Some(item) => {
            kv.push(("rft.genre", "bookitem".into()));
            kv.push(("rft.atitle", item.entry.title.clone()));
            if let Some(p) = item.entry.pages {
                kv.push(("rft.spage", p.first().to_string()));
                kv.push(("rft.epage", p.last().to_string()));
                kv.push(("rft.pages", p.to_string()));
            }
        }
        None => kv.push(("rft.genre", "book".into())),
    }
    kv.push(("rft.btitle", book.full_title()));
    let people = match item {
        Some(i) if !i.entry.authors.is_empty() => &i.entry.authors,
        _ => &book.contributors,
    };
    for c in people.iter().filter(|c| c.role == Role::Author) {
        kv.push(("rft.au", c.name.sort_form()));
    }
    if let Some(year) = book.copyright_year {
        kv.push(("rft.date", year.to_string()));
    }
    if let Some(p) = &book.publisher {
        kv.push(("rft.pub", p.clone()));
    }
    if let Some(p) = &book.place {
        kv.push(("rft.place", p.clone()));
    }
    for (isbn, _) in book.isbns() {
        kv.push(("rft.isbn", isbn.to_string()));
    }
    let query = serde_urlencoded::to_string(&kv).unwrap_or_default();
    format!(
        "<span class=\"Z3988\" title=\"{}\"></span>",
        super::views::escape(&query)
    )
}
