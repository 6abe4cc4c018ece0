//! The book: what a landing page shows and a citation needs.

use serde::{Deserialize, Serialize};

use super::{Contributor, Doi, Isbn13, Language, Role, Subject, TocEntry, TocItem, toc};

/// Whether an ISBN belongs to the printed or the electronic edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Medium {
    Print,
    Electronic,
}

/// An identifier of the whole book.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Identifier {
    Isbn { value: Isbn13, medium: Medium },
    Doi { value: Doi },
}

/// A scholarly book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Book {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The full title in its original script, where the title above is a romanisation
    /// (MARC 880 linked fields carry it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_script_title: Option<String>,
    /// The edition statement as printed, such as "2nd ed.".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<Contributor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright_year: Option<i32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// Paragraphs separated by a blank line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The physical extent as a catalogue records it, such as "xvi, 280 pages".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extent: Option<String>,
    /// The series the book belongs to, with its number: "Hawaii Studies on Korea ; 3".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toc: Vec<TocEntry>,
}

impl Book {
    /// A book with a title and nothing else.
    pub fn new(title: impl Into<String>) -> Self {
        Book {
            title: title.into(),
            subtitle: None,
            original_script_title: None,
            edition: None,
            contributors: Vec::new(),
            publisher: None,
            place: None,
            copyright_year: None,
            identifiers: Vec::new(),
            subjects: Vec::new(),
            description: None,
            language: None,
            extent: None,
            series: None,
            toc: Vec::new(),
        }
    }

    /// "Title: Subtitle".
    pub fn full_title(&self) -> String {
        match &self.subtitle {
            Some(sub) => format!("{}: {sub}", self.title),
            None => self.title.clone(),
        }
    }

    /// Contributors in the given role, in order.
    pub fn contributors_in(&self, role: Role) -> impl Iterator<Item = &Contributor> {
        self.contributors.iter().filter(move |c| c.role == role)
    }

    /// Every ISBN, in order, with its medium.
    pub fn isbns(&self) -> impl Iterator<Item = (Isbn13, Medium)> + '_ {
        self.identifiers.iter().filter_map(|id| match id {
            Identifier::Isbn { value, medium } => Some((*value, *medium)),
            Identifier::Doi { .. } => None,
        })
    }

    pub fn doi(&self) -> Option<&Doi> {
        self.identifiers.iter().find_map(|id| match id {
            Identifier::Doi { value } => Some(value),
            Identifier::Isbn { .. } => None,
        })
    }

    /// The table of contents flattened in reading order, each entry with its position.
    pub fn toc_items(&self) -> Vec<TocItem<'_>> {
        let mut out = Vec::new();
        toc::flatten(&self.toc, 0, None, &mut out);
        out
    }

    /// The item at a 1-based position.
    pub fn toc_item(&self, position: u32) -> Option<TocItem<'_>> {
        let index = usize::try_from(position.checked_sub(1)?).ok()?;
        self.toc_items().get(index).copied()
    }
}

/// A URL slug from a title: lowercase ASCII letters and digits joined by hyphens,
/// at most 60 characters, `book` when nothing is left.
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        let folded = fold_latin(c);
        if folded.is_ascii_alphanumeric() {
            slug.push(folded.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "book".to_owned()
    } else {
        slug
    }
}

/// Strips the accent from common Latin letters, enough for readable slugs.
fn fold_latin(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' | 'ā' | 'ă' => 'a',
        'ç' | 'Ç' | 'č' | 'ć' => 'c',
        'è'..='ë' | 'È'..='Ë' | 'ē' | 'ě' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' | 'ī' => 'i',
        'ñ' | 'Ñ' | 'ń' => 'n',
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' | 'ō' | 'ŏ' | 'Ŏ' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' | 'ū' | 'ŭ' | 'Ŭ' => 'u',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slugify("Crisis in North Korea"), "crisis-in-north-korea");
        assert_eq!(
            slugify("Hawai'i: Pŏngyang’s “Rise”"),
            "hawaii-pongyangs-rise"
        );
        assert_eq!(slugify("김일성"), "book");
    }
}
