//! StarCheck's native scoring benchmark, run by `cargo xtask bench` (or
//! `cargo bench -p starcheck-core --bench scoring`): the median time of
//! [`evaluate`] on example A, and of scoring and ranking a cohort of 1,000
//! and 10,000 communities. A hand-rolled median over timed batches keeps
//! the run to a few seconds and needs no benchmark crate.
//!
//! Each figure is printed as one line `bench <key> <value>`, which xtask
//! reads into BENCHMARKS.md. Beside wall-clock time it reports the time
//! the thread spent on a CPU (`CLOCK_THREAD_CPUTIME_ID`, Linux only): on
//! a machine shared with other builds, wall-clock time also counts the
//! waits for a free core. With `--export <folder> <count>` it instead
//! writes `<count>` exported files of the benchmark cohort and example A's
//! file (`example-a.json`) for the browser benchmarks in tests/bench/.

#[path = "support/workload.rs"]
mod workload;

use std::hint::black_box;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use jiff::civil::date;
use starcheck_core::examples::example_a;
use starcheck_core::file::{ExportMeta, export, file_name};
use starcheck_core::{Rubric, evaluate};

/// Batches timed for the single-assessment figure; the median is kept.
const BATCHES: usize = 101;

/// How long one batch should take, so the clock's resolution is noise.
const BATCH_TARGET: Duration = Duration::from_millis(5);

/// Calls made before any is timed.
const WARM_UP: usize = 200;

/// Cohort sizes and how many times each is scored.
const COHORTS: [(usize, usize); 2] = [(1_000, 15), (10_000, 5)];

fn main() -> ExitCode {
    // cargo bench appends `--bench`; only `--export` changes the work.
    let args: Vec<String> =
        std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let result = match args.as_slice() {
        [flag, folder, count] if flag == "--export" => {
            match count.parse::<usize>() {
                Ok(count) => write_files(Path::new(folder), count),
                Err(_) => Err(format!("`{count}` is not a count of files")),
            }
        }
        [] => measure(),
        _ => Err(format!(
            "usage: scoring [--export <folder> <count>], got `{}`",
            args.join(" ")
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("scoring bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Times example A alone, then the cohorts.
fn measure() -> Result<(), String> {
    let rubric = Rubric::quanzhou_2024();
    let assessment = example_a();

    // Warm the caches, then double the calls per batch until one batch
    // takes at least BATCH_TARGET.
    for _ in 0..WARM_UP {
        black_box(evaluate(&rubric, black_box(&assessment)));
    }
    let mut per_batch = 1u32;
    loop {
        let started = Instant::now();
        for _ in 0..per_batch {
            black_box(evaluate(&rubric, black_box(&assessment)));
        }
        if started.elapsed() >= BATCH_TARGET || per_batch >= 1 << 20 {
            break;
        }
        per_batch *= 2;
    }

    let mut wall = Vec::with_capacity(BATCHES);
    let mut cpu = Vec::with_capacity(BATCHES);
    for _ in 0..BATCHES {
        let clock = Clock::start();
        for _ in 0..per_batch {
            black_box(evaluate(&rubric, black_box(&assessment)));
        }
        let (wall_ns, cpu_ns) = clock.stop();
        wall.push(wall_ns / f64::from(per_batch));
        cpu.extend(cpu_ns.map(|ns| ns / f64::from(per_batch)));
    }
    report("native.evaluate_ns", median(wall));
    if cpu.len() == BATCHES {
        report("native.evaluate_cpu_ns", median(cpu));
    }
    report("native.evaluate_batches", BATCHES as f64);
    report("native.evaluate_calls_per_batch", f64::from(per_batch));

    for (size, runs) in COHORTS {
        let cohort = workload::cohort(size);
        let mut wall = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        for _ in 0..runs {
            let clock = Clock::start();
            let result = workload::score_cohort(&rubric, black_box(&cohort))
                .map_err(|e| format!("cohort of {size}: {e}"))?;
            let (wall_ns, cpu_ns) = clock.stop();
            wall.push(wall_ns / 1e6);
            cpu.extend(cpu_ns.map(|ns| ns / 1e6));
            black_box(result);
        }
        report(&format!("native.cohort_{size}_ms"), median(wall));
        if cpu.len() == runs {
            report(&format!("native.cohort_{size}_cpu_ms"), median(cpu));
        }
        report(&format!("native.cohort_{size}_runs"), runs as f64);
    }
    Ok(())
}

/// Writes the cohort's files and example A's, as the app exports them.
fn write_files(folder: &Path, count: usize) -> Result<(), String> {
    let io = |e: std::io::Error| format!("{}: {e}", folder.display());
    if folder.exists() {
        std::fs::remove_dir_all(folder).map_err(io)?;
    }
    std::fs::create_dir_all(folder).map_err(io)?;

    let rubric = Rubric::quanzhou_2024();
    let meta = ExportMeta {
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: Some(date(2025, 1, 6).at(17, 0, 0, 0)),
    };
    let district = folder.join("district");
    std::fs::create_dir_all(&district).map_err(io)?;
    for assessment in workload::cohort(count) {
        let name = file_name(&assessment.community, assessment.as_of);
        let text = export(&rubric, &assessment, &meta);
        std::fs::write(district.join(name), text).map_err(io)?;
    }

    let a = example_a();
    std::fs::write(folder.join("example-a.json"), export(&rubric, &a, &meta))
        .map_err(io)?;
    println!("wrote {count} files to {}", district.display());
    Ok(())
}

/// Wall-clock and on-CPU time of one measurement.
struct Clock {
    wall: Instant,
    cpu: Option<u64>,
}

impl Clock {
    fn start() -> Clock {
        Clock { cpu: cpu_ns(), wall: Instant::now() }
    }

    /// Nanoseconds since the start: wall-clock, and on a CPU when known.
    fn stop(self) -> (f64, Option<f64>) {
        let wall = self.wall.elapsed().as_secs_f64() * 1e9;
        let cpu = self.cpu.zip(cpu_ns()).map(|(a, b)| b.saturating_sub(a));
        (wall, cpu.map(|ns| ns as f64))
    }
}

/// Nanoseconds this thread has run on a CPU; `None` off Linux.
#[cfg(target_os = "linux")]
fn cpu_ns() -> Option<u64> {
    /// `struct timespec` of 64-bit Linux.
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

    let mut time = Timespec { seconds: 0, nanoseconds: 0 };
    // SAFETY: `time` is a valid, writable timespec for the call; the C
    // library std already links provides `clock_gettime`.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if status != 0 {
        return None;
    }
    let seconds = u64::try_from(time.seconds).ok()?;
    let nanoseconds = u64::try_from(time.nanoseconds).ok()?;
    Some(seconds * 1_000_000_000 + nanoseconds)
}

#[cfg(not(target_os = "linux"))]
fn cpu_ns() -> Option<u64> {
    None
}

/// The middle value (the mean of the two middle ones for an even count).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[middle],
        _ => (values[middle - 1] + values[middle]) / 2.0,
    }
}

/// Prints one figure for xtask; counts without decimals.
fn report(key: &str, value: f64) {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        println!("bench {key} {value:.0}");
    } else {
        println!("bench {key} {value:.3}");
    }
}
