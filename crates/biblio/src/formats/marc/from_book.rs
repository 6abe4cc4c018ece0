//! Book to MARC 21 bibliographic record, the inverse of `to_book` for everything MARC
//! can hold: what it cannot (table-of-contents nesting, excerpts, chapter DOIs, roles
//! of chapter authors other than author) is documented in `docs/marc-onix.md`.

use super::record::{Field, Record};
use super::to_book::language_to_marc;
use crate::model::{Book, Contributor, Medium, Role};

/// A 505 field longer than this is continued in another 505.
const MAX_CONTENTS: usize = 8000;

/// The record for a book: leader, 008, 020, 024, 100/700, 245, 250, 264, 300, 490,
/// 505, 520, 650 and 880 for names and titles in their original script.
pub fn to_record(book: &Book) -> Record {
    let mut fields = Vec::new();
    let mut links = 0u32;
    let mut originals: Vec<Field> = Vec::new();
    fields.push(Field::Control {
        tag: "008".into(),
        value: field_008(book),
    });
    for (isbn, medium) in book.isbns() {
        let q = match medium {
            Medium::Print => "print",
            Medium::Electronic => "electronic",
        };
        fields.push(Field::data(
            "020",
            [' ', ' '],
            vec![('a', isbn.compact()), ('q', q.into())],
        ));
    }
    if let Some(doi) = book.doi() {
        fields.push(Field::data(
            "024",
            ['7', ' '],
            vec![('a', doi.to_string()), ('2', "doi".into())],
        ));
    }
    if let Some(language) = book.language.as_ref().and_then(language_to_marc) {
        fields.push(Field::data("041", [' ', ' '], vec![('a', language)]));
    }
    let mut first_person = true;
    let mut name_fields = Vec::new();
    for c in &book.contributors {
        let tag = if first_person && c.role == Role::Author {
            "100"
        } else {
            "700"
        };
        first_person = false;
        let mut field = name_field(tag, c);
        if let Some(original) = &c.name.original_script {
            links += 1;
            link(
                &mut field,
                &mut originals,
                links,
                vec![('a', original.clone())],
            );
        }
        name_fields.push(field);
    }
    let has_main = name_fields.first().is_some_and(|f| f.tag() == "100");
    let mut title = vec![(
        'a',
        match &book.subtitle {
            Some(_) => format!("{} :", book.title),
            None => with_period(&book.title),
        },
    )];
    if let Some(sub) = &book.subtitle {
        title.push(('b', with_period(sub)));
    }
    let mut title_field = Field::data(
        "245",
        [if has_main { '1' } else { '0' }, nonfiling(&book.title)],
        title,
    );
    if let Some(original) = &book.original_script_title {
        links += 1;
        link(
            &mut title_field,
            &mut originals,
            links,
            vec![('a', original.clone())],
        );
    }
    if has_main {
        fields.push(name_fields.remove(0));
    }
    fields.push(title_field);
    if let Some(edition) = &book.edition {
        fields.push(Field::data("250", [' ', ' '], vec![('a', edition.clone())]));
    }
    let mut imprint = Vec::new();
    if let Some(place) = &book.place {
        imprint.push(('a', format!("{place} :")));
    }
    if let Some(publisher) = &book.publisher {
        imprint.push(('b', format!("{publisher},")));
    }
    if let Some(year) = book.copyright_year {
        imprint.push(('c', format!("{year}.")));
    }
    if !imprint.is_empty() {
        fields.push(Field::data("264", [' ', '1'], imprint));
    }
    if let Some(year) = book.copyright_year {
        fields.push(Field::data(
            "264",
            [' ', '4'],
            vec![('c', format!("©{year}"))],
        ));
    }
    if let Some(extent) = &book.extent {
        fields.push(Field::data("300", [' ', ' '], vec![('a', extent.clone())]));
    }
    if let Some(series) = &book.series {
        let mut sub = Vec::new();
        match series.split_once(" ; ") {
            Some((title, number)) => {
                sub.push(('a', format!("{title} ;")));
                sub.push(('v', number.to_owned()));
            }
            None => sub.push(('a', series.clone())),
        }
        fields.push(Field::data("490", ['0', ' '], sub));
    }
    fields.extend(contents_fields(book));
    if let Some(description) = &book.description {
        for paragraph in description
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            fields.push(Field::data(
                "520",
                [' ', ' '],
                vec![('a', paragraph.to_owned())],
            ));
        }
    }
    for subject in &book.subjects {
        fields.push(Field::data(
            "650",
            [' ', '4'],
            vec![('a', subject.as_str().to_owned())],
        ));
    }
    fields.extend(name_fields);
    fields.extend(originals);
    // Control characters have no place in MARC data; both serialisations drop them.
    for field in &mut fields {
        match field {
            Field::Control { value, .. } => *value = no_controls(value),
            Field::Data { subfields, .. } => {
                for (_, v) in subfields {
                    *v = no_controls(v);
                }
            }
        }
    }
    Record {
        leader: "00000nam a2200000 i 4500".into(),
        fields,
    }
}

fn no_controls(s: &str) -> String {
    if s.chars().any(char::is_control) {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        s.to_owned()
    }
}

/// ISBD ends the title statement with a full stop, unless it ends with punctuation.
fn with_period(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// Adds `$6 880-NN` to a field and the linked 880 with `$6 TAG-NN`.
fn link(field: &mut Field, originals: &mut Vec<Field>, n: u32, mut sub: Vec<(char, String)>) {
    let tag = field.tag().to_owned();
    if let Field::Data {
        subfields,
        indicators,
        ..
    } = field
    {
        subfields.insert(0, ('6', format!("880-{n:02}")));
        sub.insert(0, ('6', format!("{tag}-{n:02}")));
        originals.push(Field::data("880", *indicators, sub));
    }
}

fn name_field(tag: &str, c: &Contributor) -> Field {
    let n = &c.name;
    let mut sub = Vec::new();
    match &n.given {
        Some(given) => sub.push(('a', format!("{}, {given},", n.family))),
        None => sub.push(('a', format!("{},", n.family))),
    }
    if let Some(suffix) = &n.suffix {
        sub.push(('c', format!("{suffix},")));
    }
    let (term, code) = match c.role {
        Role::Author => ("author", "aut"),
        Role::Editor => ("editor", "edt"),
        Role::Translator => ("translator", "trl"),
        Role::Foreword => ("writer of foreword", "wfw"),
    };
    sub.push(('e', format!("{term}.")));
    sub.push(('4', code.into()));
    let ind1 = if n.given.is_some() { '1' } else { '0' };
    Field::data(tag, [ind1, ' '], sub)
}

/// The number of characters a leading English article takes, for 245's second indicator.
fn nonfiling(title: &str) -> char {
    for (article, n) in [("The ", '4'), ("An ", '3'), ("A ", '2')] {
        if title.starts_with(article) {
            return n;
        }
    }
    '0'
}

fn field_008(book: &Book) -> String {
    let year = book
        .copyright_year
        .filter(|y| (0..=9999).contains(y))
        .map_or("    ".to_owned(), |y| format!("{y:04}"));
    let language = book
        .language
        .as_ref()
        .and_then(language_to_marc)
        .unwrap_or_else(|| "und".into());
    // 00-05 date entered (unknown), 06 single date, 07-10 year, 15-17 place unknown,
    // 18-34 book material (no illustrations, not a government publication...),
    // 35-37 language, 38 not modified, 39 cataloguing source other.
    let mut s = format!("000000s{year}    xx            000 0 {language} d");
    s.truncate(40);
    while s.len() < 40 {
        s.push(' ');
    }
    s
}

/// Enhanced 505 fields: `$g` label, `$t` title, `$r` authors, `$g` pages, items ended by
/// " --". Nested entries are listed in reading order.
fn contents_fields(book: &Book) -> Vec<Field> {
    let items = book.toc_items();
    if items.is_empty() {
        return Vec::new();
    }
    let mut fields = Vec::new();
    let mut current: Vec<(char, String)> = Vec::new();
    let mut size = 0;
    for (i, item) in items.iter().enumerate() {
        let e = item.entry;
        let mut sub = Vec::new();
        if let Some(label) = &e.label {
            sub.push(('g', format!("{label}.")));
        }
        let authors: Vec<String> = e
            .authors
            .iter()
            .filter(|a| a.role == Role::Author)
            .map(|a| a.name.to_string())
            .collect();
        let title_end = if authors.is_empty() { "" } else { " /" };
        sub.push(('t', format!("{}{title_end}", e.title)));
        if !authors.is_empty() {
            sub.push(('r', authors.join(" and ")));
        }
        if let Some(pages) = &e.pages {
            let p = if pages.is_single() { "p." } else { "pp." };
            sub.push(('g', format!("({p} {pages})")));
        }
        if i + 1 < items.len()
            && let Some(last) = sub.last_mut()
        {
            last.1.push_str(" --");
        }
        let len: usize = sub.iter().map(|(_, v)| v.len() + 2).sum();
        if size + len > MAX_CONTENTS && !current.is_empty() {
            fields.push(std::mem::take(&mut current));
            size = 0;
        }
        size += len;
        current.extend(sub);
    }
    fields.push(current);
    let n = fields.len();
    fields
        .into_iter()
        .enumerate()
        .map(|(i, sub)| {
            // 0: contents; 8: no display constant, for the continuations.
            let ind1 = if i == 0 && n == 1 {
                '0'
            } else if i == 0 {
                '1'
            } else {
                '8'
            };
            Field::data("505", [ind1, '0'], sub)
        })
        .collect()
}
