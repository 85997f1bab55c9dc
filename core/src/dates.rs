//! Dates as StarCheck writes and reads them. Writing: `2024-10-05` and
//! `2024-10-05 14:30`, put together from the date's fields. Reading: serde
//! readers for jiff's civil dates that parse with jiff but refuse in our
//! own words, so that the date library's formatter and its long table of
//! error messages stay out of the WebAssembly build (issue #9). Every
//! `Date` and `DateTime` member the core or the app deserializes names one
//! of the `de_*` readers below.

use std::fmt;

use jiff::civil::{Date, DateTime};
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
        // The words jiff's own reader used, so refusals read as before.
        f.write_str("a date string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<Date, E> {
        // jiff's own reason is dropped on purpose: displaying it would
        // bring its whole message table into the build.
        text.parse().map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
    }
}

struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = DateTime;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a datetime string")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<DateTime, E> {
        text.parse().map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
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
