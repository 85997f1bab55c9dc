//! `cargo xtask serve`: the app on http://127.0.0.1:8080 for development,
//! rebuilt and reloaded by trunk whenever app/, core/ or public/ change
//! (Trunk.toml lists what is watched). Runs until stopped with Ctrl-C.
//!
//! The development build goes to target/serve/, not dist/, so serving
//! never overwrites a release build nor races `cargo xtask test`.

use crate::ensure::{Needs, ensure};
use crate::error::Error;
use crate::process::{self, announce};
use crate::workspace::Workspace;

pub fn run(workspace: &Workspace) -> Result<(), Error> {
    ensure(workspace, Needs { node_packages: false, browser: false })?;

    announce(
        "serving on http://127.0.0.1:8080 (rebuilds on change; Ctrl-C stops)",
    );
    let output = workspace.serve_dir();
    process::run(workspace.trunk("serve").arg("--dist").arg(&output))
}
