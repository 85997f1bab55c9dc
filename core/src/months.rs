//! Calendar months of the campaign and the state of each monthly duty
//! (item 5's meetings, item 13's reports) as of an assessment date.
//!
//! (our reading) The campaign months are October to December 2024 (方法步骤:
//! 推开实施阶段 10–12月). A month that has not ended by the as-of date is
//! *pending*, not missing, at both ends of the range. Reports are due by the
//! rubric's due day (the 25th, 实施内容(五)) of the month they report on; a
//! report sent after that day is *late*: missing at the low end, sent at the
//! high end. A report not yet sent after the due day of a month that has not
//! ended is still pending for scoring, but shown as overdue. All dates are
//! civil (local, China) dates and never pass through UTC.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::assessment::{Meeting, Report};
use crate::error::MonthError;

/// A calendar month, e.g. 2024-10; serialised as `"2024-10"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i16,
    month: i8,
}

impl YearMonth {
    /// The month, if `year` is in 1..=9999 and `month` in 1..=12.
    pub fn new(year: i16, month: i8) -> Result<YearMonth, MonthError> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(MonthError::Malformed {
                input: format!("{year:04}-{month:02}"),
            });
        }
        Ok(YearMonth { year, month })
    }

    /// The month a date falls in.
    pub fn of(date: Date) -> YearMonth {
        YearMonth { year: date.year(), month: date.month() }
    }

    /// The year, e.g. 2024.
    pub fn year(&self) -> i16 {
        self.year
    }

    /// The month of the year, 1..=12.
    pub fn month(&self) -> i8 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(&self) -> Date {
        // Fields are validated on construction, so the fallback is never
        // taken; it keeps this function total.
        Date::new(self.year, self.month, 1).unwrap_or(Date::MIN)
    }

    /// The last day of the month.
    pub fn last_day(&self) -> Date {
        self.first_day().last_of_month()
    }

    /// The given day of this month, clamped to the month's last day.
    pub fn day(&self, day: i8) -> Date {
        let day = day.clamp(1, self.first_day().days_in_month());
        Date::new(self.year, self.month, day).unwrap_or(self.last_day())
    }

    /// Whether the month has ended by `as_of`: true only from the first day
    /// of the next month.
    pub fn has_ended(&self, as_of: Date) -> bool {
        as_of > self.last_day()
    }

    /// The short Chinese label, e.g. `11月`.
    pub fn label_zh(&self) -> String {
        format!("{}月", self.month)
    }

    /// The short English label, e.g. `November`.
    pub fn label_en(&self) -> String {
        const NAMES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let index = usize::try_from(self.month.clamp(1, 12) - 1).unwrap_or(0);
        NAMES[index].to_string()
    }

    /// The long Chinese label, e.g. `2024年11月`.
    pub fn long_label_zh(&self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = MonthError;

    fn from_str(text: &str) -> Result<YearMonth, MonthError> {
        let malformed = || MonthError::Malformed { input: text.to_string() };
        let (year, month) =
            text.trim().split_once('-').ok_or_else(malformed)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(malformed());
        }
        let year: i16 = year.parse().map_err(|_| malformed())?;
        let month: i8 = month.parse().map_err(|_| malformed())?;
        YearMonth::new(year, month).map_err(|_| malformed())
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(
        &self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The state of one month's duty as of the assessment date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum MonthState {
    /// Held, or reported by the due day, on this date.
    Done {
        #[serde(deserialize_with = "crate::dates::de_date")]
        on: Date,
    },
    /// Reported after the due day: missing at the low end, sent at the high
    /// end (our reading).
    Late {
        #[serde(deserialize_with = "crate::dates::de_date")]
        on: Date,
    },
    /// The month has ended with nothing held or sent.
    Missing,
    /// The month has not ended and nothing is held or sent yet.
    Pending,
    /// A report not yet sent although the due day has passed, in a month
    /// that has not ended: scored as pending, shown as overdue.
    Overdue,
}

impl MonthState {
    /// Whether anything was held or sent (on time or late).
    pub fn is_held(&self) -> bool {
        matches!(self, MonthState::Done { .. } | MonthState::Late { .. })
    }

    /// Whether the month still lies ahead (nothing lost yet).
    pub fn is_open(&self) -> bool {
        matches!(self, MonthState::Pending | MonthState::Overdue)
    }
}

/// One campaign month and the state of its duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthLine {
    pub month: YearMonth,
    pub state: MonthState,
}

/// The state of each campaign month's meeting (item 5) as of `as_of`.
///
/// A meeting counts for the month its date falls in; meetings dated after
/// `as_of` have not happened and are ignored (the scorer reports them);
/// several meetings in one month count once.
pub fn meeting_months(
    campaign: &[YearMonth],
    meetings: &[Meeting],
    as_of: Date,
) -> Vec<MonthLine> {
    campaign
        .iter()
        .map(|&month| {
            let held = meetings
                .iter()
                .filter(|m| m.date <= as_of && YearMonth::of(m.date) == month)
                .map(|m| m.date)
                .min();
            let state = match held {
                Some(on) => MonthState::Done { on },
                None if month.has_ended(as_of) => MonthState::Missing,
                None => MonthState::Pending,
            };
            MonthLine { month, state }
        })
        .collect()
}

/// The state of each campaign month's information report (item 13) as of
/// `as_of`, with reports due by `due_day` of the month they report on.
///
/// The earliest report sent for a month (and not after `as_of`) decides.
pub fn report_months(
    campaign: &[YearMonth],
    due_day: i8,
    reports: &[Report],
    as_of: Date,
) -> Vec<MonthLine> {
    campaign
        .iter()
        .map(|&month| {
            let due = month.day(due_day);
            let sent = reports
                .iter()
                .filter(|r| r.month == month && r.sent_on <= as_of)
                .map(|r| r.sent_on)
                .min();
            let state = match sent {
                Some(on) if on <= due => MonthState::Done { on },
                Some(on) => MonthState::Late { on },
                None if month.has_ended(as_of) => MonthState::Missing,
                None if as_of > due => MonthState::Overdue,
                None => MonthState::Pending,
            };
            MonthLine { month, state }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn campaign() -> Vec<YearMonth> {
        (10..=12).filter_map(|m| YearMonth::new(2024, m).ok()).collect()
    }

    fn meeting(y: i16, m: i8, d: i8) -> Meeting {
        Meeting {
            date: date(y, m, d),
            note: String::new(),
            evidence: Default::default(),
        }
    }

    fn report(month: i8, sent: Date) -> Report {
        Report {
            month: YearMonth { year: 2024, month },
            sent_on: sent,
            evidence: Default::default(),
        }
    }

    #[test]
    fn ok_year_month_round_trip() {
        let month: Result<YearMonth, _> = "2024-10".parse();
        assert_eq!(month, YearMonth::new(2024, 10));
        assert_eq!(
            month.map(|m| m.to_string()).ok().as_deref(),
            Some("2024-10")
        );
        for bad in ["2024-13", "2024-1", "24-10", "2024/10", "", "2024-00"] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }

    #[test]
    fn ok_month_ends_on_first_of_next() {
        let november = YearMonth { year: 2024, month: 11 };
        assert!(!november.has_ended(date(2024, 11, 30)));
        assert!(november.has_ended(date(2024, 12, 1)));
        assert_eq!(november.day(31), date(2024, 11, 30));
    }

    #[test]
    fn ok_example_c_meetings_pending() {
        let lines = meeting_months(
            &campaign(),
            &[meeting(2024, 10, 15)],
            date(2024, 11, 10),
        );
        let states: Vec<MonthState> = lines.iter().map(|l| l.state).collect();
        assert_eq!(
            states,
            [
                MonthState::Done { on: date(2024, 10, 15) },
                MonthState::Pending,
                MonthState::Pending,
            ]
        );
    }

    #[test]
    fn ok_meetings_after_as_of_or_outside_campaign_ignored() {
        let lines = meeting_months(
            &campaign(),
            &[meeting(2024, 9, 30), meeting(2024, 12, 20)],
            date(2024, 12, 10),
        );
        let states: Vec<MonthState> = lines.iter().map(|l| l.state).collect();
        assert_eq!(
            states,
            [MonthState::Missing, MonthState::Missing, MonthState::Pending]
        );
    }

    #[test]
    fn ok_reports_on_time_late_overdue() {
        let reports =
            [report(10, date(2024, 10, 25)), report(11, date(2024, 11, 26))];
        let lines =
            report_months(&campaign(), 25, &reports, date(2024, 12, 27));
        let states: Vec<MonthState> = lines.iter().map(|l| l.state).collect();
        assert_eq!(
            states,
            [
                MonthState::Done { on: date(2024, 10, 25) },
                MonthState::Late { on: date(2024, 11, 26) },
                MonthState::Overdue,
            ]
        );

        let after = report_months(&campaign(), 25, &reports, date(2025, 1, 2));
        assert_eq!(after[2].state, MonthState::Missing);
    }
}
