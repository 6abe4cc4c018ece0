//! "Cite this Item": a book, or one item of its table of contents, formatted in a
//! Citation Style Language style, as text and as HTML.
//!
//! The engine is hayagriva's CSL processor (styles and locales parsed by citationberg).
//! What this module adds is what a book page needs around it: the bundled styles, the
//! mapping of a book or chapter to a CSL item (the same CSL-JSON that
//! [`crate::formats::csl_json`] exports and that citeproc-js reads), pinned citations
//! checked against the item's own pages, names written family name first kept in their
//! order, and HTML with its text escaped. It does not fetch styles or locales: callers
//! pass their text.
//!
//! # Using it
//!
//! ```
//! use biblio::cite::{Styles, CiteError};
//! # let book = biblio::formats::catalog::parse(include_str!(
//! #     "../../../../demo/catalog/crisis-in-north-korea.txt")).books.remove(0).1;
//! let styles = Styles::bundled(); // parse once, share (it is Send + Sync)
//! let chicago = styles.get("chicago-notes-bibliography").unwrap();
//!
//! // The whole book, in a bibliography.
//! let book_cite = styles.format(&book, None, chicago, None).unwrap();
//! assert!(book_cite.bibliography.unwrap().text.starts_with("Lankov, Andrei."));
//!
//! // Item 12 of the table of contents, "6 The August Plenum" (pp. 121-135), cited at p. 127.
//! let note = styles.format(&book, Some(12), chicago, Some("127")).unwrap();
//! assert_eq!(
//!     note.first.text, // the full note
//!     "Andrei Lankov, “The August Plenum,” in Crisis in North Korea: \
//!      The Failure of De-Stalinization, 1956 (2005), 127."
//! );
//! assert_eq!(note.subsequent.text, "Lankov, “The August Plenum,” 127."); // short note
//! assert_eq!(
//!     note.first.html,
//!     "Andrei Lankov, “The August Plenum,” in <i>Crisis in North Korea: \
//!      The Failure of De-Stalinization, 1956</i> (2005), 127."
//! );
//!
//! // A page outside the item is an error, not a wrong citation.
//! let err = styles.format(&book, Some(12), chicago, Some("300")).unwrap_err();
//! assert_eq!(err.to_string(), "page 300 is outside \"The August Plenum\" (pp. 121-135)");
//! assert!(matches!(err, CiteError::LocatorOutside { .. }));
//! ```
//!
//! - [`Styles::bundled`] holds the six bundled styles ([`BUNDLED`]) and the en-US and
//!   en-GB locales; [`Styles::get`] finds one by name. [`Style::from_csl`] reads any
//!   independent CSL 1.0.2 style the caller passes, and [`Styles::add_locale`] adds a
//!   locale file for it.
//! - [`Styles::format`] gives a [`Citation`]: `first` (the full note of a note style, the
//!   in-text citation of the others, with the locator), `subsequent` (the short note)
//!   and `bibliography` (the entry, without locator; `None` for styles without a
//!   bibliography). Each is a [`Rendered`] with `text` and `html`.
//! - [`Styles::citation`] gives the in-text citation (or short note) alone, quickly;
//!   [`Styles::bibliography`] formats many references into one sorted, disambiguated
//!   bibliography; [`Styles::format_csl_json`] formats CSL-JSON items that are not books.
//! - [`ris`], [`bibtex`], [`csl_json`] and [`endnote`] are the reference-manager
//!   downloads of one book or item; whole tables of contents and lists of books are in
//!   [`crate::formats`].
//!
//! HTML uses `<i>`, `<b>`, `<sup>`, `<sub>` and `<span style="...">` for small caps and
//! underlining, escapes `&`, `<` and `>` as citeproc-js does (`&#38;`, `&#60;`, `&#62;`),
//! and has no wrapping element: the page decides that.

mod html;
mod labels;
mod locator;
mod names;
mod quotes;
mod spec;

use std::fmt;

use hayagriva::citationberg::taxonomy::Locator as CslLocator;
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleFile, StyleClass, json};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChildren, LocatorPayload, SpecificLocator,
};

use crate::Book;
pub use crate::formats::NoSuchItem;
use crate::formats::reference::Reference;
pub use locator::check_locator;

/// The names of the bundled styles, in the order a page lists them.
pub const BUNDLED: [&str; 6] = [
    "chicago-notes-bibliography",
    "chicago-shortened-notes-bibliography",
    "chicago-author-date",
    "apa",
    "modern-language-association",
    "harvard-cite-them-right",
];

const BUNDLED_XML: [&str; 6] = [
    include_str!("styles/chicago-notes-bibliography.csl"),
    include_str!("styles/chicago-shortened-notes-bibliography.csl"),
    include_str!("styles/chicago-author-date.csl"),
    include_str!("styles/apa.csl"),
    include_str!("styles/modern-language-association.csl"),
    include_str!("styles/harvard-cite-them-right.csl"),
];

const BUNDLED_LOCALES: [&str; 2] = [
    include_str!("styles/locales-en-US.xml"),
    include_str!("styles/locales-en-GB.xml"),
];

/// Why a citation could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CiteError {
    #[error(transparent)]
    NoSuchItem(#[from] NoSuchItem),
    #[error("locator \"{0}\" is not a page or page range such as 127, 127-129 or xii")]
    BadLocator(String),
    #[error("{what} outside \"{title}\" (pp. {pages})")]
    LocatorOutside {
        /// "page 300 is" or "pages 130-140 are".
        what: String,
        title: String,
        pages: String,
    },
    #[error("style is not an independent CSL 1.0.2 style: {0}")]
    BadStyle(String),
    #[error("locale is not a CSL locale file: {0}")]
    BadLocale(String),
    #[error("no style named \"{0}\" (bundled: {list})", list = BUNDLED.join(", "))]
    UnknownStyle(String),
    #[error("CSL-JSON input: {0}")]
    BadItem(String),
    #[error("the citation engine failed: {0}")]
    Engine(String),
}

/// One formatted piece of a citation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    pub text: String,
    pub html: String,
}

/// A book or item formatted in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The first citation: the full note of a note style, the in-text citation of the
    /// others. Carries the locator.
    pub first: Rendered,
    /// A later citation of the same item: the short note of a note style. Carries the
    /// locator.
    pub subsequent: Rendered,
    /// The bibliography entry, without locator; `None` when the style has no bibliography.
    pub bibliography: Option<Rendered>,
}

/// A parsed CSL style.
pub struct Style {
    name: String,
    csl: IndependentStyle,
}

impl fmt::Debug for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Style").field("name", &self.name).finish()
    }
}

impl Style {
    /// Reads an independent CSL 1.0.2 style. Its name is the last segment of its id
    /// (`http://www.zotero.org/styles/apa` is `apa`).
    pub fn from_csl(xml: &str) -> Result<Style, CiteError> {
        let mut csl = IndependentStyle::from_xml(xml).map_err(|e| {
            let mut msg = lowercase_first(&e.source.to_string());
            if let Some(path) = e
                .path
                .filter(|p| !p.to_string().is_empty() && p.to_string() != ".")
            {
                msg.push_str(&format!(" at {path}"));
            }
            CiteError::BadStyle(msg)
        })?;
        spec::repair(&mut csl);
        let name = csl
            .info
            .id
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        Ok(Style { name, csl })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The style's title, as its file gives it.
    pub fn title(&self) -> &str {
        &self.csl.info.title.value
    }

    /// Whether citations are notes rather than in-text citations.
    pub fn is_note_style(&self) -> bool {
        self.csl.settings.class == StyleClass::Note
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Styles and locales, parsed once and reused for every citation.
pub struct Styles {
    styles: Vec<Style>,
    locales: Vec<Locale>,
}

impl fmt::Debug for Styles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Styles")
            .field("styles", &self.styles)
            .field("locales", &self.locales.len())
            .finish()
    }
}

impl Styles {
    /// The bundled styles and locales.
    pub fn bundled() -> Styles {
        let styles = BUNDLED_XML
            .iter()
            .map(|xml| Style::from_csl(xml).expect("bundled styles parse"))
            .collect();
        let locales = BUNDLED_LOCALES
            .iter()
            .map(|xml| {
                LocaleFile::from_xml(xml)
                    .expect("bundled locales parse")
                    .into()
            })
            .collect();
        Styles { styles, locales }
    }

    /// A bundled style by name.
    pub fn get(&self, name: &str) -> Option<&Style> {
        self.styles.iter().find(|s| s.name == name)
    }

    /// A bundled style by name, or an error listing the bundled ones.
    pub fn require(&self, name: &str) -> Result<&Style, CiteError> {
        self.get(name)
            .ok_or_else(|| CiteError::UnknownStyle(name.to_owned()))
    }

    /// The bundled styles, in the order of [`BUNDLED`].
    pub fn iter(&self) -> impl Iterator<Item = &Style> {
        self.styles.iter()
    }

    /// Adds a CSL locale file; it takes precedence over a bundled one for its language.
    pub fn add_locale(&mut self, xml: &str) -> Result<(), CiteError> {
        let file = LocaleFile::from_xml(xml)
            .map_err(|e| CiteError::BadLocale(lowercase_first(&e.source.to_string())))?;
        self.locales.insert(0, file.into());
        Ok(())
    }

    /// Whether the style's locale puts commas and periods inside quotation marks.
    fn punctuation_in_quote(&self, style: &Style) -> bool {
        let lang = style
            .csl
            .default_locale
            .as_ref()
            .map(|l| l.0.as_str())
            .unwrap_or("en-US");
        let base = lang.split('-').next().unwrap_or(lang);
        let from = |locales: &[Locale], exact: bool| {
            locales.iter().find_map(|l| {
                let code = l.lang.as_ref().map(|c| c.0.as_str());
                let matches = match code {
                    None => !exact,
                    Some(c) if exact => c == lang,
                    Some(c) => c == base,
                };
                if matches {
                    l.style_options.as_ref()?.punctuation_in_quote
                } else {
                    None
                }
            })
        };
        from(&style.csl.locale, true)
            .or_else(|| from(&style.csl.locale, false))
            .or_else(|| from(&self.locales, true))
            .unwrap_or(false)
    }

    /// Formats a book (`item: None`) or its table-of-contents item at a 1-based
    /// position, optionally pinned to a page or page range inside it.
    pub fn format(
        &self,
        book: &Book,
        item: Option<u32>,
        style: &Style,
        locator: Option<&str>,
    ) -> Result<Citation, CiteError> {
        let reference = Reference::new(book, item)?;
        let pages = locator.map(|l| check_locator(book, item, l)).transpose()?;
        let entry = CslItem::new(&reference, &reference.key());
        let locator_text = pages.map(|p| locator::display(p, &style.csl));
        let locator = locator_text
            .as_deref()
            .map(|l| SpecificLocator(CslLocator::Page, LocatorPayload::Str(l)));

        let mut driver = BibliographyDriver::new();
        for note in [1, 2] {
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_locator(&entry.item, locator.clone())],
                &style.csl,
                None,
                &self.locales,
                Some(note),
            ));
        }
        let rendered = driver.finish(BibliographyRequest::new(&style.csl, None, &self.locales));
        let piq = self.punctuation_in_quote(style);
        let mut citations = rendered
            .citations
            .into_iter()
            .map(|c| entry.render(c.citation, piq, labels::needs_plural(pages)));
        let first = citations.next().unwrap_or_default();
        let subsequent = citations.next().unwrap_or_default();
        let bibliography = rendered
            .bibliography
            .and_then(|b| b.items.into_iter().next())
            .map(|i| entry.render(i.content, piq, labels::needs_plural(reference.pages())));
        Ok(Citation {
            first,
            subsequent,
            bibliography,
        })
    }

    /// One citation alone, without a bibliography: the in-text citation of an in-text
    /// style, the short note of a note style (the same as [`Citation::subsequent`]). It
    /// skips the bibliography and disambiguation, so it is the fast way to cite many
    /// items one by one.
    pub fn citation(
        &self,
        book: &Book,
        item: Option<u32>,
        style: &Style,
        locator: Option<&str>,
    ) -> Result<Rendered, CiteError> {
        let reference = Reference::new(book, item)?;
        let pages = locator.map(|l| check_locator(book, item, l)).transpose()?;
        let entry = CslItem::new(&reference, &reference.key());
        let locator_text = pages.map(|p| locator::display(p, &style.csl));
        let locator = locator_text
            .as_deref()
            .map(|l| SpecificLocator(CslLocator::Page, LocatorPayload::Str(l)));
        let content = hayagriva::standalone_citation(CitationRequest::new(
            vec![CitationItem::with_locator(&entry.item, locator)],
            &style.csl,
            None,
            &self.locales,
            None,
        ));
        let piq = self.punctuation_in_quote(style);
        Ok(entry.render(content, piq, labels::needs_plural(pages)))
    }

    /// A bibliography of several books or items, sorted and disambiguated as the style
    /// says. Each pair is a book and an optional item position.
    pub fn bibliography(
        &self,
        references: &[(&Book, Option<u32>)],
        style: &Style,
    ) -> Result<Vec<Rendered>, CiteError> {
        let refs = references
            .iter()
            .map(|(book, item)| Reference::new(book, *item))
            .collect::<Result<Vec<_>, _>>()?;
        let keys = crate::formats::reference::unique_keys(&refs);
        let entries: Vec<CslItem> = refs
            .iter()
            .zip(&keys)
            .map(|(r, k)| CslItem::new(r, k))
            .collect();
        // hayagriva carries the name forms it picks to tell citations apart (adding given
        // names or more names) into the bibliography, where they drop given names
        // ("Armstrong, and Jang."). A bibliography needs only year suffixes from
        // disambiguation, so it is rendered with the other two methods turned off.
        let mut csl = style.csl.clone();
        csl.citation.disambiguate_add_givenname = false;
        csl.citation.disambiguate_add_names = false;
        let mut driver = BibliographyDriver::new();
        for entry in &entries {
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_entry(&entry.item)],
                &csl,
                None,
                &self.locales,
                None,
            ));
        }
        let rendered = driver.finish(BibliographyRequest::new(&csl, None, &self.locales));
        let piq = self.punctuation_in_quote(style);
        let Some(bib) = rendered.bibliography else {
            return Ok(Vec::new());
        };
        let by_key: std::collections::HashMap<&str, &CslItem> =
            keys.iter().map(String::as_str).zip(&entries).collect();
        Ok(bib
            .items
            .into_iter()
            .map(|i| match by_key.get(i.key.as_str()) {
                Some(entry) => entry.render(i.content, piq, entry.plural_pages),
                None => plain_and_html(&i.content),
            })
            .collect())
    }
}

/// One item of a citation in [`Styles::format_csl_json`].
#[derive(Debug, Clone, Default)]
pub struct CslCite {
    /// The `id` of a CSL-JSON item.
    pub id: String,
    pub locator: Option<String>,
    /// The locator's label (`page`, `chapter`, ...); `page` when absent.
    pub label: Option<String>,
}

/// What [`Styles::format_csl_json`] made: each citation, and the bibliography.
#[derive(Debug, Clone, Default)]
pub struct CslOutput {
    pub citations: Vec<Rendered>,
    /// Each entry; `None` when the style has no bibliography.
    pub bibliography: Option<Vec<Rendered>>,
}

impl Styles {
    /// Formats CSL-JSON items directly, with the same repairs as [`Styles::format`]:
    /// each citation in `citations` (or, if there are none, one citation of every item,
    /// in order) as note 1, 2, ..., and the bibliography. This is what the CSL test
    /// suite exercises; the web API may use it for items that are not books.
    pub fn format_csl_json(
        &self,
        style: &Style,
        items: &[serde_json::Value],
        citations: &[Vec<CslCite>],
    ) -> Result<CslOutput, CiteError> {
        let entries = items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                serde_json::Value::Object(map) => {
                    let plural = map
                        .get("page")
                        .and_then(|p| p.as_str())
                        .and_then(|p| p.parse::<crate::PageRange>().ok());
                    Ok(CslItem::from_object(
                        map.clone(),
                        labels::needs_plural(plural),
                    ))
                }
                _ => Err(CiteError::BadItem(format!(
                    "item {} is not a JSON object",
                    i + 1
                ))),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let find = |id: &str| {
            entries
                .iter()
                .find(|e| e.item.id().as_deref() == Some(id))
                .ok_or_else(|| CiteError::BadItem(format!("no item with id \"{id}\"")))
        };
        let mut requests: Vec<Vec<Cited<'_>>> = Vec::new();
        if citations.is_empty() {
            requests.push(entries.iter().map(|e| (e, None)).collect());
        } else {
            for cite in citations {
                let mut items = Vec::new();
                for c in cite {
                    let label = match c.label.as_deref() {
                        None => CslLocator::Page,
                        Some(l) => l.parse().map_err(|_| {
                            CiteError::BadItem(format!("unknown locator label \"{l}\""))
                        })?,
                    };
                    items.push((find(&c.id)?, c.locator.as_deref().map(|l| (label, l))));
                }
                requests.push(items);
            }
        }
        let piq = self.punctuation_in_quote(style);
        let run = || {
            let mut driver = BibliographyDriver::new();
            for (note, items) in requests.iter().enumerate() {
                let items = items
                    .iter()
                    .map(|(e, loc)| {
                        CitationItem::with_locator(
                            &e.item,
                            loc.map(|(label, l)| SpecificLocator(label, LocatorPayload::Str(l))),
                        )
                    })
                    .collect();
                driver.citation(CitationRequest::new(
                    items,
                    &style.csl,
                    None,
                    &self.locales,
                    Some(note + 1),
                ));
            }
            driver.finish(BibliographyRequest::new(&style.csl, None, &self.locales))
        };
        // hayagriva panics on some input (date ranges); a caller's item is no reason to
        // bring the process down.
        let rendered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|p| {
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                CiteError::Engine(msg)
            })?;
        // Names are repaired by item, so only in citations of one item.
        let citations = rendered
            .citations
            .into_iter()
            .zip(&requests)
            .map(|(c, req)| match req.as_slice() {
                [(e, _)] => e.render(c.citation, piq, false),
                _ => CslItem::from_object(Default::default(), false).render(c.citation, piq, false),
            })
            .collect();
        let bibliography = rendered.bibliography.map(|bib| {
            bib.items
                .into_iter()
                .map(|i| {
                    let entry = entries.iter().find(|e| e.item.id().as_deref() == Some(i.key.as_str()));
                    let body = match entry {
                        Some(e) => e.render(i.content, piq, e.plural_pages),
                        None => plain_and_html(&i.content),
                    };
                    match i.first_field {
                        Some(first) => {
                            let first = plain_and_html(&ElemChildren(vec![first]));
                            Rendered {
                                text: format!("{} {}", first.text, body.text),
                                html: format!(
                                    "<div class=\"csl-left-margin\">{}</div><div class=\"csl-right-inline\">{}</div>",
                                    first.html, body.html
                                ),
                            }
                        }
                        None => body,
                    }
                })
                .collect()
        });
        Ok(CslOutput {
            citations,
            bibliography,
        })
    }
}

/// An item in one citation, with its locator's label and text.
type Cited<'a> = (&'a CslItem, Option<(CslLocator, &'a str)>);

/// A reference as the engine's CSL item, with what is needed to repair its names.
struct CslItem {
    item: json::Item,
    names: names::FamilyFirst,
    /// Whether the item's quotation marks were marked for nesting.
    quotes_marked: bool,
    /// Whether its pages are a range hayagriva would label as one page.
    plural_pages: bool,
}

impl CslItem {
    fn new(reference: &Reference<'_>, id: &str) -> CslItem {
        let object = crate::formats::csl_json::object(reference, id);
        CslItem::from_object(object, labels::needs_plural(reference.pages()))
    }

    /// An item from a CSL-JSON object; `None` if it is not one.
    fn from_object(
        mut object: serde_json::Map<String, serde_json::Value>,
        plural_pages: bool,
    ) -> CslItem {
        // hayagriva finds entries by comparing whole items, key by key in sorted order;
        // a unique first key ("#" sorts before every CSL variable) ends each comparison
        // at once instead of after the names and titles that books share. Processors
        // ignore variables they do not know.
        if let Some(id) = object.get("id").cloned() {
            object.insert("#".into(), id);
        }
        let quotes_marked = object.values().all(can_mark);
        typographic(&mut object, quotes_marked);
        let names = names::FamilyFirst::of(&object);
        let item = serde_json::from_value(serde_json::Value::Object(object))
            .unwrap_or_else(|_| json::Item(Default::default()));
        CslItem {
            item,
            names,
            quotes_marked,
            plural_pages,
        }
    }

    fn render(
        &self,
        mut content: ElemChildren,
        punctuation_in_quote: bool,
        plural_pages: bool,
    ) -> Rendered {
        self.names.repair(&mut content);
        if plural_pages {
            labels::pluralize(&mut content);
        }
        quotes::resolve(&mut content, punctuation_in_quote && self.quotes_marked);
        plain_and_html(&content)
    }
}

/// Whether no string in a value has the marks `quotes` uses.
fn can_mark(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(s) => quotes::can_mark(s),
        serde_json::Value::Array(items) => items.iter().all(can_mark),
        serde_json::Value::Object(map) => map.values().all(can_mark),
        _ => true,
    }
}

/// Quotation marks in the item's text are marked for nesting (see `quotes`), and
/// straight apostrophes become typographic ones (`Hawai'i` is printed `Hawai’i`), as
/// citeproc-js prints them.
fn typographic(object: &mut serde_json::Map<String, serde_json::Value>, mark_quotes: bool) {
    fn fix(value: &mut serde_json::Value, mark_quotes: bool) {
        match value {
            serde_json::Value::String(s) => {
                let marked = if mark_quotes {
                    quotes::mark(s)
                } else {
                    s.clone()
                };
                *s = marked.replace('\'', "\u{2019}");
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| fix(v, mark_quotes)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| fix(v, mark_quotes)),
            _ => {}
        }
    }
    for (key, value) in object.iter_mut() {
        if key != "id" && key != "DOI" {
            fix(value, mark_quotes);
        }
    }
}

fn plain_and_html(content: &ElemChildren) -> Rendered {
    let mut text = String::new();
    let _ = content.write_buf(&mut text, BufWriteFormat::Plain);
    Rendered {
        text: text.trim().to_owned(),
        html: html::write(content),
    }
}

/// One book or item as RIS.
pub fn ris(book: &Book, item: Option<u32>) -> Result<String, CiteError> {
    Ok(crate::formats::ris::item(book, item)?)
}

/// One book or item as a BibLaTeX entry (BibTeX-compatible).
pub fn bibtex(book: &Book, item: Option<u32>) -> Result<String, CiteError> {
    Ok(crate::formats::bibtex::item(book, item)?)
}

/// One book or item as CSL-JSON.
pub fn csl_json(book: &Book, item: Option<u32>) -> Result<String, CiteError> {
    Ok(crate::formats::csl_json::item(book, item)?)
}

/// One book or item as EndNote tagged text (`.enw`).
pub fn endnote(book: &Book, item: Option<u32>) -> Result<String, CiteError> {
    Ok(crate::formats::endnote::item(book, item)?)
}
