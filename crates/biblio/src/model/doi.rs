//! Digital Object Identifiers.
//!
//! A DOI is kept in its bare form (`10.1515/9780824862039`); resolver URLs and `doi:`
//! prefixes are stripped on parsing. DOIs compare case-insensitively, as the DOI
//! handbook specifies, but print as written.

use std::{fmt, str::FromStr};

/// A DOI: `10.` registrant code, `/`, a suffix without whitespace.
#[derive(Debug, Clone, Eq)]
pub struct Doi(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DoiError {
    #[error("\"{0}\" does not start with 10.")]
    NoDirectoryPrefix(String),
    #[error("\"{0}\" has no / between registrant and suffix")]
    NoSuffix(String),
    #[error("\"{0}\" has a registrant code that is not digits and dots")]
    BadRegistrant(String),
    #[error("\"{0}\" contains whitespace or a control character")]
    Whitespace(String),
}

impl Doi {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The resolver address, `https://doi.org/...`.
    pub fn url(&self) -> String {
        format!("https://doi.org/{}", self.0)
    }
}

impl PartialEq for Doi {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl std::hash::Hash for Doi {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_ascii_lowercase().hash(state);
    }
}

impl FromStr for Doi {
    type Err = DoiError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut s = s.trim();
        for prefix in [
            "https://doi.org/",
            "http://doi.org/",
            "https://dx.doi.org/",
            "http://dx.doi.org/",
            "doi:",
            "DOI:",
        ] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.trim_start();
                break;
            }
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(DoiError::Whitespace(s.to_owned()));
        }
        let Some(rest) = s.strip_prefix("10.") else {
            return Err(DoiError::NoDirectoryPrefix(s.to_owned()));
        };
        let Some((registrant, suffix)) = rest.split_once('/') else {
            return Err(DoiError::NoSuffix(s.to_owned()));
        };
        if registrant.is_empty() || !registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return Err(DoiError::BadRegistrant(s.to_owned()));
        }
        if suffix.is_empty() {
            return Err(DoiError::NoSuffix(s.to_owned()));
        }
        Ok(Doi(s.to_owned()))
    }
}

impl fmt::Display for Doi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

super::serde_via_str!(Doi);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_resolvers_and_compares_case_insensitively() {
        let a: Doi = "https://doi.org/10.1515/9780824862039".parse().unwrap();
        let b: Doi = "doi:10.1515/9780824862039".parse().unwrap();
        assert_eq!(a.to_string(), "10.1515/9780824862039");
        assert_eq!(a, b);
        assert_eq!(
            "10.1515/ABC".parse::<Doi>().unwrap(),
            "10.1515/abc".parse::<Doi>().unwrap()
        );
        assert_eq!(a.url(), "https://doi.org/10.1515/9780824862039");
    }

    #[test]
    fn rejects_malformed() {
        assert!(matches!(
            "11.1/x".parse::<Doi>(),
            Err(DoiError::NoDirectoryPrefix(_))
        ));
        assert!(matches!(
            "10.1515".parse::<Doi>(),
            Err(DoiError::NoSuffix(_))
        ));
        assert!(matches!(
            "10.ab/x".parse::<Doi>(),
            Err(DoiError::BadRegistrant(_))
        ));
        assert!(matches!(
            "10.1/a b".parse::<Doi>(),
            Err(DoiError::Whitespace(_))
        ));
    }
}
