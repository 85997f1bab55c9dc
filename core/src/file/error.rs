//! Why an assessment file was refused by [`crate::file::import`].
//!
//! Every refusal leaves the caller's data as it was: the import returns an
//! error before anything is built. `Display` is a plain lowercase English
//! sentence for logs; `message_zh()` is what users read; `code()` is a
//! stable name for tests and the page's markup.

use thiserror::Error;

use crate::error::{MoneyError, clip};
use crate::lang::Lang;

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`]; checked before anything is parsed.
    #[error("file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: usize },

    /// Nothing in the file (or only a byte-order mark and spaces).
    #[error("file is empty")]
    Empty,

    /// Not text at all: a known binary format's magic number (`kind`, e.g.
    /// `png`) or NUL bytes; e.g. a picture renamed `.json`.
    #[error("file is binary ({}), not json", kind.unwrap_or("unknown format"))]
    Binary { kind: Option<&'static str> },

    /// Bytes that are not UTF-8 (e.g. a file re-saved as GBK/GB18030);
    /// `offset` is the first bad byte, `encoding` a guess when a UTF-16
    /// byte-order mark says which.
    #[error("file is not utf-8: invalid byte at offset {offset}")]
    NotUtf8 { offset: usize, encoding: Option<&'static str> },

    /// Not JSON at all, with serde's position (1-based line and column).
    #[error("file is not json: {detail}")]
    NotJson { line: usize, column: usize, detail: String },

    /// JSON that stops early: a cut-off download or copy.
    #[error("file is truncated: it ends at line {line} column {column}")]
    Truncated { line: usize, column: usize },

    /// JSON, but not an object at the top level.
    #[error("file is not a json object")]
    NotAnObject,

    /// No `schema_version` member.
    #[error("file has no `schema_version`")]
    MissingSchemaVersion,

    /// A `schema_version` that no version of this app ever wrote (0, a
    /// negative number, a string, a fraction).
    #[error(
        "schema version `{found}` is unknown; this app reads version {reads}"
    )]
    UnknownSchemaVersion { found: String, reads: u32 },

    /// A `schema_version` newer than this app reads.
    #[error("schema version `{found}` is newer than this app reads ({reads})")]
    FutureSchemaVersion { found: u64, reads: u32 },

    /// No `checksum` member.
    #[error("file has no `checksum`")]
    MissingChecksum,

    /// The content does not hash to the checksum: the file was corrupted
    /// or edited by hand after export.
    #[error(
        "checksum does not match the content: expected `{stated}`, content hashes to `{actual}`"
    )]
    ChecksumMismatch { stated: String, actual: String },

    /// A member of the wrong type (or unknown, or missing) at `path`, e.g.
    /// `facts.6.labels.count`.
    #[error("wrong type at `{path}`: {detail}")]
    WrongType { path: String, detail: String },

    /// A negative number where a count or an amount belongs.
    #[error("negative number `{value}` at `{path}`")]
    NegativeNumber { path: String, value: String },

    /// A number with a fraction where a whole number belongs, e.g. a count
    /// of `1.5`.
    #[error("number `{value}` at `{path}` is not a whole number")]
    NotWholeNumber { path: String, value: String },

    /// A date or date-time that is not a real one, e.g. `2024-02-30`;
    /// `detail` is the reader's reason in English, for logs (see
    /// [`crate::dates`]).
    #[error("invalid date `{value}` at `{path}`: {detail}")]
    BadDate { path: String, value: String, detail: String },

    /// An amount of money the core refuses (more than two decimal places,
    /// too large, not a number).
    #[error("invalid amount at `{path}`: {reason}")]
    BadAmount { path: String, reason: MoneyError },
}

impl FileError {
    /// A stable machine-readable code, e.g. `checksum_mismatch`.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::TooLarge { .. } => "too_large",
            FileError::Empty => "empty",
            FileError::Binary { .. } => "binary",
            FileError::NotUtf8 { .. } => "not_utf8",
            FileError::NotJson { .. } => "not_json",
            FileError::Truncated { .. } => "truncated",
            FileError::NotAnObject => "not_an_object",
            FileError::MissingSchemaVersion => "missing_schema_version",
            FileError::UnknownSchemaVersion { .. } => "unknown_schema_version",
            FileError::FutureSchemaVersion { .. } => "future_schema_version",
            FileError::MissingChecksum => "missing_checksum",
            FileError::ChecksumMismatch { .. } => "checksum_mismatch",
            FileError::WrongType { .. } => "wrong_type",
            FileError::NegativeNumber { .. } => "negative_number",
            FileError::NotWholeNumber { .. } => "not_whole_number",
            FileError::BadDate { .. } => "bad_date",
            FileError::BadAmount { .. } => "bad_amount",
        }
    }

    /// The member the error is about, as a path such as
    /// `ledger.expenditures[1].amount`, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            FileError::WrongType { path, .. }
            | FileError::NegativeNumber { path, .. }
            | FileError::NotWholeNumber { path, .. }
            | FileError::BadDate { path, .. }
            | FileError::BadAmount { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The message shown to users in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    /// The message shown to users, in English.
    pub fn message_en(&self) -> String {
        let not_ours =
            "this is not a self-assessment file exported by this app";
        let altered = "it may have been made by another program or altered";
        match self {
            FileError::TooLarge { size, limit } => format!(
                "The file is too large ({}, over the limit of {}) \
                 and was not read: a self-assessment file exported by this \
                 app is a few tens of kB, so check that this is the file you \
                 meant",
                crate::words::mib(*size),
                show_bytes(*limit).replace("字节", "bytes")
            ),
            FileError::Empty => "The file is empty".to_string(),
            FileError::Binary { kind } => {
                let looks_like = match *kind {
                    Some("png") => "a PNG picture",
                    Some("jpeg") => "a JPEG picture",
                    Some("gif") => "a GIF picture",
                    Some("webp") => "a WebP picture",
                    Some("pdf") => "a PDF file",
                    Some("zip") => "a ZIP archive or a Word/Excel document",
                    Some("gzip" | "rar" | "7z") => "a compressed archive",
                    _ => "a binary file such as a picture, PDF or archive",
                };
                format!(
                    "This is not a JSON file exported by StarCheck (it looks \
                     like {looks_like}): choose the .json file StarCheck \
                     exported"
                )
            }
            FileError::NotUtf8 { offset, encoding } => {
                let saved_as = match encoding {
                    Some(name) => format!("the file is in {name} encoding"),
                    None => "the file may have been saved as GBK/GB18030"
                        .to_string(),
                };
                format!(
                    "The file is not UTF-8 (unreadable from byte {}): \
                     {saved_as}. Use the original exported file, or save it \
                     as UTF-8 in an editor and import it again",
                    offset + 1
                )
            }
            FileError::NotJson { line, column, .. } => format!(
                "The file is not valid JSON (error at line {line}, column \
                 {column}): {not_ours}"
            ),
            FileError::Truncated { line, column } => format!(
                "The file is incomplete: it ends unexpectedly at line {line}, \
                 column {column}; it may have been cut off while downloading \
                 or copying, so get the whole file again"
            ),
            FileError::NotAnObject => "The file does not have the shape of a \
                 self-assessment file (the outermost value should be a JSON \
                 object)"
                .to_string(),
            FileError::MissingSchemaVersion => {
                "The file has no format version \
                 (schema_version), so it cannot be confirmed as a \
                 self-assessment file"
                    .to_string()
            }
            FileError::UnknownSchemaVersion { found, reads } => format!(
                "The file's format version \u{201c}{}\u{201d} is not valid: \
                 this app reads format version {reads}",
                clip(found)
            ),
            FileError::FutureSchemaVersion { found, reads } => format!(
                "The file is in format version {found}, newer than this app \
                 reads (version {reads}): open it with a newer StarCheck"
            ),
            FileError::MissingChecksum => "The file has no checksum, so it \
                 cannot be confirmed that its content is unchanged since export"
                .to_string(),
            FileError::ChecksumMismatch { .. } => {
                "The file's checksum does not \
                 match: the file was changed after export or is damaged. To \
                 keep the data trustworthy it is not imported; ask for the \
                 original exported file"
                    .to_string()
            }
            FileError::WrongType { path, .. } => format!(
                "{} in the file does not have the expected format: {altered}",
                field_en(path)
            ),
            FileError::NegativeNumber { path, value } => format!(
                "{} in the file is negative ({}): counts and amounts cannot be \
                 negative",
                field_en(path),
                clip(value)
            ),
            FileError::NotWholeNumber { path, value } => format!(
                "{} in the file is {}, not a whole number: {altered}",
                field_en(path),
                clip(value)
            ),
            FileError::BadDate { path, value, .. } => format!(
                "{} in the file, \u{201c}{}\u{201d}, is not a valid date: \
                 {altered}",
                field_en(path),
                clip(value)
            ),
            FileError::BadAmount { path, reason } => format!(
                "{} in the file is not valid: {}",
                field_en(path),
                reason.message_en()
            ),
        }
    }

    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            FileError::TooLarge { size, limit } => format!(
                "文件过大({}),超过 {} 的上限,未读取:本程序导出的自评文件\
                 只有几十 KB,请确认是否选对了文件",
                crate::words::mib(*size),
                show_bytes(*limit)
            ),
            FileError::Empty => "文件是空的,没有任何内容".to_string(),
            FileError::Binary { kind } => {
                let looks_like = match *kind {
                    Some("png") => " PNG 图片",
                    Some("jpeg") => " JPEG 图片",
                    Some("gif") => " GIF 图片",
                    Some("webp") => " WebP 图片",
                    Some("pdf") => " PDF 文件",
                    Some("zip") => " ZIP 压缩包或 Word/Excel 文档",
                    Some("gzip" | "rar" | "7z") => "压缩包",
                    _ => "图片、PDF 或压缩包等二进制文件",
                };
                format!(
                    "这不是 StarCheck 导出的 JSON 文件(看起来是{looks_like}):\
                     请选择导出的“星级自评_….json”文件"
                )
            }
            FileError::NotUtf8 { offset, encoding } => {
                let saved_as = match encoding {
                    Some(name) => format!("文件是 {name} 编码"),
                    None => "文件可能被另存为 GBK/GB18030 等编码".to_string(),
                };
                format!(
                    "文件不是 UTF-8 编码(第 {} 个字节起无法读取):{saved_as}。\
                     请使用导出的原文件,或在编辑器中另存为 UTF-8 后再导入",
                    offset + 1
                )
            }
            FileError::NotJson { line, column, .. } => format!(
                "文件不是有效的 JSON(第 {line} 行第 {column} 列出错):\
                 这不是本程序导出的自评文件"
            ),
            FileError::Truncated { line, column } => format!(
                "文件不完整,在第 {line} 行第 {column} 列意外结束:\
                 可能在下载或复制时被截断,请重新获取完整文件"
            ),
            FileError::NotAnObject => {
                "文件内容不是自评文件的格式(最外层应为 JSON 对象)".to_string()
            }
            FileError::MissingSchemaVersion => {
                "文件缺少格式版本号(schema_version),无法确认是自评文件"
                    .to_string()
            }
            FileError::UnknownSchemaVersion { found, reads } => format!(
                "文件的格式版本号“{}”无效:本程序读取第 {reads} 版格式",
                clip(found)
            ),
            FileError::FutureSchemaVersion { found, reads } => format!(
                "文件是第 {found} 版格式,比本程序能读取的版本(第 {reads} 版)新:\
                 请用更新版本的星级自评打开"
            ),
            FileError::MissingChecksum => {
                "文件缺少校验码(checksum),无法确认内容在导出后未被改动"
                    .to_string()
            }
            FileError::ChecksumMismatch { .. } => {
                "文件校验码不符:文件在导出后被改动过或已损坏。\
                 为保证数据可信,不予导入,请索取原始导出文件"
                    .to_string()
            }
            FileError::WrongType { path, .. } => format!(
                "文件中{}的内容不符合格式,文件可能由其他程序生成或被改动",
                field_zh(path)
            ),
            FileError::NegativeNumber { path, value } => format!(
                "文件中{}是负数({}):数量和金额不能为负",
                field_zh(path),
                clip(value)
            ),
            FileError::NotWholeNumber { path, value } => format!(
                "文件中{}是 {},应为整数:文件可能由其他程序生成或被改动",
                field_zh(path),
                clip(value)
            ),
            FileError::BadDate { path, value, .. } => format!(
                "文件中{}“{}”不是有效的日期:文件可能由其他程序生成或被改动",
                field_zh(path),
                clip(value)
            ),
            FileError::BadAmount { path, reason } => {
                format!("文件中{}无效:{}", field_zh(path), reason.message_zh())
            }
        }
    }
}

/// A member's path as users read it: `ledger.expenditures[1].amount`
/// becomes `第2笔支出的金额`, `facts.6.labels.count` becomes `第6项的数量`.
/// A path it does not know is shown as written, in quotation marks.
pub(crate) fn field_zh(path: &str) -> String {
    let segments = segments(path);
    let as_written = || format!("“{}”处", clip(path));
    let named = match segments.as_slice() {
        ["as_of"] => Some("自评日期".to_string()),
        ["exported_at"] => Some("导出时间".to_string()),
        ["app_version"] => Some("程序版本".to_string()),
        ["checksum"] => Some("校验码".to_string()),
        ["community", part] => member_zh(part).map(|m| format!("社区的{m}")),
        ["facts", item, ..] => {
            let what = segments[3..].iter().rev().find_map(|m| member_zh(m));
            Some(match what {
                Some(what) => format!("第{item}项的{what}"),
                None => format!("第{item}项的内容"),
            })
        }
        ["bonus", item, ..] => Some(format!("加分项第{item}项的数量")),
        ["falsified", ..] => Some("弄虚作假记录".to_string()),
        ["ledger", list, index, rest @ ..] => {
            let (unit, name) = match *list {
                "expenditures" => ("笔支出", "支出"),
                "plan" => ("条计划", "计划"),
                _ => ("条", "台账"),
            };
            let what = rest.iter().rev().find_map(|m| member_zh(m));
            match (index.parse::<usize>(), what) {
                (Ok(i), Some(what)) => {
                    Some(format!("第{}{unit}的{what}", i + 1))
                }
                (Ok(i), None) => Some(format!("第{}{unit}", i + 1)),
                (Err(_), _) => Some(format!("{name}记录")),
            }
        }
        ["summary", ..] => Some("得分汇总".to_string()),
        _ => None,
    };
    named.unwrap_or_else(as_written)
}

/// Where in a file a path points, in English words: `the amount of
/// expenditure 2`, `the date of item 5`.
pub(crate) fn field_en(path: &str) -> String {
    let segments = segments(path);
    let named = match segments.as_slice() {
        ["as_of"] => Some("The assessment date".to_string()),
        ["exported_at"] => Some("The export time".to_string()),
        ["app_version"] => Some("The app version".to_string()),
        ["checksum"] => Some("The checksum".to_string()),
        ["community", part] => {
            member_en(part).map(|m| format!("The community's {m}"))
        }
        ["facts", item, ..] => {
            let what = segments[3..].iter().rev().find_map(|m| member_en(m));
            Some(match what {
                Some(what) => format!("The {what} of item {item}"),
                None => format!("The content of item {item}"),
            })
        }
        ["bonus", item, ..] => Some(format!("The count of bonus item {item}")),
        ["falsified", ..] => Some("The falsification record".to_string()),
        ["ledger", list, index, rest @ ..] => {
            let name = match *list {
                "expenditures" => "expenditure",
                "plan" => "plan line",
                _ => "ledger entry",
            };
            let what = rest.iter().rev().find_map(|m| member_en(m));
            match (index.parse::<usize>(), what) {
                (Ok(i), Some(what)) => {
                    Some(format!("The {what} of {name} {}", i + 1))
                }
                (Ok(i), None) => Some(format!("The {name} {}", i + 1)),
                (Err(_), _) => Some(format!("The {name} records")),
            }
        }
        ["summary", ..] => Some("The score summary".to_string()),
        _ => None,
    };
    named.unwrap_or_else(|| {
        format!("The value at \u{201c}{}\u{201d}", clip(path))
    })
}

/// A member's name in English, as [`member_zh`].
fn member_en(member: &str) -> Option<&'static str> {
    Some(match member {
        "amount" => "amount",
        "planned" => "planned amount",
        "date" => "date",
        "sent_on" => "sending date",
        "month" => "month",
        "purpose" => "purpose",
        "description" => "description",
        "designated" => "designated-use flag",
        "note" => "note",
        "count" => "count",
        "range" | "low" | "high" => "estimated range",
        "name" => "name",
        "district" => "district",
        "street" => "street",
        _ => return None,
    })
}

/// `ledger.expenditures[1].amount` → `ledger`, `expenditures`, `1`,
/// `amount`.
fn segments(path: &str) -> Vec<&str> {
    path.split(['.', '[', ']']).filter(|s| !s.is_empty()).collect()
}

/// A member's name in Chinese, for the members users can put right.
fn member_zh(member: &str) -> Option<&'static str> {
    Some(match member {
        "amount" => "金额",
        "planned" => "计划金额",
        "date" => "日期",
        "sent_on" => "报送日期",
        "month" => "月份",
        "purpose" => "用途",
        "description" => "说明",
        "designated" => "是否专款",
        "note" => "备注",
        "count" => "数量",
        "range" | "low" | "high" => "预估区间",
        "name" => "名称",
        "district" => "所在区",
        "street" => "所在街道",
        _ => return None,
    })
}

/// A size as users read it: `2 MiB`, `3.5 MiB`, `900 KiB`, `12 字节`.
fn show_bytes(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB {
        let tenths = bytes * 10 / MIB;
        if tenths.is_multiple_of(10) {
            return format!("{} MiB", tenths / 10);
        }
        return format!("{}.{} MiB", tenths / 10, tenths % 10);
    }
    if bytes >= KIB {
        return format!("{} KiB", bytes / KIB);
    }
    format!("{bytes} 字节")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::MAX_FILE_BYTES;

    #[test]
    fn ok_show_bytes() {
        let cases = [
            (MAX_FILE_BYTES, "2 MiB"),
            (3 * 1024 * 1024 + 512 * 1024, "3.5 MiB"),
            (900 * 1024, "900 KiB"),
            (12, "12 字节"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(show_bytes(bytes), shown);
        }
    }
}
