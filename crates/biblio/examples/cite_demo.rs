use biblio::cite::Styles;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let item: Option<u32> = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0);
    let loc = std::env::args().nth(3);
    let book = biblio::formats::catalog::parse(&text).books.remove(0).1;
    let t = std::time::Instant::now();
    let styles = Styles::bundled();
    eprintln!("parse {:?}", t.elapsed());
    for s in styles.iter() {
        let c = styles.format(&book, item, s, loc.as_deref());
        match c {
            Ok(c) => {
                println!(
                    "== {}\n first: {}\n subsq: {}\n bib:   {}\n html:  {}",
                    s.name(),
                    c.first.text,
                    c.subsequent.text,
                    c.bibliography
                        .as_ref()
                        .map(|b| b.text.as_str())
                        .unwrap_or("-"),
                    c.bibliography
                        .as_ref()
                        .map(|b| b.html.as_str())
                        .unwrap_or("-")
                );
            }
            Err(e) => println!("== {} error: {e}", s.name()),
        }
    }
    println!("{}", biblio::formats::csl_json::item(&book, item).unwrap());
}
