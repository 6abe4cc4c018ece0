//! `shelfmark cite`: a book or one item of its table of contents, cited in a CSL style or
//! written out for a reference manager.

use std::{path::Path, process::ExitCode};

use anyhow::{Context, anyhow};
use biblio::cite::{self, Citation, Style, Styles};

use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CiteFormat {
    /// The citation's forms as plain text.
    Text,
    /// The citation's forms as HTML.
    Html,
    /// RIS, for Zotero, EndNote, Mendeley.
    Ris,
    /// BibLaTeX (BibTeX-compatible).
    Bibtex,
    /// CSL-JSON.
    CslJson,
    /// EndNote tagged (.enw).
    Enw,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The book's id or one of its ISBNs.
    key: String,
    /// Cite item N of the table of contents (as `shelfmark show` numbers them).
    #[arg(long, value_name = "N")]
    chapter: Option<u32>,
    /// A bundled style, `all` for every bundled style, or a CSL 1.0.2 style file.
    #[arg(
        long,
        default_value = "chicago-notes-bibliography",
        value_name = "NAME|FILE.csl"
    )]
    style: String,
    /// A CSL locale file for a style in another language.
    #[arg(long, value_name = "FILE.xml")]
    locale: Option<std::path::PathBuf>,
    /// The page or page range cited, which must lie inside the item: 127, 127-129, xii.
    #[arg(long, value_name = "PAGE")]
    locator: Option<String>,
    /// What to print.
    #[arg(long, value_enum, default_value = "text")]
    format: CiteFormat,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    let stored = store
        .get(&args.key)
        .await?
        .ok_or_else(|| anyhow!("no book with id or ISBN \"{}\"", args.key))?;
    let book = &stored.book;
    let item = args.chapter;
    let text = match args.format {
        CiteFormat::Ris => cite::ris(book, item)?,
        CiteFormat::Bibtex => cite::bibtex(book, item)?,
        CiteFormat::CslJson => cite::csl_json(book, item)?,
        CiteFormat::Enw => cite::endnote(book, item)?,
        CiteFormat::Text | CiteFormat::Html => {
            let mut styles = Styles::bundled();
            if let Some(path) = &args.locale {
                let xml = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                styles
                    .add_locale(&xml)
                    .with_context(|| path.display().to_string())?;
            }
            let custom = custom_style(&args.style)?;
            let chosen: Vec<&Style> = match (&custom, args.style.as_str()) {
                (Some(style), _) => vec![style],
                (None, "all") => styles.iter().collect(),
                (None, name) => vec![styles.require(name)?],
            };
            let html = args.format == CiteFormat::Html;
            let mut out = String::new();
            for style in chosen {
                let citation = styles.format(book, item, style, args.locator.as_deref())?;
                write_citation(&mut out, style, &citation, html);
            }
            out
        }
    };
    super::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// A style read from a file, when `--style` names one rather than a bundled style.
fn custom_style(value: &str) -> anyhow::Result<Option<Style>> {
    let path = Path::new(value);
    if !value.ends_with(".csl") && !path.is_file() {
        return Ok(None);
    }
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let style = Style::from_csl(&xml).with_context(|| path.display().to_string())?;
    Ok(Some(style))
}

fn write_citation(out: &mut String, style: &Style, c: &Citation, html: bool) {
    let pick = |r: &cite::Rendered| if html { r.html.clone() } else { r.text.clone() };
    outln!(out, "{} ({})", style.title(), style.name());
    let (first, later) = if style.is_note_style() {
        ("note", "short note")
    } else {
        ("citation", "later")
    };
    outln!(out, "  {:<13} {}", format!("{first}:"), pick(&c.first));
    if c.subsequent != c.first {
        outln!(out, "  {:<13} {}", format!("{later}:"), pick(&c.subsequent));
    }
    if let Some(bib) = &c.bibliography {
        outln!(out, "  {:<13} {}", "bibliography:", pick(bib));
    }
}
