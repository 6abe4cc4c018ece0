//! HTML of a rendered citation, escaped.
//!
//! hayagriva's own HTML writer copies text through unescaped (a title with `<` or `&`
//! would break the page) and styles every run with inline CSS. This writer escapes text
//! and uses the markup citeproc-js uses (`<i>`, `<b>`, `<sup>`, `<sub>`, small caps and
//! underline as styled spans, `csl-*` classes for block layout), so that the two can be
//! compared string for string and a page styles both alike. Links are written as text;
//! the page decides what to link.

use std::fmt::Write as _;

use hayagriva::citationberg::{
    Display, FontStyle, FontVariant, FontWeight, TextDecoration, VerticalAlign,
};
use hayagriva::{Elem, ElemChild, ElemChildren, Formatting};

/// The HTML of rendered content.
pub(super) fn write(content: &ElemChildren) -> String {
    let mut out = String::new();
    children(content, &mut out);
    out.trim().to_owned()
}

/// Escapes text as citeproc-js does.
pub(crate) fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&#38;"),
            '<' => out.push_str("&#60;"),
            '>' => out.push_str("&#62;"),
            _ => out.push(c),
        }
    }
}

fn children(content: &ElemChildren, out: &mut String) {
    for child in &content.0 {
        match child {
            ElemChild::Text(t) => run(&t.text, t.formatting, out),
            ElemChild::Link { text, .. } => run(&text.text, text.formatting, out),
            ElemChild::Elem(e) => elem(e, out),
            ElemChild::Markup(m) => out.push_str(m),
            ElemChild::Transparent { .. } => {}
        }
    }
}

fn elem(e: &Elem, out: &mut String) {
    let class = match e.display {
        Some(Display::Block) => Some("csl-block"),
        Some(Display::LeftMargin) => Some("csl-left-margin"),
        Some(Display::RightInline) => Some("csl-right-inline"),
        Some(Display::Indent) => Some("csl-indent"),
        None => None,
    };
    if let Some(class) = class {
        let _ = write!(out, "<div class=\"{class}\">");
    }
    children(&e.children, out);
    if class.is_some() {
        out.push_str("</div>");
    }
}

fn run(text: &str, f: Formatting, out: &mut String) {
    let mut close = Vec::new();
    let mut open = |tag: &str, end: &'static str, out: &mut String| {
        out.push_str(tag);
        close.push(end);
    };
    if f.font_weight == FontWeight::Bold {
        open("<b>", "</b>", out);
    } else if f.font_weight == FontWeight::Light {
        open("<span style=\"font-weight:lighter;\">", "</span>", out);
    }
    if f.font_style == FontStyle::Italic {
        open("<i>", "</i>", out);
    }
    if f.font_variant == FontVariant::SmallCaps {
        open("<span style=\"font-variant:small-caps;\">", "</span>", out);
    }
    if f.text_decoration == TextDecoration::Underline {
        open(
            "<span style=\"text-decoration:underline;\">",
            "</span>",
            out,
        );
    }
    match f.vertical_align {
        VerticalAlign::Sup => open("<sup>", "</sup>", out),
        VerticalAlign::Sub => open("<sub>", "</sub>", out),
        _ => {}
    }
    escape(text, out);
    for end in close.iter().rev() {
        out.push_str(end);
    }
}
