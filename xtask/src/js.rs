//! The JavaScript module (`js/`, package `starcheck-js`): the scoring core
//! built for wasm32 and turned by wasm-bindgen (`--target web`) into an ES
//! module with TypeScript declarations, staged with the district page's
//! worker script in target/starcheck-js/js/. app/index.html copies that
//! folder into the site as `js/` (trunk's `copy-dir`), so `dist` and
//! `serve` build it before trunk runs.
//!
//! The release build uses the workspace's `module` profile: the release
//! profile built for speed (opt-level 3, wasm-opt `-O3`), not for size
//! like the app, because the district page's worker checks a thousand
//! files with it while the office waits. The development build for
//! `serve` skips wasm-opt. `serve` builds the module once
//! at start: after a change to core/ or js/, restart it for the district
//! page's worker to see the change (the app itself is rebuilt by trunk).

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::process::{self, announce};
use crate::workspace::Workspace;

/// The module's file names: starcheck.js, starcheck_bg.wasm, starcheck.d.ts.
const OUT_NAME: &str = "starcheck";

/// The cargo profile of the release build (Cargo.toml), and the folder
/// of target/wasm32-unknown-unknown/ it builds into.
const RELEASE_PROFILE: &str = "module";

/// The worker script copied beside the module.
const WORKER: &str = "district-worker.js";

/// The wasm features current rustc output uses; the same list as the
/// app's `data-wasm-opt-params` in app/index.html.
const WASM_OPT_FEATURES: [&str; 5] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// How the module is built.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// Optimised for speed, for dist/ (the `module` cargo profile).
    Release,
    /// Quick to build, for `serve`.
    Dev,
}

/// Builds the module into target/starcheck-js/js/. Assumes `ensure` ran
/// (wasm32 target and wasm-bindgen-cli; for a release build, the node
/// packages whose binaryen gives wasm-opt).
pub fn build(workspace: &Workspace, profile: Profile) -> Result<(), Error> {
    announce(
        "building the JavaScript module (js/) for target/starcheck-js/js/",
    );
    let mut cargo = workspace.cargo();
    cargo.args([
        "build",
        "--package",
        "starcheck-js",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if profile == Profile::Release {
        cargo.args(["--profile", RELEASE_PROFILE]);
    }
    process::run(&mut cargo)?;

    let stage = workspace.js_stage_dir();
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(Error::io(&stage))?;
    }
    std::fs::create_dir_all(&stage).map_err(Error::io(&stage))?;

    let wasm = built_wasm(workspace, profile);
    process::run(
        workspace
            .command("wasm-bindgen")
            .args(["--target", "web", "--out-name", OUT_NAME, "--out-dir"])
            .arg(&stage)
            .arg(&wasm),
    )?;

    if profile == Profile::Release {
        let glued = stage.join(format!("{OUT_NAME}_bg.wasm"));
        process::run(
            workspace
                .command("wasm-opt")
                .arg("-O3")
                .args(WASM_OPT_FEATURES)
                .arg(&glued)
                .arg("-o")
                .arg(&glued),
        )?;
    }

    let worker = workspace.js_dir().join("worker").join(WORKER);
    let copy = stage.join(WORKER);
    std::fs::copy(&worker, &copy).map_err(Error::io(&worker))?;
    Ok(())
}

/// Where cargo put the wasm: `$CARGO_TARGET_DIR` or target/, then
/// wasm32-unknown-unknown/<profile's folder>/starcheck_js.wasm.
fn built_wasm(workspace: &Workspace, profile: Profile) -> PathBuf {
    // A relative CARGO_TARGET_DIR is relative to where cargo ran: the root.
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(|dir| workspace.root().join(dir))
        .unwrap_or_else(|| workspace.root().join("target"));
    let folder = match profile {
        Profile::Release => RELEASE_PROFILE,
        Profile::Dev => "debug",
    };
    wasm_path(&target, folder)
}

fn wasm_path(target: &Path, folder: &str) -> PathBuf {
    target.join("wasm32-unknown-unknown").join(folder).join("starcheck_js.wasm")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_wasm_path() {
        let path = wasm_path(Path::new("/repo/target"), "release");
        assert_eq!(
            path,
            Path::new(
                "/repo/target/wasm32-unknown-unknown/release/starcheck_js.wasm"
            )
        );
    }
}
