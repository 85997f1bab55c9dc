//! The assessment file (自评文件): what a community exports, what the district
//! office receives, and what the app keeps its drafts in.
//!
//! A file is one JSON document (format version [`SCHEMA_VERSION`], published
//! as a JSON Schema in `schema/starcheck-assessment.v1.schema.json`):
//!
//! - a header: `schema_version`, `rubric` (`id`, `version`), `app_version`
//!   and, when the caller gives one, `exported_at` (a civil date-time, local
//!   time, no zone);
//! - every fact: `community`, `as_of`, `facts` (item → rule id → fact),
//!   `falsified`, `bonus` and the `ledger`;
//! - `summary`: the scores, gates and outcome as the exporting app computed
//!   them. Informative only: [`import`] scores the facts again with the
//!   built-in rubric and uses its own result, reporting any difference;
//! - `checksum`: SHA-256, lowercase hex, of the canonical JSON of every other
//!   member (see [`canonical`]: members sorted by key, no whitespace,
//!   UTF-8). A district office can check a file with
//!   `python3 -c "import json,hashlib,sys; d=json.load(open(sys.argv[1],
//!   encoding='utf-8-sig')); c=d.pop('checksum'); print(c==hashlib.sha256(
//!   json.dumps(d,ensure_ascii=False,sort_keys=True,separators=(',',':'))
//!   .encode()).hexdigest())" file.json`.
//!
//! The file's types live in [`v1`] and become domain types in one place;
//! older versions become the current one through [`migrate`]. [`export`]
//! writes pretty JSON whose bytes depend only on its inputs, so export,
//! import and export again give the identical file. [`import`] takes bytes
//! and refuses, with a [`FileError`] naming what is wrong, anything that is
//! not such a file; it never panics and allocates at most a few times
//! [`MAX_FILE_BYTES`].
//!
//! Text encodings: UTF-8 with or without a byte-order mark is read; any
//! other encoding is refused as not UTF-8 (the app first tries the
//! browser's GB18030 decoder, see `app/src/file_io.rs`), never read with
//! replacement characters.

mod canonical;
mod error;
mod migrate;
mod recover;
mod v1;

#[cfg(test)]
mod tests;

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::{Assessment, Community};
use crate::rubric::Rubric;
use crate::score::{Evaluation, evaluate};

pub use error::FileError;
pub use recover::{Recovered, recover};
pub use v1::{
    CategorySummary, Gate, GateSummary, ItemSummary, Outcome, Points,
    RubricRef, Status, Summary,
};

use v1::{DocumentV1, Sections};

/// The format version this app writes, and the newest it reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The largest file [`import`] reads: 2 MiB. A real assessment is a few
/// tens of KiB; the limit keeps a wrong file from freezing the page.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The UTF-8 byte-order mark some Windows editors put first.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the caller says about the export: the app's version and, when it
/// knows the local time, when the file was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMeta {
    /// e.g. `0.1.0`.
    pub app_version: String,
    /// Local civil time of the export; left out of the file when `None`.
    #[serde(default, deserialize_with = "crate::dates::de_opt_date_time")]
    pub exported_at: Option<DateTime>,
}

/// A file that was read: the assessment, what the file said about itself,
/// and the core's own scoring of it.
///
/// Its serde form hands a file that was read in a web worker to the page
/// that started the worker (same build on both sides); it is not a file
/// format, which is [`export`]'s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    pub assessment: Assessment,
    pub meta: ExportMeta,
    /// The format version the file was written in (before any upgrade).
    pub schema_version: u32,
    /// The rubric the file names.
    pub rubric: RubricRef,
    /// The file names another rubric (id or version) than the one used to
    /// score it here.
    pub rubric_differs: bool,
    /// The core's own scoring with the rubric given to [`import_with`].
    pub evaluation: Evaluation,
    /// The summary the file states, if it has one.
    pub stated: Option<Summary>,
    /// The file began with a UTF-8 byte-order mark.
    pub had_bom: bool,
}

impl Imported {
    /// The summary of the core's own scoring.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.evaluation)
    }

    /// Whether the file's stated summary differs from the core's scoring
    /// (or is missing).
    pub fn summary_differs(&self) -> bool {
        self.stated.as_ref() != Some(&self.summary())
    }

    /// Things the user should know about the file, in `lang`; empty when
    /// the file is current and agrees with this app.
    pub fn notes(
        &self,
        rubric: &Rubric,
        lang: crate::lang::Lang,
    ) -> Vec<String> {
        match lang {
            crate::lang::Lang::Zh => self.notes_zh(rubric),
            crate::lang::Lang::En => self.notes_en(rubric),
        }
    }

    /// That the file names another rubric than `rubric`, with which it was
    /// scored again; `None` when it names `rubric`. The district page
    /// lists these beside its table.
    pub fn rubric_note(
        &self,
        rubric: &Rubric,
        lang: crate::lang::Lang,
    ) -> Option<String> {
        if !self.rubric_differs {
            return None;
        }
        let (theirs, version) = (&self.rubric.id, self.rubric.version);
        let (ours, built_in) = (rubric.id(), rubric.version());
        Some(match lang {
            crate::lang::Lang::Zh => format!(
                "文件使用的评分细则是“{theirs}”第 {version} 版,本程序内置的是\
                 “{ours}”第 {built_in} 版:已按内置细则重新计分"
            ),
            crate::lang::Lang::En => format!(
                "The file uses rubric \u{201c}{theirs}\u{201d} version \
                 {version}, this app has \u{201c}{ours}\u{201d} version \
                 {built_in}: scored again with the built-in rubric"
            ),
        })
    }

    /// [`Imported::notes_zh`] in English.
    pub fn notes_en(&self, rubric: &Rubric) -> Vec<String> {
        let mut notes = Vec::new();
        if self.schema_version < SCHEMA_VERSION {
            notes.push(format!(
                "The file is in format version {}, read as version {}; \
                 missing parts are left blank",
                self.schema_version, SCHEMA_VERSION
            ));
        }
        notes.extend(self.rubric_note(rubric, crate::lang::Lang::En));
        match &self.stated {
            None => notes.push(
                "The file has no score summary; scored with this app's rubric"
                    .to_string(),
            ),
            Some(stated) if self.summary_differs() => notes.push(format!(
                "The file states a total of {}, this app computes {}: the \
                 computed result applies",
                show_points(stated.total),
                show_points(Points::from(self.evaluation.total))
            )),
            Some(_) => {}
        }
        notes.extend(
            self.evaluation
                .issues
                .iter()
                .map(|p| format!("In the file: {}", p.message_en())),
        );
        notes
    }

    /// Things the user should know about the file, in Chinese; empty when
    /// the file is current and agrees with this app.
    pub fn notes_zh(&self, rubric: &Rubric) -> Vec<String> {
        let mut notes = Vec::new();
        if self.schema_version < SCHEMA_VERSION {
            notes.push(format!(
                "文件是第 {} 版格式,已升级为第 {} 版读取,缺少的部分按空白处理",
                self.schema_version, SCHEMA_VERSION
            ));
        }
        notes.extend(self.rubric_note(rubric, crate::lang::Lang::Zh));
        match &self.stated {
            None => notes.push(
                "文件没有附带得分汇总,已按本程序的评分细则计分".to_string(),
            ),
            Some(stated) if self.summary_differs() => notes.push(format!(
                "文件中记载的总分为 {},本程序重新计算为 {}:以重新计算的结果为准",
                show_points(stated.total),
                show_points(Points::from(self.evaluation.total))
            )),
            Some(_) => {}
        }

        // Values the scoring could not use are scored as not answered; a
        // file holding them was written by hand or by another program, and
        // the user must hear of it before replacing anything.
        notes.extend(self.evaluation.issues.iter().map(problem_zh));
        notes
    }
}

/// A fact of the file the scoring could not use, as a note on the file.
fn problem_zh(problem: &crate::score::FactProblem) -> String {
    use crate::score::ProblemKind;

    let item = problem.item;
    match &problem.kind {
        ProblemKind::RangeInverted { low, high } => format!(
            "文件中第{item}项的预估区间 {low}–{high} 无效(下限高于上限),\
             按未评估计"
        ),
        ProblemKind::RangeAboveMax { high, max } => format!(
            "文件中第{item}项的预估区间(最高 {high} 分)超过本项满分 {max} 分,\
             按未评估计"
        ),
        _ => format!("文件中{}", problem.message_zh()),
    }
}

/// `7` or `5–9`.
fn show_points(points: Points) -> String {
    if points.low == points.high {
        return points.low.to_string();
    }
    format!("{}–{}", points.low, points.high)
}

/// Writes an assessment as a file: pretty JSON, members in a fixed order,
/// maps sorted, with the summary from [`evaluate`] and the checksum.
pub fn export(
    rubric: &Rubric,
    assessment: &Assessment,
    meta: &ExportMeta,
) -> String {
    let sections = Sections::from(assessment);
    let mut document = DocumentV1 {
        schema_version: SCHEMA_VERSION,
        rubric: RubricRef {
            id: rubric.id().to_string(),
            version: rubric.version(),
        },
        app_version: meta.app_version.clone(),
        exported_at: meta.exported_at,
        community: sections.community,
        as_of: sections.as_of,
        facts: sections.facts,
        falsified: sections.falsified,
        bonus: sections.bonus,
        ledger: sections.ledger,
        evidence: sections.evidence,
        summary: Some(Summary::of(&evaluate(rubric, assessment))),
        checksum: String::new(),
    };

    // The checksum is of the document as written (the checksum member
    // left out), read back as a value: the document's writing code is then
    // in the wasm once, for text, instead of a second time for a value
    // (issue #9). Plain data with string and integer keys always
    // serialises, reads back and holds no fractions, so no fallback is
    // ever taken; they keep this function total.
    let unsigned = serde_json::to_string_pretty(&document).unwrap_or_default();
    let value = serde_json::from_str(&unsigned).unwrap_or(Value::Null);
    document.checksum = canonical::checksum(&value).unwrap_or_default();
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a file with the built-in rubric ([`Rubric::quanzhou_2024`]).
pub fn import(bytes: &[u8]) -> Result<Imported, FileError> {
    import_with(&Rubric::quanzhou_2024(), bytes)
}

/// Reads a file and scores it with `rubric`.
///
/// In order: size, encoding, JSON, `schema_version`, `checksum`, upgrade to
/// the current version, types (with the path of the first wrong member),
/// then scoring. The first failure is returned.
pub fn import_with(
    rubric: &Rubric,
    bytes: &[u8],
) -> Result<Imported, FileError> {
    let (value, had_bom) = parse(bytes)?;
    let Value::Object(members) = &value else {
        return Err(FileError::NotAnObject);
    };

    // The version decides how the rest is read, so it comes first.
    let stated_version =
        members.get("schema_version").ok_or(FileError::MissingSchemaVersion)?;
    let schema_version = migrate::known_version(stated_version)?;

    // Version 1's checksum rule (later versions keep it or add a branch).
    let stated = match members.get("checksum") {
        None => return Err(FileError::MissingChecksum),
        Some(Value::String(stated)) => stated.clone(),
        Some(other) => {
            return Err(FileError::WrongType {
                path: "checksum".to_string(),
                detail: format!("expected a string, found `{other}`"),
            });
        }
    };
    let actual = canonical::checksum(&value)?;
    if !stated.eq_ignore_ascii_case(&actual) {
        return Err(FileError::ChecksumMismatch { stated, actual });
    }

    let value = migrate::upgrade(schema_version, value)?;
    let document = typed(value)?;

    let assessment = document.assessment();
    let evaluation = evaluate(rubric, &assessment);
    let rubric_differs = document.rubric.id != rubric.id()
        || document.rubric.version != rubric.version();
    Ok(Imported {
        assessment,
        meta: ExportMeta {
            app_version: document.app_version,
            exported_at: document.exported_at,
        },
        schema_version,
        rubric: document.rubric,
        rubric_differs,
        evaluation,
        stated: document.summary,
        had_bom,
    })
}

/// Reads an assessment from a file-shaped JSON object that a program built
/// rather than exported, for the JavaScript module (`js/`), where a
/// portal scores assessments it assembles in code.
///
/// The members and their types are a file's, with the same paths in
/// errors as [`import`], but every header member is optional
/// (`schema_version` defaults to the current one, an older one is
/// upgraded) and no checksum is asked for or checked: the object is
/// scored as given. A stated `summary` must still have the right types
/// and is otherwise ignored. Whether an exported file was altered is
/// [`import`]'s question, not this function's.
pub fn read_unsigned(value: Value) -> Result<Assessment, FileError> {
    let Value::Object(mut members) = value else {
        return Err(FileError::NotAnObject);
    };
    let schema_version = match members.get("schema_version") {
        Some(stated) => migrate::known_version(stated)?,
        None => SCHEMA_VERSION,
    };

    // The header a file must have and a built object need not. A struct of
    // a string and a number always serialises; the fallback keeps this
    // total.
    let rubric = Rubric::quanzhou_2024();
    let reference =
        RubricRef { id: rubric.id().to_string(), version: rubric.version() };
    let defaults = [
        ("rubric", serde_json::to_value(reference).unwrap_or_default()),
        ("app_version", Value::String(String::new())),
        ("checksum", Value::String(String::new())),
    ];
    for (member, default) in defaults {
        members.entry(member).or_insert(default);
    }
    members.insert("schema_version".to_string(), schema_version.into());

    let value = migrate::upgrade(schema_version, Value::Object(members))?;
    typed(value).map(|document| document.assessment())
}

/// Refuses a file of `size` bytes that is over [`MAX_FILE_BYTES`]. The
/// app asks before reading a chosen file, so a huge one is never loaded;
/// [`import`] asks again of the bytes it is given.
pub fn check_size(size: u64) -> Result<(), FileError> {
    let limit = MAX_FILE_BYTES;
    if size > limit as u64 {
        return Err(FileError::TooLarge { size, limit });
    }
    Ok(())
}

/// Bytes to a JSON value: size, byte-order mark, UTF-8, syntax.
fn parse(bytes: &[u8]) -> Result<(Value, bool), FileError> {
    check_size(bytes.len() as u64)?;

    // A UTF-16 byte-order mark names the encoding outright.
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    };
    if utf16.is_some() {
        return Err(FileError::NotUtf8 { offset: 0, encoding: utf16 });
    }

    // A picture or an archive renamed `.json` is not a text in another
    // encoding, and must not be described as one.
    if let Some(kind) = binary_kind(bytes) {
        return Err(FileError::Binary { kind });
    }

    let had_bom = bytes.starts_with(UTF8_BOM);
    let body = if had_bom { &bytes[UTF8_BOM.len()..] } else { bytes };
    let text = std::str::from_utf8(body).map_err(|e| FileError::NotUtf8 {
        offset: e.valid_up_to() + if had_bom { UTF8_BOM.len() } else { 0 },
        encoding: None,
    })?;
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }

    let value = serde_json::from_str::<Value>(text).map_err(|e| {
        if e.is_eof() {
            return FileError::Truncated { line: e.line(), column: e.column() };
        }
        FileError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }
    })?;
    Ok((value, had_bom))
}

/// `Some` when `bytes` are not text: `Some(Some("png"))` for a known
/// format's magic number, `Some(None)` for other bytes holding a NUL
/// (which no JSON text in UTF-8 or GB18030 has).
fn binary_kind(bytes: &[u8]) -> Option<Option<&'static str>> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG\r\n\x1a\n", "png"),
        (b"\xFF\xD8\xFF", "jpeg"),
        (b"GIF8", "gif"),
        (b"%PDF-", "pdf"),
        (b"PK\x03\x04", "zip"),
        (b"\x1F\x8B", "gzip"),
        (b"Rar!\x1A\x07", "rar"),
        (b"7z\xBC\xAF\x27\x1C", "7z"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(Some(kind));
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Some(Some("webp"));
    }
    bytes.contains(&0).then_some(None)
}

/// A current-version JSON value to the typed document, naming the path of
/// the first member that does not fit.
fn typed(value: Value) -> Result<DocumentV1, FileError> {
    let result: Result<DocumentV1, _> =
        serde_path_to_error::deserialize(&value);
    result.map_err(|error| {
        let path = error.path().to_string();
        let detail = error.inner().to_string();
        let Some(at) = value_at(&value, error.path()) else {
            return FileError::WrongType { path, detail };
        };
        if let Some(negative) = negative(at) {
            return FileError::NegativeNumber { path, value: negative };
        }
        refined(at, path, detail)
    })
}

/// A refusal at a member whose value is of the right JSON type but not a
/// right value: a fraction for a count, a date that does not exist, an
/// amount the core's money refuses. Anything else is a wrong type.
fn refined(at: &Value, path: String, detail: String) -> FileError {
    let member = path.rsplit(['.', '[']).next().unwrap_or_default();
    match at {
        Value::Number(n) if n.as_i64().is_none() && n.as_u64().is_none() => {
            FileError::NotWholeNumber { path, value: n.to_string() }
        }
        Value::String(text) if v1::is_money_member(member) => {
            match crate::money::Money::parse_stored(text) {
                Err(reason) => FileError::BadAmount { path, reason },
                Ok(_) => FileError::WrongType { path, detail },
            }
        }
        Value::String(text) if v1::is_date_member(member) => {
            FileError::BadDate { path, value: text.clone(), detail }
        }
        _ => FileError::WrongType { path, detail },
    }
}

/// The value at a path serde reported, if the path leads to one.
fn value_at<'v>(
    value: &'v Value,
    path: &serde_path_to_error::Path,
) -> Option<&'v Value> {
    use serde_path_to_error::Segment;

    let mut at = value;
    for segment in path {
        at = match segment {
            Segment::Seq { index } => at.get(*index)?,
            Segment::Map { key } => at.get(key)?,
            Segment::Enum { variant } => at.get(variant)?,
            Segment::Unknown => return None,
        };
    }
    Some(at)
}

/// The value when it is a negative number (or a money string with a minus
/// sign), as written.
fn negative(at: &Value) -> Option<String> {
    match at {
        Value::Number(n) if n.as_i64().is_some_and(|n| n < 0) => {
            Some(n.to_string())
        }
        Value::String(s) if s.trim().starts_with('-') => {
            let digits = s.trim().trim_start_matches('-');
            let numeric = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
            numeric.then(|| s.clone())
        }
        _ => None,
    }
}

/// The file name of an export: `星级自评_鲤城区开元街道新春社区_2024-11-10.json`.
///
/// Only letters (Chinese included), digits and `-` are kept from the
/// community's name; anything else (slashes, colons, spaces, dots,
/// brackets) becomes `_`, so the name is safe on Windows, macOS, Linux and
/// in a zip file. An empty name becomes `未命名社区`.
pub fn file_name(community: &Community, as_of: Date) -> String {
    let mut name = String::new();
    for c in community.full_name().chars() {
        let keep = c.is_alphanumeric() || c == '-';
        let c = if keep { c } else { '_' };
        if c == '_' && (name.is_empty() || name.ends_with('_')) {
            continue;
        }
        name.push(c);
    }
    let name: String = name.trim_end_matches('_').chars().take(60).collect();
    let name =
        if name.is_empty() { "未命名社区".to_string() } else { name };
    format!("星级自评_{name}_{as_of}.json")
}
