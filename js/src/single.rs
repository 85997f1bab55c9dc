//! One file or one object at a time: an exported file checked as the app
//! imports it, a file-shaped object scored, an object written as a file.
//! Plain Rust over the core, so the shapes JavaScript receives are tested
//! natively; `lib.rs` only converts at the edges.

use jiff::civil::{Date, DateTime};
use serde::Serialize;
use serde_json::Value;
use starcheck_core::district::community_key;
use starcheck_core::file::{
    self, ExportMeta, FileError, Imported, RubricRef, Summary,
};
use starcheck_core::{Assessment, Community, Evaluation, Rubric, evaluate};

use crate::boundary::money_as_number;
use crate::error::Refusal;

/// The module's version, written as `app_version` into the files it
/// exports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A second reading of bytes that are not UTF-8: the browser's GB18030
/// decoder in the module, nothing in native tests.
pub type Decode = fn(&[u8]) -> Option<String>;

/// An exported file that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub imported: Imported,
    /// `Some("GB18030")` when the bytes were not UTF-8 but decoded so.
    pub decoded_from: Option<&'static str>,
}

/// Reads a file's bytes exactly as the app does (`read_assessment` in
/// `app/src/file_io.rs`): UTF-8 first; bytes that are not UTF-8 and carry
/// no UTF-16 mark get one more chance through `decode`, and are taken
/// only when that text imports cleanly. The refusal is the UTF-8
/// reading's.
pub fn read(
    rubric: &Rubric,
    bytes: &[u8],
    decode: Decode,
) -> Result<Read, FileError> {
    let refusal = match file::import_with(rubric, bytes) {
        Ok(imported) => return Ok(Read { imported, decoded_from: None }),
        Err(refusal) => refusal,
    };
    if !matches!(refusal, FileError::NotUtf8 { encoding: None, .. }) {
        return Err(refusal);
    }
    match decode(bytes).map(|text| file::import_with(rubric, text.as_bytes())) {
        Some(Ok(imported)) => {
            Ok(Read { imported, decoded_from: Some("GB18030") })
        }
        _ => Err(refusal),
    }
}

/// `checkFile`'s answer for a file that was accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub ok: bool,
    /// `鲤城区开元街道新春社区`: the community's id in a ranking.
    pub key: String,
    pub community: Community,
    pub as_of: Date,
    pub exported_at: Option<DateTime>,
    pub app_version: String,
    /// The format version the file was written in.
    pub schema_version: u32,
    /// The rubric the file names.
    pub rubric: RubricRef,
    /// The file names another rubric than the built-in one it was scored
    /// with.
    pub rubric_differs: bool,
    pub had_bom: bool,
    pub decoded_from: Option<&'static str>,
    /// The core's own scoring, in the file format's summary form.
    pub summary: Summary,
    /// The file's own summary is missing or differs from `summary`.
    pub summary_differs: bool,
    /// What a user should know about the file, in Chinese.
    pub notes_zh: Vec<String>,
    pub evaluation: Evaluation,
}

/// Checks an exported file as the app's import does.
pub fn check(
    rubric: &Rubric,
    bytes: &[u8],
    decode: Decode,
) -> Result<Checked, Refusal> {
    let Read { imported, decoded_from } = read(rubric, bytes, decode)?;
    let assessment = &imported.assessment;
    Ok(Checked {
        ok: true,
        key: community_key(&assessment.community),
        community: assessment.community.clone(),
        as_of: assessment.as_of,
        exported_at: imported.meta.exported_at,
        app_version: imported.meta.app_version.clone(),
        schema_version: imported.schema_version,
        rubric: imported.rubric.clone(),
        rubric_differs: imported.rubric_differs,
        had_bom: imported.had_bom,
        decoded_from,
        summary: imported.summary(),
        summary_differs: imported.summary_differs(),
        notes_zh: imported.notes_zh(rubric),
        evaluation: imported.evaluation.clone(),
    })
}

/// A file-shaped object read and scored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    pub assessment: Assessment,
    pub evaluation: Evaluation,
    /// The object's own `exported_at`, if it states one.
    pub exported_at: Option<DateTime>,
}

/// Reads a file-shaped object (see `starcheck_core::file::read_unsigned`)
/// after refusing money given as numbers, and scores it.
pub fn build(rubric: &Rubric, value: Value) -> Result<Built, Refusal> {
    if let Some(refusal) = money_as_number(&value) {
        return Err(refusal);
    }

    // `read_unsigned` has checked the member's type, so it parses.
    let exported_at = value
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(starcheck_core::dates::parse_date_time);
    let assessment = file::read_unsigned(value)?;
    let evaluation = evaluate(rubric, &assessment);
    Ok(Built { assessment, evaluation, exported_at })
}

/// `scoreAssessment`'s answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scored {
    pub ok: bool,
    pub key: String,
    pub community: Community,
    pub as_of: Date,
    /// The scores in the file format's summary form.
    pub summary: Summary,
    pub evaluation: Evaluation,
}

/// Scores a file-shaped object.
pub fn score(rubric: &Rubric, value: Value) -> Result<Scored, Refusal> {
    let Built { assessment, evaluation, .. } = build(rubric, value)?;
    Ok(Scored {
        ok: true,
        key: community_key(&assessment.community),
        community: assessment.community,
        as_of: assessment.as_of,
        summary: Summary::of(&evaluation),
        evaluation,
    })
}

/// `exportFile`'s answer: the file as the app would export it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Exported {
    pub ok: bool,
    /// `星级自评_鲤城区开元街道新春社区_2024-11-10.json`.
    pub file_name: String,
    pub text: String,
    pub summary: Summary,
}

/// Writes a file-shaped object as an exported file, stamped with the
/// object's own `exported_at` (if any) and this module's version.
pub fn export(rubric: &Rubric, value: Value) -> Result<Exported, Refusal> {
    let Built { assessment, evaluation, exported_at } = build(rubric, value)?;
    let meta = ExportMeta { app_version: VERSION.to_string(), exported_at };
    Ok(Exported {
        ok: true,
        file_name: file::file_name(&assessment.community, assessment.as_of),
        text: file::export(rubric, &assessment, &meta),
        summary: Summary::of(&evaluation),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use starcheck_core::examples::example_a;

    use super::*;

    fn no_decoder(_: &[u8]) -> Option<String> {
        None
    }

    fn gb18030_stand_in(bytes: &[u8]) -> Option<String> {
        // Stands in for the browser: the test's "GB18030" is Latin-1.
        Some(bytes.iter().map(|&b| char::from(b)).collect())
    }

    fn example_file() -> String {
        let meta =
            ExportMeta { app_version: "0.1.0".to_string(), exported_at: None };
        file::export(&Rubric::quanzhou_2024(), &example_a(), &meta)
    }

    #[test]
    fn ok_check_matches_import() {
        let rubric = Rubric::quanzhou_2024();
        let text = example_file();
        let checked = check(&rubric, text.as_bytes(), no_decoder);
        let imported = file::import(text.as_bytes()).ok();
        let checked = checked.ok();
        assert_eq!(
            checked.as_ref().map(|c| &c.evaluation),
            imported.as_ref().map(|i| &i.evaluation)
        );
        assert_eq!(
            checked.map(|c| c.key),
            Some("鲤城区开元街道新春社区".into())
        );
    }

    #[test]
    fn err_check_refuses_as_import_does() {
        let rubric = Rubric::quanzhou_2024();
        let edited = example_file().replacen("新春", "新村", 1);
        let refusal = check(&rubric, edited.as_bytes(), no_decoder).err();
        assert_eq!(
            refusal.map(|r| r.code),
            Some("checksum_mismatch".to_string())
        );
    }

    #[test]
    fn ok_decoder_gets_the_second_chance_only() {
        let rubric = Rubric::quanzhou_2024();
        let bytes = [0xC4, 0xE3];
        let refusal = check(&rubric, &bytes, gb18030_stand_in).err();
        assert_eq!(refusal.map(|r| r.code), Some("not_utf8".to_string()));

        let text = example_file();
        let read = read(&rubric, text.as_bytes(), gb18030_stand_in);
        assert_eq!(read.map(|r| r.decoded_from).ok(), Some(None));
    }

    #[test]
    fn ok_score_and_export_agree_with_the_file() {
        let rubric = Rubric::quanzhou_2024();
        let text = example_file();
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);

        let scored = score(&rubric, value.clone()).ok();
        let imported = file::import(text.as_bytes()).ok();
        assert_eq!(
            scored.as_ref().map(|s| &s.summary),
            imported.as_ref().map(|i| i.summary()).as_ref()
        );

        let exported = export(&rubric, value).ok();
        let again = exported.as_ref().map(|e| file::import(e.text.as_bytes()));
        assert!(matches!(again, Some(Ok(_))), "{exported:?}");
    }

    #[test]
    fn err_score_refuses_money_as_a_number_first() {
        let rubric = Rubric::quanzhou_2024();
        let mut value: Value =
            serde_json::from_str(&example_file()).unwrap_or(Value::Null);
        value["ledger"]["expenditures"][0]["amount"] = json!(30000);
        value["community"] = json!(7);
        let refusal = score(&rubric, value).err();
        assert_eq!(
            refusal.map(|r| (r.code, r.path)),
            Some((
                "money_as_number".to_string(),
                Some("ledger.expenditures[0].amount".to_string())
            ))
        );
    }

    #[test]
    fn err_score_names_the_path_of_a_wrong_member() {
        let rubric = Rubric::quanzhou_2024();
        let refusal = score(&rubric, json!({"community": {"name": 1}})).err();
        assert_eq!(
            refusal.map(|r| (r.code, r.path)),
            Some((
                "wrong_type".to_string(),
                Some("community.name".to_string())
            ))
        );
    }
}
