//! A small element tree over quick-xml, shared by the MARCXML and ONIX readers, and
//! the escaping their writers use.
//!
//! It is deliberately not a general XML library. It refuses any DOCTYPE (so no entity
//! is ever declared, let alone expanded or fetched), knows only the five predefined
//! entities and character references, drops namespace prefixes (readers match local
//! names), and stops at a nesting depth no bibliographic record needs. Every error
//! names the line it was found on.

use quick_xml::XmlVersion;
use quick_xml::events::Event;

use super::Diagnostic;

/// Deeper than any MARCXML or ONIX document; deeper input is refused.
const MAX_DEPTH: usize = 64;

/// An element: local name, attributes (local names), text and children.
#[derive(Debug, Clone, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Element>,
    /// The element's own text, its text nodes concatenated.
    pub text: String,
    /// 1-based line of the start tag.
    pub line: usize,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first child with one of these names.
    pub fn child(&self, names: &[&str]) -> Option<&Element> {
        self.children
            .iter()
            .find(|c| names.contains(&c.name.as_str()))
    }

    /// Every child with one of these names.
    pub fn children_named<'a>(
        &'a self,
        names: &'a [&'a str],
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children
            .iter()
            .filter(move |c| names.contains(&c.name.as_str()))
    }

    /// The trimmed text of the first child with one of these names, if not empty.
    pub fn child_text(&self, names: &[&str]) -> Option<&str> {
        self.child(names)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// Counts lines up to a byte offset, remembering where it got to.
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset >= self.pos {
            self.line += self.text[self.pos..offset]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
        } else {
            self.line = 1 + self.text[..offset].iter().filter(|b| **b == b'\n').count();
        }
        self.pos = offset;
        self.line
    }
}

fn local(name: &[u8]) -> String {
    let name = match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(name).into_owned()
}

/// Parses a document into its root element.
pub(crate) fn parse(text: &str) -> Result<Element, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut lines = Lines {
        text: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(before);
                return Err(Diagnostic::new(
                    lines.at(at),
                    format!(
                        "XML is not well-formed: {}",
                        lowercase_first(&e.to_string())
                    ),
                ));
            }
        };
        let line = lines.at(before);
        let start_element = |e: &quick_xml::events::BytesStart<'_>| -> Result<Element, Diagnostic> {
            let mut attrs = Vec::new();
            for a in e.attributes() {
                let a = a.map_err(|e| {
                    Diagnostic::new(line, format!("XML attribute is not well-formed: {e}"))
                })?;
                let value = a
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|e| Diagnostic::new(line, format!("XML attribute value: {e}")))?;
                attrs.push((local(a.key.as_ref()), value.into_owned()));
            }
            Ok(Element {
                name: local(e.name().as_ref()),
                attrs,
                line,
                ..Element::default()
            })
        };
        match event {
            Event::DocType(_) => {
                return Err(Diagnostic::new(
                    line,
                    "a DOCTYPE declaration is refused: entities are never declared or expanded here",
                ));
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Diagnostic::new(
                        line,
                        format!("elements nest deeper than {MAX_DEPTH} levels"),
                    ));
                }
                if root.is_some() {
                    return Err(Diagnostic::new(line, "content after the root element"));
                }
                stack.push(start_element(&e)?);
            }
            Event::Empty(e) => {
                let el = start_element(&e)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None if root.is_none() => root = Some(el),
                    None => return Err(Diagnostic::new(line, "content after the root element")),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(Diagnostic::new(line, "end tag without a start tag"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| Diagnostic::new(line, format!("XML text: {e}")))?;
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&s),
                    None if s.trim().is_empty() => {}
                    None => return Err(Diagnostic::new(line, "text outside the root element")),
                }
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                if let Some(el) = stack.last_mut() {
                    el.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => {
                        let name = r.decode().map(|n| n.into_owned()).unwrap_or_default();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .map(str::to_owned)
                            .ok_or_else(|| {
                                Diagnostic::new(
                                    line,
                                    format!(
                                        "entity &{name}; is not one of XML's five predefined entities; no others are expanded"
                                    ),
                                )
                            })
                            .map(Some)?
                    }
                    Err(e) => {
                        return Err(Diagnostic::new(line, format!("character reference: {e}")));
                    }
                };
                if let (Some(el), Some(s)) = (stack.last_mut(), resolved) {
                    el.text.push_str(&s);
                }
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(Diagnostic::new(
            lines.at(text.len()),
            format!(
                "XML ends inside <{}> opened on line {}",
                open.name, open.line
            ),
        ));
    }
    root.ok_or_else(|| Diagnostic::new(1, "the XML document has no root element"))
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Escapes text for an XML element or attribute value, dropping characters XML 1.0
/// cannot carry.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n<r>&a;</r>";
        let e = parse(bomb).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("a DOCTYPE declaration is refused"));
        let e = parse("<r>\n&ext;</r>").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let ok = parse("<r a=\"x &amp; y\">&lt;&#233;&#x41;</r>").unwrap();
        assert_eq!((ok.text.as_str(), ok.attr("a")), ("<éA", Some("x & y")));
    }

    #[test]
    fn deep_nesting_and_broken_documents_are_errors() {
        let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
        assert!(parse(&deep).unwrap_err().message.contains("deeper than"));
        assert!(parse("<a><b></a>").is_err());
        assert!(
            parse("<a>")
                .unwrap_err()
                .message
                .contains("ends inside <a>")
        );
        assert!(parse("").is_err());
    }
}
