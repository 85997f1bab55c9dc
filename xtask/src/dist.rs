//! `cargo xtask dist`: the release build of the static site into dist/.
//!
//! The JavaScript module (js/, built first by [`js::build`]) is copied in
//! by trunk as `dist/js/`: the district page's worker runs on it, and
//! other sites can load it (README.md shows how).
//!
//! Every URL in the built page is relative (`--public-url ./`), so the
//! folder works copied to any static host, at the root or under a sub-path
//! such as `/starcheck/`, as long as the page's own URL ends with a slash.
//! Nothing is loaded from elsewhere: no CDN, no web font. wasm-opt (from
//! the binaryen npm package in tests/) shrinks the wasm; index.html gives
//! it the feature flags current rustc output needs.
//!
//! Trunk runs twice, once for each of the site's pages ([`pages`]): the
//! community's index.html and the full district.html. Then the
//! single-file edition is made from the full page ([`single_file`]), both
//! pages get their Content-Security-Policy with the loader's hash
//! ([`csp`]), and last, when every file is final, the service worker gets
//! its precache list ([`offline`]).

use std::path::{Path, PathBuf};

use crate::ensure::{Needs, ensure};
use crate::error::Error;
use crate::js::{self, Profile};
use crate::process::{self, announce};
use crate::workspace::Workspace;
use crate::{csp, offline, pages, single_file};

pub fn run(workspace: &Workspace) -> Result<(), Error> {
    ensure(workspace, Needs { node_packages: true, browser: false })?;
    let _site = workspace.lock_site()?;
    build(workspace)
}

/// Builds dist/ from scratch and checks it references nothing outside it.
/// Assumes [`ensure`] ran.
pub fn build(workspace: &Workspace) -> Result<(), Error> {
    let dist = workspace.dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(Error::io(&dist))?;
    }

    js::build(workspace, Profile::Release)?;
    announce(
        "building the release site into dist/ (several minutes on a cold cache)",
    );
    process::run(workspace.trunk("build").args([
        "--release",
        "--public-url",
        "./",
    ]))?;

    // The full page: its own trunk build, then merged in (see [`pages`]).
    announce("building the full page, district.html");
    let source = pages::write_full_source(workspace)?;
    let built = pages::full_dist(workspace);
    process::run(
        workspace
            .trunk("build")
            .arg(&source)
            .args(["--release", "--public-url", "./", "--dist"])
            .arg(&built),
    )?;
    pages::merge_full(&built, &dist)?;

    // The single file from the full page as trunk made it, then the
    // site's policy on both pages.
    single_file::write(&dist, pages::FULL_PAGE)?;
    for name in ["index.html", pages::FULL_PAGE] {
        let path = dist.join(name);
        let page = std::fs::read_to_string(&path).map_err(Error::io(&path))?;
        let secured = csp::secure_site_page(&page)?;
        std::fs::write(&path, secured).map_err(Error::io(&path))?;
    }

    // The worker lists the files as they are now, so this comes last.
    let files = files_in(&dist)?;
    let precache = offline::write(&dist, &files)?;
    announce(&format!(
        "service worker: {} files cached as version {}",
        precache.files.len(),
        precache.version
    ));

    let outside = external_references(&files)?;
    if !outside.is_empty() {
        return Err(Error::Invalid(format!(
            "dist/ refers to the network, which a static copy must not: {}",
            outside.join(", ")
        )));
    }

    announce(&format!("dist/ is ready ({})", sizes(&dist, &files)));
    Ok(())
}

/// Every file under `folder`, recursively.
fn files_in(folder: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).map_err(Error::io(&current))? {
            let path = entry.map_err(Error::io(&current))?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `file: url` for each absolute or protocol-relative URL in the HTML, CSS
/// and manifest files. The JS glue and the wasm are left to the end-to-end
/// test, which watches what the page actually requests.
fn external_references(files: &[PathBuf]) -> Result<Vec<String>, Error> {
    let mut found = Vec::new();
    for file in files {
        let checked = ["html", "css", "webmanifest"];
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !checked.contains(&extension) {
            continue;
        }

        let text = std::fs::read_to_string(file).map_err(Error::io(file))?;
        let name =
            file.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        found.extend(
            absolute_urls(&text)
                .into_iter()
                .map(|url| format!("{name}: {url}")),
        );
    }
    Ok(found)
}

/// URLs that would leave the page's own origin: `http://`, `https://` and
/// `//host` where a URL starts (after a quote or `url(`). XML namespaces
/// (`xmlns="http://www.w3.org/..."`) are names, not requests, and pass.
fn absolute_urls(text: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for opener in ["\"", "'", "url("] {
        for (index, _) in text.match_indices(opener) {
            let attribute = text[..index]
                .trim_end_matches('=')
                .rsplit(|c: char| c.is_whitespace() || c == '<')
                .next()
                .unwrap_or("");
            if attribute.starts_with("xmlns") {
                continue;
            }

            let rest = &text[index + opener.len()..];
            let rest = rest.trim_start_matches(['"', '\'']);
            let leaves = ["http://", "https://", "//"]
                .iter()
                .any(|p| rest.starts_with(p));
            if leaves {
                let end =
                    rest.find(['"', '\'', ')', ' ', '>']).unwrap_or(rest.len());
                urls.push(rest[..end].to_owned());
            }
        }
    }
    urls.sort();
    urls.dedup();
    urls
}

/// The feature flags app/index.html gives trunk's wasm-opt
/// (`data-wasm-opt-params`), for other wasm shrunk the same way (the
/// benchmarks' core module and their named copy of the app).
pub fn wasm_opt_flags(workspace: &Workspace) -> Result<Vec<String>, Error> {
    let path = workspace.app_dir().join("index.html");
    let html = std::fs::read_to_string(&path).map_err(Error::io(&path))?;
    wasm_opt_params(&html).ok_or_else(|| {
        Error::Invalid(format!(
            "`{}` has no data-wasm-opt-params attribute",
            path.display()
        ))
    })
}

/// The words of the first `data-wasm-opt-params="…"` in `html`.
fn wasm_opt_params(html: &str) -> Option<Vec<String>> {
    let attribute = "data-wasm-opt-params=\"";
    let start = html.find(attribute)? + attribute.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].split_whitespace().map(str::to_owned).collect())
}

/// "index.html 1.2 KB, starcheck-app-….wasm 98.7 KB, …" for the summary.
fn sizes(dist: &Path, files: &[PathBuf]) -> String {
    let listed: Vec<String> = files
        .iter()
        .map(|file| {
            let name =
                file.strip_prefix(dist).unwrap_or(file).display().to_string();
            let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            format!("{name} {:.1} KB", bytes as f64 / 1024.0)
        })
        .collect();
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::{absolute_urls, wasm_opt_params};

    #[test]
    fn ok_wasm_opt_params() {
        let html = r#"<link data-trunk rel="rust" data-wasm-opt="z"
            data-wasm-opt-params="--enable-bulk-memory  --enable-sign-ext" />"#;
        let expected = ["--enable-bulk-memory", "--enable-sign-ext"];
        assert_eq!(
            wasm_opt_params(html),
            Some(expected.map(String::from).to_vec())
        );
        assert_eq!(wasm_opt_params("<link data-wasm-opt=\"z\">"), None);
    }

    #[test]
    fn ok_relative_and_namespaces_pass() {
        let cases = [
            r#"<link rel="stylesheet" href="./style-1a2b.css">"#,
            r#"<script type="module">import init from './app.js';</script>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#,
            "body { background: url(icon.svg); }",
        ];
        for text in cases {
            assert_eq!(absolute_urls(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn err_absolute_urls_found() {
        let cases = [
            (
                r#"<link href="https://cdn.example/x.css">"#,
                "https://cdn.example/x.css",
            ),
            (
                r#"<script src='//cdn.example/x.js'></script>"#,
                "//cdn.example/x.js",
            ),
            (
                "@font-face { src: url(http://fonts.example/a.woff2) }",
                "http://fonts.example/a.woff2",
            ),
            (
                r#"body { src: url("https://f.example/b") }"#,
                "https://f.example/b",
            ),
        ];
        for (text, url) in cases {
            assert!(absolute_urls(text).contains(&url.to_owned()), "{text}");
        }
    }
}
