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

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::file::error::FileError;

/// The lowercase hex SHA-256 of the canonical form of `document` with its
/// `checksum` member left out.
pub(crate) fn checksum(document: &Value) -> Result<String, FileError> {
    let mut content = document.clone();
    if let Value::Object(members) = &mut content {
        members.remove("checksum");
    }
    let text = canonical(&content)?;
    Ok(hex(&Sha256::digest(text.as_bytes())))
}

/// The canonical form of a value; a fraction is refused with its path.
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
            if let Some(whole) = number.as_i64() {
                text.push_str(&whole.to_string());
            } else if let Some(whole) = number.as_u64() {
                text.push_str(&whole.to_string());
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
                path.push_str(&format!("[{index}]"));
                write_value(text, value, path)?;
                path.truncate(before);
            }
            text.push(']');
        }
        Value::Object(members) => {
            let mut keys: Vec<&String> = members.keys().collect();
            keys.sort();
            text.push('{');
            for (position, key) in keys.iter().enumerate() {
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
                if let Some(value) = members.get(*key) {
                    write_value(text, value, path)?;
                }
                path.truncate(before);
            }
            text.push('}');
        }
    }
    Ok(())
}

fn write_string(text: &mut String, string: &str) {
    text.push('"');
    for c in string.chars() {
        match c {
            '"' => text.push_str("\\\""),
            '\\' => text.push_str("\\\\"),
            '\u{8}' => text.push_str("\\b"),
            '\u{c}' => text.push_str("\\f"),
            '\n' => text.push_str("\\n"),
            '\r' => text.push_str("\\r"),
            '\t' => text.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                text.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => text.push(c),
        }
    }
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
