//! Names written family name first keep their order.
//!
//! CSL-JSON marks such names with `static-ordering`; citeproc-js honours the flag and
//! prints names in Han, Hangul or Kana family name first without a space (`김일성`).
//! hayagriva ignores the flag, printing `Kim Il Sung` as "Il Sung Kim" in notes and
//! "Kim, Il Sung" in bibliographies, and, not counting Hangul as CJK, `김일성` as
//! "일성 김" and "김, 일성". Its
//! output keeps each rendered name as an element tagged with the name variable and
//! index, so this module finds those elements and puts the family name back in front,
//! without a comma, keeping the formatting of every character. Short forms (the family
//! name alone) are left as they are.

use std::collections::HashMap;

use hayagriva::{ElemChild, ElemChildren, ElemMeta, Formatted, Formatting};
use serde_json::{Map, Value};

/// The romanized family-first names of one item, by variable and index.
#[derive(Debug, Default)]
pub(super) struct FamilyFirst(HashMap<(String, usize), (String, &'static str)>);

impl FamilyFirst {
    /// Collects the names flagged `static-ordering`, with what joins their parts: a
    /// space, or nothing for names in a CJK script.
    pub fn of(item: &Map<String, Value>) -> FamilyFirst {
        let mut found = HashMap::new();
        for (variable, value) in item {
            let Value::Array(names) = value else { continue };
            for (index, name) in names.iter().enumerate() {
                let flagged = name.get("static-ordering") == Some(&Value::Bool(true));
                let family = name.get("family").and_then(Value::as_str).unwrap_or("");
                let given = name.get("given").and_then(Value::as_str).unwrap_or("");
                if flagged && !given.is_empty() {
                    let joiner = if has_cjk(family) || has_cjk(given) {
                        ""
                    } else {
                        " "
                    };
                    found.insert((variable.clone(), index), (family.to_owned(), joiner));
                }
            }
        }
        FamilyFirst(found)
    }

    /// Puts every flagged name in `content` back in family-first order.
    pub fn repair(&self, content: &mut ElemChildren) {
        if self.0.is_empty() {
            return;
        }
        for child in &mut content.0 {
            if let ElemChild::Elem(elem) = child {
                if let Some(ElemMeta::Name(variable, index)) = &elem.meta {
                    if let Some((family, joiner)) = self.0.get(&(variable.to_string(), *index)) {
                        reorder(&mut elem.children, family, joiner);
                        continue;
                    }
                }
                self.repair(&mut elem.children);
            }
        }
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// A character of Han, Hangul or Kana.
fn is_cjk(c: char) -> bool {
    {
        matches!(c as u32,
            0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
    }
}

/// Rewrites "Given Family" and "Family, Given" (in any case and with any initials) as
/// "Family Given", joined by `joiner`.
fn reorder(children: &mut ElemChildren, family: &str, joiner: &str) {
    let mut chars = Vec::new();
    flatten(children, &mut chars);
    let text: Vec<char> = chars.iter().map(|(c, _)| *c).collect();
    let n = family.chars().count();
    let same = |slice: &[char]| {
        slice.len() == n
            && slice
                .iter()
                .zip(family.chars())
                .all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
    };
    if text.len() <= n {
        return;
    }
    if joiner.is_empty() {
        // Names in a CJK script are never initialized or inverted: family and given
        // name as written, in the formatting of the first character.
        let formatting = chars[0].1;
        let given: String = text
            .iter()
            .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '.'))
            .collect::<String>();
        let whole = if given.starts_with(family) {
            given
        } else {
            let rest = given.strip_suffix(family).unwrap_or(&given);
            format!("{family}{rest}")
        };
        children.0 = vec![ElemChild::Text(Formatted {
            text: whole,
            formatting,
        })];
        return;
    }
    let reordered: Vec<(char, Formatting)> =
        if same(&text[text.len() - n..]) && text[text.len() - n - 1] == ' ' {
            // Given-first: move the family name to the front.
            let given = &chars[..text.len() - n - 1];
            let fam = &chars[text.len() - n..];
            let join = joiner.chars().map(|c| (c, fam[0].1));
            fam.iter()
                .copied()
                .chain(join)
                .chain(given.iter().copied())
                .collect()
        } else if same(&text[..n]) && matches!(text[n], ',' | ' ') {
            // Inverted: drop the sort separator.
            let rest = chars[n..]
                .iter()
                .skip_while(|(c, _)| matches!(c, ',' | ' '))
                .copied();
            let fam = &chars[..n];
            let join = joiner.chars().map(|c| (c, fam[0].1));
            fam.iter().copied().chain(join).chain(rest).collect()
        } else {
            return;
        };
    let mut runs: Vec<ElemChild> = Vec::new();
    for (c, formatting) in reordered {
        match runs.last_mut() {
            Some(ElemChild::Text(t)) if t.formatting == formatting => t.text.push(c),
            _ => runs.push(ElemChild::Text(Formatted {
                text: c.to_string(),
                formatting,
            })),
        }
    }
    children.0 = runs;
}

fn flatten(children: &ElemChildren, out: &mut Vec<(char, Formatting)>) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => out.extend(t.text.chars().map(|c| (c, t.formatting))),
            ElemChild::Elem(e) => flatten(&e.children, out),
            ElemChild::Link { text, .. } => {
                out.extend(text.text.chars().map(|c| (c, text.formatting)))
            }
            ElemChild::Markup(_) | ElemChild::Transparent { .. } => {}
        }
    }
}
