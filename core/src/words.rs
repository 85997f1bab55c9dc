//! Small pieces of wording shared by the messages of the core and the app:
//! an English count with its noun in the singular or the plural, and a
//! size in KiB or MiB written so that a size over a limit never reads as
//! the limit itself. Sizes count in 1024s and say so (KiB, MiB), in
//! Chinese text too, as the app's limits are written. And a number to one
//! decimal for the app's charts, written without the float formatter so
//! that it stays out of the WebAssembly build (issue #9).

/// `n` with `one` or `many` after it: `1 place`, `2 places`, `0 places`.
pub fn count_noun(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    let noun = if n == 1 { one } else { many };
    format!("{n} {noun}")
}

/// A size in MiB to two decimals, rounded up and without a `.00`:
/// `20 MiB`, `20.03 MiB`, `0.01 MiB`. Rounding up keeps a size just over
/// a whole-MiB limit from printing as the limit.
pub fn mib(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    let hundredths = (u128::from(bytes) * 100).div_ceil(u128::from(MIB));
    let (whole, part) = (hundredths / 100, hundredths % 100);
    if part == 0 {
        return format!("{whole} MiB");
    }
    format!("{whole}.{part:02} MiB")
}

/// A file's size as lists show it: whole KiB (rounded up) under 1 MiB,
/// else as [`mib`]: `1 KiB`, `350 KiB`, `2.41 MiB`, `20 MiB`.
pub fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes < MIB {
        return format!("{} KiB", bytes.div_ceil(1024));
    }
    mib(bytes)
}

/// `x` to one decimal, exactly as `format!("{x:.1}")` writes it (the
/// binary value rounded half to even), for SVG coordinates and CSS
/// percentages: `255.2`, `18.0`, `-0.5`. Integer arithmetic only, so the
/// float formatter is not linked. Magnitudes are capped at 10^15, far
/// beyond any chart; NaN and infinities are written as Rust writes them.
pub fn tenths(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }

    // |x| = m · 2^e exactly; tenths = m · 10 · 2^e rounded half to even.
    let bits = x.abs().min(1e15).to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = match exponent {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, exponent - 1075),
    };
    let scaled = u128::from(m) * 10;
    let tenths = if e >= 0 {
        // Not reached under the cap (below 2^52, so e < 0); kept total.
        scaled << e
    } else if e <= -127 {
        0
    } else {
        let shift = e.unsigned_abs();
        let whole = scaled >> shift;
        let rest = scaled - (whole << shift);
        let half = 1u128 << (shift - 1);
        let up = rest > half || (rest == half && whole & 1 == 1);
        whole + u128::from(up)
    };
    let tenths = u64::try_from(tenths).unwrap_or(u64::MAX);
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_count_noun() {
        let cases = [(0, "0 places"), (1, "1 place"), (2, "2 places")];
        for (n, shown) in cases {
            assert_eq!(count_noun(n as u32, "place", "places"), shown);
        }
    }

    #[test]
    fn ok_mib() {
        let cases = [
            (20 * 1024 * 1024, "20 MiB"),
            (21_000_000, "20.03 MiB"),
            (20 * 1024 * 1024 + 1, "20.01 MiB"),
            (3 * 1024 * 1024, "3 MiB"),
            (3 * 1024 * 1024 + 512 * 1024, "3.50 MiB"),
            (2 * 1024 * 1024 + 1, "2.01 MiB"),
            (1, "0.01 MiB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(mib(bytes), shown);
        }
    }

    #[test]
    fn ok_size() {
        let cases = [
            (0, "0 KiB"),
            (1, "1 KiB"),
            (1024, "1 KiB"),
            (1025, "2 KiB"),
            (350 * 1024, "350 KiB"),
            (1024 * 1024 - 1, "1024 KiB"),
            (1024 * 1024, "1 MiB"),
            (2_526_000, "2.41 MiB"),
            (20 * 1024 * 1024 + 1, "20.01 MiB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(size(bytes), shown, "{bytes}");
        }
    }

    #[test]
    fn ok_tenths_as_the_formatter_writes() {
        let cases = [
            (255.2, "255.2"),
            (18.0, "18.0"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (-0.04, "-0.0"),
            (0.25, "0.2"),
            (0.35, "0.3"),
            (0.05, "0.1"),
            (479.99, "480.0"),
            (1e15, "1000000000000000.0"),
            (5e-324, "0.0"),
        ];
        for (x, shown) in cases {
            assert_eq!(tenths(x), shown, "{x}");
            assert_eq!(tenths(x), format!("{x:.1}"), "{x}");
        }
        assert_eq!(tenths(f64::NAN), "NaN");
        assert_eq!(tenths(f64::NEG_INFINITY), "-inf");
    }

    proptest::proptest! {
        #[test]
        fn prop_tenths_as_the_formatter_writes(x in -1e6f64..1e6) {
            proptest::prop_assert_eq!(tenths(x), format!("{x:.1}"));
        }

        #[test]
        fn prop_tenths_of_chart_shares(points in 0u32..=1000, max in 1u32..=1000) {
            let x = f64::from(points.min(max)) / f64::from(max) * 480.0;
            proptest::prop_assert_eq!(tenths(x), format!("{x:.1}"));
        }
    }
}
