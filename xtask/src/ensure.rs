//! The step every command starts with: install what is missing, skip what
//! is already there at the right version, and say which it was. On a bare
//! machine the first run installs everything (about 10 minutes in all,
//! mostly compiling trunk); later runs only check versions.

use std::path::Path;

use crate::error::Error;
use crate::process::{announce, capture, run};
use crate::workspace::Workspace;

/// The trunk release the project builds with. 0.22 needs a newer rustc;
/// 0.21.14 compiles only with `--locked`.
const TRUNK_VERSION: &str = "0.21.14";

/// Debian's paths; the end-to-end harness and the app's browser tests use
/// the same ones.
const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian packages for the browser tests: the browser, its WebDriver,
/// Chinese glyphs so screenshots show text rather than boxes, and the
/// spreadsheet and PDF tools that open the district CSV as Excel users do,
/// and Python, whose `zipfile` unpacks the inspection pack as an
/// independent zip reader.
const BROWSER_PACKAGES: [&str; 6] = [
    "chromium",
    "chromium-driver",
    "fonts-noto-cjk",
    "libreoffice-calc",
    "poppler-utils",
    "python3",
];

/// The oldest Node.js whose test runner the end-to-end tests rely on.
const NODE_MAJOR: u32 = 20;

/// What a command needs beyond the Rust-to-wasm toolchain (the wasm32
/// target, trunk and wasm-bindgen-cli), which every command needs.
#[derive(Clone, Copy)]
pub struct Needs {
    /// The node packages of tests/: playwright-core, and binaryen whose
    /// wasm-opt shrinks the release build.
    pub node_packages: bool,
    /// Chromium and chromedriver, for tests in the browser.
    pub browser: bool,
}

/// Installs whatever of `needs` is missing.
pub fn ensure(workspace: &Workspace, needs: Needs) -> Result<(), Error> {
    wasm_target(workspace)?;
    trunk(workspace)?;
    wasm_bindgen_cli(workspace)?;
    crates(workspace)?;

    if needs.node_packages {
        node_packages(workspace)?;
    }
    if needs.browser {
        browser(workspace)?;
    }
    Ok(())
}

fn wasm_target(workspace: &Workspace) -> Result<(), Error> {
    let target = "wasm32-unknown-unknown";
    let installed = capture(workspace.command("rustup").args([
        "target",
        "list",
        "--installed",
    ]))
    .ok_or_else(|| Error::Missing {
        what: "rustup".into(),
        how: "install Rust with rustup, then run this command again".into(),
    })?;

    if installed.lines().any(|line| line.trim() == target) {
        announce(&format!("{target} target: present"));
        return Ok(());
    }

    announce(&format!("installing the {target} target (under a minute)"));
    run(workspace.command("rustup").args(["target", "add", target]))
}

fn trunk(workspace: &Workspace) -> Result<(), Error> {
    let found = capture(workspace.command("trunk").arg("--version"));
    if version_word(found.as_deref()) == Some(TRUNK_VERSION) {
        announce(&format!("trunk {TRUNK_VERSION}: present"));
        return Ok(());
    }

    announce(&format!("installing trunk {TRUNK_VERSION} (about 7 minutes)"));
    run(workspace.cargo().args([
        "install",
        "trunk",
        "--version",
        TRUNK_VERSION,
        "--locked",
    ]))
}

/// wasm-bindgen-cli must be exactly the version of the `wasm-bindgen` crate
/// in Cargo.lock, or the generated glue does not match the compiled wasm.
/// It installs *without* `--locked`: its own lock file names a dependency
/// version the registry no longer has.
fn wasm_bindgen_cli(workspace: &Workspace) -> Result<(), Error> {
    let wanted = workspace.locked_version("wasm-bindgen")?;
    let cli = capture(workspace.command("wasm-bindgen").arg("--version"));
    let runner =
        capture(workspace.command("wasm-bindgen-test-runner").arg("--version"));

    if version_word(cli.as_deref()) == Some(wanted.as_str())
        && version_word(runner.as_deref()) == Some(wanted.as_str())
    {
        announce(&format!("wasm-bindgen-cli {wanted}: present"));
        return Ok(());
    }

    announce(&format!(
        "installing wasm-bindgen-cli {wanted} (about 3 minutes)"
    ));
    run(workspace.cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
    ]))
}

/// Downloads every crate Cargo.lock names, for every target. Trunk builds
/// with `cargo build --offline`, which cannot download the app's crates
/// on a machine that has never built it. Quick when all are present.
fn crates(workspace: &Workspace) -> Result<(), Error> {
    announce("crates in Cargo.lock: fetching any missing");
    run(workspace.cargo().arg("fetch"))
}

/// `npm ci` in tests/, skipped when node_modules was installed from the
/// same package-lock.json (a copy of it is kept beside the packages).
fn node_packages(workspace: &Workspace) -> Result<(), Error> {
    let version = capture(workspace.command("node").arg("--version"));
    let major = version.as_deref().and_then(node_major);
    match major {
        Some(major) if major >= NODE_MAJOR => {}
        _ => {
            return Err(Error::Missing {
                what: format!("Node.js {NODE_MAJOR} or later"),
                how: "install Node.js and npm (Debian 12's own nodejs is too old)".into(),
            });
        }
    }

    let tests = workspace.tests_dir();
    let lock_path = tests.join("package-lock.json");
    let lock = std::fs::read(&lock_path).map_err(Error::io(&lock_path))?;
    let stamp_path =
        tests.join("node_modules").join(".xtask-package-lock.json");
    if std::fs::read(&stamp_path).is_ok_and(|stamp| stamp == lock) {
        announce("node packages of tests/: up to date");
        return Ok(());
    }

    announce(
        "installing the node packages of tests/ with npm ci (about 10 seconds)",
    );
    run(workspace.command("npm").current_dir(&tests).args([
        "ci",
        "--no-audit",
        "--no-fund",
    ]))?;
    std::fs::write(&stamp_path, &lock).map_err(Error::io(&stamp_path))
}

/// Chromium, chromedriver and CJK fonts. Installed with apt-get when this
/// is Debian and we are root; otherwise the command stops and says what to
/// install, so a browser suite is never skipped without a word.
fn browser(workspace: &Workspace) -> Result<(), Error> {
    let debian = Path::new("/etc/debian_version").exists();
    let missing: Vec<&str> = BROWSER_PACKAGES
        .into_iter()
        .filter(|package| match *package {
            "chromium" => !Path::new(CHROMIUM).exists(),
            "chromium-driver" => !Path::new(CHROMEDRIVER).exists(),
            other => debian && !debian_package_installed(workspace, other),
        })
        .collect();

    if missing.is_empty() {
        let version = capture(workspace.command(CHROMIUM).arg("--version"));
        let version =
            version.as_deref().map(str::trim).unwrap_or("version unknown");
        announce(&format!("chromium and chromedriver: present ({version})"));
        return Ok(());
    }

    let root = capture(workspace.command("id").arg("-u"))
        .is_some_and(|uid| uid.trim() == "0");
    if !(debian && root) {
        return Err(Error::Missing {
            what: format!("`{CHROMIUM}` or `{CHROMEDRIVER}`"),
            how: format!(
                "the browser tests need them; on Debian run as root: \
                 `apt-get install -y {}`",
                BROWSER_PACKAGES.join(" ")
            ),
        });
    }

    announce(&format!(
        "installing {} with apt-get (about 2 minutes)",
        missing.join(" ")
    ));
    run(workspace.command("apt-get").arg("update"))?;
    run(workspace
        .command("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y"])
        .args(&missing))
}

fn debian_package_installed(workspace: &Workspace, package: &str) -> bool {
    let status = capture(workspace.command("dpkg-query").args([
        "-W",
        "-f=${Status}",
        package,
    ]));
    status.is_some_and(|status| status.trim() == "install ok installed")
}

/// The second word of a `--version` line: `trunk 0.21.14` gives `0.21.14`.
fn version_word(output: Option<&str>) -> Option<&str> {
    output?.split_whitespace().nth(1)
}

/// The major version in `node --version` output such as `v20.20.2`.
fn node_major(output: &str) -> Option<u32> {
    output.trim().strip_prefix('v')?.split('.').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_version_word() {
        let cases = [
            ("trunk 0.21.14\n", Some("0.21.14")),
            ("wasm-bindgen 0.2.130", Some("0.2.130")),
            ("wasm-bindgen-test-runner 0.2.130\n", Some("0.2.130")),
        ];
        for (output, expected) in cases {
            assert_eq!(version_word(Some(output)), expected, "{output:?}");
        }
    }

    #[test]
    fn err_version_word_without_version() {
        assert_eq!(version_word(None), None);
        assert_eq!(version_word(Some("trunk")), None);
        assert_eq!(version_word(Some("")), None);
    }

    #[test]
    fn ok_node_major() {
        assert_eq!(node_major("v20.20.2\n"), Some(20));
        assert_eq!(node_major("v22.1.0"), Some(22));
    }

    #[test]
    fn err_node_major_unreadable() {
        assert_eq!(node_major("20.1.0"), None);
        assert_eq!(node_major("vX"), None);
    }
}
