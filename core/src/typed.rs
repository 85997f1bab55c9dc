//! What people type, before it becomes a domain value: the full-width
//! forms that Chinese input methods produce, and whole-number counts
//! (meetings, documents, findings, commendations).
//!
//! [`crate::Money::parse_input`] reads amounts on top of the same
//! full-width mapping, so `６` means 6 in every field of the app.

use thiserror::Error;

use crate::lang::Lang;

/// The largest count a field accepts. No rubric count comes near it; the
/// bound keeps a stray paste from turning into an absurd deduction.
pub const MAX_COUNT: u32 = 999;

/// Why a typed count was refused by [`parse_count`].
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CountError {
    /// The field holds something other than digits, e.g. `3个`.
    #[error("count is not a whole number")]
    NotANumber,

    /// A minus sign: counts cannot be negative.
    #[error("count is negative")]
    Negative,

    /// A decimal point: counts are whole.
    #[error("count has a fraction")]
    Fraction,

    /// More than [`MAX_COUNT`].
    #[error("count is larger than {MAX_COUNT}")]
    TooLarge,
}

impl CountError {
    /// A stable machine-readable code, e.g. `negative`.
    pub fn code(&self) -> &'static str {
        match self {
            CountError::NotANumber => "not_a_number",
            CountError::Negative => "negative",
            CountError::Fraction => "fraction",
            CountError::TooLarge => "too_large",
        }
    }

    /// The message shown next to the field, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            CountError::NotANumber => "请输入整数,例如 3".to_string(),
            CountError::Negative => "不能为负数".to_string(),
            CountError::Fraction => "请输入整数,不要带小数".to_string(),
            CountError::TooLarge => format!("数值过大(最多 {MAX_COUNT})"),
        }
    }

    /// The message shown next to the field in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Zh, _) => self.message_zh(),
            (Lang::En, CountError::NotANumber) => {
                "Please enter a whole number, e.g. 3".to_string()
            }
            (Lang::En, CountError::Negative) => {
                "Cannot be negative".to_string()
            }
            (Lang::En, CountError::Fraction) => {
                "Please enter a whole number, without decimals".to_string()
            }
            (Lang::En, CountError::TooLarge) => {
                format!("Too large (at most {MAX_COUNT})")
            }
        }
    }
}

/// Reads a count. `Ok(None)` means the field is empty (not filled in);
/// full-width digits and surrounding spaces, full-width ones included,
/// are accepted.
pub fn parse_count(raw: &str) -> Result<Option<u32>, CountError> {
    let text: String = raw.chars().map(half_width).collect();
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }

    // The specific refusals come before the generic one: they say more.
    if text.starts_with('-') {
        return Err(CountError::Negative);
    }
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.contains('.') {
        return Err(CountError::Fraction);
    }
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(CountError::NotANumber);
    }

    // Digits only from here; a parse failure can only be an overflow.
    let value: u32 = text.parse().map_err(|_| CountError::TooLarge)?;
    if value > MAX_COUNT {
        return Err(CountError::TooLarge);
    }
    Ok(Some(value))
}

/// Maps the full-width characters people type on Chinese keyboards (digits,
/// signs, `，` `．` `。` `￥`, the ideographic space) to their ASCII twins;
/// leaves everything else alone.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' => {
            // In range, so the offset is 0..=9 and always a digit.
            let offset = u32::from(c) - u32::from('０');
            char::from_digit(offset, 10).unwrap_or(c)
        }
        '，' => ',',
        '．' | '。' => '.',
        '￥' => '¥',
        '＋' => '+',
        '－' | '−' => '-',
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::{CountError, half_width, parse_count};

    fn check(raw: &str, expected: Result<Option<u32>, CountError>) {
        assert_eq!(parse_count(raw), expected, "input {raw:?}");
    }

    #[test]
    fn ok_counts() {
        check("3", Ok(Some(3)));
        check(" 12 ", Ok(Some(12)));
        check("６", Ok(Some(6)));
        check("１２", Ok(Some(12)));
        check("\u{3000}７\u{3000}", Ok(Some(7)));
        check("+4", Ok(Some(4)));
        check("＋4", Ok(Some(4)));
        check("0", Ok(Some(0)));
        check("999", Ok(Some(999)));
        check("", Ok(None));
        check("   ", Ok(None));
    }

    #[test]
    fn err_counts() {
        check("abc", Err(CountError::NotANumber));
        check("3个", Err(CountError::NotANumber));
        check("+", Err(CountError::NotANumber));
        check("1,000", Err(CountError::NotANumber));
        check("-1", Err(CountError::Negative));
        check("－２", Err(CountError::Negative));
        check("2.5", Err(CountError::Fraction));
        check("２。５", Err(CountError::Fraction));
        check("1000", Err(CountError::TooLarge));
        check("99999999999", Err(CountError::TooLarge));
    }

    #[test]
    fn messages_are_chinese_and_distinct() {
        let errors = [
            CountError::NotANumber,
            CountError::Negative,
            CountError::Fraction,
            CountError::TooLarge,
        ];
        let messages: Vec<String> =
            errors.iter().map(CountError::message_zh).collect();
        assert_eq!(messages[3], "数值过大(最多 999)");
        for (i, a) in messages.iter().enumerate() {
            assert!(messages[i + 1..].iter().all(|b| a != b), "{a}");
        }
    }

    #[test]
    fn half_width_maps_only_full_width_forms() {
        let mapped: String =
            "９，８．７￥ａ中".chars().map(half_width).collect();
        assert_eq!(mapped, "9,8.7¥ａ中");
    }
}
