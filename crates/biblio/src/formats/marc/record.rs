//! A MARC 21 record decoded to Unicode: leader, control fields, data fields with
//! indicators and subfields. Every MARC serialisation (ISO 2709, MARCXML, MARC-in-JSON)
//! reads into and writes from this one shape; the mapping to books works on it alone.

/// One decoded record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The 24-character leader.
    pub leader: String,
    pub fields: Vec<Field>,
}

/// A control field (tags 001-009) or a data field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Control {
        tag: String,
        value: String,
    },
    Data {
        tag: String,
        indicators: [char; 2],
        subfields: Vec<(char, String)>,
    },
}

impl Field {
    pub fn tag(&self) -> &str {
        match self {
            Field::Control { tag, .. } | Field::Data { tag, .. } => tag,
        }
    }

    /// The subfields of a data field; none for a control field.
    pub fn subfields(&self) -> &[(char, String)] {
        match self {
            Field::Data { subfields, .. } => subfields,
            Field::Control { .. } => &[],
        }
    }

    /// The first subfield with this code.
    pub fn first(&self, code: char) -> Option<&str> {
        self.subfields()
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, v)| v.as_str())
    }

    /// Every subfield with this code, in order.
    pub fn all(&self, code: char) -> impl Iterator<Item = &str> {
        self.subfields()
            .iter()
            .filter(move |(c, _)| *c == code)
            .map(|(_, v)| v.as_str())
    }

    pub fn indicator(&self, which: usize) -> char {
        match self {
            Field::Data { indicators, .. } => indicators.get(which).copied().unwrap_or(' '),
            Field::Control { .. } => ' ',
        }
    }

    /// A data field built from `(code, value)` pairs.
    pub fn data(tag: &str, indicators: [char; 2], subfields: Vec<(char, String)>) -> Field {
        Field::Data {
            tag: tag.to_owned(),
            indicators,
            subfields,
        }
    }
}

/// Whether a tag names a control field (`001`-`009`, and `00X` in general).
pub fn is_control_tag(tag: &str) -> bool {
    tag.len() == 3 && tag.starts_with("00")
}

impl Record {
    /// The value of a control field.
    pub fn control(&self, tag: &str) -> Option<&str> {
        self.fields.iter().find_map(|f| match f {
            Field::Control { tag: t, value } if t == tag => Some(value.as_str()),
            _ => None,
        })
    }

    /// The fields with this tag, in order.
    pub fn fields<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.tag() == tag)
    }

    /// The first field with this tag.
    pub fn field(&self, tag: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.tag() == tag)
    }

    /// The record control number (001), for messages.
    pub fn control_number(&self) -> Option<&str> {
        self.control("001").map(str::trim)
    }
}
