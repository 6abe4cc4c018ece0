//! ISBN-13, accepting ISBN-10 and ISBN-13 in any hyphenation and printing the registered
//! one.
//!
//! Validation (length, characters, check digit) is ours so that errors can say exactly
//! what is wrong; the hyphenation comes from the `isbn` crate, which carries the
//! International ISBN Agency's range data.

use std::{fmt, str::FromStr};

/// A valid ISBN-13, stored as its thirteen digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Isbn13([u8; 13]);

/// Why a text is not an ISBN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IsbnError {
    #[error("has {0} digits, expected 10 or 13")]
    WrongLength(usize),
    #[error("contains {0:?}, which is not a digit or hyphen")]
    InvalidCharacter(char),
    #[error("has check digit {found}, expected {expected}")]
    CheckDigit { found: char, expected: char },
    #[error("starts with {0}, but an ISBN-13 starts with 978 or 979")]
    WrongPrefix(String),
}

impl Isbn13 {
    /// The thirteen digits without hyphens, the form used for matching.
    pub fn compact(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// The ISBN-10 form, for ISBNs that have one (prefix 978).
    pub fn to_isbn10(&self) -> Option<String> {
        if self.0[..3] != [9, 7, 8] {
            return None;
        }
        let body = &self.0[3..12];
        let sum: u32 = body
            .iter()
            .enumerate()
            .map(|(i, d)| (10 - i as u32) * u32::from(*d))
            .sum();
        let check = (11 - sum % 11) % 11;
        let mut out: String = body.iter().map(|d| char::from(b'0' + d)).collect();
        out.push(if check == 10 {
            'X'
        } else {
            char::from(b'0' + check as u8)
        });
        Some(out)
    }
}

fn isbn13_check(digits: &[u8]) -> u8 {
    let sum: u32 = digits[..12]
        .iter()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl FromStr for Isbn13 {
    type Err = IsbnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut chars: Vec<char> = Vec::with_capacity(13);
        for c in s.trim().chars() {
            match c {
                '-' | ' ' | '\u{2010}' | '\u{2011}' => {}
                '0'..='9' | 'X' | 'x' => chars.push(c),
                other => return Err(IsbnError::InvalidCharacter(other)),
            }
            if chars.len() > 13 {
                break;
            }
        }
        let digit = |c: char| c.to_digit(10).map(|d| d as u8);
        match chars.len() {
            10 => {
                let mut body = [0u8; 9];
                for (slot, c) in body.iter_mut().zip(&chars[..9]) {
                    *slot = digit(*c).ok_or(IsbnError::InvalidCharacter(*c))?;
                }
                let sum: u32 = body
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (10 - i as u32) * u32::from(*d))
                    .sum();
                let expected = match (11 - sum % 11) % 11 {
                    10 => 'X',
                    n => char::from(b'0' + n as u8),
                };
                let found = chars[9].to_ascii_uppercase();
                if found != expected {
                    return Err(IsbnError::CheckDigit { found, expected });
                }
                let mut digits = [0u8; 13];
                digits[..3].copy_from_slice(&[9, 7, 8]);
                digits[3..12].copy_from_slice(&body);
                digits[12] = isbn13_check(&digits);
                Ok(Isbn13(digits))
            }
            13 => {
                let mut digits = [0u8; 13];
                for (slot, c) in digits.iter_mut().zip(&chars) {
                    *slot = digit(*c).ok_or(IsbnError::InvalidCharacter(*c))?;
                }
                if digits[..3] != [9, 7, 8] && digits[..3] != [9, 7, 9] {
                    return Err(IsbnError::WrongPrefix(chars[..3].iter().collect()));
                }
                let expected = isbn13_check(&digits);
                if digits[12] != expected {
                    return Err(IsbnError::CheckDigit {
                        found: char::from(b'0' + digits[12]),
                        expected: char::from(b'0' + expected),
                    });
                }
                Ok(Isbn13(digits))
            }
            n => Err(IsbnError::WrongLength(n)),
        }
    }
}

impl fmt::Display for Isbn13 {
    /// The registered hyphenation (`978-0-8248-6203-9`), or the bare digits for an ISBN
    /// in a range the agency has not allocated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match isbn::Isbn13::new(self.0).and_then(|i| i.hyphenate()) {
            Ok(hyphenated) => f.write_str(&hyphenated),
            Err(_) => f.write_str(&self.compact()),
        }
    }
}

super::serde_via_str!(Isbn13);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_form_and_prints_registered_hyphenation() {
        for text in [
            "978-0-8248-6203-9",
            "9780824862039",
            "978 0 8248 6203 9",
            "0-8248-6203-X",
        ] {
            let isbn: Result<Isbn13, _> = text.parse();
            if text.ends_with('X') {
                // 0-8248-6203-X is not the ISBN-10 of the seed; its check digit is 1.
                assert_eq!(
                    isbn.unwrap_err(),
                    IsbnError::CheckDigit {
                        found: 'X',
                        expected: '1'
                    }
                );
                continue;
            }
            assert_eq!(isbn.unwrap().to_string(), "978-0-8248-6203-9");
        }
        let from10: Isbn13 = "0824862031".parse().unwrap();
        assert_eq!(from10.compact(), "9780824862039");
        assert_eq!(from10.to_isbn10().unwrap(), "0824862031");
        let x: Isbn13 = "080442957X".parse().unwrap();
        assert_eq!(x.to_isbn10().unwrap(), "080442957X");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let err = "978-0-8248-6203-8".parse::<Isbn13>().unwrap_err();
        assert_eq!(err.to_string(), "has check digit 8, expected 9");
        assert_eq!(
            "978-0-8248".parse::<Isbn13>().unwrap_err().to_string(),
            "has 8 digits, expected 10 or 13"
        );
        assert_eq!(
            "978-0-8248-620a-9"
                .parse::<Isbn13>()
                .unwrap_err()
                .to_string(),
            "contains 'a', which is not a digit or hyphen"
        );
        assert!(matches!(
            "1234567890128".parse::<Isbn13>(),
            Err(IsbnError::WrongPrefix(_))
        ));
    }
}
