//! Why an assessment file was refused by [`crate::file::import`].
//!
//! Every refusal leaves the caller's data as it was: the import returns an
//! error before anything is built. `Display` is a plain lowercase English
//! sentence for logs; `message_zh()` is what users read; `code()` is a
//! stable name for tests and the page's markup.

use thiserror::Error;

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`]; checked before anything is parsed.
    #[error("file is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },

    /// Nothing in the file (or only a byte-order mark and spaces).
    #[error("file is empty")]
    Empty,

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
}

impl FileError {
    /// A stable machine-readable code, e.g. `checksum_mismatch`.
    pub fn code(&self) -> &'static str {
        match self {
            FileError::TooLarge { .. } => "too_large",
            FileError::Empty => "empty",
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
        }
    }

    /// The message shown to users, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            FileError::TooLarge { size, limit } => format!(
                "文件过大({} 字节),超过 {} 的上限:这不是本程序导出的自评文件",
                size,
                show_bytes(*limit)
            ),
            FileError::Empty => "文件是空的,没有任何内容".to_string(),
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
                "文件的格式版本号“{found}”无效:本程序读取第 {reads} 版格式"
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
            FileError::WrongType { path, detail } => format!(
                "文件中 {path} 处的内容不符合格式,\
                 文件可能由其他程序生成或被改动(详情:{detail})"
            ),
            FileError::NegativeNumber { path, value } => {
                format!("文件中 {path} 处是负数({value}):数量和金额不能为负")
            }
        }
    }
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
