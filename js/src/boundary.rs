//! Where JavaScript values become the core's data and back, in one place.
//!
//! In: serde-wasm-bindgen reads a JavaScript value into a JSON value, and
//! the core's own readers take it from there (with the paths of the
//! members at fault). Before any of them, [`money_as_number`] refuses an
//! amount given as a JavaScript number: serde would report it only as
//! "expected a string", and a float such as `0.1 + 0.2` must never pass
//! for money.
//!
//! Out: the core's serde forms become plain objects (not `Map`s) through
//! a JSON value, so maps keyed by numbers (facts by item) get string keys
//! as in the files, money stays a string and no number needs a BigInt.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::Refusal;

/// The file format's money members (`$defs/money` in
/// `schema/starcheck-assessment.v1.schema.json`): `planned` of each plan
/// line and `amount` of each expenditure under `ledger`, and the stated
/// `summary`'s `spent` and `spending_line`.
const LEDGER_MONEY: [(&str, &str); 2] =
    [("plan", "planned"), ("expenditures", "amount")];
const SUMMARY_MONEY: [&str; 2] = ["spent", "spending_line"];

/// The first money member of a file-shaped object that holds a number,
/// as a refusal naming its path.
pub fn money_as_number(value: &Value) -> Option<Refusal> {
    let refusal = |path: String, number: &serde_json::Number| {
        let (shown, example) = as_written(number);
        Some(Refusal::money_as_number(&path, &shown, &example))
    };

    let ledger = value.get("ledger");
    for (list, member) in LEDGER_MONEY {
        let lines = ledger.and_then(|l| l.get(list)).and_then(Value::as_array);
        for (index, line) in lines.into_iter().flatten().enumerate() {
            if let Some(Value::Number(number)) = line.get(member) {
                return refusal(
                    format!("ledger.{list}[{index}].{member}"),
                    number,
                );
            }
        }
    }

    let summary = value.get("summary");
    for member in SUMMARY_MONEY {
        if let Some(Value::Number(number)) = summary.and_then(|s| s.get(member))
        {
            return refusal(format!("summary.{member}"), number);
        }
    }
    None
}

/// A number as the caller wrote it, and as money would be written:
/// `(60000, "60000.00")`, `(0.30000000000000004, "0.30")`.
fn as_written(number: &serde_json::Number) -> (String, String) {
    let shown = number.to_string();
    let example = match number.as_f64() {
        Some(value) if number.is_f64() => format!("{value:.2}"),
        _ => format!("{shown}.00"),
    };
    (shown, example)
}

/// Deeper than any file (whose deepest member is 6 levels down) and far
/// from where the conversion's recursion would exhaust the stack.
const MAX_NESTING: usize = 64;

/// A JavaScript value as JSON data: objects, arrays, strings, numbers,
/// booleans; `null` and `undefined` both read as `null`.
///
/// serde-wasm-bindgen follows a cyclic or very deep object down the
/// stack, which in WebAssembly ends in a trap rather than an error; so
/// `JSON.stringify` looks first (it refuses cycles and BigInts) and the
/// nesting of its text is counted.
pub fn from_js(value: &JsValue) -> Result<Value, Refusal> {
    let text = js_sys::JSON::stringify(value)
        .map_err(|error| Refusal::unreadable_value(&thrown(&error)))?;
    if text.as_string().is_some_and(|t| nesting(&t) > MAX_NESTING) {
        let detail = format!("it is nested deeper than {MAX_NESTING} levels");
        return Err(Refusal::unreadable_value(&detail));
    }
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| Refusal::unreadable_value(&error.to_string()))
}

/// The message of what JavaScript threw.
fn thrown(error: &JsValue) -> String {
    let message =
        error.dyn_ref::<js_sys::Error>().and_then(|e| e.message().as_string());
    message.unwrap_or_else(|| describe(error))
}

/// How deep arrays and objects nest in JSON text.
fn nesting(json: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// A Rust value as a plain JavaScript object.
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();

    // The core's types hold no floats and no maps with non-scalar keys,
    // so neither step fails; a failure would still reach the caller as a
    // refusal rather than a panic.
    let written = serde_json::to_value(value)
        .map_err(|error| error.to_string())
        .and_then(|json| {
            json.serialize(&serializer).map_err(|error| error.to_string())
        });
    match written {
        Ok(object) => object,
        Err(detail) => {
            let refusal = Refusal::unreadable_value(&detail);
            let json = serde_json::to_value(refusal).unwrap_or(Value::Null);
            json.serialize(&serializer).unwrap_or(JsValue::NULL)
        }
    }
}

/// The bytes of a file given as text (a string) or bytes (a `Uint8Array`
/// or an `ArrayBuffer`).
pub fn file_bytes(value: &JsValue) -> Result<Vec<u8>, Refusal> {
    if let Some(text) = value.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    Err(Refusal::not_a_file(&describe(value)))
}

/// `a number`, `an object`, `null`: what a wrong argument was.
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        return "null".to_string();
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    match kind.as_str() {
        "object" | "undefined" => format!("an {kind}"),
        other => format!("a {other}"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The refusal of `object`, as (path, message), or none.
    fn check(object: Value, expected: Option<(&str, &str, &str)>) {
        let got = money_as_number(&object);
        let got = got.map(|r| (r.path.unwrap_or_default(), r.message));
        let expected = expected.map(|(path, shown, example)| {
            let refusal = Refusal::money_as_number(path, shown, example);
            (path.to_string(), refusal.message)
        });
        assert_eq!(got, expected, "{object}");
    }

    #[test]
    fn ok_nesting() {
        let cases = [
            ("1", 0),
            ("{}", 1),
            (r#"{"a": [1, {"b": "]]]{{{"}]}"#, 3),
            (r#"["\"", "[["]"#, 1),
            (r#"["\\", "[["]"#, 1),
        ];
        for (json, depth) in cases {
            assert_eq!(nesting(json), depth, "{json}");
        }
    }

    #[test]
    fn money_as_number_table() {
        let cases = [
            (json!({"ledger": {"plan": [{"planned": "60000.00"}]}}), None),
            (
                json!({"ledger": {"plan": [{"planned": 60000}]}}),
                Some(("ledger.plan[0].planned", "60000", "60000.00")),
            ),
            (
                json!({"ledger": {"expenditures": [
                    {"amount": "5.00"}, {"amount": 0.30000000000000004}
                ]}}),
                Some((
                    "ledger.expenditures[1].amount",
                    "0.30000000000000004",
                    "0.30",
                )),
            ),
            (
                json!({"summary": {"spent": "1.00", "spending_line": 60000}}),
                Some(("summary.spending_line", "60000", "60000.00")),
            ),
            // Counts are numbers and stay so.
            (json!({"facts": {"6": {"labels": {"count": 3}}}}), None),
            (json!({"ledger": "none"}), None),
            (json!([]), None),
        ];
        for (object, expected) in cases {
            check(object, expected);
        }
    }
}
