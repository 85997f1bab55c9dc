//! Tests of the assessment file: the round trip, every refusal with its
//! message, upgrades, the schema in `schema/`, and a property test over
//! generated assessments.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::assessment::{Fact, Meeting, Place, Report};
use crate::examples::{example_a, example_b, example_c};
use crate::ledger::{Documents, Expenditure, Ledger, PlanLine, Purpose};
use crate::money::Money;
use crate::months::YearMonth;
use crate::rubric::Container;

fn meta() -> ExportMeta {
    ExportMeta {
        app_version: "0.1.0".to_string(),
        exported_at: Some(date(2024, 11, 10).at(14, 32, 5, 0)),
    }
}

fn rubric() -> Rubric {
    Rubric::quanzhou_2024()
}

fn exported(assessment: &Assessment) -> String {
    export(&rubric(), assessment, &meta())
}

fn value_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The document with its checksum recomputed, as a careful forger (or a
/// buggy exporter) would write it: the refusals after the checksum check
/// need it.
fn sealed(mut value: Value) -> Vec<u8> {
    let checksum = canonical::checksum(&value).unwrap_or_default();
    if let Value::Object(members) = &mut value {
        members.insert("checksum".to_string(), Value::String(checksum));
    }
    serde_json::to_vec_pretty(&value).unwrap_or_default()
}

/// `text`'s document with `edit` applied, resealed.
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value = value_of(text);
    edit(&mut value);
    sealed(value)
}

/// Imports and expects a refusal; returns it with its messages checked
/// against `display` and `zh`.
fn refused(bytes: &[u8], display: &str, zh: &str) -> FileError {
    let Err(error) = import(bytes) else {
        panic!("expected a refusal of {display}");
    };
    assert_eq!(error.to_string(), display);
    assert_eq!(error.message_zh(), zh);
    error
}

// ---- Round trip ------------------------------------------------------

#[test]
fn ok_export_import_export_is_identical_for_the_examples() {
    for example in [example_a(), example_b(), example_c()] {
        let first = exported(&example);
        let Ok(imported) = import(first.as_bytes()) else {
            panic!("the export of an example must import");
        };
        assert_eq!(imported.assessment, example);
        assert_eq!(imported.meta, meta());
        assert_eq!(imported.schema_version, 1);
        assert!(!imported.rubric_differs);
        assert!(!imported.summary_differs());
        assert!(imported.notes_zh(&rubric()).is_empty());
        assert!(!imported.had_bom);

        let again = export(&rubric(), &imported.assessment, &imported.meta);
        assert_eq!(again, first);
    }
}

#[test]
fn ok_export_header_is_pinned() {
    let text = exported(&example_c());
    let head: Vec<&str> = text.lines().take(14).collect();
    assert_eq!(
        head,
        [
            "{",
            "  \"schema_version\": 1,",
            "  \"rubric\": {",
            "    \"id\": \"quanzhou-2024-batch3\",",
            "    \"version\": 1",
            "  },",
            "  \"app_version\": \"0.1.0\",",
            "  \"exported_at\": \"2024-11-10T14:32:05\",",
            "  \"community\": {",
            "    \"district\": \"鲤城区\",",
            "    \"street\": \"开元街道\",",
            "    \"name\": \"梅峰社区\"",
            "  },",
            "  \"as_of\": \"2024-11-10\",",
        ]
    );
    assert!(text.ends_with("}\n"));
    let checksum = value_of(&text)["checksum"].as_str().map(str::len);
    assert_eq!(checksum, Some(64));
}

#[test]
fn ok_summary_is_the_evaluation() {
    let text = exported(&example_a());
    let summary = &value_of(&text)["summary"];
    let evaluation = evaluate(&rubric(), &example_a());
    assert_eq!(summary["total"], json!(Points::from(evaluation.total)));
    assert_eq!(summary["base_max"], json!(100));
    assert_eq!(summary["spent"], json!("65000.00"));
    assert_eq!(summary["outcome"], json!("pass"));
}

#[test]
fn ok_exported_at_is_optional() {
    let plain = ExportMeta { app_version: "0.1.0".into(), exported_at: None };
    let text = export(&rubric(), &example_c(), &plain);
    assert!(!text.contains("exported_at"));
    let imported = import(text.as_bytes()).map(|i| i.meta);
    assert_eq!(imported, Ok(plain));
}

#[test]
fn ok_utf8_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(exported(&example_a()).as_bytes());
    let imported = import(&bytes);
    assert_eq!(imported.as_ref().map(|i| i.had_bom), Ok(true));
    assert_eq!(imported.map(|i| i.assessment), Ok(example_a()));
}

#[test]
fn ok_checksum_in_upper_case_is_accepted() {
    let text = exported(&example_c());
    let mut value = value_of(&text);
    let upper = value["checksum"].as_str().map(str::to_ascii_uppercase);
    value["checksum"] = json!(upper);
    let bytes = serde_json::to_vec(&value).unwrap_or_default();
    assert!(import(&bytes).is_ok());
}

#[test]
fn ok_members_in_any_order_and_compact() {
    // The checksum is over content, not layout: a re-indented file with
    // members reordered still verifies.
    let value = value_of(&exported(&example_b()));
    let compact = serde_json::to_vec(&value).unwrap_or_default();
    assert_eq!(import(&compact).map(|i| i.assessment), Ok(example_b()));
}

// ---- Upgrades and defaults ---------------------------------------------

#[test]
fn ok_version_one_without_optional_sections_loads_with_defaults() {
    let minimal = json!({
        "schema_version": 1,
        "rubric": {"id": "quanzhou-2024-batch3", "version": 1},
        "app_version": "0.0.1",
        "community": {"district": "鲤城区", "street": "开元街道", "name": "新春社区"},
        "as_of": "2024-11-10",
    });
    let Ok(imported) = import(&sealed(minimal)) else {
        panic!("a minimal version-1 file must load");
    };
    let expected = Assessment::new(
        Community::new("鲤城区", "开元街道", "新春社区"),
        date(2024, 11, 10),
    );
    assert_eq!(imported.assessment, expected);
    assert_eq!(imported.meta.exported_at, None);
    assert_eq!(imported.stated, None);
    assert_eq!(
        imported.notes_zh(&rubric()),
        ["文件没有附带得分汇总,已按本程序的评分细则计分"]
    );
}

#[test]
fn ok_other_rubric_is_reported_and_rescored() {
    let text = exported(&example_a());
    let bytes = edited(&text, |v| {
        v["rubric"] = json!({"id": "quanzhou-2023", "version": 3});
    });
    let Ok(imported) = import(&bytes) else {
        panic!("another rubric is reported, not refused");
    };
    assert!(imported.rubric_differs);
    assert_eq!(imported.rubric.id, "quanzhou-2023");
    assert_eq!(
        imported.notes_zh(&rubric()),
        ["文件使用的评分细则是“quanzhou-2023”第 3 版,\
             本程序内置的是“quanzhou-2024-batch3”第 1 版:已按内置细则重新计分"]
    );
}

#[test]
fn ok_stated_summary_is_informative_only() {
    let text = exported(&example_b());
    let bytes = edited(&text, |v| {
        v["summary"]["total"] = json!({"low": 109, "high": 109});
    });
    let Ok(imported) = import(&bytes) else {
        panic!("a different summary is reported, not refused");
    };
    assert!(imported.summary_differs());
    assert_eq!(imported.evaluation, evaluate(&rubric(), &example_b()));
    let total = Points::from(imported.evaluation.total);
    assert_eq!(
        imported.notes_zh(&rubric()),
        [format!(
            "文件中记载的总分为 109,本程序重新计算为 {}:以重新计算的结果为准",
            show_points(total)
        )]
    );
}

#[test]
fn ok_doubtful_values_are_reported_as_notes() {
    // Values the scoring cannot use are scored as not answered, and said.
    let text = exported(&example_b());
    let cases = [
        (
            json!({"range": {"low": 4, "high": 2}}),
            "文件中第1项的预估区间 4–2 无效(下限高于上限),按未评估计",
        ),
        (
            json!({"range": {"low": 50, "high": 99}}),
            "文件中第1项的预估区间(最高 99 分)超过本项满分 5 分,按未评估计",
        ),
    ];
    for (fact, note) in cases {
        let bytes = edited(&text, |v| v["facts"]["1"]["execution"] = fact);
        let notes = import(&bytes).map(|i| i.notes_zh(&rubric()));
        let notes = notes.unwrap_or_default();
        assert!(notes.iter().any(|n| n == note), "{notes:?}");
    }

    let bytes =
        edited(&text, |v| v["facts"]["99"] = json!({"x": {"count": 1}}));
    let notes = import(&bytes).map(|i| i.notes_zh(&rubric()));
    let notes = notes.unwrap_or_default();
    assert!(notes.contains(&"文件中第99项:评分细则中没有此项,已忽略".into()));
}

// ---- Refusals, one test each -------------------------------------------

#[test]
fn err_oversized_file_before_parsing() {
    // Not even JSON: the size is checked first.
    let bytes = vec![b'x'; MAX_FILE_BYTES + 1];
    refused(
        &bytes,
        "file is 2097153 bytes, over the limit of 2097152 bytes",
        "文件过大(2.01 MiB),超过 2 MiB 的上限,未读取:本程序导出的自评文件只有几十 KB,请确认是否选对了文件",
    );

    let mut padded = exported(&example_c()).into_bytes();
    padded.truncate(padded.len() - 2);
    padded.extend(std::iter::repeat_n(b' ', MAX_FILE_BYTES));
    padded.extend_from_slice(b"}\n");
    assert_eq!(import(&padded).map_err(|e| e.code()).err(), Some("too_large"));
}

#[test]
fn err_binary_file_is_not_called_another_encoding() {
    // A PNG renamed `.json`, as QA's 09_png.json.
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    png.extend([0u8; 100]);
    let error = refused(
        &png,
        "file is binary (png), not json",
        "这不是 StarCheck 导出的 JSON 文件(看起来是 PNG 图片):\
         请选择导出的“星级自评_….json”文件",
    );
    assert_eq!(error.code(), "binary");

    let cases: [(&[u8], &str); 5] = [
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", "JPEG 图片"),
        (b"%PDF-1.7\n%\xE2\xE3", "PDF 文件"),
        (b"PK\x03\x04\x14\x00", "ZIP 压缩包"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP 图片"),
        (b"{\"a\x00\x01\x02", "二进制文件"),
    ];
    for (bytes, shown) in cases {
        let error = import(bytes).err();
        assert_eq!(error.as_ref().map(|e| e.code()), Some("binary"));
        let message = error.map(|e| e.message_zh()).unwrap_or_default();
        assert!(message.contains(shown), "{message}");
        assert!(!message.contains("GBK"), "{message}");
    }

    // GBK text is still text, and still called a re-save.
    let gbk = b"{\"name\": \"\xD0\xC2\xB4\xBA\"}";
    assert_eq!(import(gbk).err().map(|e| e.code()), Some("not_utf8"));
}

#[test]
fn err_size_is_checked_before_reading() {
    // What the app asks of a chosen file's size, before reading a byte.
    assert_eq!(crate::file::check_size(MAX_FILE_BYTES as u64), Ok(()));
    let huge = crate::file::check_size(400_000_000).err();
    assert_eq!(
        huge.map(|e| e.message_zh()).as_deref(),
        Some(
            "文件过大(381.47 MiB),超过 2 MiB 的上限,未读取:\
             本程序导出的自评文件只有几十 KB,请确认是否选对了文件"
        )
    );

    // Both sizes in MiB in English too, never the raw bytes.
    let three = crate::file::check_size(3 * 1024 * 1024 + 8).err();
    assert_eq!(
        three.map(|e| e.message_en()).as_deref(),
        Some(
            "The file is too large (3.01 MiB, over the limit of 2 MiB) and \
             was not read: a self-assessment file exported by this app is a \
             few tens of kB, so check that this is the file you meant"
        )
    );

    // Larger than a 32-bit size, as a browser may report.
    let code = crate::file::check_size(5 << 30).err().map(|e| e.code());
    assert_eq!(code, Some("too_large"));
}

#[test]
fn ok_file_at_the_limit_is_read() {
    let text = exported(&example_c());
    let mut padded = text.trim_end().trim_end_matches('}').to_string();
    let room = MAX_FILE_BYTES - padded.len() - 1;
    padded.push_str(&" ".repeat(room));
    padded.push('}');
    assert_eq!(padded.len(), MAX_FILE_BYTES);
    assert_eq!(
        import(padded.as_bytes()).map(|i| i.assessment),
        Ok(example_c())
    );
}

#[test]
fn err_empty_file() {
    for bytes in [&b""[..], b"  \n", b"\xEF\xBB\xBF"] {
        refused(bytes, "file is empty", "文件是空的,没有任何内容");
    }
}

#[test]
fn err_gbk_file_is_not_utf8() {
    // `{"name": "新春社区"}` re-saved as GBK by a Windows editor.
    let mut bytes = b"{\"name\": \"".to_vec();
    bytes.extend_from_slice(&[0xD0, 0xC2, 0xB4, 0xBA, 0xC9, 0xE7, 0xC7, 0xF8]);
    bytes.extend_from_slice(b"\"}");
    let error = refused(
        &bytes,
        "file is not utf-8: invalid byte at offset 10",
        "文件不是 UTF-8 编码(第 11 个字节起无法读取):\
         文件可能被另存为 GBK/GB18030 等编码。\
         请使用导出的原文件,或在编辑器中另存为 UTF-8 后再导入",
    );
    assert_eq!(error.code(), "not_utf8");
}

#[test]
fn err_utf16_file_is_named() {
    let bytes = [0xFF, 0xFE, b'{', 0, b'}', 0];
    refused(
        &bytes,
        "file is not utf-8: invalid byte at offset 0",
        "文件不是 UTF-8 编码(第 1 个字节起无法读取):文件是 UTF-16LE 编码。\
         请使用导出的原文件,或在编辑器中另存为 UTF-8 后再导入",
    );
}

#[test]
fn err_not_json() {
    refused(
        "星级自评,不是 JSON".as_bytes(),
        "file is not json: expected value at line 1 column 1",
        "文件不是有效的 JSON(第 1 行第 1 列出错):这不是本程序导出的自评文件",
    );
    let error = import(b"{\"schema_version\": 1,}").err();
    assert_eq!(error.map(|e| e.code()), Some("not_json"));
}

#[test]
fn err_truncated_file() {
    let text = exported(&example_a());
    let half = &text.as_bytes()[..text.len() / 2];
    let error = import(half).err();
    let Some(FileError::Truncated { line, column }) = error else {
        panic!("a file cut in half is truncated, got {error:?}");
    };
    assert!(line > 10);
    assert_eq!(
        error.map(|e| e.message_zh()),
        Some(format!(
            "文件不完整,在第 {line} 行第 {column} 列意外结束:\
             可能在下载或复制时被截断,请重新获取完整文件"
        ))
    );

    refused(
        b"{\"schema_version\": 1",
        "file is truncated: it ends at line 1 column 20",
        "文件不完整,在第 1 行第 20 列意外结束:\
         可能在下载或复制时被截断,请重新获取完整文件",
    );
}

#[test]
fn err_not_an_object() {
    refused(
        b"[1, 2, 3]",
        "file is not a json object",
        "文件内容不是自评文件的格式(最外层应为 JSON 对象)",
    );
}

#[test]
fn err_missing_schema_version() {
    let text = exported(&example_c());
    let bytes = edited(&text, |v| {
        v.as_object_mut().map(|m| m.remove("schema_version"));
    });
    refused(
        &bytes,
        "file has no `schema_version`",
        "文件缺少格式版本号(schema_version),无法确认是自评文件",
    );
}

#[test]
fn err_schema_version_zero_is_unknown() {
    let text = exported(&example_c());
    let bytes = edited(&text, |v| v["schema_version"] = json!(0));
    refused(
        &bytes,
        "schema version `0` is unknown; this app reads version 1",
        "文件的格式版本号“0”无效:本程序读取第 1 版格式",
    );
    let bytes = edited(&text, |v| v["schema_version"] = json!("1"));
    let error = import(&bytes).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("schema version `\"1\"` is unknown; this app reads version 1")
    );
}

#[test]
fn err_schema_version_99_is_from_the_future() {
    // A newer app may change anything, the checksum rule included: the
    // version is refused before the checksum is read.
    let text = exported(&example_c());
    let mut value = value_of(&text);
    value["schema_version"] = json!(99);
    let bytes = serde_json::to_vec(&value).unwrap_or_default();
    refused(
        &bytes,
        "schema version `99` is newer than this app reads (1)",
        "文件是第 99 版格式,比本程序能读取的版本(第 1 版)新:\
         请用更新版本的星级自评打开",
    );
}

#[test]
fn err_missing_checksum() {
    let mut value = value_of(&exported(&example_c()));
    value.as_object_mut().map(|m| m.remove("checksum"));
    let bytes = serde_json::to_vec(&value).unwrap_or_default();
    refused(
        &bytes,
        "file has no `checksum`",
        "文件缺少校验码(checksum),无法确认内容在导出后未被改动",
    );
}

#[test]
fn err_wrong_checksum_after_a_hand_edit() {
    let text = exported(&example_b());
    let stated = value_of(&text)["checksum"].as_str().map(str::to_string);
    let edit = text.replacen("\"count\": 2", "\"count\": 0", 1);
    assert_ne!(edit, text);
    let Err(error) = import(edit.as_bytes()) else {
        panic!("a hand edit must be refused");
    };
    let FileError::ChecksumMismatch { stated: found, actual } = &error else {
        panic!("expected a checksum mismatch, got {error:?}");
    };
    assert_eq!(Some(found.clone()), stated);
    assert_eq!(
        error.to_string(),
        format!(
            "checksum does not match the content: expected `{found}`, \
             content hashes to `{actual}`"
        )
    );
    assert_eq!(
        error.message_zh(),
        "文件校验码不符:文件在导出后被改动过或已损坏。\
         为保证数据可信,不予导入,请索取原始导出文件"
    );

    // One flipped character anywhere, even inside a note, is refused.
    let flipped = text.replacen("宣传物料", "宣传物资", 1);
    let code = import(flipped.as_bytes()).err().map(|e| e.code());
    assert_eq!(code, Some("checksum_mismatch"));
}

#[test]
fn err_checksum_of_the_wrong_type() {
    let mut value = value_of(&exported(&example_c()));
    value["checksum"] = json!(12);
    let bytes = serde_json::to_vec(&value).unwrap_or_default();
    refused(
        &bytes,
        "wrong type at `checksum`: expected a string, found `12`",
        "文件中校验码的内容不符合格式,文件可能由其他程序生成或被改动",
    );
}

#[test]
fn err_wrong_type_names_the_path() {
    let text = exported(&example_b());
    let bytes =
        edited(&text, |v| v["facts"]["6"]["labels"] = json!({"count": "一"}));
    refused(
        &bytes,
        "wrong type at `facts.6.labels.count`: \
         invalid type: string \"一\", expected u32",
        "文件中第6项的数量的内容不符合格式,文件可能由其他程序生成或被改动",
    );

    let bytes = edited(&text, |v| v["as_of"] = json!(20241110));
    let error = import(&bytes).err();
    assert_eq!(
        error.map(|e| e.to_string()),
        Some(
            "wrong type at `as_of`: invalid type: integer `20241110`, \
             expected a date string"
                .to_string()
        )
    );

    let bytes =
        edited(&text, |v| v["ledger"]["expenditures"][1]["amount"] = json!(5));
    let error = import(&bytes).err().map(|e| e.to_string());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e
                .starts_with("wrong type at `ledger.expenditures[1].amount`")),
        "{error:?}"
    );
}

#[test]
fn err_unknown_member_is_named() {
    let text = exported(&example_c());
    let bytes = edited(&text, |v| v["community"]["nmae"] = json!("新春社区"));
    let error = import(&bytes).err();
    assert_eq!(error.as_ref().map(|e| e.code()), Some("wrong_type"));
    let shown = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(shown.contains("unknown field `nmae`"), "{shown}");
}

#[test]
fn err_fraction_is_not_a_whole_number() {
    let text = exported(&example_b());
    let bytes =
        edited(&text, |v| v["facts"]["6"]["labels"] = json!({"count": 1.5}));
    // The document cannot even be hashed: the checksum's canonical form
    // has no fractions.
    refused(
        &bytes,
        "number `1.5` at `facts.6.labels.count` is not a whole number",
        "文件中第6项的数量是 1.5,应为整数:文件可能由其他程序生成或被改动",
    );

    // Past the checksum too, when a program builds the object.
    let mut value = value_of(&text);
    value["bonus"] = json!({"14": {"commendations": 2.5}});
    let error = read_unsigned(value).err();
    assert_eq!(error.as_ref().map(|e| e.code()), Some("not_whole_number"));
    assert_eq!(
        error.map(|e| e.message_zh()).as_deref(),
        Some(
            "文件中加分项第14项的数量是 2.5,应为整数:\
             文件可能由其他程序生成或被改动"
        )
    );
}

#[test]
fn err_impossible_date_is_named_in_chinese() {
    let text = exported(&example_b());
    let bytes = edited(&text, |v| v["as_of"] = json!("2024-02-30"));
    let error = refused(
        &bytes,
        "invalid date `2024-02-30` at `as_of`: invalid value: string \
         \"2024-02-30\", expected a date string",
        "文件中自评日期“2024-02-30”不是有效的日期:\
         文件可能由其他程序生成或被改动",
    );
    assert_eq!(error.code(), "bad_date");
    assert_eq!(error.path(), Some("as_of"));

    let bytes = edited(&text, |v| {
        v["ledger"]["expenditures"][1]["date"] = json!("2024-13-01");
    });
    let shown = import(&bytes).err().map(|e| e.message_zh());
    assert_eq!(
        shown.as_deref(),
        Some(
            "文件中第2笔支出的日期“2024-13-01”不是有效的日期:\
             文件可能由其他程序生成或被改动"
        )
    );
}

#[test]
fn err_bad_amount_says_why_in_chinese() {
    let text = exported(&example_b());
    let bytes = edited(&text, |v| {
        v["ledger"]["expenditures"][1]["amount"] = json!("30000.001");
    });
    let error = refused(
        &bytes,
        "invalid amount at `ledger.expenditures[1].amount`: \
         amount `30000.001` has more than 2 decimal places",
        "文件中第2笔支出的金额无效:“30000.001”超过两位小数:\
         金额只记到分,请核对,系统不会自动四舍五入",
    );
    assert_eq!(error.code(), "bad_amount");

    let bytes = edited(&text, |v| {
        v["ledger"]["plan"][0]["planned"] = json!("六万");
    });
    let shown = import(&bytes).err().map(|e| e.message_zh());
    assert_eq!(
        shown.as_deref(),
        Some(
            "文件中第1条计划的计划金额无效:\
             “六万”不是金额,请输入数字,如 60000 或 6万"
        )
    );
}

#[test]
fn ok_no_refusal_shows_english() {
    // Every refusal a user can meet through a member's value.
    let text = exported(&example_b());
    let edits: [fn(&mut Value); 6] = [
        |v| v["as_of"] = json!("2024-02-30"),
        |v| v["as_of"] = json!(20241110),
        |v| v["facts"]["6"]["labels"] = json!({"count": "一"}),
        |v| v["ledger"]["expenditures"][0]["amount"] = json!("1e5"),
        |v| v["ledger"]["expenditures"][0]["purpose"] = json!("party"),
        |v| v["community"]["nmae"] = json!("x"),
    ];
    for edit in edits {
        let bytes = edited(&text, edit);
        let shown = import(&bytes).err().map(|e| e.message_zh());
        let shown = shown.unwrap_or_default();
        let english = shown.contains("expected")
            || shown.contains("invalid")
            || shown.contains("parse")
            || shown.contains("field");
        assert!(!shown.is_empty() && !english, "{shown}");
    }
}

#[test]
fn err_negative_count_names_the_path() {
    let text = exported(&example_b());
    let bytes =
        edited(&text, |v| v["facts"]["6"]["containers"] = json!({"count": -2}));
    refused(
        &bytes,
        "negative number `-2` at `facts.6.containers.count`",
        "文件中第6项的数量是负数(-2):数量和金额不能为负",
    );

    let bytes =
        edited(&text, |v| v["bonus"] = json!({"14": {"commendations": -1}}));
    let error = import(&bytes).err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some("negative number `-1` at `bonus.14.commendations`")
    );
}

#[test]
fn err_negative_amount_names_the_path() {
    let text = exported(&example_b());
    let bytes = edited(&text, |v| {
        v["ledger"]["expenditures"][0]["amount"] = json!("-30000.00");
    });
    refused(
        &bytes,
        "negative number `-30000.00` at `ledger.expenditures[0].amount`",
        "文件中第1笔支出的金额是负数(-30000.00):数量和金额不能为负",
    );
}

// ---- Objects built by programs ------------------------------------------

#[test]
fn ok_read_unsigned_reads_an_export_as_import_does() {
    let text = exported(&example_b());
    let imported = import(text.as_bytes()).map(|i| i.assessment);
    assert_eq!(read_unsigned(value_of(&text)), imported);
}

#[test]
fn ok_read_unsigned_needs_no_header_nor_checksum() {
    let text = exported(&example_a());
    let mut value = value_of(&text);
    if let Value::Object(members) = &mut value {
        for header in ["schema_version", "rubric", "app_version", "checksum"] {
            members.remove(header);
        }
        members.remove("summary");
    }
    assert_eq!(read_unsigned(value).ok(), Some(example_a()));

    // A stale checksum is not its business: the object is scored as given.
    let mut value = value_of(&text);
    value["checksum"] = json!("0".repeat(64));
    assert_eq!(read_unsigned(value).ok(), Some(example_a()));
}

#[test]
fn err_read_unsigned_names_the_path() {
    let text = exported(&example_b());
    let mut value = value_of(&text);
    value["ledger"]["expenditures"][0]["amount"] = json!(30000);
    let error = read_unsigned(value).err();
    assert_eq!(
        error.as_ref().map(|e| e.to_string()),
        Some(
            "wrong type at `ledger.expenditures[0].amount`: \
             invalid type: integer `30000`, expected a string"
                .to_string()
        )
    );

    let mut value = value_of(&text);
    value["ledger"]["expenditures"][0]["amount"] = json!("-1.00");
    assert_eq!(
        read_unsigned(value).err().map(|e| e.code()),
        Some("negative_number")
    );

    let cases = [
        (json!([1, 2]), "not_an_object"),
        (json!({"schema_version": 99}), "future_schema_version"),
        (json!({"community": {}}), "wrong_type"),
    ];
    for (value, code) in cases {
        assert_eq!(read_unsigned(value).err().map(|e| e.code()), Some(code));
    }
}

#[test]
fn ok_imported_round_trips_through_json() {
    for assessment in [example_a(), example_b(), example_c()] {
        let imported = import(exported(&assessment).as_bytes()).ok();
        let json = serde_json::to_string(&imported).unwrap_or_default();
        let back: Option<Imported> = serde_json::from_str(&json).ok().flatten();
        assert!(back.is_some() && back == imported, "{json}");
    }
}

// ---- File name ---------------------------------------------------------

#[test]
fn ok_file_name() {
    let cases = [
        (
            Community::new("鲤城区", "开元街道", "新春社区"),
            "星级自评_鲤城区开元街道新春社区_2024-11-10.json",
        ),
        (
            Community::new("某县", "a/b\\c:d", "*?\"<>| 社区."),
            "星级自评_某县a_b_c_d_社区_2024-11-10.json",
        ),
        (Community::default(), "星级自评_未命名社区_2024-11-10.json"),
        (
            Community::new("", "", "../../etc/passwd"),
            "星级自评_etc_passwd_2024-11-10.json",
        ),
    ];
    for (community, expected) in cases {
        assert_eq!(file_name(&community, date(2024, 11, 10)), expected);
    }
}

// ---- Evidence metadata ---------------------------------------------------

/// Example A with marks on item 1, a file on the first meeting and on the
/// first expenditure.
fn with_evidence() -> Assessment {
    use crate::evidence::{Attachment, Holder};

    let mut a = example_a();
    let file = |id: &str, name: &str, material: &str| Attachment {
        id: id.to_string(),
        name: name.to_string(),
        size: 123456,
        mime: "image/jpeg".to_string(),
        sha256: "ab".repeat(32),
        material: Some(material.to_string()),
    };
    a.update_evidence(Holder::Item(1), |e| {
        e.set_mark("创建方案", Some(true));
        e.set_mark("现场照片", Some(false));
    });
    assert!(a.update_evidence(Holder::Meeting(0), |e| {
        e.files.push(file("m1", "签到表.jpg", "签到表"))
    }));
    assert!(a.update_evidence(Holder::Expenditure(0), |e| {
        e.files.push(file("v1", "转账.pdf", "转账凭证"))
    }));
    a
}

#[test]
fn ok_evidence_round_trips_and_old_files_read_the_same() {
    let a = with_evidence();
    let text = exported(&a);
    let back = import(text.as_bytes()).map(|i| i.assessment);
    assert_eq!(back.as_ref().ok(), Some(&a));
    assert_eq!(exported(&a), text);

    // Without evidence, not a byte of the file mentions it.
    assert!(!exported(&example_a()).contains("evidence"));
}

// ---- The published schema ----------------------------------------------

#[cfg(not(target_arch = "wasm32"))]
mod schema {
    use super::*;

    const SCHEMA: &str =
        include_str!("../../../schema/starcheck-assessment.v1.schema.json");

    fn validator() -> jsonschema::Validator {
        let schema = value_of(SCHEMA);
        match jsonschema::draft202012::new(&schema) {
            Ok(validator) => validator,
            Err(error) => panic!("the published schema is invalid: {error}"),
        }
    }

    fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
        validator
            .iter_errors(value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    #[test]
    fn ok_exported_examples_validate() {
        let validator = validator();
        for example in [example_a(), example_b(), example_c()] {
            let value = value_of(&exported(&example));
            assert_eq!(errors(&validator, &value), Vec::<String>::new());
        }
        let plain = ExportMeta::default();
        let value = value_of(&export(&rubric(), &example_a(), &plain));
        assert_eq!(errors(&validator, &value), Vec::<String>::new());
    }

    #[test]
    fn ok_evidence_validates_and_stays_metadata() {
        let validator = validator();
        let a = with_evidence();
        let text = exported(&a);
        let value = value_of(&text);
        assert_eq!(errors(&validator, &value), Vec::<String>::new());
        assert_eq!(value["evidence"]["1"]["marks"]["创建方案"], json!(true));
        let file = &value["facts"]["5"]["meetings"]["meetings"][0]["evidence"]
            ["files"][0];
        assert_eq!(file["name"], json!("签到表.jpg"));
        assert_eq!(file["size"], json!(123456));

        // A bad checksum value in the metadata is refused by the schema.
        let mut bad = value.clone();
        bad["evidence"]["1"]["files"] =
            json!([{"id": "x", "name": "a", "size": 1, "sha256": "zz"}]);
        assert!(!validator.is_valid(&bad));
    }

    #[test]
    fn err_schema_refuses_what_import_refuses() {
        let validator = validator();
        let text = exported(&example_b());
        type Edit = fn(&mut Value);
        let cases: [(&str, Edit); 5] = [
            ("negative count", |v| {
                v["facts"]["6"]["containers"] = json!({"count": -2})
            }),
            ("future version", |v| v["schema_version"] = json!(99)),
            ("money as a number", |v| {
                v["ledger"]["expenditures"][0]["amount"] = json!(30000)
            }),
            ("unknown member", |v| v["extra"] = json!(true)),
            ("two shapes in one fact", |v| {
                v["facts"]["1"]["plan"] = json!({"yes_no": true, "count": 1})
            }),
        ];
        for (name, edit) in cases {
            let mut value = value_of(&text);
            edit(&mut value);
            assert!(!validator.is_valid(&value), "{name}");
        }
    }

    #[test]
    fn ok_schema_describes_the_checksum_rule() {
        let schema = value_of(SCHEMA);
        let description = schema["description"].as_str().unwrap_or_default();
        assert!(description.contains("sort_keys=True"));
        assert!(description.contains("SHA-256"));
    }
}

// ---- Property: export, import, export is identity ------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z_]{1,8}",
        "[\u{4e00}-\u{4e20}]{1,6}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
        Just("\"\\\u{0}\u{1f}\u{7f}\u{2028}\u{10ffff}/".to_string()),
    ]
}

fn civil_date() -> impl Strategy<Value = Date> {
    (2020i16..2030, 1i8..=12, 1i8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).unwrap_or(Date::MIN))
}

fn fact() -> impl Strategy<Value = Fact> {
    prop_oneof![
        any::<bool>().prop_map(Fact::YesNo),
        any::<u32>().prop_map(Fact::Count),
        (any::<u32>(), any::<u32>())
            .prop_map(|(low, high)| Fact::Range { low, high }),
        (
            proptest::collection::btree_set(text(), 0..4),
            proptest::collection::vec(text(), 0..3)
        )
            .prop_map(|(ticked, other)| Fact::Kinds { ticked, other }),
        proptest::collection::vec(
            (civil_date(), text()).prop_map(|(date, note)| Meeting {
                date,
                note,
                evidence: Default::default(),
            }),
            0..4
        )
        .prop_map(Fact::Meetings),
        proptest::collection::vec(
            (civil_date(), civil_date()).prop_map(|(month, sent_on)| Report {
                month: YearMonth::of(month),
                sent_on,
                evidence: Default::default(),
            }),
            0..4
        )
        .prop_map(Fact::Reports),
        proptest::collection::vec(
            (
                text(),
                proptest::collection::btree_set(text(), 0..3),
                proptest::collection::btree_set(
                    proptest::sample::select(Container::ALL.to_vec()),
                    0..4
                ),
            )
                .prop_map(|(name, features, containers)| Place {
                    name,
                    features,
                    containers,
                }),
            0..3
        )
        .prop_map(Fact::Places),
    ]
}

fn purpose() -> impl Strategy<Value = Purpose> {
    proptest::sample::select(Purpose::ALL.to_vec())
}

fn ledger() -> impl Strategy<Value = Ledger> {
    let money = (0u64..100_000_000_000).prop_map(Money::from_fen);
    let plan = (purpose(), money.clone(), text()).prop_map(
        |(purpose, planned, note)| PlanLine { purpose, planned, note },
    );
    let spend = (
        civil_date(),
        purpose(),
        text(),
        money,
        any::<bool>(),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(date, purpose, description, amount, designated, docs)| {
                Expenditure {
                    date,
                    purpose,
                    description,
                    amount,
                    designated,
                    documents: Documents {
                        transfer_voucher: docs.0,
                        payment_voucher: docs.1,
                    },
                    evidence: Default::default(),
                }
            },
        );
    (
        proptest::collection::vec(plan, 0..4),
        proptest::collection::vec(spend, 0..5),
    )
        .prop_map(|(plan, expenditures)| Ledger { plan, expenditures })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let base = prop_oneof![
        Just(example_a()),
        Just(example_b()),
        Just(example_c()),
        (text(), text(), text(), civil_date()).prop_map(|(d, s, n, as_of)| {
            Assessment::new(Community::new(&d, &s, &n), as_of)
        }),
    ];
    let facts = proptest::collection::vec(
        (
            0u32..20,
            prop_oneof![
                "plan|execution|labels|containers|meetings|reports",
                text()
            ],
            fact(),
        ),
        0..8,
    );
    let bonus =
        proptest::collection::vec((13u32..17, text(), any::<u32>()), 0..4);
    let falsified = proptest::collection::btree_set(0u32..20, 0..3);
    (base, facts, bonus, falsified, proptest::option::of(ledger())).prop_map(
        |(mut a, facts, bonus, falsified, ledger)| {
            for (item, rule, fact) in facts {
                a.set_fact(item, &rule, fact);
            }
            for (item, part, count) in bonus {
                a.set_bonus(item, &part, count);
            }
            a.falsified.extend(falsified);
            if let Some(ledger) = ledger {
                a.ledger = ledger;
            }
            a
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn prop_export_import_export_is_identity(a in assessment()) {
        let first = exported(&a);
        let imported = match import(first.as_bytes()) {
            Ok(imported) => imported,
            Err(error) => {
                return Err(TestCaseError::fail(format!("refused: {error}")));
            }
        };
        prop_assert_eq!(&imported.assessment, &a);
        prop_assert!(!imported.summary_differs());
        let again = export(&rubric(), &imported.assessment, &imported.meta);
        prop_assert_eq!(again, first);
    }
}
