//! ONIX for Books 3.0 and 3.1, the publishers' metadata format: reader (reference and
//! short tags) and writer (3.0 reference tags, with the chapters in ContentDetail).
//!
//! No Rust crate reads ONIX, so this is ours, over the element tree of `formats::xml`
//! (quick-xml; no DOCTYPE, no entities). Short tags are renamed to their reference
//! names first, with a table taken from EDItEUR's two 3.0 schemas. ONIX 2.1, sunset
//! by EDItEUR in 2014, is recognised and refused with a diagnostic. The field mapping
//! is in `docs/marc-onix.md`.

use super::xml::{self, Element, escape};
use super::{Diagnostic, Parsed};
use crate::formats::marc::{language_from_marc, language_to_marc};
use crate::model::{
    Book, Contributor, Doi, Identifier, Isbn13, Medium, Page, PageRange, PersonName, Role, Subject,
    TocEntry, TocKind,
};

/// Short tags and their reference names, for the composites and elements we read.
const SHORT_TAGS: [(&str, &str); 94] = [
    ("ONIXMessage", "ONIXmessage"),
    ("Header", "header"),
    ("Product", "product"),
    ("RecordReference", "a001"),
    ("NotificationType", "a002"),
    ("ProductIdentifier", "productidentifier"),
    ("ProductIDType", "b221"),
    ("IDValue", "b244"),
    ("DescriptiveDetail", "descriptivedetail"),
    ("ProductComposition", "x314"),
    ("ProductForm", "b012"),
    ("TitleDetail", "titledetail"),
    ("TitleType", "b202"),
    ("TitleElement", "titleelement"),
    ("TitleElementLevel", "x409"),
    ("TitleText", "b203"),
    ("TitlePrefix", "b030"),
    ("TitleWithoutPrefix", "b031"),
    ("Subtitle", "b029"),
    ("PartNumber", "x410"),
    ("Contributor", "contributor"),
    ("SequenceNumber", "b034"),
    ("ContributorRole", "b035"),
    ("PersonName", "b036"),
    ("PersonNameInverted", "b037"),
    ("NamesBeforeKey", "b039"),
    ("KeyNames", "b040"),
    ("NamesAfterKey", "b041"),
    ("SuffixToKey", "b248"),
    ("PrefixToKey", "b247"),
    ("CorporateName", "b047"),
    ("AlternativeName", "alternativename"),
    ("NameType", "x414"),
    ("EditionNumber", "b057"),
    ("EditionStatement", "b058"),
    ("Language", "language"),
    ("LanguageRole", "b253"),
    ("LanguageCode", "b252"),
    ("Extent", "extent"),
    ("ExtentType", "b218"),
    ("ExtentValue", "b219"),
    ("ExtentUnit", "b220"),
    ("Subject", "subject"),
    ("MainSubject", "x425"),
    ("SubjectSchemeIdentifier", "b067"),
    ("SubjectCode", "b069"),
    ("SubjectHeadingText", "b070"),
    ("SubjectSchemeName", "b171"),
    ("Collection", "collection"),
    ("CollectionType", "x329"),
    ("CollateralDetail", "collateraldetail"),
    ("TextContent", "textcontent"),
    ("TextType", "x426"),
    ("ContentAudience", "x427"),
    ("Text", "d104"),
    ("PublishingDetail", "publishingdetail"),
    ("Imprint", "imprint"),
    ("ImprintName", "b079"),
    ("Publisher", "publisher"),
    ("PublishingRole", "b291"),
    ("PublisherName", "b081"),
    ("CityOfPublication", "b209"),
    ("CountryOfPublication", "b083"),
    ("PublishingDate", "publishingdate"),
    ("PublishingDateRole", "x448"),
    ("Date", "b306"),
    ("DateFormat", "j260"),
    ("ContentDetail", "contentdetail"),
    ("ContentItem", "contentitem"),
    ("LevelSequenceNumber", "b284"),
    ("TextItem", "textitem"),
    ("TextItemType", "b290"),
    ("PageRun", "pagerun"),
    ("FirstPageNumber", "b286"),
    ("LastPageNumber", "b287"),
    ("NumberOfPages", "b061"),
    ("TextItemIdentifier", "textitemidentifier"),
    ("TextItemIDType", "b285"),
    ("ComponentTypeName", "b288"),
    ("ComponentNumber", "b289"),
    ("RelatedMaterial", "relatedmaterial"),
    ("RelatedProduct", "relatedproduct"),
    ("ProductRelationCode", "x455"),
    ("Sender", "sender"),
    ("SenderName", "x298"),
    ("SentDateTime", "x307"),
    ("NoCollection", "x411"),
    ("NoEdition", "n386"),
    ("PublishingStatus", "b394"),
    ("CopyrightStatement", "copyrightstatement"),
    ("CopyrightYear", "b087"),
    ("ContributorStatement", "b049"),
    ("NoContributor", "n339"),
    ("TitleStatement", "x478"),
];

/// Renames short tags to reference names, in place.
fn to_reference(el: &mut Element) {
    if let Some((reference, _)) = SHORT_TAGS.iter().find(|(_, short)| *short == el.name) {
        el.name = (*reference).to_owned();
    }
    for child in &mut el.children {
        to_reference(child);
    }
}

/// Reads every product of an ONIX 3.0 or 3.1 message.
pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut root = match xml::parse(text) {
        Ok(root) => root,
        Err(d) => {
            parsed.records = 1;
            parsed.diagnostics.push(d);
            return parsed;
        }
    };
    to_reference(&mut root);
    if root.name != "ONIXMessage" {
        parsed.records = 1;
        parsed.diagnostics.push(Diagnostic::new(
            root.line,
            format!("root element is <{}>, expected <ONIXMessage>", root.name),
        ));
        return parsed;
    }
    let release = root.attr("release").unwrap_or("");
    let namespace_21 = root.attr("xmlns").is_some_and(|ns| ns.contains("/2.1/"));
    if release.starts_with('2') || namespace_21 || (release.is_empty() && is_onix2(&root)) {
        parsed.records = 1;
        parsed.diagnostics.push(Diagnostic::new(
            root.line,
            "this is ONIX 2.1, which EDItEUR retired in 2014; only ONIX 3.0 and 3.1 are read",
        ));
        return parsed;
    }
    for (i, product) in root.children_named(&["Product"]).enumerate() {
        parsed.records += 1;
        match product_to_book(product) {
            Ok(book) => parsed.books.push((product.line, book)),
            Err(message) => {
                let reference = product
                    .child_text(&["RecordReference"])
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                parsed.diagnostics.push(Diagnostic::new(
                    product.line,
                    format!("product {}{reference}: {message}", i + 1),
                ));
            }
        }
    }
    if parsed.records == 0 {
        parsed.diagnostics.push(Diagnostic::new(
            root.line,
            "the ONIX message holds no <Product>",
        ));
    }
    parsed
}

/// ONIX 2.1 keeps titles and publishers directly in the product.
fn is_onix2(root: &Element) -> bool {
    root.child(&["Header"])
        .is_some_and(|h| h.child(&["FromCompany", "FromPerson", "m174"]).is_some())
        || root
            .children_named(&["Product"])
            .any(|p| p.child(&["Title", "title"]).is_some())
}

fn code<'a>(el: &'a Element, name: &str) -> &'a str {
    el.child_text(&[name]).unwrap_or("")
}

fn product_to_book(product: &Element) -> Result<Book, String> {
    let detail = product
        .child(&["DescriptiveDetail"])
        .ok_or("no <DescriptiveDetail>, so no title")?;
    let (title, subtitle) = title_of(detail).ok_or("no title in <DescriptiveDetail>")?;
    let mut book = Book::new(title);
    book.subtitle = subtitle;
    let form = code(detail, "ProductForm");
    let medium = medium_of(form);
    let add_isbn = |book: &mut Book, isbn: Isbn13, medium: Medium| {
        if !book.isbns().any(|(i, _)| i == isbn) {
            book.identifiers.push(Identifier::Isbn {
                value: isbn,
                medium,
            });
        }
    };
    let mut doi: Option<Doi> = None;
    for id in product.children_named(&["ProductIdentifier"]) {
        let value = code(id, "IDValue");
        match code(id, "ProductIDType") {
            "15" | "03" | "02" => {
                if let Ok(isbn) = value.parse::<Isbn13>() {
                    add_isbn(&mut book, isbn, medium);
                }
            }
            "06" => doi = doi.or_else(|| value.parse().ok()),
            _ => {}
        }
    }
    if let Some(related) = product.child(&["RelatedMaterial"]) {
        for rp in related.children_named(&["RelatedProduct"]) {
            let relation = rp
                .children_named(&["ProductRelationCode"])
                .map(|c| c.text.trim())
                .find(|c| matches!(*c, "06" | "13" | "27"));
            let Some(relation) = relation else { continue };
            let other = match (rp.child_text(&["ProductForm"]), relation) {
                (Some(f), _) => medium_of(f),
                (None, "13") => Medium::Print,
                (None, "27") => Medium::Electronic,
                (None, _) if medium == Medium::Print => Medium::Electronic,
                (None, _) => Medium::Print,
            };
            for id in rp.children_named(&["ProductIdentifier"]) {
                if matches!(code(id, "ProductIDType"), "15" | "03" | "02")
                    && let Ok(isbn) = code(id, "IDValue").parse::<Isbn13>()
                {
                    add_isbn(&mut book, isbn, other);
                }
            }
        }
    }
    if let Some(doi) = doi {
        book.identifiers.push(Identifier::Doi { value: doi });
    }
    book.contributors = contributors(detail);
    book.edition = detail.child_text(&["EditionStatement"]).map(str::to_owned);
    book.series = detail.children_named(&["Collection"]).find_map(|c| {
        let element = c.child(&["TitleDetail"])?.child(&["TitleElement"])?;
        let title = title_text(element)?;
        Some(match element.child_text(&["PartNumber"]) {
            Some(n) => format!("{title} ; {n}"),
            None => title,
        })
    });
    book.language = detail
        .children_named(&["Language"])
        .filter(|l| matches!(code(l, "LanguageRole"), "01" | ""))
        .find_map(|l| language_from_marc(code(l, "LanguageCode")));
    book.extent = detail
        .children_named(&["Extent"])
        .filter(|e| {
            matches!(code(e, "ExtentType"), "00" | "11" | "05" | "06" | "07")
                && code(e, "ExtentUnit") == "03"
        })
        .find_map(|e| code(e, "ExtentValue").parse::<u32>().ok())
        .map(|n| format!("{n} pages"));
    for s in detail.children_named(&["Subject"]) {
        let Some(heading) = s.child_text(&["SubjectHeadingText"]) else {
            continue;
        };
        let pieces: Vec<&str> = if code(s, "SubjectSchemeIdentifier") == "20" {
            heading.split(';').collect()
        } else {
            vec![heading]
        };
        for piece in pieces {
            if let Ok(subject) = piece.trim().replace(';', ",").parse::<Subject>()
                && !book.subjects.contains(&subject)
            {
                book.subjects.push(subject);
            }
        }
    }
    if let Some(collateral) = product.child(&["CollateralDetail"]) {
        let texts: Vec<&Element> = collateral.children_named(&["TextContent"]).collect();
        let pick = |kind: &str| texts.iter().find(|t| code(t, "TextType") == kind);
        if let Some(text) = pick("03")
            .or_else(|| pick("02"))
            .and_then(|t| t.child(&["Text"]))
        {
            book.description = Some(paragraphs(text)).filter(|d| !d.is_empty());
        }
    }
    if let Some(publishing) = product.child(&["PublishingDetail"]) {
        book.publisher = publishing
            .children_named(&["Publisher"])
            .find(|p| matches!(code(p, "PublishingRole"), "01" | ""))
            .and_then(|p| p.child_text(&["PublisherName"]))
            .or_else(|| {
                publishing
                    .child(&["Imprint"])
                    .and_then(|i| i.child_text(&["ImprintName"]))
            })
            .map(str::to_owned);
        book.place = publishing
            .child_text(&["CityOfPublication"])
            .map(str::to_owned);
        let copyright = publishing
            .child(&["CopyrightStatement"])
            .and_then(|c| c.child_text(&["CopyrightYear"]))
            .and_then(|y| y.get(..4)?.parse().ok());
        let published = publishing
            .children_named(&["PublishingDate"])
            .filter(|d| matches!(code(d, "PublishingDateRole"), "01" | "11" | "19"))
            .find_map(|d| d.child_text(&["Date"])?.get(..4)?.parse().ok());
        book.copyright_year = copyright.or(published);
    }
    if let Some(content) = product.child(&["ContentDetail"]) {
        book.toc = contents(content);
    }
    Ok(book)
}

fn medium_of(form: &str) -> Medium {
    if form.starts_with('E') || form.starts_with('D') {
        Medium::Electronic
    } else {
        Medium::Print
    }
}

fn title_text(element: &Element) -> Option<String> {
    element
        .child_text(&["TitleText"])
        .map(str::to_owned)
        .or_else(|| {
            let without = element.child_text(&["TitleWithoutPrefix"])?;
            Some(match element.child_text(&["TitlePrefix"]) {
                Some(prefix) => format!("{prefix} {without}"),
                None => without.to_owned(),
            })
        })
}

/// The distinctive title (TitleType 01) at product level (TitleElementLevel 01).
fn title_of(parent: &Element) -> Option<(String, Option<String>)> {
    let details: Vec<&Element> = parent.children_named(&["TitleDetail"]).collect();
    let detail = details
        .iter()
        .find(|d| code(d, "TitleType") == "01")
        .or_else(|| details.first())?;
    let elements: Vec<&Element> = detail.children_named(&["TitleElement"]).collect();
    let element = elements
        .iter()
        .find(|e| matches!(code(e, "TitleElementLevel"), "01" | "04" | "05"))
        .or_else(|| elements.first())?;
    let title = title_text(element)?;
    let subtitle = element.child_text(&["Subtitle"]).map(str::to_owned);
    Some((title, subtitle))
}

/// Text, as paragraphs separated by a blank line; XHTML text keeps its `<p>`s.
fn paragraphs(text: &Element) -> String {
    let mut out: Vec<String> = Vec::new();
    fn collect(el: &Element, out: &mut Vec<String>) {
        let own = el.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !own.is_empty() {
            out.push(own);
        }
        for c in &el.children {
            collect(c, out);
        }
    }
    if text.children.is_empty() {
        for p in text.text.split("\n\n") {
            let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
            if !p.is_empty() {
                out.push(p);
            }
        }
    } else {
        collect(text, &mut out);
    }
    out.join("\n\n")
}

fn role_of(code: &str) -> Option<Role> {
    match code {
        "A01" => Some(Role::Author),
        "B01" | "B11" | "B12" | "B13" => Some(Role::Editor),
        "B06" => Some(Role::Translator),
        "A23" | "A24" | "A15" => Some(Role::Foreword),
        _ => None,
    }
}

fn contributors(parent: &Element) -> Vec<Contributor> {
    let mut people: Vec<(u32, Contributor)> = Vec::new();
    for (i, c) in parent.children_named(&["Contributor"]).enumerate() {
        let Some(role) = c
            .children_named(&["ContributorRole"])
            .find_map(|r| role_of(r.text.trim()))
        else {
            continue;
        };
        let Some(name) = person(c) else { continue };
        let sequence = c
            .child_text(&["SequenceNumber"])
            .and_then(|s| s.parse().ok())
            .unwrap_or(u32::try_from(i).unwrap_or(u32::MAX));
        people.push((sequence, Contributor::new(name, role)));
    }
    people.sort_by_key(|(s, _)| *s);
    people.into_iter().map(|(_, c)| c).collect()
}

fn clean_part(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ',' | ';' | '"' | '{' | '}') && !c.is_control())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person from KeyNames and NamesBeforeKey, else from PersonNameInverted
/// ("Family, Given"), else from PersonName read as written.
fn person(c: &Element) -> Option<PersonName> {
    if let Some(key) = c.child_text(&["KeyNames"]) {
        let prefix = c.child_text(&["PrefixToKey"]);
        let family = match prefix {
            Some(p) => format!("{p} {key}"),
            None => key.to_owned(),
        };
        let family = clean_part(&family);
        if family.is_empty() {
            return None;
        }
        let given = c
            .child_text(&["NamesBeforeKey"])
            .map(clean_part)
            .filter(|g| !g.is_empty());
        let suffix = c
            .child_text(&["SuffixToKey"])
            .map(clean_part)
            .filter(|s| !s.is_empty());
        // Written family name first when PersonName puts the key names first.
        let family_first = given.as_ref().is_some_and(|g| {
            c.child_text(&["PersonName"]).is_some_and(|n| {
                let n = n
                    .strip_suffix(suffix.as_deref().unwrap_or(""))
                    .unwrap_or(n)
                    .trim();
                (n == format!("{family} {g}") || n == format!("{family}{g}"))
                    && n != format!("{g} {family}")
            })
        });
        return Some(PersonName {
            family,
            given,
            suffix,
            family_first,
            original_script: None,
        });
    }
    if let Some(inverted) = c.child_text(&["PersonNameInverted"])
        && let Some((family, given)) = inverted.split_once(',')
    {
        let family = clean_part(family);
        let given = clean_part(given);
        if !family.is_empty() {
            return Some(PersonName {
                family,
                given: Some(given).filter(|g| !g.is_empty()),
                suffix: None,
                family_first: false,
                original_script: None,
            });
        }
    }
    c.child_text(&["PersonName"])
        .and_then(|n| clean_part(n).parse().ok())
}

/// Content items in order; `LevelSequenceNumber` ("2.1") nests them.
fn contents(content: &Element) -> Vec<TocEntry> {
    let mut flat: Vec<(usize, TocEntry)> = Vec::new();
    for item in content.children_named(&["ContentItem"]) {
        let Some((title, _)) = title_of(item) else {
            continue;
        };
        let number = item
            .child(&["ComponentNumber"])
            .map(|n| n.text.trim().to_owned());
        let label = number.filter(|n| !n.is_empty());
        let mut entry = TocEntry::new(title);
        let text_item = item.child(&["TextItem"]);
        entry.pages = text_item
            .and_then(|t| t.child(&["PageRun"]))
            .and_then(|run| {
                let first: Page = run.child_text(&["FirstPageNumber"])?.parse().ok()?;
                let last = run
                    .child_text(&["LastPageNumber"])
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(first);
                PageRange::new(first, last).ok()
            });
        entry.doi = text_item.and_then(|t| {
            t.children_named(&["TextItemIdentifier"])
                .filter(|i| code(i, "TextItemIDType") == "06")
                .find_map(|i| code(i, "IDValue").parse().ok())
        });
        entry.authors = contributors(item);
        entry.excerpt = item
            .children_named(&["TextContent"])
            .find(|t| matches!(code(t, "TextType"), "14" | "03" | "02"))
            .and_then(|t| t.child(&["Text"]))
            .map(paragraphs)
            .filter(|p| !p.is_empty());
        let depth = item
            .child_text(&["LevelSequenceNumber"])
            .map_or(1, |l| l.split('.').count());
        let kind_name = item
            .child_text(&["ComponentTypeName"])
            .map(|k| k.trim().to_lowercase().replace(' ', "-"));
        entry.kind = kind_name
            .and_then(|k| k.parse::<TocKind>().ok())
            .unwrap_or_else(|| TocKind::infer(&entry.title, label.as_deref(), false));
        entry.label = label;
        flat.push((depth.max(1), entry));
    }
    nest(flat)
}

/// Builds the tree from entries in reading order with their depths (1 = top level).
fn nest(flat: Vec<(usize, TocEntry)>) -> Vec<TocEntry> {
    let mut stack: Vec<(usize, TocEntry)> = Vec::new();
    let mut top: Vec<TocEntry> = Vec::new();
    fn close(stack: &mut Vec<(usize, TocEntry)>, top: &mut Vec<TocEntry>, depth: usize) {
        while stack.last().is_some_and(|(d, _)| *d >= depth) {
            if let Some((_, done)) = stack.pop() {
                match stack.last_mut() {
                    Some((_, parent)) => parent.children.push(done),
                    None => top.push(done),
                }
            }
        }
    }
    for (depth, entry) in flat {
        close(&mut stack, &mut top, depth);
        let depth = depth.min(stack.last().map_or(1, |(d, _)| d + 1));
        stack.push((depth, entry));
    }
    close(&mut stack, &mut top, 0);
    top
}

/// Writes books as an ONIX 3.0 message (reference tags). `sent` is the header's
/// SentDateTime (YYYYMMDD), which a pure function cannot know.
pub fn render(books: &[Book], sent: &str) -> String {
    let mut w = Writer::default();
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.raw("<ONIXMessage xmlns=\"http://ns.editeur.org/onix/3.0/reference\" release=\"3.0\">\n");
    w.open("Header");
    w.open("Sender");
    w.leaf("SenderName", "Shelfmark");
    w.close("Sender");
    w.leaf("SentDateTime", sent);
    w.close("Header");
    for (i, book) in books.iter().enumerate() {
        product(&mut w, book, i + 1);
    }
    w.raw("</ONIXMessage>\n");
    w.out
}

#[derive(Default)]
struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
    fn indent(&mut self) {
        for _ in 0..=self.depth {
            self.out.push_str("  ");
        }
    }
    fn open(&mut self, name: &str) {
        self.indent();
        self.out.push_str(&format!("<{name}>\n"));
        self.depth += 1;
    }
    fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str(&format!("</{name}>\n"));
    }
    fn leaf(&mut self, name: &str, value: &str) {
        self.indent();
        self.out
            .push_str(&format!("<{name}>{}</{name}>\n", escape(value)));
    }
    fn empty(&mut self, name: &str) {
        self.indent();
        self.out.push_str(&format!("<{name}/>\n"));
    }
}

fn product(w: &mut Writer, book: &Book, n: usize) {
    let isbns: Vec<(Isbn13, Medium)> = book.isbns().collect();
    let main = isbns
        .iter()
        .find(|(_, m)| *m == Medium::Electronic)
        .or_else(|| isbns.first())
        .copied();
    w.open("Product");
    let reference = match (main, book.doi()) {
        (Some((isbn, _)), _) => format!("isbn.{}", isbn.compact()),
        (None, Some(doi)) => format!("doi.{doi}"),
        (None, None) => format!("shelfmark.{n}"),
    };
    w.leaf("RecordReference", &reference);
    w.leaf("NotificationType", "03");
    if let Some((isbn, _)) = main {
        w.open("ProductIdentifier");
        w.leaf("ProductIDType", "15");
        w.leaf("IDValue", &isbn.compact());
        w.close("ProductIdentifier");
    }
    if let Some(doi) = book.doi() {
        w.open("ProductIdentifier");
        w.leaf("ProductIDType", "06");
        w.leaf("IDValue", doi.as_str());
        w.close("ProductIdentifier");
    }
    if main.is_none() && book.doi().is_none() {
        w.open("ProductIdentifier");
        w.leaf("ProductIDType", "01");
        w.leaf("IDValue", &reference);
        w.close("ProductIdentifier");
    }
    w.open("DescriptiveDetail");
    w.leaf("ProductComposition", "00");
    let electronic = main.is_some_and(|(_, m)| m == Medium::Electronic);
    w.leaf("ProductForm", if electronic { "EB" } else { "BA" });
    match &book.series {
        Some(series) => {
            let (title, number) = match series.split_once(" ; ") {
                Some((t, n)) => (t, Some(n)),
                None => (series.as_str(), None),
            };
            w.open("Collection");
            w.leaf("CollectionType", "10");
            w.open("TitleDetail");
            w.leaf("TitleType", "01");
            w.open("TitleElement");
            w.leaf("TitleElementLevel", "02");
            if let Some(number) = number {
                w.leaf("PartNumber", number);
            }
            w.leaf("TitleText", title);
            w.close("TitleElement");
            w.close("TitleDetail");
            w.close("Collection");
        }
        None => w.empty("NoCollection"),
    }
    title_detail(w, "01", &book.title, book.subtitle.as_deref());
    write_contributors(w, &book.contributors);
    if book.contributors.is_empty() {
        w.empty("NoContributor");
    }
    match &book.edition {
        Some(edition) => w.leaf("EditionStatement", edition),
        None => w.empty("NoEdition"),
    }
    if let Some(code) = book.language.as_ref().and_then(language_to_marc) {
        w.open("Language");
        w.leaf("LanguageRole", "01");
        w.leaf("LanguageCode", &code);
        w.close("Language");
    }
    if let Some(pages) = book.extent.as_deref().and_then(page_count) {
        w.open("Extent");
        w.leaf("ExtentType", "00");
        w.leaf("ExtentValue", &pages.to_string());
        w.leaf("ExtentUnit", "03");
        w.close("Extent");
    }
    for subject in &book.subjects {
        w.open("Subject");
        w.leaf("SubjectSchemeIdentifier", "20");
        w.leaf("SubjectHeadingText", subject.as_str());
        w.close("Subject");
    }
    w.close("DescriptiveDetail");
    if let Some(description) = &book.description {
        w.open("CollateralDetail");
        text_content(w, "03", description);
        w.close("CollateralDetail");
    }
    let items = book.toc_items();
    if !items.is_empty() {
        w.open("ContentDetail");
        let mut numbers: Vec<u32> = Vec::new();
        for item in &items {
            numbers.truncate(item.depth as usize + 1);
            while numbers.len() < item.depth as usize + 1 {
                numbers.push(0);
            }
            if let Some(last) = numbers.last_mut() {
                *last += 1;
            }
            let level: Vec<String> = numbers.iter().map(u32::to_string).collect();
            content_item(w, item.entry, &level.join("."));
        }
        w.close("ContentDetail");
    }
    // ONIX's PublishingDetail starts with an imprint or publisher: without one, place
    // and year have nowhere to go.
    let publishing = book.publisher.is_some();
    if publishing {
        w.open("PublishingDetail");
    }
    if let Some(publisher) = book.publisher.as_ref().filter(|_| publishing) {
        w.open("Publisher");
        w.leaf("PublishingRole", "01");
        w.leaf("PublisherName", publisher);
        w.close("Publisher");
    }
    if let Some(place) = book.place.as_ref().filter(|_| publishing) {
        w.leaf("CityOfPublication", place);
    }
    if let Some(year) = book.copyright_year.filter(|_| publishing) {
        w.open("PublishingDate");
        w.leaf("PublishingDateRole", "01");
        w.leaf("Date", &format!("{year:04}"));
        w.close("PublishingDate");
        w.open("CopyrightStatement");
        w.leaf("CopyrightYear", &format!("{year:04}"));
        w.close("CopyrightStatement");
    }
    if publishing {
        w.close("PublishingDetail");
    }
    let others: Vec<&(Isbn13, Medium)> = isbns
        .iter()
        .filter(|(i, _)| main.is_none_or(|(m, _)| m != *i))
        .collect();
    if !others.is_empty() {
        w.open("RelatedMaterial");
        for (isbn, medium) in others {
            w.open("RelatedProduct");
            w.leaf("ProductRelationCode", "06");
            w.open("ProductIdentifier");
            w.leaf("ProductIDType", "15");
            w.leaf("IDValue", &isbn.compact());
            w.close("ProductIdentifier");
            w.leaf(
                "ProductForm",
                if *medium == Medium::Electronic {
                    "EB"
                } else {
                    "BA"
                },
            );
            w.close("RelatedProduct");
        }
        w.close("RelatedMaterial");
    }
    w.close("Product");
}

/// The number of pages in an extent such as "280 pages" or "xvi, 280 p.".
fn page_count(extent: &str) -> Option<u32> {
    let words: Vec<&str> = extent.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.windows(2).find_map(|pair| {
        let unit = pair[1].trim_end_matches('.');
        if matches!(unit, "p" | "pages" | "pp" | "page") {
            pair[0].parse().ok()
        } else {
            None
        }
    })
}

fn title_detail(w: &mut Writer, kind: &str, title: &str, subtitle: Option<&str>) {
    w.open("TitleDetail");
    w.leaf("TitleType", kind);
    w.open("TitleElement");
    w.leaf("TitleElementLevel", "01");
    w.leaf("TitleText", title);
    if let Some(sub) = subtitle {
        w.leaf("Subtitle", sub);
    }
    w.close("TitleElement");
    w.close("TitleDetail");
}

fn text_content(w: &mut Writer, kind: &str, text: &str) {
    w.open("TextContent");
    w.leaf("TextType", kind);
    w.leaf("ContentAudience", "00");
    w.leaf("Text", text);
    w.close("TextContent");
}

fn write_contributors(w: &mut Writer, people: &[Contributor]) {
    for (i, c) in people.iter().enumerate() {
        let role = match c.role {
            Role::Author => "A01",
            Role::Editor => "B01",
            Role::Translator => "B06",
            Role::Foreword => "A23",
        };
        w.open("Contributor");
        w.leaf("SequenceNumber", &(i + 1).to_string());
        w.leaf("ContributorRole", role);
        let n = &c.name;
        w.leaf("PersonName", &n.to_string());
        if let Some(given) = &n.given {
            w.leaf("NamesBeforeKey", given);
        }
        w.leaf("KeyNames", &n.family);
        if let Some(suffix) = &n.suffix {
            w.leaf("SuffixToKey", suffix);
        }
        w.close("Contributor");
    }
}

fn content_item(w: &mut Writer, e: &TocEntry, level: &str) {
    w.open("ContentItem");
    w.leaf("LevelSequenceNumber", level);
    w.open("TextItem");
    let part = match e.kind {
        TocKind::FrontMatter
        | TocKind::Contents
        | TocKind::Preface
        | TocKind::Acknowledgments
        | TocKind::Note => "02",
        TocKind::Notes | TocKind::Bibliography | TocKind::Index | TocKind::BackMatter => "04",
        _ => "03",
    };
    w.leaf("TextItemType", part);
    if let Some(doi) = &e.doi {
        w.open("TextItemIdentifier");
        w.leaf("TextItemIDType", "06");
        w.leaf("IDValue", doi.as_str());
        w.close("TextItemIdentifier");
    }
    if let Some(pages) = &e.pages {
        w.open("PageRun");
        w.leaf("FirstPageNumber", &pages.first().to_string());
        if !pages.is_single() {
            w.leaf("LastPageNumber", &pages.last().to_string());
        }
        w.close("PageRun");
    }
    w.close("TextItem");
    let kind_name = e.kind.as_str().replace('-', " ");
    w.leaf("ComponentTypeName", &kind_name);
    if let Some(label) = &e.label {
        w.leaf("ComponentNumber", label);
    }
    title_detail(w, "01", &e.title, None);
    write_contributors(w, &e.authors);
    if let Some(excerpt) = &e.excerpt {
        text_content(w, "14", excerpt);
    }
    w.close("ContentItem");
}
