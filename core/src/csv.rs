//! CSV that opens correctly in Excel on Chinese Windows: UTF-8 with a
//! byte-order mark (without it Excel reads the bytes as GBK and shows
//! mojibake), CRLF line ends, RFC 4180 quoting, and cells that cannot run as
//! formulas.
//!
//! Cells are typed ([`Cell`]): a number the program computed
//! ([`Cell::Number`]) is written as it is, so `-5` stays the number −5; text
//! ([`Cell::Text`], anything a person typed or a file carried) goes through
//! [`safe_text`]:
//!
//! - text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//!   would be read as a formula (CSV injection); it gets a leading `'`,
//!   which shows in the cell. Text that is a plain decimal number (`-5`,
//!   `3.5`) is not a formula and is left alone: it stays a number;
//! - an all-digit string of 11 digits or more (a phone or ID number), or
//!   one with a leading zero, would become `1.38E+10` or lose the zero; it
//!   is written as `="13812345678"`, which Excel and LibreOffice show as
//!   exactly that text. The formula holds nothing but the digits in
//!   quotes, so it cannot compute anything else.
//!
//! Written by hand rather than with the `csv` crate: quoting is the only
//! part the crate would do (a dozen lines here), while the rules above,
//! the byte-order mark and the typed cells are Excel's and live here
//! anyway; writing to a `String` cannot fail, so the core's CSV stays a
//! total function with no `io::Result` to thread through, and the wasm
//! build gains no dependency.

/// The UTF-8 byte-order mark Excel needs to read UTF-8.
pub const BOM: char = '\u{feff}';

/// The line end Excel and RFC 4180 expect.
pub const CRLF: &str = "\r\n";

/// Digit strings this long or longer are kept as text: Excel keeps only 15
/// significant digits and shows 11 or more in scientific notation.
pub const LONG_DIGITS: usize = 11;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Text; made formula-safe when written.
    Text(String),
    /// A number the program computed, in plain decimal notation
    /// (`-5`, `80000.00`); written unchanged.
    Number(String),
    /// Nothing.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// A number cell from a whole number.
    pub fn int(value: impl Into<i64>) -> Cell {
        Cell::Number(value.into().to_string())
    }

    /// A number cell from an amount: `80000.00`.
    pub fn money(amount: crate::money::Money) -> Cell {
        Cell::Number(amount.to_string())
    }

    /// The cell as written in a CSV file, quoted where needed.
    pub fn to_field(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            // A computed number is plain notation: no comma, no quote.
            Cell::Number(number) if is_plain_number(number) => number.clone(),
            Cell::Number(other) | Cell::Text(other) => quote(&safe_text(other)),
        }
    }
}

/// A whole CSV document: byte-order mark, then every row, each ended by
/// CRLF.
pub fn to_csv(rows: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    out.push(BOM);
    for row in rows {
        let fields: Vec<String> = row.iter().map(Cell::to_field).collect();
        out.push_str(&fields.join(","));
        out.push_str(CRLF);
    }
    out
}

/// Text as a spreadsheet must receive it (see the module docs): a formula
/// prefix neutralised with `'`, long or zero-led digit strings kept as
/// text. Quoting is separate ([`Cell::to_field`]).
pub fn safe_text(text: &str) -> String {
    if is_plain_number(text) {
        let digits = text.trim_start_matches('-');
        let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
        let long = digits.len() >= LONG_DIGITS;
        let zero_led = digits.len() > 1 && digits.starts_with('0');
        if all_digits && !text.starts_with('-') && (long || zero_led) {
            return format!("=\"{text}\"");
        }
        return text.to_string();
    }
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// `-5`, `12`, `80000.00`: an optional minus, digits, an optional
/// fraction. Nothing else (no `+`, no exponent, no spaces).
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits =
        |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// RFC 4180: a field holding a comma, a quote or a line break is put in
/// quotes, with its quotes doubled.
fn quote(field: &str) -> String {
    if !field.contains([',', '"', '\r', '\n']) {
        return field.to_string();
    }
    format!("\"{}\"", field.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    fn field(cell: Cell) -> String {
        cell.to_field()
    }

    #[test]
    fn ok_document_starts_with_bom_and_ends_rows_with_crlf() {
        let csv = to_csv(&[
            vec![Cell::text("社区"), Cell::text("总分")],
            vec![Cell::text("新春社区"), Cell::int(107)],
        ]);
        assert!(csv.as_bytes().starts_with(b"\xEF\xBB\xBF"));
        assert_eq!(csv, "\u{feff}社区,总分\r\n新春社区,107\r\n");
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    }

    #[test]
    fn ok_quoting() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("鲤城区,丰泽区", "\"鲤城区,丰泽区\""),
            ("", ""),
        ];
        for (text, written) in cases {
            assert_eq!(field(Cell::text(text)), written, "{text:?}");
        }
    }

    #[test]
    fn ok_formulas_are_neutralised() {
        let cases = [
            ("=1+1", "'=1+1"),
            ("+86 123", "'+86 123"),
            ("-2+3", "'-2+3"),
            ("-", "'-"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("a=b", "a=b"),
            ("新春社区", "新春社区"),
        ];
        for (text, written) in cases {
            assert_eq!(field(Cell::text(text)), written, "{text:?}");
        }
    }

    #[test]
    fn ok_negative_numbers_stay_numbers() {
        assert_eq!(field(Cell::int(-5)), "-5");
        assert_eq!(field(Cell::Number("-5".to_string())), "-5");
        assert_eq!(field(Cell::text("-5")), "-5");
        assert_eq!(field(Cell::text("-3.25")), "-3.25");
        assert_eq!(field(Cell::money(Money::from_fen(8_000_000))), "80000.00");
        assert_eq!(field(Cell::int(0)), "0");
    }

    #[test]
    fn ok_long_and_zero_led_digits_stay_text() {
        let cases = [
            ("13812345678", "\"=\"\"13812345678\"\"\""),
            ("350502199001011234", "\"=\"\"350502199001011234\"\"\""),
            ("0595", "\"=\"\"0595\"\"\""),
            // Ten digits and fewer stay numbers; an ID with X is text
            // to Excel already.
            ("1234567890", "1234567890"),
            ("35050219900101123X", "35050219900101123X"),
            ("0", "0"),
            ("0.5", "0.5"),
        ];
        for (text, written) in cases {
            assert_eq!(field(Cell::text(text)), written, "{text:?}");
        }
    }

    #[test]
    fn ok_a_number_cell_that_is_not_plain_is_treated_as_text() {
        assert_eq!(field(Cell::Number("=1".to_string())), "'=1");
        assert_eq!(field(Cell::Empty), "");
    }

    #[test]
    fn ok_plain_numbers() {
        for yes in ["0", "-5", "12.50", "80000.00"] {
            assert!(is_plain_number(yes), "{yes}");
        }
        for no in ["", "-", ".5", "5.", "+5", "1e5", " 5", "1,000", "--5"] {
            assert!(!is_plain_number(no), "{no}");
        }
    }
}
