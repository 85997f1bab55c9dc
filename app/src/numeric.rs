//! Reading whole numbers typed by people: counts of meetings, documents,
//! findings, commendations. Chinese input methods in full-width mode type
//! `６` and `１２`, and phones add stray spaces; both are accepted here.
//!
//! The core has no count parser yet (it offers `Money::parse_input` for
//! amounts only). This small parser lives in the app until the core gains
//! one; then the field components should call the core's instead and this
//! module should go.

use thiserror::Error;

/// The largest count a field accepts. No rubric count comes near it; the
/// bound keeps a stray paste from turning into an absurd deduction.
pub const MAX_COUNT: u32 = 999;

/// Why a typed count was refused. The messages are shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CountError {
    /// The field holds something other than digits.
    #[error("请输入整数,例如 3")]
    NotANumber,
    /// A minus sign: counts cannot be negative.
    #[error("不能为负数")]
    Negative,
    /// A decimal point: counts are whole.
    #[error("请输入整数,不要带小数")]
    Fraction,
    /// More than [`MAX_COUNT`].
    #[error("数值过大(最多 {MAX_COUNT})")]
    TooLarge,
}

/// Reads a count. `Ok(None)` means the field is empty (not filled in);
/// full-width digits and surrounding spaces, full-width ones included,
/// are accepted.
pub fn parse_count(raw: &str) -> Result<Option<u32>, CountError> {
    // Full-width forms become ASCII first, so the rest sees one alphabet.
    let text: String = raw.chars().map(to_half_width).collect();
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

/// Maps full-width digits, signs, the ideographic full stop used as a
/// decimal point, and the ideographic space to their ASCII forms.
fn to_half_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' => {
            // In range, so the offset is 0..=9 and always a digit.
            let offset = c as u32 - 0xFF10;
            char::from_digit(offset, 10).unwrap_or(c)
        }
        '\u{FF0B}' => '+',
        '\u{FF0D}' | '\u{2212}' => '-',
        '\u{FF0E}' | '\u{3002}' => '.',
        '\u{3000}' => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    // In the browser build the tests run under wasm-bindgen-test.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::{CountError, parse_count};

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
        check("0", Ok(Some(0)));
        check("", Ok(None));
        check("   ", Ok(None));
    }

    #[test]
    fn err_counts() {
        check("abc", Err(CountError::NotANumber));
        check("3个", Err(CountError::NotANumber));
        check("+", Err(CountError::NotANumber));
        check("-1", Err(CountError::Negative));
        check("－２", Err(CountError::Negative));
        check("2.5", Err(CountError::Fraction));
        check("２。５", Err(CountError::Fraction));
        check("1000", Err(CountError::TooLarge));
        check("99999999999", Err(CountError::TooLarge));
    }
}
