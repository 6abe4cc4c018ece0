//! Generated graphics: a typographic cover for books without a cover image, and the
//! pagination map, a bar of the book's page spans drawn to scale.
//!
//! Both are SVG built as text with every piece of catalog text escaped. The map is
//! inline in the page (SVG attributes are not styles, so the Content-Security-Policy
//! that forbids inline styles does not affect it), with a link and a title per item.

use biblio::{Book, Page, Role};

use super::views::{escape, item_path, kind_label};

/// Background colours for covers, dark enough for white text (contrast above 7:1).
const COVER_COLOURS: [&str; 6] = [
    "#5b1f1a", "#1f3b4d", "#2f4a2c", "#4a3360", "#3d3a33", "#6a3b12",
];

/// Splits text into lines of at most `width` characters, breaking between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// A 400×600 cover: title, subtitle, author and year set in serif capitals on a colour
/// chosen from the book's id.
pub fn cover_svg(id: &str, book: &Book) -> String {
    let hash = id
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let colour = COVER_COLOURS[(hash as usize) % COVER_COLOURS.len()];
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 600\" width=\"400\" height=\"600\" role=\"img\" aria-label=\"Cover of {}\">\
         <rect width=\"400\" height=\"600\" fill=\"{colour}\"/>\
         <rect x=\"20\" y=\"20\" width=\"360\" height=\"560\" fill=\"none\" stroke=\"#e8dcc0\" stroke-width=\"2\"/>",
        escape(&book.full_title())
    );
    let font = "font-family=\"Palatino Linotype, Palatino, Book Antiqua, Georgia, serif\"";
    let mut y = 130;
    for line in wrap(&book.title.to_uppercase(), 14).iter().take(5) {
        out.push_str(&format!(
            "<text x=\"200\" y=\"{y}\" text-anchor=\"middle\" {font} font-size=\"38\" letter-spacing=\"2\" fill=\"#fbf6ea\">{}</text>",
            escape(line)
        ));
        y += 48;
    }
    if let Some(sub) = &book.subtitle {
        y += 10;
        for line in wrap(sub, 24).iter().take(4) {
            out.push_str(&format!(
                "<text x=\"200\" y=\"{y}\" text-anchor=\"middle\" {font} font-size=\"24\" font-style=\"italic\" fill=\"#e8dcc0\">{}</text>",
                escape(line)
            ));
            y += 32;
        }
    }
    out.push_str(&format!(
        "<line x1=\"150\" y1=\"{}\" x2=\"250\" y2=\"{}\" stroke=\"#e8dcc0\" stroke-width=\"1\"/>",
        y + 10,
        y + 10
    ));
    let people: Vec<String> = book
        .contributors
        .iter()
        .filter(|c| matches!(c.role, Role::Author | Role::Editor))
        .map(|c| c.name.to_string())
        .collect();
    let mut y = 500;
    for line in wrap(&people.join(" · "), 22).iter().take(2) {
        out.push_str(&format!(
            "<text x=\"200\" y=\"{y}\" text-anchor=\"middle\" {font} font-size=\"28\" letter-spacing=\"1\" fill=\"#fbf6ea\">{}</text>",
            escape(line)
        ));
        y += 34;
    }
    if let Some(year) = book.copyright_year {
        out.push_str(&format!(
            "<text x=\"200\" y=\"560\" text-anchor=\"middle\" {font} font-size=\"20\" fill=\"#e8dcc0\">{year}</text>"
        ));
    }
    out.push_str("</svg>");
    out
}

/// The offset of a page from the start of the book, counting roman pages first.
fn offset(page: Page, roman_pages: u32) -> u32 {
    match page {
        Page::Roman(n) => n - 1,
        Page::Arabic(n) => roman_pages + n - 1,
    }
}

/// The pagination map, or nothing when no item has pages.
pub fn pagination_svg(id: &str, book: &Book) -> Option<String> {
    let items = book.toc_items();
    let leaves: Vec<_> = items
        .iter()
        .filter(|i| i.entry.children.is_empty() && i.entry.pages.is_some())
        .collect();
    let last_roman = leaves
        .iter()
        .filter_map(|i| i.entry.pages)
        .flat_map(|r| [r.first(), r.last()])
        .filter_map(|p| match p {
            Page::Roman(n) => Some(n),
            Page::Arabic(_) => None,
        })
        .max()
        .unwrap_or(0);
    let total = leaves
        .iter()
        .filter_map(|i| i.entry.pages)
        .map(|r| offset(r.last(), last_roman) + 1)
        .max()?;
    const WIDTH: f64 = 1000.0;
    let scale = WIDTH / f64::from(total);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} 64\" role=\"group\" aria-label=\"Pages of the book, {last_roman} roman and {} arabic, drawn to scale; each span links to its item\">",
        total - last_roman
    );
    for item in &leaves {
        let Some(range) = item.entry.pages else {
            continue;
        };
        let x = f64::from(offset(range.first(), last_roman)) * scale;
        let w = (f64::from(offset(range.last(), last_roman) + 1) * scale - x).max(1.5);
        let fill = if range.first().is_roman() {
            "#b9ad94"
        } else if item.entry.kind.is_apparatus() {
            "#8f8574"
        } else {
            "#1f4e79"
        };
        let name = format!(
            "{}, {} {range}",
            item.entry.display_title(),
            if range.is_single() { "p." } else { "pp." }
        );
        out.push_str(&format!(
            "<a href=\"{}\" aria-label=\"{}\"><title>{}</title><rect x=\"{x:.1}\" y=\"8\" width=\"{w:.1}\" height=\"30\" fill=\"{fill}\"/></a>",
            item_path(id, item.position),
            escape(&name),
            escape(&format!("{} ({})", name, kind_label(item.entry.kind)))
        ));
    }
    if last_roman > 0 {
        out.push_str(&format!(
            "<text x=\"0\" y=\"56\">i</text><text x=\"{:.1}\" y=\"56\">1</text>",
            f64::from(last_roman) * scale
        ));
    }
    out.push_str(&format!(
        "<text x=\"{WIDTH}\" y=\"56\" text-anchor=\"end\">{}</text></svg>",
        total - last_roman
    ));
    Some(out)
}
