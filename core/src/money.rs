//! Money in yuan, exact to the 分 (two decimal places), never negative.
//!
//! [`Money`] is the only money type of the core. It is parsed once from what
//! people type ([`Money::parse_input`]) or from a stored string
//! (`"60000.00"`, its serde form), and is exact decimal arithmetic from then
//! on: never binary floating point, never rounded up to pass a line.

use std::fmt;
use std::iter::Sum;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::MoneyError;
use crate::typed::half_width;

/// An amount of yuan with exactly two decimal places, never negative.
///
/// Serialised as a string with two places, e.g. `"60000.00"`; arithmetic
/// saturates instead of overflowing (far beyond any real amount), so no
/// operation on `Money` can panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// The scale every `Money` holds: two places, the 分.
const PLACES: u32 = 2;

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, PLACES));

    /// The largest amount [`Money::parse_input`] accepts: 1,000,000,000.00
    /// yuan (10^11 分). Anything larger is surely a typing mistake.
    pub const MAX_INPUT: Money =
        Money(Decimal::from_parts(0x4876_E800, 0x17, 0, false, PLACES));

    /// The largest representable amount; sums saturate here.
    const MAX: Money =
        Money(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, PLACES));

    /// An amount of whole 分 (hundredths of a yuan).
    pub fn from_fen(fen: u64) -> Money {
        Money(Decimal::from_i128_with_scale(i128::from(fen), PLACES))
    }

    /// An amount of whole yuan.
    pub fn from_yuan(yuan: u64) -> Money {
        Money::from_fen(yuan.saturating_mul(100))
    }

    /// Holds an exact decimal as money: refused when negative or when it
    /// has more than two significant decimal places (never rounded).
    pub fn from_decimal(value: Decimal) -> Result<Money, MoneyError> {
        let input = value.to_string();
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MoneyError::Negative { input });
        }

        let normal = value.normalize();
        if normal.scale() > PLACES {
            return Err(MoneyError::TooManyDecimals { input });
        }

        let mut held = normal;
        held.set_sign_positive(true);
        held.rescale(PLACES);
        Ok(Money(held))
    }

    /// Reads an amount the way people type it.
    ///
    /// Accepts `60000`, `60,000.00`, full-width `６００００` (and full-width
    /// `，` `．` `￥`), `6万` (= 60,000.00), `6.5万` (= 65,000.00), `¥60,000`,
    /// a trailing `元`, and surrounding spaces. Refuses, each with its own
    /// [`MoneyError`], more than two decimal places (`100.005`; trailing
    /// zeros such as `100.000` are fine), stray characters (`1_000`),
    /// commas that do not group thousands (`12,34`), negatives (`-5`),
    /// text without a number (`abc`), empty text, and anything above
    /// 1,000,000,000.00.
    pub fn parse_input(text: &str) -> Result<Money, MoneyError> {
        let normalised: String = text.chars().map(half_width).collect();
        let trimmed = normalised.trim();
        let input = text.trim().to_string();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }

        // Signs and decorations, in any order people write them.
        let mut rest = trimmed;
        let mut negative = false;
        if let Some(after) = rest.strip_prefix('-') {
            negative = true;
            rest = after.trim_start();
        }
        if let Some(after) = rest.strip_prefix('¥') {
            rest = after.trim_start();
        }
        if let Some(after) = rest.strip_prefix('-') {
            negative = true;
            rest = after.trim_start();
        }
        if let Some(before) = rest.strip_suffix('元') {
            rest = before.trim_end();
        }
        let mut wan = false;
        if let Some(before) = rest.strip_suffix('万') {
            wan = true;
            rest = before.trim_end();
        }
        if !rest.chars().any(|c| c.is_ascii_digit()) {
            return Err(MoneyError::NotANumber { input });
        }

        let value = read_number(rest, wan, &input)?;

        if negative {
            return Err(MoneyError::Negative { input });
        }
        if value > Money::MAX_INPUT.0 {
            return Err(MoneyError::TooLarge { input });
        }
        let normal = value.normalize();
        if normal.scale() > PLACES {
            return Err(MoneyError::TooManyDecimals { input });
        }
        Money::from_decimal(normal)
    }

    /// The exact decimal value, with two places.
    pub fn as_decimal(&self) -> Decimal {
        self.0
    }

    /// Whether this is zero yuan.
    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    /// The sum, saturating at an amount far beyond any real ledger.
    pub fn saturating_add(self, other: Money) -> Money {
        self.0.checked_add(other.0).map_or(Money::MAX, Money)
    }

    /// The difference, or `None` when `other` is larger (money is never
    /// negative).
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        if other > self {
            return None;
        }
        self.0.checked_sub(other.0).map(Money)
    }

    /// The difference, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Money) -> Money {
        self.checked_sub(other).unwrap_or(Money::ZERO)
    }

    /// This amount `count` times, saturating.
    pub fn times(self, count: u32) -> Money {
        self.0.checked_mul(Decimal::from(count)).map_or(Money::MAX, Money)
    }

    /// This amount times a non-negative ratio, rounded UP to the next 分.
    ///
    /// Used for lines that must be reached: spending must be at least
    /// `base × ratio`; since spending is counted in whole 分, "at least the
    /// exact product" is the same as "at least the product rounded up to
    /// the 分", so rounding up never lets a short amount pass.
    pub fn times_ratio_ceil(self, ratio: Decimal) -> Money {
        let product = match self.0.checked_mul(ratio) {
            Some(product) if !product.is_sign_negative() => product,
            Some(_) => return Money::ZERO,
            None => return Money::MAX,
        };
        let ceiled = product.round_dp_with_strategy(
            PLACES,
            rust_decimal::RoundingStrategy::ToPositiveInfinity,
        );
        Money::from_decimal(ceiled).unwrap_or(Money::MAX)
    }

    /// What percentage of `base` this is, truncated (floored) to two
    /// places: 59,995.00 of 80,000.00 is 74.99, never shown as 75.00.
    /// A zero base gives zero.
    pub fn percent_of(&self, base: Money) -> Decimal {
        if base.is_zero() {
            return Decimal::ZERO;
        }

        // Multiply first so that exact percentages stay exact.
        let hundredfold = match self.0.checked_mul(Decimal::ONE_HUNDRED) {
            Some(value) => value,
            None => return Decimal::MAX.trunc_with_scale(PLACES),
        };
        match hundredfold.checked_div(base.0) {
            Some(percent) => {
                let mut floored = percent.trunc_with_scale(PLACES);
                floored.rescale(PLACES);
                floored
            }
            None => Decimal::MAX.trunc_with_scale(PLACES),
        }
    }

    /// The amount as users read it: `¥60,000.00`.
    pub fn format_yuan(&self) -> String {
        let plain = self.0.to_string();
        let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, "00"));

        let mut grouped = String::new();
        for (index, digit) in whole.chars().enumerate() {
            let left = whole.len() - index;
            if index > 0 && left % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        format!("¥{grouped}.{fraction}")
    }
}

/// Free-function form of [`Money::format_yuan`]: `¥60,000.00`.
pub fn format_yuan(amount: Money) -> String {
    amount.format_yuan()
}

/// Reads `digits[,ddd...][.digits]` (optionally in 万) into an exact
/// decimal of yuan.
fn read_number(
    text: &str,
    wan: bool,
    input: &str,
) -> Result<Decimal, MoneyError> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };

    let unexpected = |character| MoneyError::UnexpectedCharacter {
        input: input.to_string(),
        character,
    };
    if let Some(c) = whole.chars().find(|c| !c.is_ascii_digit() && *c != ',') {
        return Err(unexpected(c));
    }
    if let Some(c) = fraction.chars().find(|c| !c.is_ascii_digit()) {
        return Err(match c {
            ',' => MoneyError::BadGrouping { input: input.to_string() },
            other => unexpected(other),
        });
    }
    if whole.is_empty() {
        return Err(MoneyError::NotANumber { input: input.to_string() });
    }

    // Commas must group thousands: 1–3 digits, then groups of exactly 3.
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first_ok =
            groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups.any(|g| g.len() != 3) {
            return Err(MoneyError::BadGrouping { input: input.to_string() });
        }
    }

    // Size guards before building a decimal, so no input can overflow it.
    let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0');
    if significant.len() > 12 {
        return Err(MoneyError::TooLarge { input: input.to_string() });
    }
    let fraction = fraction.trim_end_matches('0');
    let allowed_places =
        if wan { PLACES as usize + 4 } else { PLACES as usize };
    if fraction.len() > allowed_places {
        return Err(MoneyError::TooManyDecimals { input: input.to_string() });
    }

    let whole = if significant.is_empty() { "0" } else { significant };
    let literal = if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    };
    let value = Decimal::from_str_exact(&literal)
        .map_err(|_| MoneyError::NotANumber { input: input.to_string() })?;
    if wan {
        return value
            .checked_mul(Decimal::from(10_000))
            .ok_or(MoneyError::TooLarge { input: input.to_string() });
    }
    Ok(value)
}

impl fmt::Display for Money {
    /// The canonical form, as stored: `60000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::saturating_add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    /// Reads the canonical string form (`"60000.00"`, `"60000"`): exact,
    /// non-negative, at most two places; anything else is an error.
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Money::parse_stored(&text).map_err(serde::de::Error::custom)
    }
}

impl Money {
    /// Reads the stored form (`"60000.00"`, `"60000"`) as deserialisation
    /// does, so a refused stored amount can be explained with its
    /// [`MoneyError`].
    pub fn parse_stored(text: &str) -> Result<Money, MoneyError> {
        let value = Decimal::from_str_exact(text.trim())
            .map_err(|_| MoneyError::NotANumber { input: text.to_string() })?;
        Money::from_decimal(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One typed input: the canonical amount it reads as, or the code of
    /// the error that refuses it.
    fn check(input: &str, expected: Result<&str, &str>) {
        let got = Money::parse_input(input);
        let got =
            got.as_ref().map(ToString::to_string).map_err(MoneyError::code);
        assert_eq!(got.as_deref().map_err(|c| *c), expected, "`{input}`");
    }

    #[test]
    fn parse_input_table() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("60000", Ok("60000.00")),
            ("60,000.00", Ok("60000.00")),
            ("６００００", Ok("60000.00")),
            ("６０，０００．００", Ok("60000.00")),
            ("6万", Ok("60000.00")),
            ("6.5万", Ok("65000.00")),
            ("6.5万元", Ok("65000.00")),
            ("1.234567万", Ok("12345.67")),
            ("¥60,000", Ok("60000.00")),
            ("￥60,000", Ok("60000.00")),
            ("８,000", Ok("8000.00")),
            ("60000元", Ok("60000.00")),
            ("  60000 ", Ok("60000.00")),
            ("\u{3000}60000\u{3000}", Ok("60000.00")),
            ("0.1", Ok("0.10")),
            ("100.000", Ok("100.00")),
            ("1,000,000", Ok("1000000.00")),
            ("1000000000", Ok("1000000000.00")),
            ("1,000,000,000.00", Ok("1000000000.00")),
            ("0", Ok("0.00")),
            ("5.", Ok("5.00")),
            ("100.005", Err("too_many_decimals")),
            ("1.2345678万", Err("too_many_decimals")),
            ("1_000", Err("unexpected_character")),
            ("12a", Err("unexpected_character")),
            ("1.2.3", Err("unexpected_character")),
            ("60 000", Err("unexpected_character")),
            ("10万万", Err("unexpected_character")),
            ("12,34", Err("bad_grouping")),
            ("1,0000", Err("bad_grouping")),
            (",000", Err("bad_grouping")),
            ("1000,000", Err("bad_grouping")),
            ("1.000,5", Err("bad_grouping")),
            ("-5", Err("negative")),
            ("－5", Err("negative")),
            ("¥-5", Err("negative")),
            ("abc", Err("not_a_number")),
            ("¥", Err("not_a_number")),
            ("万", Err("not_a_number")),
            (".5", Err("not_a_number")),
            ("", Err("empty")),
            ("   ", Err("empty")),
            ("1000000000.01", Err("too_large")),
            ("100001万", Err("too_large")),
            ("99999999999999999999999999999999", Err("too_large")),
        ];
        for &(input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn ok_unexpected_character_is_named() {
        let error = Money::parse_input("1_000").err();
        let named = matches!(
            error,
            Some(MoneyError::UnexpectedCharacter { character: '_', .. })
        );
        assert!(named, "{error:?}");
    }

    #[test]
    fn ok_error_messages_are_lowercase_without_period() {
        for input in
            ["", "abc", "1_000", "12,34", "100.005", "-5", "2000000000"]
        {
            let Err(error) = Money::parse_input(input) else {
                panic!("`{input}` accepted");
            };
            let message = error.to_string();
            assert!(!message.ends_with('.'), "{message}");
            assert!(message.chars().next().is_some_and(char::is_lowercase));
            assert!(!error.message_zh().is_empty());
        }
    }

    #[test]
    fn ok_spending_sums_exactly() {
        let parts = ["20,000.10", "20,000.10", "19,999.80"];
        let total: Money =
            parts.iter().filter_map(|p| Money::parse_input(p).ok()).sum();
        assert_eq!(total, Money::from_yuan(60_000));
        assert_eq!(total.to_string(), "60000.00");
    }

    #[test]
    fn ok_percent_is_floored() {
        let base = Money::from_yuan(80_000);
        let cases = [
            (Money::from_yuan(59_995), "74.99"),
            (Money::from_yuan(60_000), "75.00"),
            (Money::from_fen(5_999_999), "74.99"),
            (Money::from_yuan(65_000), "81.25"),
            (Money::ZERO, "0.00"),
        ];
        for (amount, expected) in cases {
            assert_eq!(amount.percent_of(base).to_string(), expected);
        }
        assert_eq!(Money::from_yuan(1).percent_of(Money::ZERO), Decimal::ZERO);
    }

    #[test]
    fn ok_line_is_rounded_up_to_the_fen() {
        let base = Money::from_yuan(80_000);
        let ratio = Decimal::new(75, 2);
        assert_eq!(base.times_ratio_ceil(ratio), Money::from_yuan(60_000));

        let odd = Money::from_fen(1);
        assert_eq!(odd.times_ratio_ceil(ratio), Money::from_fen(1));
    }

    #[test]
    fn ok_format_yuan() {
        let cases = [
            (Money::from_yuan(60_000), "¥60,000.00"),
            (Money::from_fen(320_000), "¥3,200.00"),
            (Money::from_fen(5), "¥0.05"),
            (Money::from_yuan(2_000_000), "¥2,000,000.00"),
            (Money::from_yuan(100), "¥100.00"),
        ];
        for (amount, expected) in cases {
            assert_eq!(format_yuan(amount), expected);
        }
    }

    #[test]
    fn ok_serde_is_a_two_place_string() {
        let json = serde_json::to_string(&Money::from_yuan(60_000));
        assert_eq!(json.ok().as_deref(), Some("\"60000.00\""));

        let back: Result<Money, _> = serde_json::from_str("\"59999.99\"");
        assert_eq!(back.ok(), Some(Money::from_fen(5_999_999)));
    }

    #[test]
    fn err_serde_refuses_negative_and_fractions_of_fen() {
        for bad in ["\"-1.00\"", "\"1.001\"", "\"abc\"", "12"] {
            assert!(serde_json::from_str::<Money>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ok_arithmetic_never_goes_negative() {
        let a = Money::from_yuan(5);
        let b = Money::from_yuan(7);
        assert_eq!(a.checked_sub(b), None);
        assert_eq!(a.saturating_sub(b), Money::ZERO);
        assert_eq!(b.saturating_sub(a), Money::from_yuan(2));
        assert_eq!(a.times(3), Money::from_yuan(15));
    }
}
