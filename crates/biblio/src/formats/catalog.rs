//! The catalog text format: the layout of a JSTOR book page, as in
//! `docs/catalog-format.md`.
//!
//! [`parse`] reads one or more books (separated by a line `---`) and [`render`] writes a
//! book back. Rendering a parsed book gives the input back byte for byte, apart from a
//! final newline, when the input is in the canonical layout the renderer writes.
//!
//! The parser never panics. Mistakes in a value (an ISBN, a page range, a year) are
//! collected and parsing goes on, so one pass reports all of them; a line out of place
//! stops the record, since what follows cannot be read reliably.

use super::{Diagnostic, Parsed};
use crate::model::{
    Book, Contributor, Doi, Identifier, Isbn13, Language, Medium, PageRange, PersonName, Role,
    Subject, TocEntry, TocKind,
};

/// The line that separates books in a file holding several.
pub const SEPARATOR: &str = "---";
const CITE_LINE: &str = "  \u{2022} Cite this Item";
const INFO_LINE: &str = "  \u{2022} Book Info";
const DESCRIPTION_LINE: &str = "    Book Description:";
const TOC_LINE: &str = "Table of Contents";
const COPYRIGHT: &str = "Copyright Date: ";
const INFO_INDENT: &str = "    ";
/// The deepest nesting of table-of-contents entries accepted (a part in a part in ...).
const MAX_DEPTH: usize = 6;
const INFO_KEYS: [&str; 7] = [
    "eISBN",
    "ISBN",
    "DOI",
    "Published by",
    "Place",
    "Language",
    "Subjects",
];
const ENTRY_KEYS: [&str; 11] = [
    "Label",
    "Kind",
    "Author",
    "Authors",
    "Editor",
    "Editors",
    "Translator",
    "Translators",
    "Foreword",
    "Forewords",
    "DOI",
];

/// Reads every book in `text`.
pub fn parse(text: &str) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut parsed = Parsed::default();
    let mut start = 0;
    while start < lines.len() {
        let end = lines[start..]
            .iter()
            .position(|l| *l == SEPARATOR)
            .map_or(lines.len(), |i| start + i);
        let chunk = &lines[start..end];
        if chunk.iter().any(|l| !l.trim().is_empty()) {
            parsed.records += 1;
            let first = chunk.iter().position(|l| !l.trim().is_empty()).unwrap_or(0);
            let mut parser = Parser {
                lines: &chunk[first..],
                pos: 0,
                base: start + first + 1,
                errors: Vec::new(),
            };
            match parser.book() {
                Ok(book) if parser.errors.is_empty() => {
                    parsed.books.push((parser.base, book));
                }
                Ok(_) => parsed.diagnostics.append(&mut parser.errors),
                Err(fatal) => {
                    parsed.diagnostics.append(&mut parser.errors);
                    parsed.diagnostics.push(fatal);
                }
            }
        }
        start = end + 1;
    }
    if parsed.records == 0 {
        parsed.diagnostics.push(Diagnostic::new(
            1,
            "the file is empty; expected a book's title",
        ));
    }
    parsed
}

/// Writes a book in the canonical layout, ending with a newline.
pub fn render(book: &Book) -> String {
    let mut lines: Vec<String> = vec![
        book.title.clone(),
        String::new(),
        book.full_title(),
        String::new(),
    ];
    let mut rest = book.contributors.as_slice();
    while let Some(first) = rest.first() {
        let run = rest.iter().take_while(|c| c.role == first.role).count();
        let names = join_names(&rest[..run]);
        lines.push(format!(
            "{}{names}",
            first.role.byline_prefix().unwrap_or("")
        ));
        rest = &rest[run..];
    }
    if let Some(year) = book.copyright_year {
        lines.push(format!("{COPYRIGHT}{year}"));
    }
    lines.push(CITE_LINE.into());
    lines.push(INFO_LINE.into());
    lines.push(format!("{INFO_INDENT}{}", book.title));
    if let Some(description) = &book.description {
        lines.push(DESCRIPTION_LINE.into());
        for paragraph in paragraphs(description) {
            lines.push(String::new());
            lines.push(format!("{INFO_INDENT}{paragraph}"));
        }
        lines.push(String::new());
    }
    for id in &book.identifiers {
        lines.push(match id {
            Identifier::Isbn {
                value,
                medium: Medium::Electronic,
            } => format!("{INFO_INDENT}eISBN: {value}"),
            Identifier::Isbn {
                value,
                medium: Medium::Print,
            } => format!("{INFO_INDENT}ISBN: {value}"),
            Identifier::Doi { value } => format!("{INFO_INDENT}DOI: {value}"),
        });
    }
    if let Some(publisher) = &book.publisher {
        lines.push(format!("{INFO_INDENT}Published by: {publisher}"));
    }
    if let Some(place) = &book.place {
        lines.push(format!("{INFO_INDENT}Place: {place}"));
    }
    if let Some(language) = &book.language {
        lines.push(format!("{INFO_INDENT}Language: {language}"));
    }
    if !book.subjects.is_empty() {
        let separator = if book.subjects.iter().any(|s| s.as_str().contains(',')) {
            "; "
        } else {
            ", "
        };
        let names: Vec<&str> = book.subjects.iter().map(Subject::as_str).collect();
        // A lone subject with a comma ends with a semicolon to say it is one subject.
        let end = if separator == "; " && names.len() == 1 {
            ";"
        } else {
            ""
        };
        lines.push(format!(
            "{INFO_INDENT}Subjects: {}{end}",
            names.join(separator)
        ));
    }
    if lines.last().is_some_and(|l| !l.is_empty()) {
        lines.push(String::new());
    }
    lines.push(TOC_LINE.into());
    let mut position = 0;
    if !book.toc.is_empty() {
        lines.push(String::new());
        render_entries(&book.toc, 0, &mut position, &mut lines);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Writes several books separated by `---` lines.
pub fn render_many(books: &[Book]) -> String {
    let parts: Vec<String> = books.iter().map(render).collect();
    parts.join(&format!("{SEPARATOR}\n\n"))
}

fn render_entries(entries: &[TocEntry], depth: usize, position: &mut u32, out: &mut Vec<String>) {
    let indent = " ".repeat(2 + 2 * depth);
    let detail = " ".repeat(4 + 2 * depth);
    for entry in entries {
        if out.last().is_some_and(|l| !l.is_empty()) && ends_with_excerpt(out) {
            out.push(String::new());
        }
        *position += 1;
        let label_inline = entry
            .label
            .as_deref()
            .filter(|l| is_label(l) && !entry.title.is_empty());
        let title = match label_inline {
            Some(label) => format!("{label} {}", entry.title),
            None => entry.title.clone(),
        };
        out.push(format!("{indent}{position}. {title}"));
        if let Some(pages) = &entry.pages {
            let p = if pages.is_single() { "p." } else { "pp." };
            out.push(format!("{detail}({p} {pages})"));
        }
        match (&entry.label, label_inline) {
            (Some(label), None) => out.push(format!("{detail}Label: {label}")),
            (None, _) if split_label(&entry.title).is_some() => {
                out.push(format!("{detail}Label:"));
            }
            _ => {}
        }
        let inferred = TocKind::infer(
            &entry.title,
            entry.label.as_deref(),
            !entry.children.is_empty(),
        );
        if inferred != entry.kind {
            out.push(format!("{detail}Kind: {}", entry.kind));
        }
        let mut rest = entry.authors.as_slice();
        while let Some(first) = rest.first() {
            let run = rest.iter().take_while(|c| c.role == first.role).count();
            let key = role_key(first.role, run > 1);
            out.push(format!("{detail}{key}: {}", join_names(&rest[..run])));
            rest = &rest[run..];
        }
        if let Some(doi) = &entry.doi {
            out.push(format!("{detail}DOI: {doi}"));
        }
        if let Some(excerpt) = &entry.excerpt {
            for paragraph in paragraphs(excerpt) {
                out.push(String::new());
                out.push(format!("{detail}{paragraph}"));
            }
            // Marks the excerpt's end for the next entry; removed below.
            out.push(EXCERPT_END.into());
        }
        render_entries(&entry.children, depth + 1, position, out);
    }
    // Excerpt markers only tell the next entry to leave a blank line; drop them.
    if depth == 0 {
        out.retain(|l| l != EXCERPT_END);
    }
}

const EXCERPT_END: &str = "\u{0}excerpt-end";

fn ends_with_excerpt(out: &[String]) -> bool {
    out.last().is_some_and(|l| l == EXCERPT_END)
}

fn role_key(role: Role, plural: bool) -> String {
    let base = match role {
        Role::Author => "Author",
        Role::Editor => "Editor",
        Role::Translator => "Translator",
        Role::Foreword => "Foreword",
    };
    if plural {
        format!("{base}s")
    } else {
        base.to_owned()
    }
}

fn join_names(people: &[Contributor]) -> String {
    let names: Vec<String> = people.iter().map(|c| c.name.to_catalog()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// A chapter label written before the title: one to three digits.
fn is_label(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Splits "4 The Conspiracy" into its label and title.
fn split_label(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once(' ')?;
    (is_label(first) && !rest.trim().is_empty()).then_some((first, rest))
}

struct Parser<'a> {
    lines: &'a [&'a str],
    pos: usize,
    /// The file line number of `lines[0]`.
    base: usize,
    errors: Vec<Diagnostic>,
}

type Fatal = Diagnostic;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<&'a str> {
        self.lines.get(self.pos + offset).copied()
    }

    /// The file line number of the current line (or of the end of the record).
    fn line_no(&self) -> usize {
        self.base + self.pos
    }

    fn next(&mut self) -> Option<&'a str> {
        let line = self.peek()?;
        self.pos += 1;
        Some(line)
    }

    fn fatal(&self, expected: &str) -> Fatal {
        let found = match self.peek() {
            None => "the end of the book".to_owned(),
            Some("") => "a blank line".to_owned(),
            Some(line) if line.ends_with([' ', '\t']) => {
                format!("\"{}\" with trailing spaces", shorten(line))
            }
            Some(line) => format!("\"{}\"", shorten(line)),
        };
        Diagnostic::new(
            self.line_no(),
            format!("expected {expected}, found {found}"),
        )
    }

    fn error(&mut self, line: usize, message: String) {
        self.errors.push(Diagnostic::new(line, message));
    }

    fn expect_exact(&mut self, line: &str, what: &str) -> Result<(), Fatal> {
        if self.peek() == Some(line) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.fatal(what))
        }
    }

    fn expect_blank(&mut self, after: &str) -> Result<(), Fatal> {
        match self.peek() {
            Some(l) if l.trim().is_empty() => {
                self.pos += 1;
                Ok(())
            }
            _ => Err(self.fatal(&format!("a blank line after {after}"))),
        }
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(|l| l.trim().is_empty()) {
            self.pos += 1;
        }
    }

    fn book(&mut self) -> Result<Book, Fatal> {
        let title = match self.peek() {
            Some(l) if !l.trim().is_empty() && !l.starts_with(' ') => l.trim_end(),
            _ => return Err(self.fatal("the book's title, not indented")),
        };
        self.pos += 1;
        let mut book = Book::new(title);
        self.expect_blank("the title")?;
        let full_line = self.line_no();
        let full = match self.next() {
            Some(l) if !l.trim().is_empty() => l.trim_end(),
            _ => {
                self.pos -= 1;
                return Err(self.fatal("the full title (\"Title: Subtitle\")"));
            }
        };
        if full != title {
            match full.strip_prefix(title).and_then(|r| r.strip_prefix(": ")) {
                Some(sub) if !sub.trim().is_empty() => book.subtitle = Some(sub.to_owned()),
                _ => {
                    return Err(Diagnostic::new(
                        full_line,
                        format!(
                            "full title \"{}\" does not start with the title \"{}\" and \": \"",
                            shorten(full),
                            shorten(title)
                        ),
                    ));
                }
            }
        }
        self.expect_blank("the full title")?;
        self.bylines(&mut book)?;
        self.expect_exact(CITE_LINE, "\"  • Cite this Item\"")?;
        self.expect_exact(INFO_LINE, "\"  • Book Info\"")?;
        let repeat = format!("{INFO_INDENT}{title}");
        self.expect_exact(&repeat, &format!("the title repeated as \"{repeat}\""))?;
        if self.peek() == Some(DESCRIPTION_LINE) {
            self.pos += 1;
            self.description(&mut book)?;
        }
        self.info_lines(&mut book)?;
        self.skip_blank();
        self.expect_exact(TOC_LINE, "\"Table of Contents\"")?;
        let mut position = 1;
        book.toc = self.entries(0, &mut position)?;
        self.skip_blank();
        if self.peek().is_some() {
            return Err(self.fatal(&format!(
                "table of contents item {position} (\"  {position}. Title\") or the end of the book"
            )));
        }
        Ok(book)
    }

    fn bylines(&mut self, book: &mut Book) -> Result<(), Fatal> {
        loop {
            let line_no = self.line_no();
            let line = match self.peek() {
                Some(l) if l == CITE_LINE => return Ok(()),
                Some(l) if !l.trim().is_empty() && !l.starts_with(' ') => l.trim_end(),
                _ => {
                    return Err(self.fatal(
                        "an author line, \"Copyright Date: YEAR\" or \"  • Cite this Item\"",
                    ));
                }
            };
            self.pos += 1;
            if let Some(year) = line.strip_prefix(COPYRIGHT) {
                match year.trim().parse::<i32>() {
                    Ok(y)
                        if (1..=9999).contains(&y)
                            && !year.trim().starts_with(['+', '0'])
                            && year.trim() == year =>
                    {
                        book.copyright_year = Some(y)
                    }
                    _ => self.error(
                        line_no,
                        format!("copyright date \"{}\" is not a year", shorten(year)),
                    ),
                }
                if self.peek() != Some(CITE_LINE) {
                    return Err(self.fatal("\"  • Cite this Item\" after the copyright date"));
                }
                continue;
            }
            let (role, names) = Role::ALL
                .into_iter()
                .find_map(|r| {
                    r.byline_prefix()
                        .and_then(|p| line.strip_prefix(p))
                        .map(|rest| (r, rest))
                })
                .unwrap_or((Role::Author, line));
            if let Some(bare) = Role::ALL
                .iter()
                .filter_map(|r| r.byline_prefix())
                .find(|p| p.trim_end() == line)
            {
                self.error(line_no, format!("no names after \"{bare}\""));
                continue;
            }
            for name in self.names(line_no, names) {
                book.contributors.push(Contributor::new(name, role));
            }
        }
    }

    /// Reads "A", "A and B" or "A, B, and C".
    fn names(&mut self, line_no: usize, text: &str) -> Vec<PersonName> {
        let mut pieces: Vec<String> = Vec::new();
        for piece in text.split(", ").flat_map(|p| p.split(" and ")) {
            let piece = piece.strip_prefix("and ").unwrap_or(piece).trim();
            if matches!(piece, "Jr." | "Sr.") && !pieces.is_empty() {
                if let Some(last) = pieces.last_mut() {
                    last.push(' ');
                    last.push_str(piece);
                }
                continue;
            }
            pieces.push(piece.to_owned());
        }
        let mut names = Vec::new();
        for piece in pieces {
            match piece.parse::<PersonName>() {
                Ok(name) => names.push(name),
                Err(e) => self.error(line_no, e.to_string()),
            }
        }
        names
    }

    fn description(&mut self, book: &mut Book) -> Result<(), Fatal> {
        let mut paragraphs: Vec<&str> = Vec::new();
        loop {
            let next = self.peek_at(1);
            let is_paragraph = self.peek().is_some_and(|l| l.trim().is_empty())
                && next.is_some_and(|l| {
                    l.starts_with(INFO_INDENT)
                        && !l[INFO_INDENT.len()..].starts_with(' ')
                        && !l.trim().is_empty()
                        && info_key(l).is_none()
                });
            if !is_paragraph {
                break;
            }
            self.pos += 1;
            if let Some(line) = self.next() {
                paragraphs.push(line[INFO_INDENT.len()..].trim_end());
            }
        }
        if paragraphs.is_empty() {
            self.pos += usize::from(self.peek().is_some_and(|l| l.trim().is_empty()));
            return Err(self.fatal("the description, indented four spaces after a blank line"));
        }
        book.description = Some(paragraphs.join("\n\n"));
        self.skip_blank();
        Ok(())
    }

    fn info_lines(&mut self, book: &mut Book) -> Result<(), Fatal> {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        while let Some(line) = self.peek() {
            if line.trim().is_empty() || line == TOC_LINE {
                break;
            }
            let line_no = self.line_no();
            let Some((key, value)) = info_key(line) else {
                return Err(self.fatal(&format!(
                    "a Book Info line (\"    Key: value\" with a key among {})",
                    INFO_KEYS.join(", ")
                )));
            };
            self.pos += 1;
            if !matches!(key, "eISBN" | "ISBN" | "DOI") {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    self.error(
                        line_no,
                        format!("second \"{key}\" line; the first is on line {first}"),
                    );
                    continue;
                }
                seen.push((key, line_no));
            }
            let value = value.trim();
            match key {
                "eISBN" | "ISBN" => match value.parse::<Isbn13>() {
                    Ok(isbn) => book.identifiers.push(Identifier::Isbn {
                        value: isbn,
                        medium: if key == "eISBN" {
                            Medium::Electronic
                        } else {
                            Medium::Print
                        },
                    }),
                    Err(e) => self.error(line_no, format!("{key} {} {e}", shorten(value))),
                },
                "DOI" => match value.parse::<Doi>() {
                    Ok(doi) => book.identifiers.push(Identifier::Doi { value: doi }),
                    Err(e) => self.error(line_no, format!("DOI {e}")),
                },
                "Published by" | "Place" if value.is_empty() => {
                    self.error(line_no, format!("\"{key}\" line has no value"))
                }
                "Published by" => book.publisher = Some(value.to_owned()),
                "Place" => book.place = Some(value.to_owned()),
                "Language" => match value.parse::<Language>() {
                    Ok(lang) => book.language = Some(lang),
                    Err(e) => self.error(line_no, e.to_string()),
                },
                _ => {
                    let (separator, value) = match value.strip_suffix(';') {
                        Some(one) => (';', one),
                        None if value.contains(';') => (';', value),
                        None => (',', value),
                    };
                    for subject in value.split(separator) {
                        match subject.parse::<Subject>() {
                            Ok(s) => book.subjects.push(s),
                            Err(e) => self.error(line_no, e.to_string()),
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn entries(&mut self, depth: usize, position: &mut u32) -> Result<Vec<TocEntry>, Fatal> {
        let mut entries = Vec::new();
        loop {
            let save = self.pos;
            self.skip_blank();
            let Some(line) = self.peek() else {
                return Ok(entries);
            };
            let indent = line.len() - line.trim_start_matches(' ').len();
            let starts_digit = line[indent..].starts_with(|c: char| c.is_ascii_digit());
            if indent == 2 + 2 * depth && starts_digit {
                entries.push(self.entry(depth, position)?);
            } else if indent < 2 + 2 * depth && depth > 0 && starts_digit {
                self.pos = save;
                return Ok(entries);
            } else {
                let mut d = self.fatal(&format!(
                    "table of contents item {position} (\"{}{position}. Title\")",
                    " ".repeat(2 + 2 * depth)
                ));
                if line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                    d.column = Some(indent + 1);
                    d.message.push_str(&format!(
                        ", indented {indent} spaces where {} were expected",
                        2 + 2 * depth
                    ));
                }
                return Err(d);
            }
        }
    }

    fn entry(&mut self, depth: usize, position: &mut u32) -> Result<TocEntry, Fatal> {
        let line_no = self.line_no();
        let line = self.next().unwrap_or_default();
        let detail = " ".repeat(4 + 2 * depth);
        let body = &line[2 + 2 * depth..];
        let (number, rest) = match body.split_once(". ") {
            Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => (n, rest.trim_end()),
            _ => {
                self.pos -= 1;
                return Err(self.fatal(&format!("table of contents item \"{position}. Title\"")));
            }
        };
        if number.parse::<u32>().ok() != Some(*position) {
            return Err(Diagnostic::new(
                line_no,
                format!("table of contents item numbered {number}, expected {position}"),
            ));
        }
        if rest.trim().is_empty() {
            return Err(Diagnostic::new(
                line_no,
                format!("table of contents item {position} has no title"),
            ));
        }
        *position += 1;
        let (mut label, mut title) = match split_label(rest) {
            Some((label, title)) => (Some(label.to_owned()), title.to_owned()),
            None => (None, rest.to_owned()),
        };
        let mut entry = TocEntry::new(title.clone());
        let mut kind: Option<TocKind> = None;
        let mut seen: Vec<(&str, usize)> = Vec::new();
        let mut first_detail = true;
        while let Some(line) = self.peek() {
            let Some(text) = line.strip_prefix(detail.as_str()) else {
                break;
            };
            let detail_no = self.line_no();
            if first_detail && (text.starts_with("(pp. ") || text.starts_with("(p. ")) {
                self.pos += 1;
                first_detail = false;
                let inner = text
                    .trim_end()
                    .strip_suffix(')')
                    .map(|t| t.trim_start_matches("(pp. ").trim_start_matches("(p. "));
                match inner.map(str::parse::<PageRange>) {
                    Some(Ok(pages)) => entry.pages = Some(pages),
                    Some(Err(e)) => self.error(detail_no, e.to_string()),
                    None => self.error(
                        detail_no,
                        format!(
                            "page range \"{}\" has no closing parenthesis",
                            shorten(text)
                        ),
                    ),
                }
                continue;
            }
            first_detail = false;
            let Some((key, value)) = key_value(text, &ENTRY_KEYS) else {
                break;
            };
            self.pos += 1;
            // People lines may repeat (roles can alternate); the others may not.
            if matches!(key, "Label" | "Kind" | "DOI") {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    self.error(
                        detail_no,
                        format!("second \"{key}\" line; the first is on line {first}"),
                    );
                    continue;
                }
                seen.push((key, detail_no));
            }
            let value = value.trim();
            match key {
                "Label" if value.is_empty() => {
                    label = None;
                    title = rest.to_owned();
                }
                "Label" => {
                    label = Some(value.to_owned());
                    title = rest.to_owned();
                }
                "Kind" => match value.parse::<TocKind>() {
                    Ok(k) => kind = Some(k),
                    Err(e) => self.error(detail_no, e),
                },
                "DOI" => match value.parse::<Doi>() {
                    Ok(doi) => entry.doi = Some(doi),
                    Err(e) => self.error(detail_no, format!("DOI {e}")),
                },
                _ => {
                    let role = match key.trim_end_matches('s') {
                        "Editor" => Role::Editor,
                        "Translator" => Role::Translator,
                        "Foreword" => Role::Foreword,
                        _ => Role::Author,
                    };
                    for name in self.names(detail_no, value) {
                        entry.authors.push(Contributor::new(name, role));
                    }
                }
            }
        }
        entry.title = title;
        entry.label = label;
        // Excerpt: paragraphs after a blank line, indented like the details.
        let mut paragraphs: Vec<&str> = Vec::new();
        while self.peek().is_some_and(|l| l.trim().is_empty()) {
            let Some(next) = self.peek_at(1) else { break };
            let Some(text) = next.strip_prefix(detail.as_str()) else {
                break;
            };
            let child_entry = text
                .split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().ok() == Some(*position));
            if child_entry || text.starts_with(' ') || text.trim().is_empty() {
                break;
            }
            self.pos += 2;
            paragraphs.push(text.trim_end());
        }
        if !paragraphs.is_empty() {
            entry.excerpt = Some(paragraphs.join("\n\n"));
        }
        // Children: entries indented one level deeper.
        let save = self.pos;
        self.skip_blank();
        let has_child = self
            .peek()
            .and_then(|l| l.strip_prefix(detail.as_str()))
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(". "));
        self.pos = save;
        if has_child {
            if depth + 1 >= MAX_DEPTH {
                return Err(Diagnostic::new(
                    self.line_no(),
                    format!("table of contents nests deeper than {MAX_DEPTH} levels"),
                ));
            }
            entry.children = self.entries(depth + 1, position)?;
        }
        entry.kind = kind.unwrap_or_else(|| {
            TocKind::infer(
                &entry.title,
                entry.label.as_deref(),
                !entry.children.is_empty(),
            )
        });
        Ok(entry)
    }
}

/// Splits a Book Info line into a known key and its value.
fn info_key(line: &str) -> Option<(&'static str, &str)> {
    key_value(line.strip_prefix(INFO_INDENT)?, &INFO_KEYS)
}

fn key_value<'t>(text: &'t str, keys: &[&'static str]) -> Option<(&'static str, &'t str)> {
    let (key, value) = text.split_once(':')?;
    let key = keys.iter().find(|k| **k == key)?;
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, value))
}

/// A line cut to a readable length for a message.
fn shorten(line: &str) -> String {
    const MAX: usize = 60;
    let line = line.trim_end();
    if line.chars().count() <= MAX {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}
