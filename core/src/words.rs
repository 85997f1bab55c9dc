//! Small pieces of wording shared by the messages of the core and the app:
//! an English count with its noun in the singular or the plural, and a
//! size in KiB or MiB written so that a size over a limit never reads as
//! the limit itself. Sizes count in 1024s and say so (KiB, MiB), in
//! Chinese text too, as the app's limits are written.

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
}
