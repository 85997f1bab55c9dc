//! StarCheck's scoring core for JavaScript (`starcheck-js`): the same
//! `starcheck-core` the app runs, built by wasm-bindgen (`--target web`)
//! into the ES module `dist/js/starcheck.js` with its TypeScript
//! declarations, so that district offices and city bureaus score and rank
//! StarCheck files in their own pages and workers with the app's rules,
//! not a re-implementation.
//!
//! - `checkFile(text | bytes)`: an exported file, checked as the app
//!   imports it ([`single::check`]);
//! - `scoreAssessment(object)`: a file-shaped object built in code,
//!   scored ([`single::score`]);
//! - `rankCohort(entries, quotas?)` and the class `Cohort`: many files or
//!   objects ranked into tiers by quota with the money, as the district
//!   page does ([`cohort`]);
//! - `exportFile(object)`: an object written as an exported file;
//! - `rubric()` and `version()`.
//!
//! Conventions, at one boundary ([`boundary`]): objects in and out are
//! plain JavaScript objects converted with serde-wasm-bindgen, in the
//! core's own serde forms (snake_case members, dates as `2025-01-06`).
//! Money crosses as strings (`"60000.00"`); an amount given as a
//! JavaScript number is refused with `money_as_number`. Every function
//! returns `{ok: true, …}` or a refusal `{ok: false, code, message,
//! message_zh, path?}` ([`error`]): refusals are returned, never thrown.
//! Only a call the declarations rule out (a missing `Cohort` after
//! `free()`) throws, as wasm-bindgen does.
//!
//! Nothing here panics on input: the core is total and every input is
//! read through checked conversions. The release profile aborts on
//! panic, which in WebAssembly surfaces only as an `unreachable` trap,
//! so every entry point sets a panic hook that logs the message to the
//! console first, for the record.
//!
//! The district page's worker (`js/worker/district-worker.js`, copied
//! beside the module) uses `Cohort.keepForPage`, `Cohort.takenForPage`
//! and `Cohort.handOverToPage`:
//! they are the page's private interface, described in [`cohort`], and
//! may change with any build.

pub mod boundary;
pub mod cohort;
pub mod error;
pub mod single;

use serde_json::Value;
use starcheck_core::Rubric;
use wasm_bindgen::prelude::*;

use crate::boundary::{describe, file_bytes, from_js, to_js};
use crate::error::Refusal;

/// Logs a panic's message to the console before the trap; set by every
/// entry point (a `start` function would be one more export).
fn log_panics() {
    console_error_panic_hook::set_once();
}

/// The version of StarCheck this module was built from, e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    single::VERSION.to_string()
}

/// The built-in rubric (Quanzhou 2024): categories, items with their
/// rules, bonus items, tiers with quotas and the subsidies.
#[wasm_bindgen(unchecked_return_type = "Rubric")]
pub fn rubric() -> JsValue {
    log_panics();
    let text = Rubric::quanzhou_2024().to_json();
    let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    to_js(&value)
}

/// Checks an exported file, given as its text or its bytes, exactly as
/// the app imports it, and scores it with the built-in rubric.
#[wasm_bindgen(
    js_name = checkFile,
    unchecked_return_type = "CheckedFile | StarcheckError"
)]
pub fn check_file(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")]
    file: JsValue,
) -> JsValue {
    log_panics();
    let checked = file_bytes(&file).and_then(|bytes| {
        single::check(&Rubric::quanzhou_2024(), &bytes, decode_gb18030)
    });
    answer(checked)
}

/// Scores a file-shaped object built in code: the members of an exported
/// file, header and checksum optional, money as strings.
#[wasm_bindgen(
    js_name = scoreAssessment,
    unchecked_return_type = "Scored | StarcheckError"
)]
pub fn score_assessment(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")]
    assessment: JsValue,
) -> JsValue {
    log_panics();
    let scored = object(&assessment)
        .and_then(|value| single::score(&Rubric::quanzhou_2024(), value));
    answer(scored)
}

/// Writes a file-shaped object as an exported file (text, file name and
/// checksum as the app writes them), stamped with the object's own
/// `exported_at` if it has one.
#[wasm_bindgen(
    js_name = exportFile,
    unchecked_return_type = "ExportedFile | StarcheckError"
)]
pub fn export_file(
    #[wasm_bindgen(unchecked_param_type = "AssessmentInput")]
    assessment: JsValue,
) -> JsValue {
    log_panics();
    let exported = object(&assessment)
        .and_then(|value| single::export(&Rubric::quanzhou_2024(), value));
    answer(exported)
}

/// Ranks many communities at once, as the district page does: each entry
/// an exported file (text, bytes, or `{file_name, text}`) or a
/// file-shaped object. A refused entry is listed with its reason and
/// the rest go on. `quotas`: one per tier, top first; the rubric's when
/// left out.
#[wasm_bindgen(
    js_name = rankCohort,
    unchecked_return_type = "Ranking | StarcheckError"
)]
pub fn rank_cohort(
    #[wasm_bindgen(unchecked_param_type = "CohortEntry[]")] entries: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number[] | null")]
    quotas: JsValue,
) -> JsValue {
    log_panics();
    let quotas = match read_quotas(&quotas) {
        Ok(quotas) => quotas,
        Err(refusal) => return to_js(&refusal),
    };
    let Some(entries) = entries.dyn_ref::<js_sys::Array>() else {
        let found = describe(&entries);
        return to_js(&Refusal::not_a_file(&format!("{found}, not an array")));
    };

    let mut cohort = Cohort::new();
    for entry in entries.iter() {
        // A refused entry is listed in the ranking; nothing else to do.
        let _listed = cohort.take(&entry, None);
    }
    cohort.answer_ranking(quotas.as_deref())
}

/// Communities taken one at a time, for progress over many files: `add`
/// each entry, then `ranking()`. Free it with `free()` when done.
#[wasm_bindgen]
pub struct Cohort {
    inner: cohort::Cohort,
}

#[wasm_bindgen]
impl Cohort {
    /// An empty cohort, scored with the built-in rubric.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Cohort {
        log_panics();
        Cohort { inner: cohort::Cohort::new() }
    }

    /// How many communities are in (a second file for a community
    /// replaces or is dropped, it does not count twice).
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.size()
    }

    /// Takes one entry: an exported file (text, bytes, or `{file_name,
    /// text}`) or a file-shaped object. `fileName` names it in the
    /// ranking's lists; a file's default is the name its export has.
    #[wasm_bindgen(unchecked_return_type = "Added | StarcheckError")]
    pub fn add(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CohortEntry")] entry: JsValue,
        #[wasm_bindgen(js_name = fileName)] file_name: Option<String>,
    ) -> JsValue {
        answer(self.take(&entry, file_name))
    }

    /// The ranking of everything taken: rows, ties, money totals, the
    /// duplicates flagged and the entries refused.
    #[wasm_bindgen(unchecked_return_type = "Ranking | StarcheckError")]
    pub fn ranking(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[] | null")]
        quotas: JsValue,
    ) -> JsValue {
        match read_quotas(&quotas) {
            Ok(quotas) => self.answer_ranking(quotas.as_deref()),
            Err(refusal) => to_js(&refusal),
        }
    }

    /// The district page's private interface: a file the page holds, as
    /// its file number `number`.
    #[wasm_bindgen(js_name = keepForPage)]
    pub fn keep_for_page(
        &mut self,
        number: usize,
        #[wasm_bindgen(js_name = fileName)] file_name: String,
        text: String,
    ) {
        self.inner.keep(number, &file_name, &text);
    }

    /// The district page's private interface: the file the last `add`
    /// took, `{number, file_name, text, data}` (its number among the
    /// files taken, from 0; its text, or `null` when that is what `add`
    /// was given, as UTF-8 less a byte-order mark; `data` the UTF-8
    /// JSON of the rest of it, see `starcheck_core::district::Handed`),
    /// or `null` when that entry was refused or dropped for a newer file.
    #[wasm_bindgen(js_name = takenForPage, unchecked_return_type = "unknown")]
    pub fn taken_for_page(&self) -> JsValue {
        let Some(taken) = self.inner.taken() else {
            return JsValue::NULL;
        };

        // Setting members of a new plain object cannot fail.
        let object = js_sys::Object::new();
        let members: [(&str, JsValue); 4] = [
            ("number", JsValue::from(taken.number as f64)),
            ("file_name", taken.file_name.into()),
            ("text", taken.text.map_or(JsValue::NULL, JsValue::from)),
            ("data", js_sys::Uint8Array::from(taken.data.as_bytes()).into()),
        ];
        for (name, value) in members {
            let _ = js_sys::Reflect::set(&object, &name.into(), &value);
        }
        object.into()
    }

    /// The district page's private interface: the set for the page to
    /// rebuild, `{files, duplicates, refused, table}`: each file the
    /// page's own number or `{read: n}`, the n-th file `takenForPage`
    /// gave; the lists as JSON text; the table `{Ok: {rest, rows}}`
    /// (UTF-8 JSON of the table without its rows, and of each row) or
    /// `{Err: reason}`. Bytes, so that the worker can hand them over
    /// without a copy.
    #[wasm_bindgen(js_name = handOverToPage, unchecked_return_type = "unknown")]
    pub fn hand_over_to_page(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "number[] | null")]
        quotas: JsValue,
    ) -> JsValue {
        match read_quotas(&quotas) {
            Ok(quotas) => {
                handover_to_js(&self.inner.handover(quotas.as_deref()))
            }
            Err(refusal) => to_js(&refusal),
        }
    }
}

fn handover_to_js(handover: &cohort::Handover) -> JsValue {
    let bytes = |json: &str| js_sys::Uint8Array::from(json.as_bytes());
    let files: js_sys::Array = handover
        .files
        .iter()
        .map(|file| match file {
            cohort::HandedFile::Kept(number) => JsValue::from(*number as f64),
            cohort::HandedFile::Read(number) => {
                let read = js_sys::Object::new();
                let number = JsValue::from(*number as f64);
                let _ = js_sys::Reflect::set(&read, &"read".into(), &number);
                read.into()
            }
        })
        .collect();
    let table = js_sys::Object::new();
    let (member, value): (&str, JsValue) = match &handover.table {
        Ok(pieces) => {
            let rows: js_sys::Array =
                pieces.rows.iter().map(|row| bytes(row)).collect();
            let ok = js_sys::Object::new();
            let _ =
                js_sys::Reflect::set(&ok, &"rest".into(), &bytes(&pieces.rest));
            let _ = js_sys::Reflect::set(&ok, &"rows".into(), &rows);
            ("Ok", ok.into())
        }
        Err(reason) => ("Err", reason.as_str().into()),
    };

    // Setting members of a new plain object cannot fail.
    let object = js_sys::Object::new();
    let members: [(&str, JsValue); 4] = [
        ("files", files.into()),
        ("duplicates", handover.duplicates.as_str().into()),
        ("refused", handover.refused.as_str().into()),
        ("table", table.clone().into()),
    ];
    let _ = js_sys::Reflect::set(&table, &member.into(), &value);
    for (name, value) in members {
        let _ = js_sys::Reflect::set(&object, &name.into(), &value);
    }
    object.into()
}

impl Cohort {
    fn take(
        &mut self,
        entry: &JsValue,
        file_name: Option<String>,
    ) -> Result<cohort::Added, Refusal> {
        match entry_kind(entry) {
            Entry::File(bytes) => {
                self.inner.add_file(file_name, &bytes, decode_gb18030)
            }
            Entry::Named(name, bytes) => self.inner.add_file(
                file_name.or(Some(name)),
                &bytes,
                decode_gb18030,
            ),
            Entry::Object(value) => self.inner.add_object(file_name, value),
            Entry::Unreadable(refusal) => {
                Err(self.inner.add_unreadable(file_name, refusal))
            }
        }
    }

    fn answer_ranking(&self, quotas: Option<&[u32]>) -> JsValue {
        match self.inner.table(quotas) {
            Ok(table) => to_js(&self.inner.ranking(&table)),
            Err(refusal) => to_js(&refusal),
        }
    }
}

/// What an entry of a cohort is.
enum Entry {
    File(Vec<u8>),
    Named(String, Vec<u8>),
    Object(Value),
    Unreadable(Refusal),
}

fn entry_kind(entry: &JsValue) -> Entry {
    if let Ok(bytes) = file_bytes(entry) {
        return Entry::File(bytes);
    }

    // `{file_name, text}` is a named file; any other object a file-shaped
    // assessment.
    let value = match from_js(entry) {
        Ok(value) => value,
        Err(refusal) => return Entry::Unreadable(refusal),
    };
    let named = (value.get("text").and_then(Value::as_str))
        .zip(value.get("file_name").and_then(Value::as_str));
    match named {
        Some((text, name)) => {
            Entry::Named(name.to_string(), text.as_bytes().to_vec())
        }
        None if value.is_object() => Entry::Object(value),
        None => Entry::Unreadable(Refusal::not_a_file(&describe(entry))),
    }
}

/// A file-shaped object as JSON data.
fn object(value: &JsValue) -> Result<Value, Refusal> {
    let value = from_js(value)?;
    if !value.is_object() {
        return Err(Refusal::from(starcheck_core::FileError::NotAnObject));
    }
    Ok(value)
}

/// `undefined` or `null`: the rubric's quotas; else whole numbers.
fn read_quotas(quotas: &JsValue) -> Result<Option<Vec<u32>>, Refusal> {
    if quotas.is_undefined() || quotas.is_null() {
        return Ok(None);
    }
    let value = from_js(quotas)?;
    let Some(list) = value.as_array() else {
        return Err(Refusal::bad_quotas(&format!("`{value}` is not a list")));
    };
    let read: Option<Vec<u32>> = list
        .iter()
        .map(|q| q.as_u64().and_then(|q| u32::try_from(q).ok()))
        .collect();
    read.map(Some).ok_or_else(|| Refusal::bad_quotas(&format!("`{value}`")))
}

/// A result as JavaScript receives it: the answer, or the refusal.
fn answer<T: serde::Serialize>(result: Result<T, Refusal>) -> JsValue {
    match result {
        Ok(value) => to_js(&value),
        Err(refusal) => to_js(&refusal),
    }
}

/// The browser's GB18030 decoder in fatal mode (never a replacement
/// character), as the app's import uses it; `None` where there is no
/// such decoder or a byte does not decode.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder =
        web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
            .ok()?;
    let text = decoder.decode_with_u8_array(bytes).ok()?;
    (!text.contains('\u{fffd}')).then_some(text)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
