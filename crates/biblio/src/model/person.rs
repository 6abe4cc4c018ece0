//! Personal names and the roles people play in a book.
//!
//! A name keeps its parts (family, given, suffix) and its order: Korean, Chinese and
//! Japanese names are written family name first (`Kim Il Sung`, `김일성`), Western names
//! given name first. Citations need the parts; pages need the name as written.
//!
//! In text, a name is written as it is read. Where the reading is ambiguous the family
//! name is marked with braces: `{Kim} Il Sung`, `Ludwig {van Beethoven}`, `{남궁}민`.
//! Without braces, the last word is the family name (or the first character of a name
//! written in Han, Hangul or Kana without spaces).

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// A person's name, split into the parts a citation style needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName {
    pub family: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// Written family name first, as East Asian names are. Always false for a name
    /// with no given name.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub family_first: bool,
    /// The whole name in its original script where the parts above are a romanisation,
    /// such as "김일성" beside "Kim Il Sung". Formats that cannot hold it drop it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_script: Option<String>,
}

/// Why a name could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("name is empty")]
    Empty,
    #[error("name \"{0}\" contains {1:?}, which names may not contain")]
    BadCharacter(String, char),
    #[error("name \"{0}\" has unbalanced or repeated braces")]
    Braces(String),
}

const SUFFIXES: [&str; 6] = ["Jr.", "Sr.", "II", "III", "IV", "V"];

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

pub(crate) fn all_cjk(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_cjk)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

impl PersonName {
    /// Whether family and given name are printed without a space between them, as names
    /// in Han, Hangul or Kana are.
    fn joined_without_space(&self) -> bool {
        self.family_first && all_cjk(&self.family) && self.given.as_deref().is_none_or(all_cjk)
    }

    /// The name as a catalog line writes it: as read, with braces around the family name
    /// only where reading it back would otherwise split it differently.
    pub fn to_catalog(&self) -> String {
        let plain = self.to_string();
        if plain.parse::<PersonName>().as_ref() == Ok(self) {
            return plain;
        }
        let given = self.given.as_deref().unwrap_or("");
        let mut out = String::new();
        if self.family_first {
            out.push('{');
            out.push_str(&self.family);
            out.push('}');
            if !given.is_empty() {
                if !self.joined_without_space() {
                    out.push(' ');
                }
                out.push_str(given);
            }
        } else {
            if !given.is_empty() {
                out.push_str(given);
                out.push(' ');
            }
            out.push('{');
            out.push_str(&self.family);
            out.push('}');
        }
        if let Some(suffix) = &self.suffix {
            out.push(' ');
            out.push_str(suffix);
        }
        out
    }

    /// "Family, Given" for sorting and for bibliographies that invert names; East Asian
    /// names keep their order and take no comma.
    pub fn sort_form(&self) -> String {
        if self.family_first {
            return self.to_string();
        }
        let mut out = self.family.clone();
        if let Some(given) = &self.given {
            out.push_str(", ");
            out.push_str(given);
        }
        if let Some(suffix) = &self.suffix {
            out.push_str(", ");
            out.push_str(suffix);
        }
        out
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.given, self.family_first) {
            (Some(given), true) if self.joined_without_space() => {
                write!(f, "{}{given}", self.family)?
            }
            (Some(given), true) => write!(f, "{} {given}", self.family)?,
            (Some(given), false) => write!(f, "{given} {}", self.family)?,
            (None, _) => f.write_str(&self.family)?,
        }
        if let Some(suffix) = &self.suffix {
            write!(f, " {suffix}")?;
        }
        Ok(())
    }
}

impl FromStr for PersonName {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = collapse(s);
        if s.is_empty() {
            return Err(NameError::Empty);
        }
        if let Some(c) = s
            .chars()
            .find(|c| matches!(c, ',' | ';' | ':' | '"') || c.is_control())
        {
            return Err(NameError::BadCharacter(s, c));
        }
        if let Some(open) = s.find('{') {
            let close = s.find('}').ok_or_else(|| NameError::Braces(s.clone()))?;
            if close < open || s[close + 1..].contains(['{', '}']) || s[..open].contains('}') {
                return Err(NameError::Braces(s.clone()));
            }
            let family = s[open + 1..close].trim().to_owned();
            if family.is_empty() {
                return Err(NameError::Braces(s.clone()));
            }
            let before = s[..open].trim().to_owned();
            let after = s[close + 1..].trim().to_owned();
            return Ok(if before.is_empty() {
                let given = non_empty(after);
                PersonName {
                    family,
                    family_first: given.is_some(),
                    given,
                    suffix: None,
                    original_script: None,
                }
            } else {
                PersonName {
                    family,
                    given: Some(before),
                    suffix: non_empty(after),
                    family_first: false,
                    original_script: None,
                }
            });
        }
        if s.contains('}') {
            return Err(NameError::Braces(s));
        }
        if all_cjk(&s) {
            let mut chars = s.chars();
            let family: String = chars.next().into_iter().collect();
            let given = non_empty(chars.collect());
            return Ok(PersonName {
                family,
                family_first: given.is_some(),
                given,
                suffix: None,
                original_script: None,
            });
        }
        let mut words: Vec<&str> = s.split(' ').collect();
        let suffix = match words.last() {
            Some(last) if words.len() >= 2 && SUFFIXES.contains(last) => {
                words.pop().map(str::to_owned)
            }
            _ => None,
        };
        let family = words.pop().unwrap_or_default().to_owned();
        Ok(PersonName {
            family,
            given: non_empty(words.join(" ")),
            suffix,
            family_first: false,
            original_script: None,
        })
    }
}

/// What a person did for the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Author,
    Editor,
    Translator,
    /// Wrote the foreword.
    Foreword,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Author, Role::Editor, Role::Translator, Role::Foreword];

    /// The words that introduce people in this role on a title page, if any.
    pub fn byline_prefix(self) -> Option<&'static str> {
        match self {
            Role::Author => None,
            Role::Editor => Some("Edited by "),
            Role::Translator => Some("Translated by "),
            Role::Foreword => Some("With a foreword by "),
        }
    }

    /// The MARC relator term.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Author => "author",
            Role::Editor => "editor",
            Role::Translator => "translator",
            Role::Foreword => "foreword",
        }
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role \"{s}\""))
    }
}

/// A person and their role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contributor {
    pub name: PersonName,
    pub role: Role,
}

impl Contributor {
    pub fn new(name: PersonName, role: Role) -> Self {
        Contributor { name, role }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> PersonName {
        s.parse().unwrap()
    }

    #[test]
    fn western_names_take_the_last_word_as_family() {
        let n = name("Andrei Lankov");
        assert_eq!(
            (n.family.as_str(), n.given.as_deref()),
            ("Lankov", Some("Andrei"))
        );
        assert_eq!(n.sort_form(), "Lankov, Andrei");
        let n = name("Martin Luther King Jr.");
        assert_eq!(n.suffix.as_deref(), Some("Jr."));
        assert_eq!(n.to_string(), "Martin Luther King Jr.");
        assert_eq!(name("Plato").given, None);
    }

    #[test]
    fn braces_mark_the_family_name_and_round_trip() {
        let kim = name("{Kim} Il Sung");
        assert!(kim.family_first);
        assert_eq!(kim.to_string(), "Kim Il Sung");
        assert_eq!(kim.sort_form(), "Kim Il Sung");
        assert_eq!(kim.to_catalog(), "{Kim} Il Sung");
        let lvb = name("Ludwig {van Beethoven}");
        assert_eq!(lvb.family, "van Beethoven");
        assert_eq!(lvb.to_catalog(), "Ludwig {van Beethoven}");
        assert_eq!(name("Andrei Lankov").to_catalog(), "Andrei Lankov");
    }

    #[test]
    fn cjk_names_are_family_first_without_space() {
        let kim = name("김일성");
        assert_eq!(
            (kim.family.as_str(), kim.given.as_deref()),
            ("김", Some("일성"))
        );
        assert_eq!(kim.to_string(), "김일성");
        assert_eq!(kim.to_catalog(), "김일성");
        let namgung = name("{남궁}민");
        assert_eq!(namgung.to_string(), "남궁민");
        assert_eq!(namgung.to_catalog(), "{남궁}민");
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(
            name_err("Lankov, Andrei"),
            NameError::BadCharacter("Lankov, Andrei".into(), ',')
        );
        assert_eq!(
            name_err("{Kim Il Sung"),
            NameError::Braces("{Kim Il Sung".into())
        );
        assert_eq!(name_err("  "), NameError::Empty);
    }

    fn name_err(s: &str) -> NameError {
        s.parse::<PersonName>().unwrap_err()
    }
}
