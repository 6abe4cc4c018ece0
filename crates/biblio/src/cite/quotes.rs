//! Quotation marks inside titles nest.
//!
//! A chapter called `The “August Group” before August` is quoted by Chicago as
//! “The ‘August Group’ before August,” with the inner marks turned to single ones and the
//! comma moved inside both. citeproc-js does this; hayagriva copies the inner marks
//! through and then mistakes the inner closing mark for its own, dropping one. So the
//! quotation marks in an item's text are replaced, before rendering, by guillemets
//! (`«»` for double marks, `‹›` for single ones), which hayagriva neither pairs with its
//! own quotes nor treats as letters when it changes case, and turned back afterwards:
//! as written outside any quotes, single inside the style's double quotes, double again
//! one level further in. When the locale puts punctuation in quotes, a comma or period
//! after any closing mark moves inside it, as citeproc-js does.
//! Apostrophes (`Moscow’s`, `Yan’an`) are not quotation marks and are left as they are.

use hayagriva::{ElemChild, ElemChildren};

/// Marks for quotation marks written double (`“…”`, `"…"`) and single (`‘…’`).
const DOUBLE: (char, char) = ('«', '»');
const SINGLE: (char, char) = ('‹', '›');

/// Whether an item's text can be marked: text that already has single guillemets is
/// left alone, and so is the rendering made from it.
pub(super) fn can_mark(s: &str) -> bool {
    !s.contains([DOUBLE.0, DOUBLE.1, SINGLE.0, SINGLE.1])
}

/// Replaces the quotation marks of a field's text with the markers.
pub(super) fn mark(s: &str) -> String {
    if !s.contains(['“', '”', '‘', '’', '"']) {
        return s.to_owned();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut open: Vec<char> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_word = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let prev_is_word = i > 0 && chars[i - 1].is_alphanumeric();
        match c {
            '“' => {
                open.push('“');
                out.push(DOUBLE.0);
            }
            '”' if open.last() == Some(&'“') => {
                open.pop();
                out.push(DOUBLE.1);
            }
            '‘' if !prev_is_word => {
                open.push('‘');
                out.push(SINGLE.0);
            }
            '’' if open.last() == Some(&'‘') && !next_is_word => {
                open.pop();
                out.push(SINGLE.1);
            }
            '"' if open.last() == Some(&'"') => {
                open.pop();
                out.push(DOUBLE.1);
            }
            '"' if !prev_is_word => {
                open.push('"');
                out.push(DOUBLE.0);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Turns the markers in rendered content back into quotation marks, and moves commas
/// and periods inside closing marks when `punctuation_in_quote`.
pub(super) fn resolve(content: &mut ElemChildren, punctuation_in_quote: bool) {
    let mut texts: Vec<&mut String> = Vec::new();
    collect(content, &mut texts);
    let markers = [DOUBLE.0, DOUBLE.1, SINGLE.0, SINGLE.1];
    if !texts
        .iter()
        .any(|t| t.contains(markers) || (punctuation_in_quote && t.contains('”')))
    {
        return;
    }
    // Pass 1: markers to marks, nested by level; each char keeps its run and whether
    // it closes a quotation.
    let mut resolved: Vec<(char, usize, bool)> = Vec::new();
    let mut levels: Vec<bool> = Vec::new(); // whether each open level is double
    for (run, text) in texts.iter().enumerate() {
        for c in text.chars() {
            match c {
                '“' => {
                    levels.push(true);
                    resolved.push((c, run, false));
                }
                '”' => {
                    levels.pop();
                    resolved.push((c, run, true));
                }
                m if m == DOUBLE.0 || m == SINGLE.0 => {
                    let double = match levels.last() {
                        None => m == DOUBLE.0,
                        Some(&outer) => !outer,
                    };
                    levels.push(double);
                    resolved.push((if double { '“' } else { '‘' }, run, false));
                }
                m if m == DOUBLE.1 || m == SINGLE.1 => {
                    let double = levels.pop().unwrap_or(m == DOUBLE.1);
                    resolved.push((if double { '”' } else { '’' }, run, true));
                }
                _ => resolved.push((c, run, false)),
            }
        }
    }
    // Pass 2: a comma or period after closing marks moves in front of them.
    let mut out: Vec<(char, usize)> = Vec::with_capacity(resolved.len());
    let mut i = 0;
    while i < resolved.len() {
        if resolved[i].2 {
            let mut j = i;
            while j < resolved.len() && resolved[j].2 {
                j += 1;
            }
            match resolved.get(j) {
                Some(&(p @ (',' | '.'), _, _)) if punctuation_in_quote => {
                    out.push((p, resolved[i].1));
                    out.extend(resolved[i..j].iter().map(|&(c, r, _)| (c, r)));
                    i = j + 1;
                }
                _ => {
                    out.extend(resolved[i..j].iter().map(|&(c, r, _)| (c, r)));
                    i = j;
                }
            }
        } else {
            out.push((resolved[i].0, resolved[i].1));
            i += 1;
        }
    }
    for t in texts.iter_mut() {
        t.clear();
    }
    for (c, run) in out {
        texts[run].push(c);
    }
}

fn collect<'a>(content: &'a mut ElemChildren, out: &mut Vec<&'a mut String>) {
    for child in &mut content.0 {
        match child {
            ElemChild::Text(t) => out.push(&mut t.text),
            ElemChild::Link { text, .. } => out.push(&mut text.text),
            ElemChild::Elem(e) => collect(&mut e.children, out),
            ElemChild::Markup(_) | ElemChild::Transparent { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_marked_and_apostrophes_kept() {
        assert_eq!(
            mark("The “August Group” and Moscow’s ‘Men’"),
            "The «August Group» and Moscow’s ‹Men›"
        );
        assert_eq!(mark("Yan’an"), "Yan’an");
    }
}
