//! Where and when `cargo xtask bench` measured: the CPU, cores and memory
//! (from /proc, so Linux only; elsewhere the fields say "unknown"), the
//! date and time in UTC, the commit, and the versions of the browser, Node
//! and rustc that took part.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::process::capture;
use crate::workspace::Workspace;

/// The facts printed at the head of BENCHMARKS.md.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Machine {
    pub cpu: String,
    pub cores: String,
    pub memory: String,
    /// The load average when measuring started: others' builds share the
    /// cores, and timings move with them.
    pub load: String,
    /// `2025-12-04 17:20 UTC`.
    pub date: String,
    /// Short hash, with `+ uncommitted changes` when the tree is dirty.
    pub commit: String,
    pub chromium: String,
    pub node: String,
    pub rustc: String,
}

impl Machine {
    pub fn read(workspace: &Workspace) -> Machine {
        let cpuinfo =
            std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo =
            std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let version = |program: &str, arg: &str| {
            capture(workspace.command(program).arg(arg))
                .map(|v| v.trim().to_string())
                .unwrap_or_else(|| "unknown".to_string())
        };

        let head = capture(workspace.command("git").args([
            "rev-parse",
            "--short=12",
            "HEAD",
        ]));
        let dirty = capture(workspace.command("git").args([
            "status",
            "--porcelain",
            "--untracked-files=no",
        ]))
        .is_some_and(|s| !s.trim().is_empty());
        let commit = match head {
            Some(hash) if dirty => {
                format!("{} + uncommitted changes", hash.trim())
            }
            Some(hash) => hash.trim().to_string(),
            None => "unknown".to_string(),
        };

        let cores = std::thread::available_parallelism()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "unknown".to_string());
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);

        let loadavg =
            std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        Machine {
            cpu: cpu_model(&cpuinfo).unwrap_or("unknown").to_string(),
            cores,
            load: load_average(&loadavg)
                .unwrap_or_else(|| "unknown".to_string()),
            memory: memory_total(&meminfo)
                .unwrap_or_else(|| "unknown".to_string()),
            date: utc_minute(seconds),
            commit,
            chromium: version("chromium", "--version"),
            node: version("node", "--version"),
            rustc: version("rustc", "--version"),
        }
    }
}

/// The first `model name` of /proc/cpuinfo.
fn cpu_model(cpuinfo: &str) -> Option<&str> {
    cpuinfo.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == "model name").then(|| value.trim())
    })
}

/// `MemTotal` of /proc/meminfo as `23.4 GiB`.
fn memory_total(meminfo: &str) -> Option<String> {
    let kib: f64 = meminfo.lines().find_map(|line| {
        let rest = line.strip_prefix("MemTotal:")?;
        rest.trim().trim_end_matches("kB").trim().parse().ok()
    })?;
    Some(format!("{:.1} GiB", kib / (1024.0 * 1024.0)))
}

/// `7.43, 7.73, 7.55` from /proc/loadavg (1, 5 and 15 minutes).
fn load_average(loadavg: &str) -> Option<String> {
    let figures: Vec<&str> = loadavg.split_whitespace().take(3).collect();
    (figures.len() == 3).then(|| figures.join(", "))
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC`.
fn utc_minute(seconds: u64) -> String {
    let days = seconds / 86_400;
    let minute_of_day = (seconds % 86_400) / 60;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for days on or after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524
        - day_of_era / 146_096)
        / 365;
    let day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month =
        if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_utc_minute() {
        let cases = [
            (0, "1970-01-01 00:00 UTC"),
            (951_782_400, "2000-02-29 00:00 UTC"),
            (1_735_689_599, "2024-12-31 23:59 UTC"),
            (1_764_868_800, "2025-12-04 17:20 UTC"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(utc_minute(seconds), expected, "{seconds}");
        }
    }

    #[test]
    fn ok_proc_files() {
        let cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC 7B13\n";
        assert_eq!(cpu_model(cpuinfo), Some("AMD EPYC 7B13"));
        let meminfo = "MemTotal:       24542084 kB\nMemFree: 1 kB\n";
        assert_eq!(memory_total(meminfo).as_deref(), Some("23.4 GiB"));
        let loadavg = "7.43 7.73 7.55 7/168 15296\n";
        assert_eq!(load_average(loadavg).as_deref(), Some("7.43, 7.73, 7.55"));
    }

    #[test]
    fn err_proc_files_without_the_lines() {
        assert_eq!(cpu_model("processor\t: 0\n"), None);
        assert_eq!(memory_total("MemFree: 1 kB\n"), None);
        assert_eq!(load_average(""), None);
    }
}
