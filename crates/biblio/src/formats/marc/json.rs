//! MARC-in-JSON (Ross Singer's proposal, as pymarc and marc4j write it): a record is
//! `{"leader": "...", "fields": [{"001": "..."}, {"245": {"ind1": "1", "ind2": "0",
//! "subfields": [{"a": "..."}]}}]}`, a file one record or an array of them.

use serde_json::Value;

use super::record::{Field, Record};

/// Whether parsed JSON looks like MARC-in-JSON rather than Shelfmark's book JSON.
pub fn is_marc_json(value: &Value) -> bool {
    let first = match value {
        Value::Array(items) => items.first(),
        other => Some(other),
    };
    first.is_some_and(|r| r.get("leader").is_some() && r.get("fields").is_some())
}

/// Reads each record of a MARC-in-JSON value, or says what is wrong with it.
pub fn read(value: &Value) -> Vec<Result<Record, String>> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items.into_iter().map(record).collect()
}

fn record(value: &Value) -> Result<Record, String> {
    let leader = value
        .get("leader")
        .and_then(Value::as_str)
        .ok_or("no \"leader\" string")?;
    if leader.chars().count() != 24 || !leader.is_ascii() {
        return Err(format!("leader \"{leader}\" is not 24 ASCII characters"));
    }
    let list = value
        .get("fields")
        .and_then(Value::as_array)
        .ok_or("no \"fields\" array")?;
    let mut fields = Vec::with_capacity(list.len());
    for (i, f) in list.iter().enumerate() {
        let obj = f
            .as_object()
            .filter(|o| o.len() == 1)
            .ok_or_else(|| format!("field {} is not an object with one tag", i + 1))?;
        let Some((tag, body)) = obj.iter().next() else {
            continue;
        };
        if tag.len() != 3 || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!(
                "field {}: tag \"{tag}\" is not three letters or digits",
                i + 1
            ));
        }
        match body {
            Value::String(s) => fields.push(Field::Control {
                tag: tag.clone(),
                value: s.clone(),
            }),
            Value::Object(data) => {
                let mut indicators = [' '; 2];
                for (slot, name) in indicators.iter_mut().zip(["ind1", "ind2"]) {
                    let v = data.get(name).and_then(Value::as_str).unwrap_or(" ");
                    let mut chars = v.chars();
                    *slot = match (chars.next(), chars.next()) {
                        (None, _) => ' ',
                        (Some(c), None) if c == ' ' || c.is_ascii_graphic() => c,
                        _ => {
                            return Err(format!(
                                "field {tag}: {name} \"{v}\" is not one ASCII character"
                            ));
                        }
                    };
                }
                let subs = data
                    .get("subfields")
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("field {tag}: no \"subfields\" array"))?;
                let mut subfields = Vec::new();
                for s in subs {
                    let Some((code, v)) = s
                        .as_object()
                        .filter(|o| o.len() == 1)
                        .and_then(|o| o.iter().next())
                    else {
                        return Err(format!(
                            "field {tag}: a subfield is not an object with one code"
                        ));
                    };
                    let mut chars = code.chars();
                    let code = match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_ascii_graphic() => c,
                        _ => {
                            return Err(format!(
                                "field {tag}: subfield code \"{code}\" is not one ASCII letter or digit"
                            ));
                        }
                    };
                    let v = v
                        .as_str()
                        .ok_or_else(|| format!("field {tag}: subfield ${code} is not a string"))?;
                    subfields.push((code, v.to_owned()));
                }
                fields.push(Field::Data {
                    tag: tag.clone(),
                    indicators,
                    subfields,
                });
            }
            _ => return Err(format!("field {tag}: neither a string nor an object")),
        }
    }
    Ok(Record {
        leader: leader.to_owned(),
        fields,
    })
}
