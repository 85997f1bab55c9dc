//! Calendar dates as people mean them: today is the local calendar date of
//! the browser (China, UTC+8, for our users), read field by field from the
//! JavaScript clock and never converted through UTC, so that an assessment
//! made at 7 a.m. on the 1st of a month is not dated the month before.

use jiff::civil::Date;

/// Today's local calendar date.
pub fn today_local() -> Date {
    // getMonth() counts from 0; getDate() is the day of the month. Both
    // are local time by definition.
    let now = js_sys::Date::new_0();
    let year = now.get_full_year() as i16;
    let month = (now.get_month() + 1) as i8;
    let day = now.get_date() as i8;

    // The browser's fields always make a real date; the fallback only
    // keeps this total if a strange clock says otherwise.
    Date::new(year, month, day).unwrap_or(Date::constant(2024, 12, 31))
}

/// Reads the value of an `<input type="date">` (`YYYY-MM-DD`); `None` for
/// an empty or incomplete field.
pub fn parse_date_input(value: &str) -> Option<Date> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    starcheck_core::dates::parse_date(value)
}

/// The value an `<input type="date">` takes for a date.
pub fn date_input_value(date: Date) -> String {
    starcheck_core::dates::ymd(date)
}

/// A date as Chinese readers write it: `2024年10月15日`.
pub fn date_zh(date: Date) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    // In the browser build the tests run under wasm-bindgen-test.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use jiff::civil::date;

    use super::{date_input_value, date_zh, parse_date_input};

    #[test]
    fn ok_date_input_round_trip() {
        let day = date(2024, 10, 5);
        assert_eq!(date_input_value(day), "2024-10-05");
        assert_eq!(parse_date_input("2024-10-05"), Some(day));
        assert_eq!(date_zh(day), "2024年10月5日");
    }

    #[test]
    fn err_date_input() {
        assert_eq!(parse_date_input(""), None);
        assert_eq!(parse_date_input("2024-13-01"), None);
        assert_eq!(parse_date_input("2024-1"), None);
    }
}
