//! The canonical form a file's checksum is computed over, and the checksum.
//!
//! Canonical JSON (format version 1): no whitespace outside strings; object
//! members sorted by key in ascending Unicode code point order (the byte
//! order of UTF-8); strings written with the escapes `\"` `\\` `\b` `\f`
//! `\n` `\r` `\t`, other characters below U+0020 as `\u00xx` (lowercase
//! hex), and every other character as itself in UTF-8; numbers are whole
//! numbers in plain decimal. A valid document holds no fractions, so a
//! fraction anywhere is refused here with its path.
//!
//! This is what Python's `json.dumps(doc, ensure_ascii=False,
//! sort_keys=True, separators=(",", ":"))` writes for such a document, and
//! what RFC 8785 (JCS) gives for keys below U+10000. The sorting is done
//! here and does not depend on how `serde_json::Map` is configured.

use std::fmt::Write as _;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::file::error::FileError;

/// The lowercase hex SHA-256 of the canonical form of `document` with its
/// `checksum` member left out.
pub(crate) fn checksum(document: &Value) -> Result<String, FileError> {
    // Written with the member left out, not from a copy without it: a
    // copy of the whole document costs as much as writing it.
    let mut text = String::new();
    let path = &mut String::new();
    match document {
        Value::Object(members) => {
            write_object(&mut text, members, path, Some("checksum"))?;
        }
        other => write_value(&mut text, other, path)?,
    }
    Ok(hex(&Sha256::digest(text.as_bytes())))
}

/// The canonical form of a value; a fraction is refused with its path.
#[cfg(test)]
pub(crate) fn canonical(value: &Value) -> Result<String, FileError> {
    let mut text = String::new();
    write_value(&mut text, value, &mut String::new())?;
    Ok(text)
}

fn write_value(
    text: &mut String,
    value: &Value,
    path: &mut String,
) -> Result<(), FileError> {
    match value {
        Value::Null => text.push_str("null"),
        Value::Bool(true) => text.push_str("true"),
        Value::Bool(false) => text.push_str("false"),
        Value::Number(number) => {
            // Writing to a String cannot fail.
            if let Some(whole) = number.as_i64() {
                let _ = write!(text, "{whole}");
            } else if let Some(whole) = number.as_u64() {
                let _ = write!(text, "{whole}");
            } else {
                return Err(FileError::NotWholeNumber {
                    path: shown(path),
                    value: number.to_string(),
                });
            }
        }
        Value::String(string) => write_string(text, string),
        Value::Array(values) => {
            text.push('[');
            for (index, value) in values.iter().enumerate() {
                if index > 0 {
                    text.push(',');
                }
                let before = path.len();
                let _ = write!(path, "[{index}]");
                write_value(text, value, path)?;
                path.truncate(before);
            }
            text.push(']');
        }
        Value::Object(members) => write_object(text, members, path, None)?,
    }
    Ok(())
}

/// An object's members sorted by key, but `leave_out`'s.
fn write_object(
    text: &mut String,
    members: &Map<String, Value>,
    path: &mut String,
    leave_out: Option<&str>,
) -> Result<(), FileError> {
    let mut sorted: Vec<(&String, &Value)> = members
        .iter()
        .filter(|(key, _)| Some(key.as_str()) != leave_out)
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    text.push('{');
    for (position, (key, value)) in sorted.into_iter().enumerate() {
        if position > 0 {
            text.push(',');
        }
        write_string(text, key);
        text.push(':');
        let before = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        write_value(text, value, path)?;
        path.truncate(before);
    }
    text.push('}');
    Ok(())
}

fn write_string(text: &mut String, string: &str) {
    // Runs without an escape are copied whole; every escaped character
    // is ASCII, so each byte found here ends a run at a char boundary.
    text.push('"');
    let mut run = 0;
    for (at, byte) in string.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => continue,
        };
        text.push_str(&string[run..at]);
        if escape.is_empty() {
            let _ = write!(text, "\\u{byte:04x}");
        } else {
            text.push_str(escape);
        }
        run = at + 1;
    }
    text.push_str(&string[run..]);
    text.push('"');
}

fn shown(path: &str) -> String {
    if path.is_empty() { ".".to_string() } else { path.to_string() }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn check(value: Value, expected: &str) {
        assert_eq!(canonical(&value).ok().as_deref(), Some(expected));
    }

    #[test]
    fn ok_sorted_compact_utf8() {
        check(
            json!({"b": [1, -2, true, null], "a": {"z": "新春", "10": 1, "9": 2}}),
            r#"{"a":{"10":1,"9":2,"z":"新春"},"b":[1,-2,true,null]}"#,
        );
    }

    #[test]
    fn ok_escapes_like_python_and_jcs() {
        check(
            json!("q\"b\\\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}\u{2028}/é"),
            "\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}\u{2028}/é\"",
        );
    }

    #[test]
    fn ok_checksum_leaves_out_the_checksum_member() {
        let with = json!({"a": 1, "checksum": "x"});
        let without = json!({"a": 1});
        let expected = hex(&Sha256::digest(b"{\"a\":1}"));
        assert_eq!(checksum(&with).ok(), Some(expected.clone()));
        assert_eq!(checksum(&without).ok(), Some(expected));
    }

    #[test]
    fn err_fraction_is_named_by_path() {
        let value = json!({"facts": {"6": {"labels": {"count": 1.5}}}});
        let error = canonical(&value).err();
        assert_eq!(
            error,
            Some(FileError::NotWholeNumber {
                path: "facts.6.labels.count".to_string(),
                value: "1.5".to_string(),
            })
        );
    }
}
