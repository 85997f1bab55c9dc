//! `cargo xtask test`: everything CI checks, in order, stopping at the
//! first failure with a summary of what passed and what failed.
//!
//! On success the last lines printed are those of the end-to-end runner
//! (node's test summary), so CI logs end with a test count; the times of
//! the earlier steps are printed just before it starts.

use std::time::{Duration, Instant};

use crate::dist;
use crate::ensure::{CHROMEDRIVER, Needs, ensure};
use crate::error::Error;
use crate::process::{self, announce, say};
use crate::workspace::Workspace;

/// One check: a name for the summary and the function that runs it.
struct Step {
    name: &'static str,
    run: fn(&Workspace) -> Result<(), Error>,
}

const STEPS: [Step; 7] = [
    Step { name: "format", run: format },
    Step { name: "clippy: core, js and xtask", run: clippy_native },
    Step { name: "clippy: app and js for wasm32", run: clippy_wasm },
    Step { name: "tests: core, js and xtask", run: native_tests },
    Step { name: "tests: app in headless Chromium", run: app_browser_tests },
    Step { name: "dist: fresh release build", run: dist::build },
    Step { name: "end-to-end tests against dist/", run: end_to_end },
];

pub fn run(workspace: &Workspace) -> Result<(), Error> {
    ensure(workspace, Needs { node_packages: true, browser: true })?;

    // The whole run, not only the dist step: the end-to-end tests read the
    // dist/ this run built, and another run must not rebuild it meanwhile.
    let _site = workspace.lock_site()?;

    let started = Instant::now();
    let total = STEPS.len();
    let mut passed: Vec<(&str, Duration)> = Vec::new();

    for (index, step) in STEPS.iter().enumerate() {
        let number = index + 1;

        // The last step's runner has the final word; report the rest now.
        if number == total {
            announce(&format!(
                "steps 1-{} passed in {}: {}",
                total - 1,
                minutes(started.elapsed()),
                summary(&passed)
            ));
        }

        announce(&format!("[{number}/{total}] {}", step.name));
        let step_started = Instant::now();
        if let Err(source) = (step.run)(workspace) {
            announce(&format!(
                "cargo xtask test FAILED at step {number}/{total} ({}) after {}",
                step.name,
                minutes(started.elapsed())
            ));
            if !passed.is_empty() {
                say(&format!("    passed: {}", summary(&passed)));
            }
            say(&format!("    failed: {}: {source}", step.name));
            return Err(Error::Step {
                number,
                total,
                name: step.name,
                source: Box::new(source),
            });
        }
        passed.push((step.name, step_started.elapsed()));
    }
    Ok(())
}

fn format(workspace: &Workspace) -> Result<(), Error> {
    process::run(workspace.cargo().args(["fmt", "--all", "--check"]))
}

fn clippy_native(workspace: &Workspace) -> Result<(), Error> {
    process::run(workspace.cargo().args([
        "clippy",
        "--package",
        "starcheck-core",
        "--package",
        "starcheck-js",
        "--package",
        "xtask",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn clippy_wasm(workspace: &Workspace) -> Result<(), Error> {
    process::run(workspace.cargo().args([
        "clippy",
        "--package",
        "starcheck-app",
        "--package",
        "starcheck-js",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn native_tests(workspace: &Workspace) -> Result<(), Error> {
    process::run(workspace.cargo().args([
        "test",
        "--package",
        "starcheck-core",
        "--package",
        "starcheck-js",
        "--package",
        "xtask",
    ]))
}

/// The app's wasm-bindgen-test tests, run by wasm-bindgen-test-runner (the
/// cargo runner for wasm32 in .cargo/config.toml) in headless Chromium.
fn app_browser_tests(workspace: &Workspace) -> Result<(), Error> {
    process::run(workspace.cargo().env("CHROMEDRIVER", CHROMEDRIVER).args([
        "test",
        "--package",
        "starcheck-app",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}

/// tests/e2e/*.test.mjs through node's test runner, against the dist/ the
/// previous step built.
fn end_to_end(workspace: &Workspace) -> Result<(), Error> {
    process::run(
        workspace
            .command("npm")
            .current_dir(workspace.tests_dir())
            .env("STARCHECK_DIST", workspace.dist_dir())
            .args(["test", "--silent"]),
    )
}

/// "format 2s, clippy: core and xtask 41s, …"
fn summary(passed: &[(&str, Duration)]) -> String {
    let parts: Vec<String> = passed
        .iter()
        .map(|(name, took)| format!("{name} {}", minutes(*took)))
        .collect();
    parts.join(", ")
}

/// A duration as people read it: `7s`, `2m05s`.
fn minutes(duration: Duration) -> String {
    let seconds = duration.as_secs();
    match seconds {
        0..60 => format!("{seconds}s"),
        _ => format!("{}m{:02}s", seconds / 60, seconds % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::minutes;
    use std::time::Duration;

    #[test]
    fn ok_minutes() {
        let cases = [
            (0, "0s"),
            (59, "59s"),
            (60, "1m00s"),
            (125, "2m05s"),
            (3725, "62m05s"),
        ];
        for (seconds, expected) in cases {
            assert_eq!(minutes(Duration::from_secs(seconds)), expected);
        }
    }
}
