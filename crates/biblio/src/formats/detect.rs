//! Telling formats apart by their content, not the file name.

/// A format Shelfmark can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The catalog text layout of `docs/catalog-format.md`.
    Catalog,
    /// Shelfmark's JSON: one book object or an array of them.
    Json,
    /// MARC 21 in ISO 2709, UTF-8 or MARC-8.
    Marc,
    /// MARCXML, a `<collection>` or a single `<record>`.
    MarcXml,
    /// MARC-in-JSON: objects with `leader` and `fields`.
    MarcJson,
    /// ONIX for Books, any release (2.1 is recognised in order to be refused).
    Onix,
}

/// Guesses the format of raw bytes: ISO 2709 MARC is binary, everything else is text.
pub fn detect_bytes(bytes: &[u8]) -> Option<Format> {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b'\n' | b'\r' | b' ' | 0))
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    if head.len() >= 24
        && head[..5].iter().all(u8::is_ascii_digit)
        && head[12..17].iter().all(u8::is_ascii_digit)
        && head[..24].iter().all(u8::is_ascii)
        && head[..head.len().min(100_000)].contains(&0x1E)
    {
        return Some(Format::Marc);
    }
    detect(&String::from_utf8_lossy(
        &bytes[..bytes.len().min(64 * 1024)],
    ))
}

/// Guesses the format of text from its first non-blank characters.
pub fn detect(text: &str) -> Option<Format> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.trim_start();
    // JSON starts with an object (`{"`, `{}`) or an array of them (`[{`, `[]`); a book
    // title such as "[Untitled]" or "{Kim} and Me" does not.
    let mut chars = first.chars();
    let c1 = chars.next();
    let c2 = chars.find(|c| !c.is_whitespace());
    if matches!(
        (c1, c2),
        (Some('{'), Some('"' | '}')) | (Some('['), Some('{' | ']'))
    ) {
        let head: String = first.chars().take(4096).collect();
        if head.contains("\"leader\"") && head.contains("\"fields\"") {
            return Some(Format::MarcJson);
        }
        return Some(Format::Json);
    }
    if first.starts_with('<') {
        let head: String = first.chars().take(4096).collect();
        let root = root_name(&head);
        return match root.as_deref() {
            Some("ONIXMessage" | "ONIXmessage") => Some(Format::Onix),
            Some("collection" | "record") => Some(Format::MarcXml),
            _ if head.contains("http://www.loc.gov/MARC21/slim") => Some(Format::MarcXml),
            _ => None,
        };
    }
    if text.lines().any(|l| l.trim_end() == "Table of Contents")
        || text.lines().any(|l| l.trim_end() == "  \u{2022} Book Info")
    {
        return Some(Format::Catalog);
    }
    None
}

/// The local name of the first element, skipping the declaration, comments and
/// processing instructions.
fn root_name(head: &str) -> Option<String> {
    let mut rest = head;
    loop {
        let open = rest.find('<')?;
        rest = &rest[open + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        let local = name.rsplit(':').next().unwrap_or(&name).to_owned();
        return Some(local);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(
            detect(
                "<?xml version=\"1.0\"?>\n<!-- x -->\n<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">"
            ),
            Some(Format::MarcXml)
        );
        assert_eq!(detect("<ONIXmessage release=\"3.0\">"), Some(Format::Onix));
        assert_eq!(
            detect("[{\"leader\": \"x\", \"fields\": []}]"),
            Some(Format::MarcJson)
        );
        assert_eq!(detect("{\"title\": \"x\"}"), Some(Format::Json));
        assert_eq!(
            detect_bytes(b"00026nam a2200025 a 4500\x1e\x1d"),
            Some(Format::Marc)
        );
        assert_eq!(detect_bytes(b"<html>"), None);
    }
}
