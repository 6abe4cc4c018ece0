//! The book model: a scholarly book, its contributors, identifiers and table of contents.
//!
//! Every value that has a grammar (ISBN, DOI, page, page range, language tag, subject) is a
//! newtype that can only be built by parsing, and prints back to the text it was parsed
//! from. The model does not know how it is stored or displayed; formats and the
//! application convert it at their edges.

mod book;
mod doi;
mod isbn;
mod language;
mod page;
mod person;
mod subject;
mod toc;

pub use book::{Book, Identifier, Medium, slugify};
pub use doi::{Doi, DoiError};
pub use isbn::{Isbn13, IsbnError};
pub use language::{Language, LanguageError};
pub use page::{Page, PageError, PageRange, PageRangeError};
pub use person::{Contributor, NameError, PersonName, Role};
pub(crate) use person::{all_cjk as all_cjk_name, is_cjk as is_cjk_char};
pub use subject::{Subject, SubjectError};
pub use toc::{TocEntry, TocItem, TocKind};

/// Implements `Serialize` and `Deserialize` through `Display` and `FromStr`, so that the
/// JSON form of a parsed value is exactly its text form.
macro_rules! serde_via_str {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_via_str;
