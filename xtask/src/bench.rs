//! `cargo xtask bench`: measures what StarCheck's users feel and writes it
//! to BENCHMARKS.md beside each budget, with the machine, date and commit.
//!
//! In order: a fresh release build of dist/ (unless `--reuse-dist`); the
//! core's native bench (`core/benches/scoring.rs`), which also writes the
//! 1,000 exported files the district benchmark loads; the core alone in
//! wasm (`tests/bench/core-wasm/`); the browser benchmarks
//! (`tests/bench/run.mjs`) against dist/ in headless Chromium on 127.0.0.1;
//! and a size breakdown of the app's wasm with twiggy. The measuring takes
//! three to four minutes; the builds before it take what builds take.
//!
//! Benchmarks are not tests: nothing here fails on a missed budget, and
//! `cargo xtask test` runs none of it. A step that cannot measure (a
//! build that fails, a page that never finishes) stops the command.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::bench_machine::Machine;
use crate::bench_report::{Figures, render, replace_generated};
use crate::bench_size::size_breakdown;
use crate::dist;
use crate::ensure::{Needs, ensure};
use crate::error::Error;
use crate::process::{self, announce, capture, say};
use crate::workspace::Workspace;

/// How many exported files the district benchmark imports.
const DISTRICT_FILES: usize = 1_000;

/// The twiggy release the size breakdown is made with.
const TWIGGY_VERSION: &str = "0.8.0";

/// What `cargo xtask bench` was asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Measure the dist/ already there instead of building it afresh.
    pub reuse_dist: bool,
}

pub fn run(workspace: &Workspace, options: Options) -> Result<(), Error> {
    ensure(workspace, Needs { node_packages: true, browser: true })?;
    twiggy(workspace)?;

    // dist/ must not change while the browser measures it.
    let _site = workspace.lock_site()?;
    let started = Instant::now();

    if options.reuse_dist && workspace.dist_dir().join("index.html").exists() {
        announce("measuring the dist/ already built (--reuse-dist)");
    } else {
        dist::build(workspace)?;
    }

    let bench_dir = target_dir(workspace).join("bench");
    std::fs::create_dir_all(&bench_dir).map_err(Error::io(&bench_dir))?;

    // Where and when, with the load as measuring starts.
    let machine = Machine::read(workspace);

    announce("[1/4] the scoring core, native (core/benches/scoring.rs)");
    let mut figures = Figures::default();
    let native = collect(workspace.cargo().args(scoring_args(&[])))?;
    figures.read(&native);
    let files = bench_dir.join("files");
    let count = DISTRICT_FILES.to_string();
    let export = ["--export", &files.to_string_lossy(), &count];
    collect(workspace.cargo().args(scoring_args(&export)))?;

    announce("[2/4] the scoring core alone in wasm (tests/bench/core-wasm)");
    let core_wasm = core_wasm(workspace, &bench_dir)?;

    announce("[3/4] the site in headless Chromium (tests/bench/run.mjs)");
    let browser = collect(
        workspace
            .command("node")
            .current_dir(workspace.tests_dir())
            .env("STARCHECK_DIST", workspace.dist_dir())
            .env("BENCH_FILES", &files)
            .env("BENCH_CORE_WASM", &core_wasm)
            .arg("bench/run.mjs"),
    )?;
    figures.read(&browser);

    announce("[4/4] what the app's wasm is made of (twiggy)");
    let breakdown = size_breakdown(workspace, &bench_dir)?;

    let generated = render(&machine, &figures, &breakdown);
    write_benchmarks(workspace, &generated)?;

    say("");
    say(&generated);
    announce(&format!(
        "BENCHMARKS.md written ({}s in all)",
        started.elapsed().as_secs()
    ));
    Ok(())
}

/// `cargo bench` of the core's scoring bench, with `extra` for the bench.
fn scoring_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args =
        vec!["bench", "--package", "starcheck-core", "--bench", "scoring"];
    if !extra.is_empty() {
        args.push("--");
        args.extend_from_slice(extra);
    }
    args
}

/// Builds tests/bench/core-wasm with the app's crate versions and shrinks
/// it as dist/ is shrunk; returns the module's path.
fn core_wasm(
    workspace: &Workspace,
    bench_dir: &Path,
) -> Result<PathBuf, Error> {
    let crate_dir = workspace.tests_dir().join("bench").join("core-wasm");
    let lock = workspace.root().join("Cargo.lock");
    let copy = crate_dir.join("Cargo.lock");
    std::fs::copy(&lock, &copy).map_err(Error::io(&copy))?;

    let target = target_dir(workspace).join("bench-wasm");
    process::run(
        workspace
            .cargo()
            .args([
                "build",
                "--release",
                "--offline",
                "--target",
                "wasm32-unknown-unknown",
                "--manifest-path",
            ])
            .arg(crate_dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&target),
    )?;

    let built = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("starcheck_bench_wasm.wasm");
    let shrunk = bench_dir.join("core.wasm");
    let flags = dist::wasm_opt_flags(workspace)?;
    process::run(
        workspace
            .command("wasm-opt")
            .arg("-Oz")
            .args(&flags)
            .arg(&built)
            .arg("-o")
            .arg(&shrunk),
    )?;
    Ok(shrunk)
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set (trunk follows it
/// too), otherwise target/ in the repository.
pub fn target_dir(workspace: &Workspace) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => workspace.root().join(dir),
        _ => workspace.root().join("target"),
    }
}

/// Installs twiggy when it is missing or another version.
fn twiggy(workspace: &Workspace) -> Result<(), Error> {
    let found = capture(workspace.command("twiggy").arg("--version"));
    let version = found.as_deref().and_then(|v| v.split_whitespace().nth(1));
    if version == Some(TWIGGY_VERSION) {
        announce(&format!("twiggy {TWIGGY_VERSION}: present"));
        return Ok(());
    }

    announce(&format!("installing twiggy {TWIGGY_VERSION} (about 3 minutes)"));
    process::run(workspace.cargo().args([
        "install",
        "twiggy",
        "--version",
        TWIGGY_VERSION,
        "--locked",
    ]))
}

/// Runs `command`, echoing its output as it comes, and returns its
/// standard output's lines; fails unless it exits with success.
pub fn collect(command: &mut Command) -> Result<Vec<String>, Error> {
    collect_echoing(command, true)
}

/// [`collect`], echoing the output only when `echo` (twiggy's thousands
/// of lines are only read).
pub fn collect_echoing(
    command: &mut Command,
    echo: bool,
) -> Result<Vec<String>, Error> {
    let mut words = vec![program(command)];
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    let line = words.join(" ");
    say(&format!("    $ {line}"));

    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|source| Error::Spawn { program: program(command), source })?;

    let mut lines = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for text in BufReader::new(stdout).lines() {
            let text = text.map_err(|source| Error::Io {
                path: PathBuf::from("<child stdout>"),
                source,
            })?;
            if echo {
                say(&format!("    {text}"));
            }
            lines.push(text);
        }
    }

    let status = child
        .wait()
        .map_err(|source| Error::Spawn { program: program(command), source })?;
    if status.success() {
        Ok(lines)
    } else {
        Err(Error::Failed { command: line, status })
    }
}

/// The program's file name, not the full path cargo may have given it.
fn program(command: &Command) -> String {
    let program = Path::new(command.get_program());
    program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// Writes the generated part of BENCHMARKS.md, keeping what people wrote
/// around it.
fn write_benchmarks(
    workspace: &Workspace,
    generated: &str,
) -> Result<(), Error> {
    let path = workspace.root().join("BENCHMARKS.md");
    let old = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            String::new()
        }
        Err(source) => return Err(Error::Io { path, source }),
    };
    let new = replace_generated(&old, generated);
    std::fs::write(&path, new).map_err(Error::io(&path))
}
