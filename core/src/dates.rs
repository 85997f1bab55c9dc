//! Dates as StarCheck writes and reads them. Writing: `2024-10-05` and
//! `2024-10-05 14:30`, put together from the date's fields. Reading: the
//! file format's two forms exactly as its schema
//! (`schema/starcheck-assessment.v1.schema.json`) writes them, `YYYY-MM-DD`
//! and `YYYY-MM-DDTHH:MM[:SS[.fraction]]`, split here and checked against
//! the calendar by jiff (`Date::new`, `Time::new`); and serde readers built
//! on them that refuse in serde's words.
//!
//! Why not jiff's own parser: it reads every ISO 8601 / RFC 9557 form,
//! time zone annotations included, and with it come jiff's time zone code
//! and its error message table: 115 kB of the app's WebAssembly, 38 kB
//! gzipped (issue #9). The forms it read beyond the schema's
//! (`20241005`, `+002024-10-05`, `2024-10-05T14:30[Asia/Shanghai]`) are
//! now refused, as the schema always refused them. Every `Date` and
//! `DateTime` member the core or the app deserializes names one of the
//! `de_*` readers below.

use std::fmt;

use jiff::civil::{Date, DateTime, Time};
use serde::de::{Deserialize, Deserializer, Error, Unexpected, Visitor};

/// A date as `YYYY-MM-DD`, the form of files, names and date inputs:
/// `2024-10-05`.
pub fn ymd(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date-time to the minute, as `YYYY-MM-DD HH:MM`: `2024-11-10 14:30`.
pub fn ymd_hm(at: DateTime) -> String {
    format!("{} {:02}:{:02}", ymd(at.date()), at.hour(), at.minute())
}

/// A date written `YYYY-MM-DD` (four, two and two digits) that exists in
/// the calendar, from year 0001: `2024-02-29`, not `2024-02-30`,
/// `2024-2-9` nor `0000-01-01`.
pub fn parse_date(text: &str) -> Option<Date> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text.as_bytes() else {
        return None;
    };
    let year = number(&[y0, y1, y2, y3])?;
    let month = number(&[m0, m1])?;
    let day = number(&[d0, d1])?;

    // Four digits fit i16 and two fit i8; jiff says whether the day exists.
    // Year 0000 exists for jiff but for no one who fills in a form.
    if year == 0 {
        return None;
    }
    Date::new(year as i16, month as i8, day as i8).ok()
}

/// A date-time written `YYYY-MM-DDTHH:MM`, with `:SS` and then a fraction
/// of one to nine digits optional: `2024-11-10T14:32:00`. A leap second
/// (`:60`) reads as `:59`, as jiff's own parser read it.
pub fn parse_date_time(text: &str) -> Option<DateTime> {
    let (date, time) = text.split_once('T')?;
    let date = parse_date(date)?;
    let (hour_minute, rest) = time.split_at_checked(5)?;
    let &[h0, h1, b':', m0, m1] = hour_minute.as_bytes() else {
        return None;
    };
    let (hour, minute) = (number(&[h0, h1])?, number(&[m0, m1])?);

    // Seconds, then the fraction, each only when the part before is there.
    let (second, nanosecond) = match rest {
        "" => (0, 0),
        _ => {
            let (second, fraction) =
                rest.strip_prefix(':')?.split_at_checked(2)?;
            // A leap second only: 61 and beyond are refused by jiff.
            let second = match number(second.as_bytes())? {
                60 => 59,
                second => second,
            };
            let nanosecond = match fraction {
                "" => 0,
                _ => nanoseconds(fraction.strip_prefix('.')?)?,
            };
            (second, nanosecond)
        }
    };

    // Two digits fit i8 and nanoseconds fit i32; jiff checks the ranges.
    let time =
        Time::new(hour as i8, minute as i8, second as i8, nanosecond as i32)
            .ok()?;
    Some(date.to_datetime(time))
}

/// ASCII digits, at most nine, as a number.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

/// A fraction of a second, one to nine digits, in nanoseconds.
fn nanoseconds(fraction: &str) -> Option<u32> {
    let value = number(fraction.as_bytes())?;
    let missing = 9 - fraction.len() as u32;
    Some(value * 10u32.pow(missing))
}

/// Reads a `Date` (`2024-10-05`).
pub fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    ReadDate::deserialize(d).map(|read| read.0)
}

/// Reads an optional `Date`; `null` is `None`. Pair it with
/// `#[serde(default)]` so that a missing member is `None` too.
pub fn de_opt_date<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Date>, D::Error> {
    Option::<ReadDate>::deserialize(d).map(|read| read.map(|r| r.0))
}

/// Reads a `DateTime` (`2024-11-10T14:30:00`).
pub fn de_date_time<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<DateTime, D::Error> {
    ReadDateTime::deserialize(d).map(|read| read.0)
}

/// Reads an optional `DateTime`; `null` is `None`. Pair it with
/// `#[serde(default)]` so that a missing member is `None` too.
pub fn de_opt_date_time<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime>, D::Error> {
    Option::<ReadDateTime>::deserialize(d).map(|read| read.map(|r| r.0))
}

/// A `Date` read by [`de_date`]'s rules, for code that deserializes a
/// lone value rather than a member.
pub(crate) struct ReadDate(pub Date);

/// A `DateTime` read by [`de_date_time`]'s rules.
struct ReadDateTime(DateTime);

impl<'de> Deserialize<'de> for ReadDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateVisitor).map(ReadDate)
    }
}

impl<'de> Deserialize<'de> for ReadDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateTimeVisitor).map(ReadDateTime)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // The words jiff's serde reader used, so refusals read as before.
        f.write_str("a date string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Date, E> {
        parse_date(text)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a datetime string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<DateTime, E> {
        parse_date_time(text)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, datetime};
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Stamped {
        #[serde(deserialize_with = "de_date")]
        on: Date,
        #[serde(default, deserialize_with = "de_opt_date_time")]
        at: Option<DateTime>,
    }

    #[test]
    fn ok_ymd() {
        let cases = [
            (date(2024, 10, 5), "2024-10-05"),
            (date(2024, 12, 31), "2024-12-31"),
            (date(987, 1, 1), "0987-01-01"),
        ];
        for (day, shown) in cases {
            assert_eq!(ymd(day), shown);
        }
    }

    #[test]
    fn ok_ymd_hm() {
        let at = datetime(2024, 11, 10, 9, 5, 59, 0);
        assert_eq!(ymd_hm(at), "2024-11-10 09:05");
        let at = datetime(2025, 1, 6, 14, 30, 0, 0);
        assert_eq!(ymd_hm(at), "2025-01-06 14:30");
    }

    #[test]
    fn ok_parse_date() {
        let cases = [
            ("2024-10-05", date(2024, 10, 5)),
            ("2024-02-29", date(2024, 2, 29)),
            ("0987-01-01", date(987, 1, 1)),
            ("9999-12-31", date(9999, 12, 31)),
        ];
        for (text, day) in cases {
            assert_eq!(parse_date(text), Some(day), "{text}");
        }
    }

    #[test]
    fn err_parse_date() {
        let refused = [
            "",
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-10-00",
            "2024-1-05",
            "2024-10-5",
            "24-10-05",
            "2024/10/05",
            "20241005",
            "+002024-10-05",
            "2024-10-05T00:00",
            " 2024-10-05",
            "2024-10-05 ",
            "２０２４-10-05",
            "2024-1０-05",
            "0000-01-01",
        ];
        for text in refused {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn ok_parse_date_time() {
        let cases = [
            ("2024-11-10T14:32:00", datetime(2024, 11, 10, 14, 32, 0, 0)),
            ("2024-11-10T14:32", datetime(2024, 11, 10, 14, 32, 0, 0)),
            ("2024-11-10T00:00:59", datetime(2024, 11, 10, 0, 0, 59, 0)),
            (
                "2024-11-10T23:59:59.5",
                datetime(2024, 11, 10, 23, 59, 59, 500_000_000),
            ),
            (
                "2024-11-10T23:59:59.123456789",
                datetime(2024, 11, 10, 23, 59, 59, 123_456_789),
            ),
            ("2024-12-31T23:59:60", datetime(2024, 12, 31, 23, 59, 59, 0)),
        ];
        for (text, at) in cases {
            assert_eq!(parse_date_time(text), Some(at), "{text}");
        }
    }

    #[test]
    fn err_parse_date_time() {
        let refused = [
            "2024-11-10",
            "2024-11-10T",
            "2024-11-10T14",
            "2024-11-10T14:3",
            "2024-11-10T24:00:00",
            "2024-11-10T14:60:00",
            "2024-11-10T14:32:0",
            "2024-11-10T14:32:00.",
            "2024-11-10T14:32:00.1234567890",
            "2024-11-10T14:32:00Z",
            "2024-11-10T14:32:00+08:00",
            "2024-11-10T14:32:00[Asia/Shanghai]",
            "2024-11-10 14:32:00",
            "2024-02-30T14:32:00",
            "2024-11-10T14:32:ab",
            "2024-11-10T14:32:0é",
            "2024-11-10T14:30:61",
            "2024-11-10T14:30:99",
        ];
        for text in refused {
            assert_eq!(parse_date_time(text), None, "{text}");
        }
    }

    proptest::proptest! {
        /// On the schema's form, the same answer as jiff's parser, from
        /// year 0001 (year 0000 is refused here, see `err_parse_date`).
        #[test]
        fn prop_parse_date_as_jiff(y in 1u32..=9999, m in 0u32..=13, d in 0u32..=32) {
            let text = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(parse_date(&text), text.parse::<Date>().ok());
        }

        #[test]
        fn prop_parse_date_time_as_jiff(
            day in 1u32..=31,
            h in 0u32..=25,
            m in 0u32..=61,
            s in proptest::option::of(0u32..=59),
            f in proptest::option::of("[0-9]{1,9}"),
        ) {
            let mut text = format!("2024-01-{day:02}T{h:02}:{m:02}");
            if let Some(s) = s {
                text.push_str(&format!(":{s:02}"));
                if let Some(f) = &f {
                    text.push_str(&format!(".{f}"));
                }
            }
            proptest::prop_assert_eq!(
                parse_date_time(&text),
                text.parse::<DateTime>().ok()
            );
        }

        /// What the app writes, it reads back.
        #[test]
        fn prop_written_dates_read_back(y in 1i16..=9999, m in 1i8..=12, d in 1i8..=28) {
            let day = date(y, m, d);
            proptest::prop_assert_eq!(parse_date(&ymd(day)), Some(day));
            proptest::prop_assert_eq!(parse_date(&day.to_string()), Some(day));
            let at = day.at(23, 5, 9, 0);
            proptest::prop_assert_eq!(parse_date_time(&at.to_string()), Some(at));
        }
    }

    #[test]
    fn ok_read() {
        let read: Stamped = serde_json::from_str(
            r#"{"on":"2024-10-05","at":"2024-11-10T14:30:00"}"#,
        )
        .unwrap();
        assert_eq!(read.on, date(2024, 10, 5));
        assert_eq!(read.at, Some(datetime(2024, 11, 10, 14, 30, 0, 0)));

        // A missing or null optional member is `None`.
        for text in
            [r#"{"on":"2024-10-05"}"#, r#"{"on":"2024-10-05","at":null}"#]
        {
            let read: Stamped = serde_json::from_str(text).unwrap();
            assert_eq!(read.at, None);
        }
    }

    #[test]
    fn err_read() {
        let error = serde_json::from_str::<Stamped>(r#"{"on":"2024-02-30"}"#)
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "invalid value: string \"2024-02-30\", expected a date \
             string at line 1 column 18"
        );
        let error = serde_json::from_str::<Stamped>(
            r#"{"on":"2024-02-03","at":"2024-02-03T25:00:00"}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with(
                "invalid value: string \"2024-02-03T25:00:00\", expected a \
                 datetime string"
            ),
            "{error}"
        );
        let error = serde_json::from_str::<Stamped>(r#"{"on":5}"#)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("invalid type: integer `5`"), "{error}");
    }
}
