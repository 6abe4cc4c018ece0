//! Table-of-contents entries: every item a reader can open, front matter to index.
//!
//! Entries nest (a part holds its chapters). Items are numbered in reading order across
//! all levels, starting at 1; that number is an item's position and addresses it in URLs
//! and citations. The position is derived from the tree, never stored beside it.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use super::{Contributor, Doi, PageRange};

/// What kind of item an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TocKind {
    FrontMatter,
    Contents,
    Preface,
    Acknowledgments,
    Note,
    Introduction,
    Chapter,
    Conclusion,
    Notes,
    Bibliography,
    Index,
    BackMatter,
    Part,
}

impl TocKind {
    pub const ALL: [TocKind; 13] = [
        TocKind::FrontMatter,
        TocKind::Contents,
        TocKind::Preface,
        TocKind::Acknowledgments,
        TocKind::Note,
        TocKind::Introduction,
        TocKind::Chapter,
        TocKind::Conclusion,
        TocKind::Notes,
        TocKind::Bibliography,
        TocKind::Index,
        TocKind::BackMatter,
        TocKind::Part,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TocKind::FrontMatter => "front-matter",
            TocKind::Contents => "contents",
            TocKind::Preface => "preface",
            TocKind::Acknowledgments => "acknowledgments",
            TocKind::Note => "note",
            TocKind::Introduction => "introduction",
            TocKind::Chapter => "chapter",
            TocKind::Conclusion => "conclusion",
            TocKind::Notes => "notes",
            TocKind::Bibliography => "bibliography",
            TocKind::Index => "index",
            TocKind::BackMatter => "back-matter",
            TocKind::Part => "part",
        }
    }

    /// Whether the item sits outside the body of the book (front and back matter).
    pub fn is_apparatus(self) -> bool {
        !matches!(
            self,
            TocKind::Introduction | TocKind::Chapter | TocKind::Conclusion | TocKind::Part
        )
    }

    /// The kind a reader would infer from an entry's title, label and children; the
    /// catalog format writes a kind out only where it differs from this.
    pub fn infer(title: &str, label: Option<&str>, has_children: bool) -> TocKind {
        let lower = title.trim().to_lowercase();
        let starts = |word: &str| {
            lower == word
                || lower
                    .strip_prefix(word)
                    .is_some_and(|rest| rest.starts_with([':', ' ', '.']))
        };
        if has_children {
            return TocKind::Part;
        }
        if label.is_some() {
            return TocKind::Chapter;
        }
        if starts("part") {
            return TocKind::Part;
        }
        match lower.as_str() {
            "front matter" => return TocKind::FrontMatter,
            "contents" | "table of contents" => return TocKind::Contents,
            "preface" | "foreword" => return TocKind::Preface,
            "acknowledgments" | "acknowledgements" => return TocKind::Acknowledgments,
            "notes" => return TocKind::Notes,
            "bibliography" | "references" | "works cited" | "selected bibliography" => {
                return TocKind::Bibliography;
            }
            "index" => return TocKind::Index,
            "back matter" => return TocKind::BackMatter,
            _ => {}
        }
        if starts("introduction") {
            TocKind::Introduction
        } else if starts("conclusion") {
            TocKind::Conclusion
        } else if ["note on ", "a note on ", "notes on "]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            TocKind::Note
        } else {
            TocKind::Chapter
        }
    }
}

impl fmt::Display for TocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TocKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TocKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<_> = TocKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind \"{s}\", expected one of {}", names.join(", "))
            })
    }
}

/// One entry of a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    pub kind: TocKind,
    /// The chapter number or label as printed, such as "4".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageRange>,
    /// Opening text, paragraphs separated by a blank line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// The chapter's own authors, in a contributed volume.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Contributor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<Doi>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<TocEntry>,
}

impl TocEntry {
    /// An entry with a title and kind inferred from it, and nothing else.
    pub fn new(title: impl Into<String>) -> Self {
        let title = title.into();
        TocEntry {
            kind: TocKind::infer(&title, None, false),
            label: None,
            title,
            pages: None,
            excerpt: None,
            authors: Vec::new(),
            doi: None,
            children: Vec::new(),
        }
    }

    /// Label and title as a table of contents prints them: "4 The Conspiracy".
    pub fn display_title(&self) -> String {
        match &self.label {
            Some(label) => format!("{label} {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// An entry with its place in the flattened table of contents.
#[derive(Debug, Clone, Copy)]
pub struct TocItem<'a> {
    /// 1-based number in reading order across all levels.
    pub position: u32,
    /// 0 for top-level entries, 1 for entries inside a part, and so on.
    pub depth: u32,
    /// The position of the enclosing entry, if any.
    pub parent: Option<u32>,
    pub entry: &'a TocEntry,
}

pub(crate) fn flatten<'a>(
    entries: &'a [TocEntry],
    depth: u32,
    parent: Option<u32>,
    out: &mut Vec<TocItem<'a>>,
) {
    for entry in entries {
        let position = out.len() as u32 + 1;
        out.push(TocItem {
            position,
            depth,
            parent,
            entry,
        });
        flatten(&entry.children, depth + 1, Some(position), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_inferred_from_the_seed_titles() {
        let cases = [
            ("Front Matter", None, TocKind::FrontMatter),
            ("Table of Contents", None, TocKind::Contents),
            ("Preface", None, TocKind::Preface),
            ("Acknowledgments", None, TocKind::Acknowledgments),
            ("Note on Romanization", None, TocKind::Note),
            ("Introduction", None, TocKind::Introduction),
            (
                "North Korea and Its Leadership",
                Some("1"),
                TocKind::Chapter,
            ),
            (
                "Conclusion: Why the “August Group” Failed",
                None,
                TocKind::Conclusion,
            ),
            ("Notes", None, TocKind::Notes),
            ("Bibliography", None, TocKind::Bibliography),
            ("Index", None, TocKind::Index),
            ("Back Matter", None, TocKind::BackMatter),
            ("Part One: Origins", None, TocKind::Part),
            ("Introductory Remarks", None, TocKind::Chapter),
        ];
        for (title, label, kind) in cases {
            assert_eq!(TocKind::infer(title, label, false), kind, "{title}");
        }
    }
}
