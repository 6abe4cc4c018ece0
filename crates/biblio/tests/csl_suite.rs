//! The CSL processor test suite (`data/csl-test-suite/humans/`, 845 fixtures) run through
//! our engine (`Styles::format_csl_json`: hayagriva with our repairs). `pass.txt` lists
//! the fixtures that pass and must match exactly, so that a newly failing fixture and a
//! newly passing one both fail the test; `pass-rate.txt` reports the rate for all
//! fixtures and for those citing a book or chapter. `UPDATE_EXPECT=1` rewrites both.
//!
//! Fixtures using what the engine does not offer (citation clusters with positions,
//! prefixes or suffixes, bibliography sections, abbreviations, date ranges) count as
//! failing, so the rate is over all 845.

use std::collections::BTreeSet;

use biblio::cite::{CslCite, Style, Styles};
use serde_json::Value;

use crate::{data_dir, expect_file};

/// The sections of one fixture, by name.
fn sections(text: &str) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    let mut rest = text;
    while let Some(start) = rest.find(">>=") {
        let after = &rest[start..];
        let Some(line_end) = after.find('\n') else {
            break;
        };
        let name = after[..line_end]
            .trim_matches(|c| c == '>' || c == '=' || c == ' ')
            .to_owned();
        let body = &after[line_end + 1..];
        let Some(end) = body.find("<<=") else { break };
        out.insert(name, body[..end].trim_end_matches('\n').to_owned());
        rest = &body[end..];
        rest = rest.find('\n').map_or("", |n| &rest[n..]);
    }
    out
}

/// Whether the fixture passes.
fn passes(styles: &Styles, text: &str) -> bool {
    let s = sections(text);
    let (Some(mode), Some(result), Some(csl), Some(input)) =
        (s.get("MODE"), s.get("RESULT"), s.get("CSL"), s.get("INPUT"))
    else {
        return false;
    };
    if ["CITATIONS", "BIBENTRIES", "BIBSECTION", "ABBREVIATIONS"]
        .iter()
        .any(|k| s.contains_key(*k))
    {
        return false;
    }
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(input) else {
        return false;
    };
    if has_date_range(&items) {
        return false;
    }
    let mut citations = Vec::new();
    if let Some(cites) = s.get("CITATION-ITEMS") {
        let Ok(Value::Array(cites)) = serde_json::from_str::<Value>(cites) else {
            return false;
        };
        for cite in cites {
            let Value::Array(cite) = cite else {
                return false;
            };
            let mut items = Vec::new();
            for c in cite {
                let unsupported = [
                    "prefix",
                    "suffix",
                    "position",
                    "near-note",
                    "suppress-author",
                    "author-only",
                ];
                if unsupported.iter().any(|k| c.get(k).is_some()) {
                    return false;
                }
                let text = |k: &str| {
                    c.get(k)
                        .map(|v| v.as_str().map_or(v.to_string(), str::to_owned))
                };
                items.push(CslCite {
                    id: text("id").unwrap_or_default().trim_matches('"').to_owned(),
                    locator: text("locator"),
                    label: text("label"),
                });
            }
            citations.push(items);
        }
    }
    let Ok(style) = Style::from_csl(csl) else {
        return false;
    };
    let Ok(out) = styles.format_csl_json(&style, &items, &citations) else {
        return false;
    };
    match mode.trim() {
        "citation" => {
            let ours: Vec<&str> = out.citations.iter().map(|c| c.html.as_str()).collect();
            ours.join("\n") == result.trim()
        }
        "bibliography" => {
            let Some(bib) = out.bibliography else {
                return false;
            };
            let mut ours = String::from("<div class=\"csl-bib-body\">");
            for entry in bib {
                ours.push_str("<div class=\"csl-entry\">");
                ours.push_str(&entry.html);
                ours.push_str("</div>");
            }
            ours.push_str("</div>");
            let expected: String = result
                .trim()
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("");
            ours == expected
        }
        _ => false,
    }
}

fn has_date_range(items: &[Value]) -> bool {
    items.iter().filter_map(Value::as_object).any(|item| {
        item.values().any(|v| {
            v.get("date-parts")
                .and_then(Value::as_array)
                .is_some_and(|parts| parts.len() > 1)
        })
    })
}

fn is_book_or_chapter(text: &str) -> bool {
    let s = sections(text);
    let Some(Ok(Value::Array(items))) = s.get("INPUT").map(|i| serde_json::from_str::<Value>(i))
    else {
        return false;
    };
    items.iter().any(|i| {
        matches!(
            i.get("type").and_then(Value::as_str),
            Some("book" | "chapter")
        )
    })
}

#[test]
fn csl_test_suite_passes_exactly_the_listed_fixtures() {
    let dir = data_dir().join("csl-test-suite");
    let styles = Styles::bundled();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("humans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 845);
    let (mut passed, mut books, mut books_passed) = (BTreeSet::new(), 0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let ok = passes(&styles, &text);
        if is_book_or_chapter(&text) {
            books += 1;
            books_passed += usize::from(ok);
        }
        if ok {
            passed.insert(name);
        }
    }
    let listed: BTreeSet<String> = std::fs::read_to_string(dir.join("pass.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    let rate = |n: usize, of: usize| format!("{n}/{of} ({:.1}%)", 100.0 * n as f64 / of as f64);
    let report = format!(
        "all fixtures: {}\nfixtures citing a book or chapter: {}\n",
        rate(passed.len(), files.len()),
        rate(books_passed, books)
    );
    eprint!("CSL test suite: {report}");
    if std::env::var_os("UPDATE_EXPECT").is_none() {
        let newly_failing: Vec<_> = listed.difference(&passed).collect();
        let newly_passing: Vec<_> = passed.difference(&listed).collect();
        assert!(
            newly_failing.is_empty() && newly_passing.is_empty(),
            "the CSL test suite results changed (UPDATE_EXPECT=1 rewrites pass.txt)\n\
             newly failing: {newly_failing:#?}\nnewly passing: {newly_passing:#?}"
        );
    }
    let list: String = passed.iter().map(|n| format!("{n}\n")).collect();
    expect_file(&dir.join("pass.txt"), &list);
    expect_file(&dir.join("pass-rate.txt"), &report);
}
