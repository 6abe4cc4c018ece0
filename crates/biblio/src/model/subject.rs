//! Subject headings, such as the seed's "History" and "Political Science".

use std::{fmt, str::FromStr};

/// A subject heading: non-empty, one line, no surrounding space, no semicolon (the
/// catalog format separates subjects with commas, or semicolons when one has a comma).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubjectError {
    #[error("subject is empty")]
    Empty,
    #[error("subject \"{0}\" contains a semicolon, line break or control character")]
    BadCharacter(String),
    #[error("subject \"{0}\" is longer than 200 characters")]
    TooLong(String),
}

impl Subject {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Subject {
    type Err = SubjectError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(SubjectError::Empty);
        }
        if s.chars().any(|c| c == ';' || c.is_control()) {
            return Err(SubjectError::BadCharacter(s.to_owned()));
        }
        if s.chars().count() > 200 {
            return Err(SubjectError::TooLong(s.to_owned()));
        }
        Ok(Subject(s.to_owned()))
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

super::serde_via_str!(Subject);
