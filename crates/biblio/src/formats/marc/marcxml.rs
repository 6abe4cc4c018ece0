//! MARCXML (the Library of Congress MARC21slim schema): a `<collection>` of
//! `<record>`s or a single `<record>`, read with quick-xml through our element tree
//! (no DOCTYPE, no entities beyond XML's own) and written by hand.

use super::iso2709;
use super::record::{Field, Record, is_control_tag};
use crate::formats::Diagnostic;
use crate::formats::xml::{self, Element, escape};

pub const NAMESPACE: &str = "http://www.loc.gov/MARC21/slim";

/// A record read from MARCXML, or why not: the line of the `<record>` start tag, its
/// 1-based number in the document, and the result.
pub struct XmlRecord {
    pub line: usize,
    pub number: usize,
    pub record: Result<Record, Diagnostic>,
}

/// Reads every record; a document that is not well-formed XML is one diagnostic.
pub fn read(text: &str) -> Result<Vec<XmlRecord>, Diagnostic> {
    let root = xml::parse(text)?;
    let records: Vec<&Element> = match root.name.as_str() {
        "record" => vec![&root],
        "collection" => root.children_named(&["record"]).collect(),
        other => {
            return Err(Diagnostic::new(
                root.line,
                format!("root element is <{other}>, expected MARCXML <collection> or <record>"),
            ));
        }
    };
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, el)| XmlRecord {
            line: el.line,
            number: i + 1,
            record: record(el, i + 1),
        })
        .collect())
}

fn record(el: &Element, number: usize) -> Result<Record, Diagnostic> {
    let error = |line: usize, msg: String| Diagnostic::new(line, format!("record {number}: {msg}"));
    let mut leader = None;
    let mut fields = Vec::new();
    for child in &el.children {
        match child.name.as_str() {
            "leader" => leader = Some(child.text.clone()),
            "controlfield" => {
                let tag = tag_of(child).map_err(|m| error(child.line, m))?;
                fields.push(Field::Control {
                    tag,
                    value: child.text.clone(),
                });
            }
            "datafield" => {
                let tag = tag_of(child).map_err(|m| error(child.line, m))?;
                let mut indicators = [' '; 2];
                for (slot, name) in indicators.iter_mut().zip(["ind1", "ind2"]) {
                    let value = child.attr(name).unwrap_or(" ");
                    let mut chars = value.chars();
                    *slot = match (chars.next(), chars.next()) {
                        (None, _) => ' ',
                        (Some(c), None) if c == ' ' || c.is_ascii_graphic() => c,
                        _ => {
                            return Err(error(
                                child.line,
                                format!(
                                    "field {tag}: {name} \"{value}\" is not one ASCII character"
                                ),
                            ));
                        }
                    };
                }
                let mut subfields = Vec::new();
                for sub in child.children_named(&["subfield"]) {
                    let code = sub.attr("code").unwrap_or("");
                    let mut chars = code.chars();
                    let code = match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_ascii_graphic() => c,
                        _ => {
                            return Err(error(
                                sub.line,
                                format!(
                                    "field {tag}: subfield code \"{code}\" is not one ASCII letter or digit"
                                ),
                            ));
                        }
                    };
                    subfields.push((code, sub.text.clone()));
                }
                fields.push(Field::Data {
                    tag,
                    indicators,
                    subfields,
                });
            }
            _ => {}
        }
    }
    let leader = leader.ok_or_else(|| error(el.line, "no <leader>".into()))?;
    if leader.chars().count() != 24 || !leader.is_ascii() {
        return Err(error(
            el.line,
            format!("leader \"{leader}\" is not 24 ASCII characters"),
        ));
    }
    Ok(Record { leader, fields })
}

fn tag_of(el: &Element) -> Result<String, String> {
    match el.attr("tag") {
        Some(t) if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphanumeric()) => Ok(t.to_owned()),
        Some(t) => Err(format!(
            "<{}> tag \"{t}\" is not three letters or digits",
            el.name
        )),
        None => Err(format!("<{}> has no tag", el.name)),
    }
}

/// Writes records as a MARCXML collection. The leader's lengths are those of the
/// record's ISO 2709 form, so both serialisations agree.
pub fn write(records: &[Record]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<collection xmlns=\"{NAMESPACE}\">\n"));
    for record in records {
        out.push_str("  <record>\n");
        let leader = match iso2709::write(record) {
            Ok(bytes) => String::from_utf8_lossy(&bytes[..24]).into_owned(),
            Err(_) => record.leader.clone(),
        };
        out.push_str(&format!("    <leader>{}</leader>\n", escape(&leader)));
        for field in &record.fields {
            match field {
                Field::Control { tag, value } if is_control_tag(tag) => {
                    out.push_str(&format!(
                        "    <controlfield tag=\"{}\">{}</controlfield>\n",
                        escape(tag),
                        escape(value)
                    ));
                }
                Field::Control { .. } => {}
                Field::Data {
                    tag,
                    indicators,
                    subfields,
                } => {
                    out.push_str(&format!(
                        "    <datafield tag=\"{}\" ind1=\"{}\" ind2=\"{}\">\n",
                        escape(tag),
                        escape(&indicators[0].to_string()),
                        escape(&indicators[1].to_string())
                    ));
                    for (code, value) in subfields {
                        out.push_str(&format!(
                            "      <subfield code=\"{}\">{}</subfield>\n",
                            escape(&code.to_string()),
                            escape(value)
                        ));
                    }
                    out.push_str("    </datafield>\n");
                }
            }
        }
        out.push_str("  </record>\n");
    }
    out.push_str("</collection>\n");
    out
}
