//! ISO 2709, the binary MARC exchange format: reader and writer.
//!
//! A record is a 24-byte leader (its first five digits the record length, positions
//! 12-16 the base address of the data), a directory of 12-byte entries (tag, field
//! length, start) ended by a field terminator (0x1E), then the fields, each ended by a
//! field terminator, and a record terminator (0x1D).
//!
//! [`Reader`] walks a byte buffer record by record without copying: a [`RawRecord`]
//! holds slices of the buffer. It never panics and never trusts a length: a record
//! whose leader, directory or field offsets do not add up is reported with its number,
//! byte offset and control number, and reading resumes after the next record
//! terminator. [`RawRecord::decode`] turns a raw record into a [`Record`] of Unicode
//! text, reading UTF-8 or MARC-8 as leader position 9 says. [`write`] does the
//! reverse, always in UTF-8.

use std::fmt;

use super::marc8;
use super::record::{Field, Record, is_control_tag};

pub const RECORD_TERMINATOR: u8 = 0x1D;
pub const FIELD_TERMINATOR: u8 = 0x1E;
pub const SUBFIELD_DELIMITER: u8 = 0x1F;
const LEADER_LEN: usize = 24;
const ENTRY_LEN: usize = 12;

/// A problem with one record, located by its 1-based number in the file, the byte
/// offset where it starts, its control number (001) when it could be read, and the
/// field where that helps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    pub number: usize,
    pub offset: usize,
    pub control_number: Option<String>,
    pub tag: Option<String>,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {} (byte {}", self.number, self.offset)?;
        if let Some(cn) = &self.control_number {
            write!(f, ", 001 {cn}")?;
        }
        f.write_str(")")?;
        match &self.tag {
            Some(tag) if tag.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                write!(f, " field {tag}")?
            }
            Some(tag) => write!(f, " field \"{tag}\"")?,
            None => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// One field as it sits in the buffer: its tag and its bytes without the terminator.
#[derive(Debug, Clone, Copy)]
pub struct RawField<'a> {
    pub tag: [u8; 3],
    pub data: &'a [u8],
}

impl RawField<'_> {
    pub fn tag_str(&self) -> String {
        String::from_utf8_lossy(&self.tag).into_owned()
    }
}

/// A record whose structure (leader, directory, field boundaries) is sound.
#[derive(Debug, Clone)]
pub struct RawRecord<'a> {
    /// 1-based number of the record in the input.
    pub number: usize,
    /// Byte offset of the record's first byte.
    pub offset: usize,
    /// The whole record, leader to record terminator.
    pub bytes: &'a [u8],
    pub leader: &'a [u8],
    pub fields: Vec<RawField<'a>>,
}

/// Reads records one at a time from a buffer.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    number: usize,
    /// Added to offsets in messages, for a buffer that is a window on a larger file.
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader::at(buf, 1, 0)
    }

    /// A reader over a window of a larger file: its first record is number `first` and
    /// starts at byte `base` of the file.
    pub fn at(buf: &'a [u8], first: usize, base: usize) -> Self {
        Reader {
            buf,
            pos: 0,
            number: first.saturating_sub(1),
            base,
        }
    }

    /// The byte offset reading has reached.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Skips to just after the next record terminator at or after `from`.
    fn resync(&mut self, from: usize) {
        self.pos = match self.buf.get(from..) {
            Some(rest) => rest
                .iter()
                .position(|b| *b == RECORD_TERMINATOR)
                .map_or(self.buf.len(), |i| from + i + 1),
            None => self.buf.len(),
        };
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Result<RawRecord<'a>, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        // Line breaks, NULs and the DOS end-of-file mark between records are padding.
        while let Some(b) = self.buf.get(self.pos) {
            if matches!(b, b'\n' | b'\r' | 0 | 0x1A | b' ') {
                self.pos += 1;
            } else {
                break;
            }
        }
        if self.pos >= self.buf.len() {
            return None;
        }
        self.number += 1;
        let start = self.pos;
        let rest = &self.buf[start..];
        let at = self.base + start;
        let fail = |reader: &mut Self, message: String, control: Option<String>| RecordError {
            number: reader.number,
            offset: at,
            control_number: control,
            tag: None,
            message,
        };
        if rest.len() < LEADER_LEN {
            let e = fail(
                self,
                format!(
                    "truncated record: {} bytes left, fewer than the 24 of a leader",
                    rest.len()
                ),
                None,
            );
            self.pos = self.buf.len();
            return Some(Err(e));
        }
        let declared = match digits(&rest[..5]) {
            Some(n) => n,
            None => {
                let e = fail(
                    self,
                    format!(
                        "record length \"{}\" in the leader is not five digits",
                        printable(&rest[..5])
                    ),
                    None,
                );
                self.resync(start);
                return Some(Err(e));
            }
        };
        if declared < LEADER_LEN + 2 || declared > rest.len() {
            let what = if declared > rest.len() {
                format!(
                    "record length {declared} runs past the end of the input ({} bytes left)",
                    rest.len()
                )
            } else {
                format!("record length {declared} is too short for a record")
            };
            let e = fail(self, what, None);
            self.resync(start);
            return Some(Err(e));
        }
        let bytes = &rest[..declared];
        if bytes[declared - 1] != RECORD_TERMINATOR {
            let e = fail(
                self,
                format!("record length {declared} does not end at a record terminator"),
                None,
            );
            self.resync(start);
            return Some(Err(e));
        }
        self.pos = start + declared;
        let number = self.number;
        Some(parse_structure(bytes, number, at))
    }
}

/// Checks the directory and cuts the record into fields.
fn parse_structure(
    bytes: &[u8],
    number: usize,
    offset: usize,
) -> Result<RawRecord<'_>, RecordError> {
    let error = |message: String, control: Option<String>, tag: Option<String>| RecordError {
        number,
        offset,
        control_number: control,
        tag,
        message,
    };
    let leader = &bytes[..LEADER_LEN];
    let base = digits(&leader[12..17]).ok_or_else(|| {
        error(
            format!(
                "base address \"{}\" in the leader is not five digits",
                printable(&leader[12..17])
            ),
            None,
            None,
        )
    })?;
    if base <= LEADER_LEN || base >= bytes.len() {
        return Err(error(
            format!(
                "base address {base} lies outside the record of {} bytes",
                bytes.len()
            ),
            None,
            None,
        ));
    }
    if bytes[base - 1] != FIELD_TERMINATOR {
        return Err(error(
            format!("the directory does not end with a field terminator at base address {base}"),
            None,
            None,
        ));
    }
    let directory = &bytes[LEADER_LEN..base - 1];
    if directory.len() % ENTRY_LEN != 0 {
        return Err(error(
            format!(
                "directory of {} bytes is not a whole number of 12-byte entries",
                directory.len()
            ),
            None,
            None,
        ));
    }
    let data = &bytes[base..bytes.len() - 1];
    let mut fields = Vec::with_capacity(directory.len() / ENTRY_LEN);
    let mut bad: Option<(String, String)> = None;
    for entry in directory.chunks_exact(ENTRY_LEN) {
        let tag = [entry[0], entry[1], entry[2]];
        let tag_text = printable(&tag);
        let (Some(len), Some(at)) = (digits(&entry[3..7]), digits(&entry[7..12])) else {
            bad = Some((
                tag_text,
                format!(
                    "directory entry \"{}\" has a length or start that is not digits",
                    printable(entry)
                ),
            ));
            break;
        };
        if !tag.iter().all(|b| b.is_ascii_alphanumeric()) {
            bad = Some((tag_text, "tag is not three letters or digits".into()));
            break;
        }
        let Some(field) = data.get(at..at + len).filter(|_| len > 0) else {
            bad = Some((
                tag_text,
                format!(
                    "directory says {len} bytes at {at}, outside the {} bytes of data",
                    data.len()
                ),
            ));
            break;
        };
        if field[len - 1] != FIELD_TERMINATOR {
            bad = Some((
                tag_text,
                format!("{len} bytes at {at} do not end with a field terminator"),
            ));
            break;
        }
        fields.push(RawField {
            tag,
            data: &field[..len - 1],
        });
    }
    if let Some((tag, message)) = bad {
        let control = fields
            .iter()
            .find(|f| &f.tag == b"001")
            .map(|f| printable(f.data).trim().to_owned());
        return Err(error(message, control, Some(tag)));
    }
    Ok(RawRecord {
        number,
        offset,
        bytes,
        leader,
        fields,
    })
}

fn digits(bytes: &[u8]) -> Option<usize> {
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0usize, |n, b| n * 10 + usize::from(b - b'0')),
    )
}

/// Bytes shown in a message: ASCII as is, anything else as `\xNN`.
fn printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    for b in bytes {
        if (0x20..0x7F).contains(b) {
            out.push(char::from(*b));
        } else {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

impl RawRecord<'_> {
    /// Whether leader position 9 says the record is in UTF-8.
    pub fn is_utf8(&self) -> bool {
        self.leader[9] == b'a'
    }

    /// The record's control number (001), raw.
    pub fn control_number(&self) -> Option<String> {
        self.fields
            .iter()
            .find(|f| &f.tag == b"001")
            .map(|f| String::from_utf8_lossy(f.data).trim().to_owned())
    }

    /// Decodes every field to Unicode.
    pub fn decode(&self) -> Result<Record, RecordError> {
        let control = self.control_number();
        let error = |tag: Option<String>, message: String| RecordError {
            number: self.number,
            offset: self.offset,
            control_number: control.clone(),
            tag,
            message,
        };
        // Some writers flag MARC-8 but write UTF-8: data that is valid UTF-8 with
        // multibyte characters and no MARC-8 escape is read as UTF-8.
        let utf8 = self.is_utf8()
            || self
                .fields
                .iter()
                .all(|f| std::str::from_utf8(f.data).is_ok())
                && self.fields.iter().any(|f| !f.data.is_ascii())
                && !self.fields.iter().any(|f| f.data.contains(&0x1B));
        let leader = match std::str::from_utf8(self.leader) {
            Ok(l) if l.is_ascii() => l.to_owned(),
            _ => return Err(error(None, "leader is not ASCII".into())),
        };
        let mut fields = Vec::with_capacity(self.fields.len());
        for raw in &self.fields {
            let tag = raw.tag_str();
            match decode_field(&tag, raw.data, utf8) {
                Ok(field) => fields.push(field),
                // A broken field that no book property comes from is left out; one
                // that matters makes the record unreadable.
                Err(message) if super::to_book::is_mapped(&tag) => {
                    return Err(error(Some(tag), message));
                }
                Err(_) => {}
            }
        }
        Ok(Record { leader, fields })
    }
}

fn text(bytes: &[u8], utf8: bool) -> Result<String, String> {
    if utf8 || (bytes.is_ascii() && !bytes.contains(&0x1B)) {
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|e| format!("invalid UTF-8 at byte {} of the field", e.valid_up_to()))
    } else {
        marc8::decode(bytes).map_err(|e| format!("MARC-8: {e}"))
    }
}

fn decode_field(tag: &str, data: &[u8], utf8: bool) -> Result<Field, String> {
    if is_control_tag(tag) {
        return Ok(Field::Control {
            tag: tag.to_owned(),
            value: text(data, utf8)?,
        });
    }
    if data.len() < 2 {
        return Err("data field has no indicators".into());
    }
    let mut indicators = [' '; 2];
    for (slot, b) in indicators.iter_mut().zip(&data[..2]) {
        if !(0x20..0x7F).contains(b) {
            return Err(format!(
                "indicator {} is not a printable ASCII character",
                printable(&[*b])
            ));
        }
        *slot = char::from(*b);
    }
    let mut parts = data[2..].split(|b| *b == SUBFIELD_DELIMITER);
    let before = parts.next().unwrap_or_default();
    if !before.is_empty() {
        return Err(format!(
            "{} bytes between the indicators and the first subfield",
            before.len()
        ));
    }
    let mut subfields = Vec::new();
    for part in parts {
        let Some((&code, value)) = part.split_first() else {
            // An empty subfield (two delimiters in a row) carries nothing.
            continue;
        };
        if !code.is_ascii_graphic() {
            return Err(format!(
                "subfield code {} is not an ASCII letter or digit",
                printable(&[code])
            ));
        }
        let value =
            text(value, utf8).map_err(|m| format!("subfield ${}: {m}", char::from(code)))?;
        subfields.push((char::from(code), value));
    }
    Ok(Field::Data {
        tag: tag.to_owned(),
        indicators,
        subfields,
    })
}

/// Reads every record of a buffer: the good ones decoded, the bad ones as errors.
pub fn read_all(buf: &[u8]) -> Vec<Result<Record, RecordError>> {
    Reader::new(buf)
        .map(|raw| raw.and_then(|r| r.decode()))
        .collect()
}

/// Why a record cannot be written in ISO 2709.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("field {tag} is {len} bytes, more than the 9,999 a directory entry can hold")]
    FieldTooLong { tag: String, len: usize },
    #[error("record is {0} bytes, more than the 99,999 a leader can hold")]
    RecordTooLong(usize),
    #[error("tag \"{0}\" is not three ASCII letters or digits")]
    BadTag(String),
}

/// Writes a record in ISO 2709, UTF-8 (leader position 9 set to `a`). Characters that
/// would break the structure (terminators and delimiters inside values) are dropped.
pub fn write(record: &Record) -> Result<Vec<u8>, WriteError> {
    let mut directory = Vec::with_capacity(record.fields.len() * ENTRY_LEN);
    let mut data: Vec<u8> = Vec::new();
    let clean = |s: &str, out: &mut Vec<u8>| {
        out.extend(s.bytes().filter(|b| {
            !matches!(
                *b,
                RECORD_TERMINATOR | FIELD_TERMINATOR | SUBFIELD_DELIMITER
            )
        }));
    };
    for field in &record.fields {
        let tag = field.tag();
        if tag.len() != 3 || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(WriteError::BadTag(tag.to_owned()));
        }
        let start = data.len();
        match field {
            Field::Control { value, .. } => clean(value, &mut data),
            Field::Data {
                indicators,
                subfields,
                ..
            } => {
                for ind in indicators {
                    data.push(if ind.is_ascii_graphic() || *ind == ' ' {
                        *ind as u8
                    } else {
                        b' '
                    });
                }
                for (code, value) in subfields {
                    data.push(SUBFIELD_DELIMITER);
                    data.push(if code.is_ascii_alphanumeric() {
                        *code as u8
                    } else {
                        b'a'
                    });
                    clean(value, &mut data);
                }
            }
        }
        data.push(FIELD_TERMINATOR);
        let len = data.len() - start;
        if len > 9999 {
            return Err(WriteError::FieldTooLong {
                tag: tag.to_owned(),
                len,
            });
        }
        directory.extend_from_slice(format!("{tag}{len:04}{start:05}").as_bytes());
    }
    directory.push(FIELD_TERMINATOR);
    let base = LEADER_LEN + directory.len();
    let total = base + data.len() + 1;
    if total > 99_999 {
        return Err(WriteError::RecordTooLong(total));
    }
    let mut leader: Vec<u8> = record
        .leader
        .bytes()
        .map(|b| if b.is_ascii_graphic() { b } else { b' ' })
        .take(LEADER_LEN)
        .collect();
    leader.resize(LEADER_LEN, b' ');
    leader[..5].copy_from_slice(format!("{total:05}").as_bytes());
    leader[9] = b'a';
    leader[10] = b'2';
    leader[11] = b'2';
    leader[12..17].copy_from_slice(format!("{base:05}").as_bytes());
    leader[20..24].copy_from_slice(b"4500");
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&leader);
    out.extend_from_slice(&directory);
    out.extend_from_slice(&data);
    out.push(RECORD_TERMINATOR);
    Ok(out)
}
