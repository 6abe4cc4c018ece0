//! Telling formats apart by their content, not the file name.

/// A format Shelfmark can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The catalog text layout of `docs/catalog-format.md`.
    Catalog,
    /// Shelfmark's JSON: one book object or an array of them.
    Json,
}

/// Guesses the format from the first non-blank characters.
pub fn detect(text: &str) -> Option<Format> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // JSON starts with an object (`{"`, `{}`) or an array of them (`[{`, `[]`); a book
    // title such as "[Untitled]" or "{Kim} and Me" does not.
    let mut chars = text.trim_start().chars();
    let first = chars.next();
    let second = chars.find(|c| !c.is_whitespace());
    if matches!(
        (first, second),
        (Some('{'), Some('"' | '}')) | (Some('['), Some('{' | ']'))
    ) {
        return Some(Format::Json);
    }
    if text.lines().any(|l| l.trim_end() == "Table of Contents")
        || text.lines().any(|l| l.trim_end() == "  \u{2022} Book Info")
    {
        return Some(Format::Catalog);
    }
    None
}
