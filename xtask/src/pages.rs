//! The site's two pages. app/index.html is the community's page (the
//! `starcheck-app` binary, every page but the district office's); the
//! full page, district.html, is the same page running `starcheck-full`,
//! every page (app/src/edition.rs says why). Only index.html is written
//! by hand: the full page's source is made from it here, in
//! target/pages/, with each trunk link's path made to point back into
//! app/, so that the two can never drift apart.
//!
//! Trunk writes one page per build into a folder it empties first, so the
//! full page is built into a folder of its own and merged into dist/
//! ([`merge_full`]); the files the two builds share have the same hashed
//! names.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::html;
use crate::workspace::Workspace;

/// The full page's file name in dist/ (as app/src/edition.rs links it).
pub const FULL_PAGE: &str = "district.html";

/// The binaries the two pages run (app/Cargo.toml).
const COMMUNITY_BIN: &str = "data-bin=\"starcheck-app\"";
const FULL_BIN: &str = "data-bin=\"starcheck-full\"";

/// Where the full page's source goes: two folders below the root, as
/// [`full_page_source`] assumes.
pub fn full_source_path(workspace: &Workspace) -> PathBuf {
    workspace.root().join("target").join("pages").join(FULL_PAGE)
}

/// Where trunk builds the full page before [`merge_full`].
pub fn full_dist(workspace: &Workspace) -> PathBuf {
    workspace.root().join("target").join("dist-full")
}

/// Writes the full page's source from app/index.html; gives its path.
pub fn write_full_source(workspace: &Workspace) -> Result<PathBuf, Error> {
    let index = workspace.app_dir().join("index.html");
    let page = std::fs::read_to_string(&index).map_err(Error::io(&index))?;
    let full = full_page_source(&page)?;

    let path = full_source_path(workspace);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(Error::io(folder))?;
    }
    std::fs::write(&path, full).map_err(Error::io(&path))?;
    Ok(path)
}

/// The full page's source: `index` running the full binary, each trunk
/// link's `href` seen from target/pages/ instead of app/.
fn full_page_source(index: &str) -> Result<String, Error> {
    if index.matches(COMMUNITY_BIN).count() != 1 {
        return Err(Error::Invalid(format!(
            "app/index.html must have `{COMMUNITY_BIN}` exactly once"
        )));
    }

    let mut edits = Vec::new();
    for tag in html::start_tags(index, "link") {
        let trunk = tag.text.contains("data-trunk");
        let Some(href) = html::attribute(tag.text, "href").filter(|_| trunk)
        else {
            continue;
        };
        let moved = tag.text.replacen(
            &format!(" href=\"{href}\""),
            &format!(" href=\"../../app/{href}\""),
            1,
        );
        let moved = moved.replace(COMMUNITY_BIN, FULL_BIN);
        edits.push((tag.range, moved));
    }
    Ok(html::replace_ranges(index, edits))
}

/// Moves the full page's build into `dist`: its page as [`FULL_PAGE`],
/// and every file the community's build does not have already.
pub fn merge_full(built: &Path, dist: &Path) -> Result<(), Error> {
    let page = built.join("index.html");
    let target = dist.join(FULL_PAGE);
    std::fs::copy(&page, &target).map_err(Error::io(&page))?;

    let mut pending = vec![built.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).map_err(Error::io(&folder))? {
            let path = entry.map_err(Error::io(&folder))?.path();
            let Ok(relative) = path.strip_prefix(built) else { continue };
            let into = dist.join(relative);
            if path.is_dir() {
                std::fs::create_dir_all(&into).map_err(Error::io(&into))?;
                pending.push(path);
            } else if path != page && !into.exists() {
                std::fs::copy(&path, &into).map_err(Error::io(&path))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_full_page_runs_the_full_binary_from_app() {
        let index = r#"<head>
<link data-trunk rel="css" href="style/app.css" />
<link rel="manifest" href="manifest.webmanifest" />
<link
  data-trunk
  rel="rust"
  href="Cargo.toml"
  data-bin="starcheck-app"
/>
</head>"#;
        let full = full_page_source(index).unwrap_or_default();
        assert!(full.contains(r#"href="../../app/style/app.css""#), "{full}");
        assert!(full.contains(
            r#"<link rel="manifest" href="manifest.webmanifest" />"#
        ));
        assert!(full.contains(
            "href=\"../../app/Cargo.toml\"\n  data-bin=\"starcheck-full\""
        ));
        assert!(!full.contains("starcheck-app"));
    }

    #[test]
    fn err_page_without_the_community_binary() {
        let error =
            full_page_source("<head></head>").err().map(|e| e.to_string());
        let error = error.unwrap_or_default();
        assert!(error.contains("data-bin=\"starcheck-app\""), "{error}");
    }

    #[test]
    fn ok_the_real_index_makes_a_full_page() {
        let index = include_str!("../../app/index.html");
        let full = full_page_source(index).unwrap_or_default();
        assert_eq!(full.matches(FULL_BIN).count(), 1);
        let trunk_links = html::start_tags(&full, "link")
            .into_iter()
            .filter(|tag| tag.text.contains("data-trunk"))
            .count();
        assert!(trunk_links >= 5);
        assert_eq!(full.matches("href=\"../../app/").count(), trunk_links);
    }
}
