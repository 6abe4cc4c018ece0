//! Citation speed: a bibliography of 10,000 distinct books in chicago-author-date, and
//! 10,000 single-entry citations, by our engine and by citeproc-js on the same items in
//! the same run. Results go into BENCHMARKS.md.
//!
//! `cargo bench -p biblio --bench cite` (citeproc-js from `npm ci --prefix tools/citeproc`;
//! without it only our numbers are printed).

use std::process::Command;
use std::time::Instant;

use biblio::cite::Styles;
use biblio::{Book, Contributor, PersonName, Role};

const FAMILY: [&str; 40] = [
    "Lankov",
    "Cumings",
    "Armstrong",
    "Szalontai",
    "Person",
    "Shen",
    "Weathersby",
    "Kim",
    "Park",
    "Lee",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Smith",
    "Brown",
    "Tanaka",
    "Suzuki",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Müller",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Novak",
    "Kowalska",
    "Ivanov",
    "Petrov",
    "García",
    "López",
];
const GIVEN: [&str; 25] = [
    "Andrei", "Bruce", "Charles", "Balázs", "James", "Zhihua", "Kathryn", "Sun-ok", "Ji-min",
    "Hyun", "Anna", "Thomas", "Sarah", "Hiroshi", "Wei", "Mei", "Jean", "Maria", "Pavel", "Olga",
    "Martin", "Emily", "Robert", "Laura", "David",
];
const WORDS: [&str; 30] = [
    "Crisis",
    "Revolution",
    "Memory",
    "Empire",
    "Border",
    "Famine",
    "Diplomacy",
    "Reform",
    "Purge",
    "Alliance",
    "Division",
    "Labor",
    "Faith",
    "Exile",
    "Commerce",
    "Cinema",
    "Language",
    "Science",
    "Education",
    "War",
    "Peace",
    "Origins",
    "Legacy",
    "Power",
    "Families",
    "Cities",
    "Villages",
    "Markets",
    "Rivers",
    "Schools",
];
const PUBLISHERS: [&str; 6] = [
    "University of Hawai'i Press",
    "Cornell University Press",
    "Stanford University Press",
    "Columbia University Press",
    "Harvard University Asia Center",
    "Routledge",
];

/// 10,000 distinct books: one to three authors, a title and subtitle, a year, a publisher.
fn books(n: usize) -> Vec<Book> {
    (0..n)
        .map(|i| {
            let mut book = Book::new(format!(
                "{} and {} in Korea",
                WORDS[i % WORDS.len()],
                WORDS[(i / WORDS.len()) % WORDS.len()]
            ));
            book.subtitle = Some(format!("Studies in History, Volume {}", i / 900 + 1));
            for a in 0..(1 + i % 3) {
                let k = i * 7 + a * 13;
                let name = PersonName {
                    family: FAMILY[k % FAMILY.len()].to_owned(),
                    given: Some(GIVEN[(k / FAMILY.len()) % GIVEN.len()].to_owned()),
                    suffix: None,
                    family_first: false,
                    original_script: None,
                };
                book.contributors.push(Contributor::new(name, Role::Author));
            }
            book.copyright_year = Some(1950 + (i % 75) as i32);
            book.publisher = Some(PUBLISHERS[i % PUBLISHERS.len()].to_owned());
            book.place = Some("Honolulu".to_owned());
            book
        })
        .collect()
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    // SHELFMARK_BENCH_N=1000 shows how the times grow with the number of books.
    let n: usize = std::env::var("SHELFMARK_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let books = books(n);
    let style_name = "chicago-author-date";

    let t = Instant::now();
    let styles = Styles::bundled();
    let parse_ms = ms(t);
    let style = styles.require(style_name).unwrap();

    // Our engine: one bibliography of all 10,000.
    let refs: Vec<(&Book, Option<u32>)> = books.iter().map(|b| (b, None)).collect();
    let t = Instant::now();
    let bib = styles.bibliography(&refs, style).unwrap();
    let bib_ms = ms(t);
    assert_eq!(bib.len(), n);

    // 10,000 single-entry citations, one thread.
    let t = Instant::now();
    let mut first = None;
    for book in &books {
        let c = styles.citation(book, None, style, None).unwrap();
        first.get_or_insert(c.text);
    }
    let cite_ms = ms(t);

    // The same on every core.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let t = Instant::now();
    std::thread::scope(|s| {
        for chunk in books.chunks(n.div_ceil(threads)) {
            let styles = &styles;
            s.spawn(move || {
                for book in chunk {
                    styles.citation(book, None, style, None).unwrap();
                }
            });
        }
    });
    let cite_par_ms = ms(t);

    // Full "Cite this Item" (first, subsequent, bibliography entry) for each, as a page
    // shows it.
    let t = Instant::now();
    for book in books.iter().take(1_000) {
        styles.format(book, None, style, None).unwrap();
    }
    let format_ms = ms(t) * (n as f64 / 1_000f64.min(n as f64));

    // hayagriva alone: the same items straight into its driver, without our repairs.
    let items: Vec<serde_json::Value> = books
        .iter()
        .map(|b| serde_json::from_str(&biblio::formats::csl_json::item(b, None).unwrap()).unwrap())
        .collect();
    let plain_style = hayagriva::citationberg::IndependentStyle::from_xml(include_str!(
        "../src/cite/styles/chicago-author-date.csl"
    ))
    .unwrap();
    let locales = [hayagriva::citationberg::LocaleFile::from_xml(include_str!(
        "../src/cite/styles/locales-en-US.xml"
    ))
    .unwrap()
    .into()];
    let json_items: Vec<hayagriva::citationberg::json::Item> = items
        .iter()
        .map(|v| serde_json::from_value(v.clone()).unwrap())
        .collect();
    let t = Instant::now();
    let mut driver = hayagriva::BibliographyDriver::new();
    for item in &json_items {
        driver.citation(hayagriva::CitationRequest::new(
            vec![hayagriva::CitationItem::with_entry(item)],
            &plain_style,
            None,
            &locales,
            None,
        ));
    }
    let rendered = driver.finish(hayagriva::BibliographyRequest::new(
        &plain_style,
        None,
        &locales,
    ));
    let hay_bib_ms = ms(t);
    assert_eq!(rendered.bibliography.map(|b| b.items.len()), Some(n));
    let t = Instant::now();
    for item in &json_items {
        hayagriva::standalone_citation(hayagriva::CitationRequest::new(
            vec![hayagriva::CitationItem::with_entry(item)],
            &plain_style,
            None,
            &locales,
            None,
        ));
    }
    let hay_cite_ms = ms(t);

    // citeproc-js on the same items.
    let dir = std::env::temp_dir().join(format!("shelfmark-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let items_path = dir.join("items.json");
    std::fs::write(&items_path, serde_json::to_string(&items).unwrap()).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let styles_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/cite/styles");
    let peer = Command::new("node")
        .arg("bench.js")
        .arg(&items_path)
        .arg(format!("{styles_dir}/{style_name}.csl"))
        .arg(styles_dir)
        .current_dir(format!("{root}/tools/citeproc"))
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let peer: Option<serde_json::Value> = peer
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| serde_json::from_slice(&o.stdout).ok());

    let per_s = |ms: f64| n as f64 / (ms / 1000.0);
    println!("{n} distinct books, {style_name}, {threads} threads available");
    println!("styles and locales parsed once: {parse_ms:.0} ms (all six styles)");
    println!();
    println!("| task | engine | time | entries/s | vs citeproc-js |");
    println!("|---|---|---:|---:|---:|");
    let (peer_bib, peer_cite) = match &peer {
        Some(p) => (p["bibliography_ms"].as_f64(), p["citations_ms"].as_f64()),
        None => (None, None),
    };
    let ratio = |ours: f64, theirs: Option<f64>| {
        theirs.map_or("-".to_owned(), |t| format!("{:.1}×", t / ours))
    };
    let row = |task: &str, engine: &str, ms: f64, theirs: Option<f64>| {
        println!(
            "| {task} | {engine} | {:.0} ms | {:.0} | {} |",
            ms,
            per_s(ms),
            ratio(ms, theirs)
        );
    };
    row(
        &format!("bibliography of {n}"),
        "Shelfmark (hayagriva + repairs)",
        bib_ms,
        peer_bib,
    );
    row(
        &format!("bibliography of {n}"),
        "hayagriva alone",
        hay_bib_ms,
        peer_bib,
    );
    if let Some(t) = peer_bib {
        row(
            &format!("bibliography of {n}"),
            "citeproc-js 2.4.63",
            t,
            peer_bib,
        );
    }
    row(
        &format!("{n} single citations"),
        "Shelfmark, 1 thread",
        cite_ms,
        peer_cite,
    );
    row(
        &format!("{n} single citations"),
        &format!("Shelfmark, {threads} threads"),
        cite_par_ms,
        peer_cite,
    );
    row(
        &format!("{n} single citations"),
        "hayagriva alone",
        hay_cite_ms,
        peer_cite,
    );
    if let Some(t) = peer_cite {
        row(
            &format!("{n} single citations"),
            "citeproc-js 2.4.63",
            t,
            peer_cite,
        );
    }
    row(
        &format!("{n} full Cite this Item (first, subsequent, entry; timed on 1,000)"),
        "Shelfmark, 1 thread",
        format_ms,
        None,
    );
    match &peer {
        Some(p) => {
            println!();
            println!(
                "citeproc-js engine built in {:.0} ms",
                p["engine_ms"].as_f64().unwrap_or(0.0)
            );
            println!(
                "first citation: ours {:?}, citeproc-js {}",
                first.unwrap_or_default(),
                p["first_citation"]
            );
            println!(
                "first entry: ours {:?}, citeproc-js {}",
                bib[0].text, p["first_entry"]
            );
        }
        None => println!("\nciteproc-js not found (npm ci --prefix tools/citeproc): ours only"),
    }
}
