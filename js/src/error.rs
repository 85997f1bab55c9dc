//! The one error shape that crosses to JavaScript: `{ok: false, code,
//! message, message_zh, path?}`, returned as a value (never thrown), so a
//! caller tests `result.ok` and never needs `try`.
//!
//! `code` is stable and machine-readable: the core's [`FileError::code`]
//! for anything a file or a file-shaped object can get wrong, plus the
//! few this boundary adds ([`Refusal::money_as_number`], `not_a_file`,
//! `unreadable_value`, `bad_quotas`, and the cohort's `quota_count` and
//! `duplicate_member`). `message` is a lowercase English sentence for
//! logs, `message_zh` what a user reads, and `path` the member at fault
//! (`ledger.expenditures[0].amount`) where there is one.

use serde::Serialize;
use starcheck_core::{CohortError, FileError};

/// A refusal, as JavaScript receives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// Always `false`: the mark of a refusal beside `{ok: true, …}`.
    pub ok: bool,
    pub code: String,
    pub message: String,
    pub message_zh: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl Refusal {
    fn new(code: &str, message: String, message_zh: String) -> Refusal {
        Refusal {
            ok: false,
            code: code.to_string(),
            message,
            message_zh,
            path: None,
        }
    }

    fn at(mut self, path: &str) -> Refusal {
        self.path = Some(path.to_string());
        self
    }

    /// An amount given as a JavaScript number (`shown` as written): a
    /// binary float cannot hold every amount of 分 exactly, so money
    /// crosses as a string, such as `example`.
    pub fn money_as_number(path: &str, shown: &str, example: &str) -> Refusal {
        Refusal::new(
            "money_as_number",
            format!(
                "amount at `{path}` is a javascript number ({shown}); give \
                 money as a string such as \"{example}\""
            ),
            format!(
                "{path} 处的金额是数字({shown}):金额须以字符串给出,\
                 如 \"{example}\",以免浮点数的误差改变金额"
            ),
        )
        .at(path)
    }

    /// A value that is not what the function reads, e.g. `checkFile(42)`.
    pub fn not_a_file(found: &str) -> Refusal {
        Refusal::new(
            "not_a_file",
            format!(
                "expected a file's text (a string) or bytes (a Uint8Array), \
                 found {found}"
            ),
            "需要文件的文本(字符串)或字节(Uint8Array)".to_string(),
        )
    }

    /// A JavaScript value serde-wasm-bindgen cannot read (a symbol, a
    /// function, a BigInt beyond 64 bits, …).
    pub fn unreadable_value(detail: &str) -> Refusal {
        Refusal::new(
            "unreadable_value",
            format!("the value cannot be read as json data: {detail}"),
            "传入的值无法按 JSON 数据读取(只接受普通对象、数组、字符串、数字和布尔值)"
                .to_string(),
        )
    }

    /// Quotas that are not a list of whole numbers.
    pub fn bad_quotas(detail: &str) -> Refusal {
        Refusal::new(
            "bad_quotas",
            format!("quotas must be whole numbers, one per tier: {detail}"),
            "名额须为不小于 0 的整数,每个星级一个".to_string(),
        )
    }
}

impl From<&FileError> for Refusal {
    fn from(error: &FileError) -> Refusal {
        let refusal =
            Refusal::new(error.code(), error.to_string(), error.message_zh());
        match error.path() {
            Some(path) => refusal.at(path),
            None => refusal,
        }
    }
}

impl From<FileError> for Refusal {
    fn from(error: FileError) -> Refusal {
        Refusal::from(&error)
    }
}

impl From<CohortError> for Refusal {
    fn from(error: CohortError) -> Refusal {
        let code = match error {
            CohortError::QuotaCount { .. } => "quota_count",
            CohortError::DuplicateMember { .. } => "duplicate_member",
        };
        Refusal::new(code, error.to_string(), error.message_zh())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_file_errors_keep_code_and_path() {
        let error = FileError::WrongType {
            path: "as_of".to_string(),
            detail: "expected a date string".to_string(),
        };
        let refusal = Refusal::from(&error);
        assert_eq!(refusal.code, "wrong_type");
        assert_eq!(refusal.path.as_deref(), Some("as_of"));
        assert_eq!(refusal.message_zh, error.message_zh());
        assert!(!refusal.ok);

        let refusal = Refusal::from(FileError::Empty);
        assert_eq!((refusal.code.as_str(), refusal.path), ("empty", None));
    }

    #[test]
    fn ok_messages_are_lowercase_without_period() {
        let refusals = [
            Refusal::money_as_number("ledger.plan[0].planned", "6", "6.00"),
            Refusal::not_a_file("a number"),
            Refusal::unreadable_value("symbol"),
            Refusal::bad_quotas("`-1`"),
            Refusal::from(CohortError::QuotaCount { expected: 3, got: 2 }),
        ];
        for refusal in refusals {
            let message = &refusal.message;
            assert!(!message.ends_with('.'), "{message}");
            assert!(message.starts_with(char::is_lowercase), "{message}");
            assert!(!refusal.message_zh.is_empty());
        }
    }
}
