//! The service worker's precache list: after trunk has hashed the file
//! names, `cargo xtask dist` writes into dist/sw.js (copied in from
//! public/sw.js) the list of every file the site needs, with a version
//! made from their names and contents. A deploy that changes any file
//! changes the version and so the worker's bytes, which makes browsers
//! install the new worker beside the old one; the page then offers the
//! reload (app/src/offline.rs).
//!
//! Left out: the worker itself, the single-file edition (a download, not
//! part of the site) and TypeScript declarations (for other projects).
//! `./` is listed as well as `index.html`, for opening the site by its
//! folder's URL with no network.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::single_file;

/// The worker's file name in public/ and dist/.
pub const WORKER: &str = "sw.js";

/// The line of public/sw.js that the precache list replaces.
const PLACEHOLDER: &str = "const PRECACHE = null;";

/// The files to cache and their version.
#[derive(Debug, PartialEq, Eq)]
pub struct Precache {
    /// 16 hex digits of the SHA-256 of every listed file's name and bytes.
    pub version: String,
    /// URLs relative to the worker, `./` first.
    pub files: Vec<String>,
}

/// Writes the precache list of `files` (every file under `dist`) into
/// dist/sw.js.
pub fn write(dist: &Path, files: &[PathBuf]) -> Result<Precache, Error> {
    let mut listed = Vec::new();
    for file in files {
        let relative = relative_url(dist, file)?;
        if cached(&relative) {
            let bytes = std::fs::read(file).map_err(Error::io(file))?;
            listed.push((relative, bytes));
        }
    }
    let precache = precache(&listed);

    let worker = dist.join(WORKER);
    let script =
        std::fs::read_to_string(&worker).map_err(Error::io(&worker))?;
    let filled = fill(&script, &precache)?;
    std::fs::write(&worker, filled).map_err(Error::io(&worker))?;
    Ok(precache)
}

/// Whether a file (URL relative to dist/) belongs in the cache.
fn cached(relative: &str) -> bool {
    relative != WORKER
        && relative != single_file::FILE_NAME
        && !relative.ends_with(".d.ts")
}

/// The list and version for `(relative URL, bytes)` pairs.
pub fn precache(listed: &[(String, Vec<u8>)]) -> Precache {
    let mut sorted: Vec<&(String, Vec<u8>)> = listed.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));

    let mut hasher = Sha256::new();
    for (name, bytes) in &sorted {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    }
    let digest = hasher.finalize();
    let version: String =
        digest.iter().take(8).map(|b| format!("{b:02x}")).collect();

    let mut files = vec!["./".to_string()];
    files.extend(sorted.iter().map(|(name, _)| name.clone()));
    Precache { version, files }
}

/// The worker's script with its placeholder line replaced by the list.
pub fn fill(script: &str, precache: &Precache) -> Result<String, Error> {
    if script.matches(PLACEHOLDER).count() != 1 {
        return Err(Error::Invalid(format!(
            "`{WORKER}` must hold the line `{PLACEHOLDER}` exactly once for \
             the precache list"
        )));
    }
    let files: Vec<String> =
        precache.files.iter().map(|f| format!("\"{f}\"")).collect();
    let line = format!(
        "const PRECACHE = {{ version: \"{}\", files: [{}] }};",
        precache.version,
        files.join(", ")
    );
    Ok(script.replacen(PLACEHOLDER, &line, 1))
}

/// `js/starcheck.js` for dist/js/starcheck.js: forward slashes, and only
/// names that need no escaping in a URL or a JavaScript string.
fn relative_url(dist: &Path, file: &Path) -> Result<String, Error> {
    let relative = file.strip_prefix(dist).map_err(|_| {
        Error::Invalid(format!("`{}` is not inside dist/", file.display()))
    })?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let url = parts.join("/");
    let plain =
        url.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if !plain {
        return Err(Error::Invalid(format!(
            "dist/{url}: the service worker lists only plain ASCII file names"
        )));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(files: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        files
            .iter()
            .map(|(n, b)| (n.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn ok_list_sorted_with_root_first() {
        let p = precache(&listed(&[
            ("js/starcheck.js", "b"),
            ("index.html", "a"),
            ("app-1.wasm", "c"),
        ]));
        assert_eq!(
            p.files,
            ["./", "app-1.wasm", "index.html", "js/starcheck.js"]
        );
        assert_eq!(p.version.len(), 16);
        assert!(p.version.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn ok_version_follows_names_and_contents_not_order() {
        let one = precache(&listed(&[("a.js", "1"), ("b.css", "2")]));
        let same = precache(&listed(&[("b.css", "2"), ("a.js", "1")]));
        let changed = precache(&listed(&[("a.js", "1"), ("b.css", "3")]));
        let renamed = precache(&listed(&[("a2.js", "1"), ("b.css", "2")]));
        // Moving a byte from one file to the next must change it too.
        let shifted = precache(&listed(&[("a.js", "12"), ("b.css", "")]));
        assert_eq!(one.version, same.version);
        for other in [changed, renamed, shifted] {
            assert_ne!(one.version, other.version);
        }
    }

    #[test]
    fn ok_fill_and_what_is_cached() {
        let script = "// worker\nconst PRECACHE = null;\nself.x = 1;\n";
        let p = Precache {
            version: "0123456789abcdef".into(),
            files: vec!["./".into(), "index.html".into()],
        };
        let filled = fill(script, &p).unwrap_or_default();
        assert_eq!(
            filled,
            "// worker\nconst PRECACHE = { version: \"0123456789abcdef\", \
             files: [\"./\", \"index.html\"] };\nself.x = 1;\n"
        );
        assert!(fill("no placeholder", &p).is_err());
        assert!(fill(&format!("{script}{script}"), &p).is_err());

        assert!(cached("js/district-worker.js"));
        assert!(cached("index.html"));
        assert!(!cached("sw.js"));
        assert!(!cached("starcheck-offline.html"));
        assert!(!cached("js/starcheck.d.ts"));
    }

    #[test]
    fn err_names_that_need_escaping() {
        let dist = Path::new("/d");
        assert_eq!(
            relative_url(dist, Path::new("/d/js/a.js")).ok().as_deref(),
            Some("js/a.js")
        );
        assert!(relative_url(dist, Path::new("/d/a\"b.js")).is_err());
        assert!(relative_url(dist, Path::new("/elsewhere/a.js")).is_err());
    }
}
