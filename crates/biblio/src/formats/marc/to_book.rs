//! MARC 21 bibliographic record to book: which field feeds which part of the model.
//!
//! The mapping is documented field by field in `docs/marc-onix.md`. It reads what a
//! landing page needs and leaves the rest of the record alone; ISBD punctuation that
//! cataloguers put at the end of subfields (` /`, ` :`, ` ;`, `,`, a final `.`) is
//! stripped. Values the model cannot hold reliably (an ISBN with a wrong check digit, a
//! relator outside our four roles, a corporate name) are skipped rather than failing
//! the record; a record that is not a book, or has no title, is an error.

use std::collections::HashSet;

use super::record::{Field, Record};
use crate::model::{
    Book, Contributor, Identifier, Isbn13, Language, Medium, PageRange, PersonName, Role, Subject,
    TocEntry, TocKind,
};

/// Whether a book property is read from fields with this tag.
pub(crate) fn is_mapped(tag: &str) -> bool {
    matches!(
        tag,
        "001"
            | "008"
            | "020"
            | "024"
            | "041"
            | "100"
            | "245"
            | "250"
            | "260"
            | "264"
            | "300"
            | "490"
            | "505"
            | "520"
            | "546"
            | "600"
            | "610"
            | "611"
            | "630"
            | "648"
            | "650"
            | "651"
            | "700"
            | "830"
            | "856"
            | "880"
    )
}

/// Builds a book from a record, or says why the record is not one.
pub fn to_book(record: &Record) -> Result<Book, String> {
    let leader = record.leader.as_bytes();
    let record_type = leader.get(6).copied().unwrap_or(b' ');
    let level = leader.get(7).copied().unwrap_or(b' ');
    if !matches!(record_type, b'a' | b't') {
        return Err(format!(
            "leader position 6 is \"{}\": not language material, so not a book",
            char::from(record_type)
        ));
    }
    if !matches!(level, b'm' | b' ') {
        return Err(format!(
            "leader position 7 is \"{}\": not a monograph, so not a book",
            char::from(level)
        ));
    }
    let links = Links::new(record);
    let title_field = record
        .field("245")
        .ok_or_else(|| "no title: the record has no 245 field".to_owned())?;
    let (title, subtitle) = title_parts(title_field);
    if title.is_empty() {
        return Err("field 245: no title in $a".into());
    }
    let mut book = Book::new(title);
    book.subtitle = subtitle;
    book.original_script_title = links
        .original(title_field)
        .map(|f| {
            let (t, s) = title_parts(f);
            match s {
                Some(s) => format!("{t}: {s}"),
                None => t,
            }
        })
        .filter(|t| !t.is_empty());

    book.contributors = contributors(record, &links);
    read_identifiers(record, &mut book);
    book.edition = record
        .field("250")
        .and_then(|f| f.first('a'))
        .map(|a| clean(a, true))
        .filter(|e| !e.is_empty());
    read_publication(record, &mut book);
    book.extent = record
        .field("300")
        .map(|f| {
            let parts: Vec<&str> = f
                .subfields()
                .iter()
                .filter(|(c, _)| matches!(c, 'a' | 'b' | 'c'))
                .map(|(_, v)| v.trim())
                .collect();
            clean(parts.join(" ").trim_end_matches('+'), false)
        })
        .filter(|e| !e.is_empty());
    book.series = record
        .fields("490")
        .chain(record.fields("830"))
        .find_map(|f| {
            let title = clean(f.first('a')?, true);
            (!title.is_empty()).then(|| match f.first('v').map(|v| clean(v, true)) {
                Some(v) if !v.is_empty() => format!("{title} ; {v}"),
                _ => title,
            })
        });
    let paragraphs: Vec<String> = record
        .fields("520")
        .map(|f| {
            let mut text = f.all('a').collect::<Vec<_>>().join(" ");
            if let Some(b) = f.first('b') {
                text.push(' ');
                text.push_str(b);
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    if !paragraphs.is_empty() {
        book.description = Some(paragraphs.join("\n\n"));
    }
    book.language = language(record);
    book.subjects = subjects(record);
    book.toc = contents(record);
    Ok(book)
}

/// 880 fields linked to the fields they give in another script, by `$6`.
struct Links<'a> {
    record: &'a Record,
}

impl<'a> Links<'a> {
    fn new(record: &'a Record) -> Self {
        Links { record }
    }

    /// The 880 field holding `field` in its original script.
    fn original(&self, field: &Field) -> Option<&'a Field> {
        let link = field.first('6')?;
        let occurrence = link.strip_prefix("880-")?.get(..2)?;
        let wanted = format!("{}-{occurrence}", field.tag());
        self.record
            .fields("880")
            .find(|f| f.first('6').is_some_and(|l| l.starts_with(&wanted)))
    }
}

/// Title and subtitle from 245 $a, $n, $p and $b.
fn title_parts(field: &Field) -> (String, Option<String>) {
    let mut title = String::new();
    let mut subtitle: Option<String> = None;
    for (code, value) in field.subfields() {
        match code {
            'a' | 'n' | 'p' if subtitle.is_none() => {
                let v = clean(value, true);
                if v.is_empty() {
                    continue;
                }
                if !title.is_empty() {
                    title.push_str(". ");
                }
                title.push_str(&v);
            }
            'b' => {
                let v = clean(value, true);
                if !v.is_empty() {
                    subtitle = Some(match subtitle {
                        Some(s) => format!("{s} {v}"),
                        None => v,
                    });
                }
            }
            _ => {}
        }
    }
    (title, subtitle)
}

/// Strips ISBD punctuation and brackets from the end of a subfield. With `period`, a
/// final full stop goes too, unless it ends an initial or an ellipsis.
pub(crate) fn clean(value: &str, period: bool) -> String {
    let mut s = value.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = s.len();
        for suffix in [" /", " :", " ;", " =", ",", " --", "--"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end().to_owned();
            }
        }
        if period && s.ends_with('.') && !s.ends_with("..") {
            let last_word = s[..s.len() - 1]
                .rsplit([' ', '-', ','])
                .next()
                .unwrap_or("");
            let initial = last_word.chars().count() == 1
                || matches!(last_word, "Jr" | "Sr" | "ed" | "Inc" | "Co" | "Ltd" | "etc");
            if !initial {
                s.pop();
            }
        }
        if s.len() == before {
            break;
        }
    }
    if s.starts_with('[') && s.ends_with(']') && !s[1..s.len() - 1].contains(['[', ']']) {
        s = s[1..s.len() - 1].trim().to_owned();
    }
    s.trim().to_owned()
}

fn role_of(field: &Field) -> Option<Role> {
    let terms: Vec<String> = field
        .all('e')
        .chain(field.all('4'))
        .map(|t| clean(t, true).to_lowercase())
        .collect();
    if terms.is_empty() {
        return Some(Role::Author);
    }
    terms.iter().find_map(|t| match t.trim_end_matches('.') {
        "author" | "aut" | "writer" | "cre" | "creator" => Some(Role::Author),
        "editor" | "edt" | "ed" | "eds" | "compiler" | "com" | "editor of compilation" | "edc" => {
            Some(Role::Editor)
        }
        "translator" | "trl" | "tr" | "tra" => Some(Role::Translator),
        "writer of foreword"
        | "author of foreword"
        | "wfw"
        | "author of introduction"
        | "aui"
        | "writer of introduction"
        | "win"
        | "writer of preface"
        | "wpr" => Some(Role::Foreword),
        _ => None,
    })
}

/// 100 and 700 personal names with their roles; names that are titles of works (700
/// with `$t`) and relators outside the model's roles are left out.
fn contributors(record: &Record, links: &Links<'_>) -> Vec<Contributor> {
    let mut out: Vec<Contributor> = Vec::new();
    for field in record.fields("100").chain(record.fields("700")) {
        if field.first('t').is_some() || field.indicator(1) == '2' {
            continue;
        }
        let Some(role) = role_of(field) else {
            continue;
        };
        let original = links
            .original(field)
            .and_then(|f| f.first('a'))
            .map(|a| clean(a, false))
            .filter(|a| !a.is_empty());
        let Some(name) = person_name(field, original) else {
            continue;
        };
        let c = Contributor::new(name, role);
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

const SUFFIXES: [&str; 6] = ["Jr.", "Sr.", "II", "III", "IV", "V"];

/// A personal name from `$a` (inverted "Family, Given" when the first indicator is 1),
/// with a suffix from `$c` or after a second comma. Dates (`$d`) are not part of the
/// name and are dropped.
pub(crate) fn person_name(field: &Field, original: Option<String>) -> Option<PersonName> {
    let a = field.first('a')?;
    let a = clean(a, true);
    let a = a.trim_end_matches(',').trim();
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, ',' | ';' | '"' | '{' | '}') && !c.is_control())
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut suffix = field
        .all('c')
        .map(|c| clean(c, false))
        .find(|c| SUFFIXES.contains(&c.as_str()));
    let (family, given) = match (field.indicator(0), a.split_once(',')) {
        ('1' | '3', Some((family, rest))) => {
            let mut rest = rest.trim().to_owned();
            if let Some((given, tail)) = rest.split_once(',') {
                let tail = tail.trim();
                if SUFFIXES.contains(&tail) {
                    suffix = Some(tail.to_owned());
                    rest = given.trim().to_owned();
                }
            }
            (strip(family), Some(strip(&rest)).filter(|g| !g.is_empty()))
        }
        _ => (strip(a), None),
    };
    let family = family.trim_end_matches('.').trim().to_owned();
    if family.is_empty() {
        return None;
    }
    let family_first = given.is_some()
        && (crate::model::all_cjk_name(&family)
            || original
                .as_deref()
                .is_some_and(|o| o.chars().any(crate::model::is_cjk_char)));
    Some(PersonName {
        family,
        given,
        suffix,
        family_first,
        original_script: original,
    })
}

fn read_identifiers(record: &Record, book: &mut Book) {
    let mut seen: HashSet<String> = HashSet::new();
    for field in record.fields("020") {
        let Some(a) = field.first('a') else {
            continue;
        };
        let a = a.trim();
        let number: String = a
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_owned();
        let Ok(isbn) = number.parse::<Isbn13>() else {
            continue;
        };
        let qualifiers = format!(
            "{} {}",
            &a[number.len()..],
            field.all('q').collect::<Vec<_>>().join(" ")
        )
        .to_lowercase();
        let electronic = [
            "ebook",
            "e-book",
            "electronic",
            "online",
            "pdf",
            "epub",
            "e-isbn",
            "ebk",
            "digital",
            "kindle",
            "mobi",
        ]
        .iter()
        .any(|w| qualifiers.contains(w));
        if seen.insert(isbn.compact()) {
            book.identifiers.push(Identifier::Isbn {
                value: isbn,
                medium: if electronic {
                    Medium::Electronic
                } else {
                    Medium::Print
                },
            });
        }
    }
    let doi = record
        .fields("024")
        .filter(|f| {
            f.indicator(0) == '7'
                && f.first('2')
                    .is_some_and(|s| s.trim().eq_ignore_ascii_case("doi"))
        })
        .filter_map(|f| f.first('a'))
        .chain(
            record
                .fields("856")
                .filter_map(|f| f.first('u'))
                .filter(|u| u.contains("doi.org/10.")),
        )
        .find_map(|d| d.trim().parse().ok());
    if let Some(value) = doi {
        book.identifiers.push(Identifier::Doi { value });
    }
}

/// The first run of four digits in a date statement: "c2005." gives 2005.
fn year(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let run = &bytes[i..i + 4];
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if bounded && run.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(run)
                .ok()?
                .parse()
                .ok()
                .filter(|y| (1000..=2999).contains(y))
        } else {
            None
        }
    })
}

fn unknown(value: &str) -> bool {
    let v = value.to_lowercase();
    matches!(
        v.as_str(),
        "s.l"
            | "s.l."
            | "s.n"
            | "s.n."
            | "place of publication not identified"
            | "publisher not identified"
            | "sine loco"
            | "sine nomine"
    )
}

/// Publisher, place and year from 264 (publication, then copyright notice) or 260.
fn read_publication(record: &Record, book: &mut Book) {
    let publication = record
        .fields("264")
        .find(|f| f.indicator(1) == '1')
        .or_else(|| record.field("260"));
    if let Some(f) = publication {
        book.place = f
            .first('a')
            .map(|a| clean(a, true))
            .filter(|a| !a.is_empty() && !unknown(a));
        book.publisher = f
            .first('b')
            .map(|b| clean(b, false))
            .filter(|b| !b.is_empty() && !unknown(b));
        book.copyright_year = f.first('c').and_then(year);
    }
    if let Some(copyright) = record
        .fields("264")
        .find(|f| f.indicator(1) == '4')
        .and_then(|f| f.first('c'))
        .and_then(year)
    {
        book.copyright_year = Some(copyright);
    }
    if book.copyright_year.is_none() {
        book.copyright_year = record
            .control("008")
            .and_then(|f| f.get(7..11))
            .and_then(|y| y.parse().ok())
            .filter(|y| (1000..=2999).contains(y));
    }
}

/// MARC language codes with a two-letter ISO 639-1 equivalent, which BCP 47 prefers.
const LANGUAGES: [(&str, &str); 40] = [
    ("ara", "ar"),
    ("chi", "zh"),
    ("cze", "cs"),
    ("dan", "da"),
    ("dut", "nl"),
    ("eng", "en"),
    ("fin", "fi"),
    ("fre", "fr"),
    ("ger", "de"),
    ("gre", "el"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hun", "hu"),
    ("ind", "id"),
    ("ita", "it"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("lat", "la"),
    ("nor", "no"),
    ("per", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("rum", "ro"),
    ("rus", "ru"),
    ("spa", "es"),
    ("swe", "sv"),
    ("tha", "th"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("vie", "vi"),
    ("cat", "ca"),
    ("bul", "bg"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("slo", "sk"),
    ("slv", "sl"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("ice", "is"),
];

/// The BCP 47 tag for a MARC language code.
pub(crate) fn language_from_marc(code: &str) -> Option<Language> {
    let code = code.trim().to_lowercase();
    if code.len() != 3
        || !code.bytes().all(|b| b.is_ascii_lowercase())
        || matches!(code.as_str(), "und" | "zxx" | "mul" | "mis")
    {
        return None;
    }
    let tag = LANGUAGES
        .iter()
        .find(|(marc, _)| *marc == code)
        .map_or(code.as_str(), |(_, two)| two);
    tag.parse().ok()
}

/// The MARC language code for a BCP 47 tag.
pub(crate) fn language_to_marc(tag: &Language) -> Option<String> {
    let primary = tag.as_str().split('-').next()?;
    if primary.len() == 3 {
        return Some(primary.to_owned());
    }
    LANGUAGES
        .iter()
        .find(|(_, two)| *two == primary)
        .map(|(marc, _)| (*marc).to_owned())
}

/// Language from 008/35-37, else the first 041 $a, else a name in 546.
fn language(record: &Record) -> Option<Language> {
    record
        .control("008")
        .and_then(|f| f.get(35..38))
        .and_then(language_from_marc)
        .or_else(|| {
            record
                .fields("041")
                .filter(|f| f.indicator(1) == ' ')
                .filter_map(|f| f.first('a'))
                .find_map(|a| language_from_marc(a.get(..3).unwrap_or(a)))
        })
        .or_else(|| {
            let note = record.field("546")?.first('a')?.to_lowercase();
            [
                ("english", "en"),
                ("french", "fr"),
                ("german", "de"),
                ("spanish", "es"),
                ("korean", "ko"),
                ("chinese", "zh"),
                ("japanese", "ja"),
                ("russian", "ru"),
            ]
            .iter()
            .find(|(name, _)| note.contains(name))
            .and_then(|(_, tag)| tag.parse().ok())
        })
}

/// Subject headings from 600-651: the main heading and its subdivisions joined by
/// " -- ", as catalogues print them.
fn subjects(record: &Record) -> Vec<Subject> {
    let mut out: Vec<Subject> = Vec::new();
    for field in &record.fields {
        let tag = field.tag();
        if !matches!(tag, "600" | "610" | "611" | "630" | "648" | "650" | "651") {
            continue;
        }
        let mut heading = String::new();
        for (code, value) in field.subfields() {
            let value = clean(value, true);
            if value.is_empty() {
                continue;
            }
            match code {
                'a' | 'b' | 'c' | 'd' | 'q' | 't' => {
                    if !heading.is_empty() {
                        heading.push(' ');
                    }
                    heading.push_str(&value);
                }
                'v' | 'x' | 'y' | 'z' => {
                    heading.push_str(" -- ");
                    heading.push_str(&value);
                }
                _ => {}
            }
        }
        let heading = heading.replace(';', ",");
        let heading = clean(heading.trim_start_matches(" -- "), true);
        if let Ok(subject) = heading.parse::<Subject>()
            && !out.contains(&subject)
        {
            out.push(subject);
        }
    }
    out
}

/// The table of contents from 505 formatted contents notes, basic (`$a` with items
/// separated by " -- ") or enhanced (`$g` number or pages, `$t` title, `$r` authors).
fn contents(record: &Record) -> Vec<TocEntry> {
    let mut entries = Vec::new();
    for field in record.fields("505") {
        if field.first('t').is_some() {
            enhanced(field, &mut entries);
        } else {
            for a in field.all('a') {
                for item in a.split(" -- ").flat_map(|i| i.split("--")) {
                    if let Some(entry) = basic_item(item) {
                        entries.push(entry);
                    }
                }
            }
        }
    }
    entries
}

fn enhanced(field: &Field, entries: &mut Vec<TocEntry>) {
    let mut label: Option<String> = None;
    let mut pending_pages: Option<PageRange> = None;
    let mut current: Option<TocEntry> = None;
    let finish = |current: &mut Option<TocEntry>, entries: &mut Vec<TocEntry>| {
        if let Some(mut e) = current.take() {
            e.kind = TocKind::infer(&e.title, e.label.as_deref(), false);
            entries.push(e);
        }
    };
    for (code, value) in field.subfields() {
        let ends_item = value.trim_end().ends_with("--");
        match code {
            'g' => {
                let v = clean(value, false);
                let page_like = v.starts_with(['(', 'p', 'S']) || v.contains(['-', '\u{2013}']);
                if let Some(pages) = pages_of(&v).filter(|_| page_like) {
                    match current.as_mut() {
                        Some(e) if e.pages.is_none() => e.pages = Some(pages),
                        _ => pending_pages = Some(pages),
                    }
                } else if !v.is_empty() {
                    finish(&mut current, entries);
                    label = Some(v.trim_end_matches('.').trim().to_owned());
                }
            }
            't' => {
                finish(&mut current, entries);
                let title = clean(value, true);
                if title.is_empty() {
                    continue;
                }
                let mut e = TocEntry::new(title);
                e.label = label.take();
                e.pages = pending_pages.take();
                current = Some(e);
            }
            'r' => {
                if let Some(e) = current.as_mut() {
                    e.authors.extend(
                        people(&clean(value, true))
                            .into_iter()
                            .map(|n| Contributor::new(n, Role::Author)),
                    );
                }
            }
            _ => {}
        }
        if ends_item {
            finish(&mut current, entries);
        }
    }
    finish(&mut current, entries);
}

/// "3. The Third KWP Congress / Andrei Lankov (p. 60-72)" as an entry.
fn basic_item(item: &str) -> Option<TocEntry> {
    let mut text = clean(item, true);
    let mut pages = None;
    if let Some(open) = text.rfind('(')
        && text.ends_with(')')
        && let Some(p) = pages_of(&text[open..])
    {
        pages = Some(p);
        text = clean(&text[..open], true);
    }
    let (title, authors) = match text.split_once(" / ") {
        Some((t, a)) => (clean(t, true), people(&clean(a, true))),
        None => (text, Vec::new()),
    };
    if title.is_empty() {
        return None;
    }
    let (label, title) = split_label(None, &title);
    let mut e = TocEntry::new(title);
    e.label = label;
    e.kind = TocKind::infer(&e.title, e.label.as_deref(), false);
    e.pages = pages;
    e.authors = authors
        .into_iter()
        .map(|n| Contributor::new(n, Role::Author))
        .collect();
    Some(e)
}

/// Splits a leading chapter number ("1.", "12") off a title.
fn split_label(label: Option<String>, title: &str) -> (Option<String>, String) {
    if let Some(l) = label.filter(|l| !l.is_empty()) {
        return (Some(l), title.to_owned());
    }
    if let Some((first, rest)) = title.split_once(' ') {
        let number = first.trim_end_matches(['.', ':']);
        if (1..=3).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
            && !rest.trim().is_empty()
        {
            return (Some(number.to_owned()), rest.trim().to_owned());
        }
    }
    (None, title.to_owned())
}

/// A page range in "p. 7-25", "pp. 7-25", "(7-25)" or "7-25".
fn pages_of(text: &str) -> Option<PageRange> {
    let t = text
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let t = t
        .strip_prefix("pp.")
        .or_else(|| t.strip_prefix("p."))
        .or_else(|| t.strip_prefix("S."))
        .unwrap_or(t)
        .trim();
    if t.is_empty()
        || !t
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "ivxlc".contains(c))
    {
        return None;
    }
    let t = t.trim_end_matches('.');
    t.parse().ok()
}

/// Names in a statement of responsibility: "A and B", "A, B, and C", "A ; B".
fn people(text: &str) -> Vec<PersonName> {
    let text = text
        .trim()
        .trim_start_matches("by ")
        .trim_start_matches("By ");
    text.split(" ; ")
        .flat_map(|p| p.split(", "))
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_start_matches("and ").trim())
        .filter(|p| !p.is_empty() && !SUFFIXES.contains(p))
        .filter_map(|p| p.parse::<PersonName>().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isbd_punctuation_is_stripped() {
        assert_eq!(
            clean("Crisis in North Korea :", true),
            "Crisis in North Korea"
        );
        assert_eq!(
            clean("the failure of de-Stalinization, 1956 /", true),
            "the failure of de-Stalinization, 1956"
        );
        assert_eq!(clean("Honolulu :", true), "Honolulu");
        assert_eq!(clean("[Honolulu]", true), "Honolulu");
        assert_eq!(clean("Smith, J.", true), "Smith, J.");
        assert_eq!(clean("History.", true), "History");
    }

    #[test]
    fn names_are_split_into_parts() {
        let f = Field::data(
            "100",
            ['1', ' '],
            vec![('a', "Lankov, Andrei,".into()), ('d', "1963-".into())],
        );
        let n = person_name(&f, None).unwrap();
        assert_eq!(
            (n.family.as_str(), n.given.as_deref()),
            ("Lankov", Some("Andrei"))
        );
        let f = Field::data(
            "100",
            ['1', ' '],
            vec![('a', "King, Martin Luther,".into()), ('c', "Jr.,".into())],
        );
        assert_eq!(
            person_name(&f, None).unwrap().suffix.as_deref(),
            Some("Jr.")
        );
        let f = Field::data("100", ['0', ' '], vec![('a', "Plato.".into())]);
        assert_eq!(person_name(&f, None).unwrap().family, "Plato");
        let f = Field::data("100", ['1', ' '], vec![('a', "Kim, Il-sŏng,".into())]);
        let n = person_name(&f, Some("金日成".into())).unwrap();
        assert!(n.family_first);
        assert_eq!(n.to_string(), "Kim Il-sŏng");
    }

    #[test]
    fn basic_and_enhanced_contents_notes() {
        let e = basic_item("3. The Third KWP Congress / Andrei Lankov (p. 60-72)").unwrap();
        assert_eq!(e.label.as_deref(), Some("3"));
        assert_eq!(e.title, "The Third KWP Congress");
        assert_eq!(e.pages.unwrap().to_string(), "60-72");
        assert_eq!(e.authors[0].name.family, "Lankov");
        let f = Field::data(
            "505",
            ['0', '0'],
            vec![
                ('g', "1.".into()),
                ('t', "Origins /".into()),
                ('r', "A. Smith and B. Jones".into()),
                ('g', "(p. 1-20) --".into()),
                ('t', "Index.".into()),
            ],
        );
        let mut entries = Vec::new();
        enhanced(&f, &mut entries);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].label.as_deref(), Some("1"));
        assert_eq!(entries[0].authors.len(), 2);
        assert_eq!(entries[0].pages.unwrap().to_string(), "1-20");
        assert_eq!(entries[1].kind, TocKind::Index);
    }

    #[test]
    fn years_come_from_date_statements() {
        assert_eq!(year("c2005."), Some(2005));
        assert_eq!(year("[1999?]"), Some(1999));
        assert_eq!(year("©2014"), Some(2014));
        assert_eq!(year("12345"), None);
    }
}
