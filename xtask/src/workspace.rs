//! Where things are in the repository, and how to start a program so that
//! it finds the tools xtask installed (cargo's bin folder and the node
//! packages of tests/ come first on its PATH).

use std::ffi::OsString;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;
use crate::process::announce;

/// The repository checkout xtask works in.
pub struct Workspace {
    root: PathBuf,
    search_path: OsString,
}

impl Workspace {
    /// Finds the repository from where xtask was compiled, so every command
    /// works the same from any folder of the checkout.
    pub fn locate() -> Result<Self, Error> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root =
            manifest_dir.parent().map(Path::to_path_buf).ok_or_else(|| {
                Error::Invalid(format!(
                    "`{}` has no parent folder",
                    manifest_dir.display()
                ))
            })?;

        // Tools installed by `cargo install` and by `npm ci` must be found
        // even when the shell's PATH does not name their folders.
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo"))
            })
            .unwrap_or_else(|| PathBuf::from(".cargo"));
        let mut folders = vec![
            cargo_home.join("bin"),
            root.join("tests").join("node_modules").join(".bin"),
        ];
        if let Some(path) = std::env::var_os("PATH") {
            folders.extend(std::env::split_paths(&path));
        }
        let search_path = std::env::join_paths(folders).map_err(|err| {
            Error::Invalid(format!(
                "cannot build a PATH for child programs: {err}"
            ))
        })?;

        Ok(Self { root, search_path })
    }

    /// The repository's root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The JavaScript module's crate and its worker script.
    pub fn js_dir(&self) -> PathBuf {
        self.root.join("js")
    }

    /// Where the JavaScript module is staged for trunk to copy into the
    /// site as `js/` (see app/index.html).
    pub fn js_stage_dir(&self) -> PathBuf {
        self.root.join("target").join("starcheck-js").join("js")
    }

    /// The Leptos app, where index.html and Trunk.toml live.
    pub fn app_dir(&self) -> PathBuf {
        self.root.join("app")
    }

    /// The end-to-end tests and their node packages.
    pub fn tests_dir(&self) -> PathBuf {
        self.root.join("tests")
    }

    /// Where `cargo xtask dist` puts the static site.
    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// Where `cargo xtask serve` keeps its development build.
    pub fn serve_dir(&self) -> PathBuf {
        self.root.join("target").join("serve")
    }

    /// Waits until no other `cargo xtask dist` or `test` in this checkout is
    /// building or testing dist/, then holds that right until the returned
    /// file is dropped. Several people (or agents) share one checkout; two
    /// trunk builds writing dist/ at once break each other.
    pub fn lock_site(&self) -> Result<File, Error> {
        let target = self.root.join("target");
        std::fs::create_dir_all(&target).map_err(Error::io(&target))?;
        let path = target.join("xtask-site.lock");
        let file = File::create(&path).map_err(Error::io(&path))?;

        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(source)) => {
                return Err(Error::Io { path, source });
            }
        }
        announce(
            "waiting for another `cargo xtask` run in this checkout to finish with dist/",
        );
        file.lock().map_err(Error::io(&path))?;
        Ok(file)
    }

    /// A program started in the repository root with xtask's PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.current_dir(&self.root).env("PATH", &self.search_path);
        command
    }

    /// Cargo itself: the same cargo (and toolchain) that runs xtask.
    pub fn cargo(&self) -> Command {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        self.command(&cargo)
    }

    /// Trunk, started in app/ (where Trunk.toml is) and never touching the
    /// network: `--offline` on the command line also skips trunk's check
    /// for a newer version of itself, which Trunk.toml's `offline` does not.
    pub fn trunk(&self, subcommand: &str) -> Command {
        let mut command = self.command("trunk");
        command
            .current_dir(self.app_dir())
            .args([subcommand, "--offline=true"]);
        command
    }

    /// The version of `package` that Cargo.lock pins.
    pub fn locked_version(&self, package: &str) -> Result<String, Error> {
        let path = self.root.join("Cargo.lock");
        let lock = std::fs::read_to_string(&path).map_err(Error::io(&path))?;
        locked_version(&lock, package).ok_or_else(|| {
            Error::Invalid(format!("Cargo.lock has no package `{package}`"))
        })
    }
}

/// Reads the version of one package out of the text of a Cargo.lock. A
/// package locked at two versions has no single answer, so it gives `None`.
fn locked_version(lock: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let mut versions = lock
        .split("[[package]]")
        .filter(|entry| entry.lines().any(|line| line.trim() == name_line))
        .filter_map(|entry| {
            entry.lines().find_map(|line| {
                let value = line.trim().strip_prefix("version = \"")?;
                value.strip_suffix('"').map(str::to_owned)
            })
        });

    let first = versions.next()?;
    versions.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen-test"
version = "0.3.80"

[[package]]
name = "syn"
version = "1.0.109"

[[package]]
name = "syn"
version = "2.0.100"
"#;

    #[test]
    fn ok_exact_name_only() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-test").as_deref(),
            Some("0.3.80")
        );
    }

    #[test]
    fn err_missing_or_ambiguous() {
        assert_eq!(locked_version(LOCK, "trunk"), None);
        assert_eq!(locked_version(LOCK, "syn"), None);
    }
}
