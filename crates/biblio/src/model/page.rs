//! Pages and page ranges, roman (front matter) or arabic (body).
//!
//! Roman pages sort before arabic ones, so `xv-3` is a valid range and `3-xv` is not.
//! Only lowercase canonical roman numerals are accepted (`iv`, not `iiii` or `IV`), which
//! keeps parsing and printing exact inverses.

use std::{cmp::Ordering, fmt, str::FromStr};

/// The highest page number accepted, roman or arabic.
pub const MAX_PAGE: u32 = 99_999;
const MAX_ROMAN: u32 = 3_999;

/// One page number as printed in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// A front-matter page numbered in lowercase roman numerals.
    Roman(u32),
    /// A page numbered in arabic numerals.
    Arabic(u32),
}

/// Why a page number could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    #[error("page number is empty")]
    Empty,
    #[error("page \"{0}\" is neither an arabic number nor a lowercase roman numeral")]
    NotANumber(String),
    #[error("page \"{0}\" is not a canonical roman numeral (write {1})")]
    NonCanonicalRoman(String, String),
    #[error("page {0} is out of range (pages run from 1 to {max})", max = MAX_PAGE)]
    OutOfRange(String),
    #[error("roman page {0} is out of range (roman pages run from i to mmmcmxcix)")]
    RomanOutOfRange(String),
}

impl Page {
    /// The number of the page, whatever its numbering.
    pub fn number(self) -> u32 {
        match self {
            Page::Roman(n) | Page::Arabic(n) => n,
        }
    }

    pub fn is_roman(self) -> bool {
        matches!(self, Page::Roman(_))
    }
}

impl Ord for Page {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Page::Roman(a), Page::Roman(b)) | (Page::Arabic(a), Page::Arabic(b)) => a.cmp(b),
            (Page::Roman(_), Page::Arabic(_)) => Ordering::Less,
            (Page::Arabic(_), Page::Roman(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Page {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

fn roman_value(c: char) -> Option<u32> {
    Some(match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        'd' => 500,
        'm' => 1000,
        _ => return None,
    })
}

impl FromStr for Page {
    type Err = PageError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(PageError::Empty);
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            if s.len() > 6 || s.starts_with('0') {
                return Err(PageError::OutOfRange(s.to_owned()));
            }
            let n: u32 = s.parse().map_err(|_| PageError::OutOfRange(s.to_owned()))?;
            if n == 0 || n > MAX_PAGE {
                return Err(PageError::OutOfRange(s.to_owned()));
            }
            return Ok(Page::Arabic(n));
        }
        if s.len() > 16 {
            return Err(PageError::NotANumber(s.to_owned()));
        }
        let values: Option<Vec<u32>> = s.chars().map(roman_value).collect();
        let values = values.ok_or_else(|| PageError::NotANumber(s.to_owned()))?;
        let mut total = 0u32;
        for (i, v) in values.iter().enumerate() {
            match values.get(i + 1) {
                Some(next) if next > v => total = total.wrapping_sub(*v),
                _ => total = total.wrapping_add(*v),
            }
        }
        if total == 0 || total > MAX_ROMAN {
            return Err(PageError::RomanOutOfRange(s.to_owned()));
        }
        let canonical = to_roman(total);
        if canonical != s {
            return Err(PageError::NonCanonicalRoman(s.to_owned(), canonical));
        }
        Ok(Page::Roman(total))
    }
}

impl fmt::Display for Page {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Page::Roman(n) => f.write_str(&to_roman(n)),
            Page::Arabic(n) => write!(f, "{n}"),
        }
    }
}

/// A run of pages, first to last inclusive; a single page has `first == last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRange {
    first: Page,
    last: Page,
}

/// Why a page range could not be parsed or built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageRangeError {
    #[error("{0}")]
    Page(#[from] PageError),
    #[error("page range {first}-{last} runs backwards")]
    Backwards { first: Page, last: Page },
}

impl PageRange {
    /// Builds a range, refusing one whose last page comes before its first.
    pub fn new(first: Page, last: Page) -> Result<Self, PageRangeError> {
        if last < first {
            return Err(PageRangeError::Backwards { first, last });
        }
        Ok(PageRange { first, last })
    }

    pub fn single(page: Page) -> Self {
        PageRange {
            first: page,
            last: page,
        }
    }

    pub fn first(&self) -> Page {
        self.first
    }

    pub fn last(&self) -> Page {
        self.last
    }

    pub fn is_single(&self) -> bool {
        self.first == self.last
    }

    /// The number of pages, when both ends use the same numbering.
    pub fn page_count(&self) -> Option<u32> {
        match (self.first, self.last) {
            (Page::Roman(a), Page::Roman(b)) | (Page::Arabic(a), Page::Arabic(b)) => {
                Some(b - a + 1)
            }
            _ => None,
        }
    }

    /// Whether `other` lies wholly inside this range.
    pub fn contains(&self, other: &PageRange) -> bool {
        self.first <= other.first && other.last <= self.last
    }
}

impl FromStr for PageRange {
    type Err = PageRangeError;

    /// Parses `vii-xii`, `121-135` or a single page `5`; an en dash may stand for the hyphen.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s.split_once(['-', '\u{2013}']) {
            Some((a, b)) => PageRange::new(a.trim().parse()?, b.trim().parse()?),
            None => Ok(PageRange::single(s.parse()?)),
        }
    }
}

impl fmt::Display for PageRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

super::serde_via_str!(Page);
super::serde_via_str!(PageRange);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_and_arabic_round_trip() {
        for text in ["i", "iv", "ix", "xiv", "xl", "xcix", "mmxxv", "1", "99999"] {
            assert_eq!(text.parse::<Page>().unwrap().to_string(), text);
        }
        assert_eq!("xiv".parse::<Page>().unwrap(), Page::Roman(14));
        for n in 1..=MAX_ROMAN {
            let text = to_roman(n);
            assert_eq!(text.parse::<Page>().unwrap(), Page::Roman(n), "{text}");
        }
    }

    #[test]
    fn bad_pages_say_why() {
        assert_eq!(
            "iiii".parse::<Page>().unwrap_err().to_string(),
            "page \"iiii\" is not a canonical roman numeral (write iv)"
        );
        assert_eq!(
            "IV".parse::<Page>().unwrap_err().to_string(),
            "page \"IV\" is neither an arabic number nor a lowercase roman numeral"
        );
        assert!(matches!("0".parse::<Page>(), Err(PageError::OutOfRange(_))));
        assert!(matches!(
            "007".parse::<Page>(),
            Err(PageError::OutOfRange(_))
        ));
        assert!(matches!("".parse::<Page>(), Err(PageError::Empty)));
    }

    #[test]
    fn ranges_never_run_backwards() {
        assert_eq!(
            "135-121".parse::<PageRange>().unwrap_err().to_string(),
            "page range 135-121 runs backwards"
        );
        assert_eq!(
            "1-iv".parse::<PageRange>().unwrap_err().to_string(),
            "page range 1-iv runs backwards"
        );
        let r: PageRange = "xv-3".parse().unwrap();
        assert_eq!(r.page_count(), None);
        assert_eq!(
            "vii-xii".parse::<PageRange>().unwrap().page_count(),
            Some(6)
        );
        assert_eq!(
            "121–135".parse::<PageRange>().unwrap().to_string(),
            "121-135"
        );
        assert!(
            "i-iv"
                .parse::<PageRange>()
                .unwrap()
                .contains(&"ii".parse().unwrap())
        );
    }
}
