//! `cargo xtask serve`: the app on http://127.0.0.1:8080 (or the port of
//! `--port N`) for development, rebuilt and reloaded by trunk whenever
//! app/, core/ or public/ change (Trunk.toml lists what is watched). Runs
//! until stopped with Ctrl-C. A port already taken stops it at once, before
//! anything is built.
//!
//! It serves the full page (every page in one app, see xtask/src/pages.rs)
//! as the site's root, made from app/index.html at start: restart serve
//! after editing index.html.
//!
//! The development build goes to target/serve/, not dist/, so serving
//! never overwrites a release build nor races `cargo xtask test`. The
//! JavaScript module under it (`js/`, the district page's worker) is built
//! once at start; restart serve after changing core/ or js/ for the
//! worker to see the change.

use std::io;
use std::net::TcpListener;

use crate::ensure::{Needs, ensure};
use crate::error::Error;
use crate::js::{self, Profile};
use crate::pages;
use crate::process::{self, announce};
use crate::workspace::Workspace;

/// The port served when none is asked for.
pub const DEFAULT_PORT: u16 = 8080;

/// What `cargo xtask serve` was asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The port on 127.0.0.1, `--port N`.
    pub port: u16,
}

impl Default for Options {
    fn default() -> Self {
        Options { port: DEFAULT_PORT }
    }
}

pub fn run(workspace: &Workspace, options: Options) -> Result<(), Error> {
    // A taken port would only show after the whole build, as trunk's
    // backtrace; asking first costs nothing.
    let port = options.port;
    check_port(port)?;
    ensure(workspace, Needs { node_packages: false, browser: false })?;
    js::build(workspace, Profile::Dev)?;

    announce(&format!(
        "serving on http://127.0.0.1:{port} (rebuilds on change; Ctrl-C stops)"
    ));
    let output = workspace.serve_dir();
    let source = pages::write_full_source(workspace)?;
    let mut trunk = workspace.trunk("serve");
    trunk.arg(&source);
    trunk.arg("--dist").arg(&output).arg("--port").arg(port.to_string());
    process::run(&mut trunk)
}

/// Whether 127.0.0.1:`port` is free, found by binding it and letting go.
/// Another server may still take it in the moment before trunk does; then
/// trunk's own error stands.
fn check_port(port: u16) -> Result<(), Error> {
    match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => {
            drop(listener);
            Ok(())
        }
        Err(error) if error.kind() == io::ErrorKind::AddrInUse => {
            Err(Error::Invalid(format!(
                "port {port} on 127.0.0.1 is already in use, perhaps by \
                 another `cargo xtask serve`: stop that server, or serve on \
                 another port with `cargo xtask serve --port {}`",
                port.wrapping_add(1).max(1024)
            )))
        }
        Err(error) => Err(Error::Invalid(format!(
            "cannot serve on 127.0.0.1:{port}: {error}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn err_port_in_use_is_named_before_building() {
        let Ok(taken) = TcpListener::bind(("127.0.0.1", 0)) else {
            return; // no loopback here: nothing to check
        };
        let Ok(address) = taken.local_addr() else { return };
        let port = address.port();

        let error = check_port(port).err().map(|e| e.to_string());
        let error = error.unwrap_or_default();
        assert!(
            error.starts_with(&format!("port {port} on 127.0.0.1 is already")),
            "{error}"
        );
        assert!(error.contains("cargo xtask serve --port"), "{error}");

        drop(taken);
        assert!(check_port(port).is_ok());
    }
}
