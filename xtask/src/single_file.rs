//! The single-file edition, dist/starcheck-offline.html: the full page
//! (district.html, every page of the app) as trunk made it, with
//! everything it loads inlined, so that the one file works double-clicked
//! from a folder (`file://`) or opened from a messaging app.
//!
//! The stylesheets become one `<style>`, the icon a `data:` URL, and the
//! JavaScript glue one inline module that instantiates the wasm from the
//! bytes of a base64 string (no fetch, so the policy allows no
//! connection). The manifest and the preload hints go. The `<html>` tag
//! gets `data-edition="single-file"`, from which the app knows not to
//! register the service worker nor start the district page's worker (a
//! worker script cannot load from `file://`): that page reads files on
//! the page itself. Its Content-Security-Policy allows the one script
//! and the one style by hash (see [`crate::csp`]).

use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::csp;
use crate::error::Error;
use crate::html::{self, Tag};

/// The top-level names the inline module adds to the glue's.
const ADDED_NAMES: [&str; 2] = ["starcheckWasmBytes", "starcheckWasm"];

/// The file's name in dist/, as the README gives it.
pub const FILE_NAME: &str = "starcheck-offline.html";

/// Writes dist/starcheck-offline.html from the page `source` of dist/
/// (the full page) as trunk left it, before the site's policy is added.
pub fn write(dist: &Path, source: &str) -> Result<(), Error> {
    let index = dist.join(source);
    let page = std::fs::read_to_string(&index).map_err(Error::io(&index))?;
    let read = |href: &str| -> Result<Vec<u8>, Error> {
        let path = dist.join(local_path(href)?);
        std::fs::read(&path).map_err(Error::io(&path))
    };
    let single = inline_page(&page, read)?;
    let out = dist.join(FILE_NAME);
    std::fs::write(&out, single).map_err(Error::io(&out))
}

/// `./name.css` as a path inside dist/; anything that could leave it is
/// refused.
fn local_path(href: &str) -> Result<&str, Error> {
    let path = href.strip_prefix("./").unwrap_or(href);
    let leaves = path.is_empty()
        || path.starts_with('/')
        || path.contains("..")
        || path.contains(':');
    if leaves {
        return Err(Error::Invalid(format!(
            "the page refers to `{href}`, which is not a file beside it"
        )));
    }
    Ok(path)
}

/// The single-file page made from trunk's `page`; `read` gives the bytes
/// of a file the page refers to (its `href` as written).
pub fn inline_page(
    page: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, Error>,
) -> Result<String, Error> {
    let mut edits = Vec::new();

    // The stylesheets in order, as one style element where the first was.
    let mut styles = String::new();
    let mut first_style: Option<Tag> = None;
    for tag in html::start_tags(page, "link") {
        let rel = html::attribute(tag.text, "rel").unwrap_or("");
        let href = html::attribute(tag.text, "href").unwrap_or("");
        match rel {
            "stylesheet" => {
                let css = String::from_utf8(read(href)?).map_err(|_| {
                    Error::Invalid(format!("`{href}` is not UTF-8"))
                })?;
                if css.to_ascii_lowercase().contains("</style") {
                    return Err(Error::Invalid(format!(
                        "`{href}` contains `</style`, which would end the \
                         inlined style early"
                    )));
                }
                styles.push_str(&css);
                styles.push('\n');
                if first_style.is_none() {
                    first_style = Some(tag);
                } else {
                    edits.push((tag.range, String::new()));
                }
            }
            "icon" => {
                let bytes = read(href)?;
                let data = format!(
                    "<link rel=\"icon\" href=\"data:{};base64,{}\" />",
                    media_type(href),
                    STANDARD.encode(bytes)
                );
                edits.push((tag.range, data));
            }
            "manifest" | "modulepreload" | "preload" => {
                edits.push((tag.range, String::new()));
            }
            other => {
                return Err(Error::Invalid(format!(
                    "the page has a `<link rel=\"{other}\">` the single-file \
                     edition does not know how to inline"
                )));
            }
        }
    }
    let style_element = format!("<style>\n{styles}</style>");
    if let Some(tag) = first_style {
        edits.push((tag.range, style_element));
    }

    // Trunk's loader becomes the glue itself, starting the wasm from bytes.
    let scripts = html::inline_scripts(page);
    let [loader] = scripts.as_slice() else {
        return Err(Error::Invalid(format!(
            "the page has {} inline scripts; the single-file edition expects \
             trunk's one loader",
            scripts.len()
        )));
    };
    let glue_href =
        between(loader.content, "from '", "'").ok_or_else(|| {
            Error::Invalid(
                "trunk's loader names no JavaScript glue".to_string(),
            )
        })?;
    let wasm_href = between(loader.content, "module_or_path: '", "'")
        .ok_or_else(|| {
            Error::Invalid("trunk's loader names no wasm file".to_string())
        })?;
    let glue = String::from_utf8(read(glue_href)?)
        .map_err(|_| Error::Invalid(format!("`{glue_href}` is not UTF-8")))?;
    let script = inline_module(&glue, &read(wasm_href)?)?;
    edits.push((
        loader.element.clone(),
        format!("<script type=\"module\">{script}</script>"),
    ));

    // Mark the edition, then add the policy for exactly this content.
    let marked = mark_edition(&html::replace_ranges(page, edits))?;
    let policy = csp::single_file_policy(
        &csp::hash_source(&script),
        &csp::hash_source(&format!("\n{styles}")),
    );
    csp::insert(&marked, &policy)
}

/// The glue as an inline module: its exports dropped (nothing imports
/// it), then the wasm instantiated from `wasm`'s bytes.
pub fn inline_module(glue: &str, wasm: &[u8]) -> Result<String, Error> {
    if glue.to_ascii_lowercase().contains("</script") {
        return Err(Error::Invalid(
            "the JavaScript glue contains `</script`, which would end the \
             inlined script early"
                .to_string(),
        ));
    }
    // The names added below live beside the glue's own top-level ones.
    if let Some(taken) = ADDED_NAMES.iter().find(|name| glue.contains(*name)) {
        return Err(Error::Invalid(format!(
            "the JavaScript glue already uses the name `{taken}`"
        )));
    }
    let mut module =
        String::with_capacity(glue.len() + wasm.len() * 4 / 3 + 512);
    for line in glue.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("export {") {
            continue;
        }
        if trimmed.starts_with("import ") {
            return Err(Error::Invalid(format!(
                "the JavaScript glue imports another module (`{trimmed}`), \
                 which the single-file edition cannot inline"
            )));
        }
        module.push_str(line.strip_prefix("export ").unwrap_or(line));
        module.push('\n');
    }
    module.push_str("const starcheckWasmBytes = Uint8Array.from(atob(\"");
    module.push_str(&STANDARD.encode(wasm));
    module.push_str("\"), (c) => c.charCodeAt(0));\n");
    module.push_str(
        "const starcheckWasm = await __wbg_init({ module_or_path: \
         starcheckWasmBytes });\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", \
         { detail: { wasm: starcheckWasm } }));\n",
    );
    Ok(module)
}

/// `<html …>` with `data-edition="single-file"` added.
fn mark_edition(page: &str) -> Result<String, Error> {
    let tag =
        html::start_tags(page, "html").into_iter().next().ok_or_else(|| {
            Error::Invalid("the page has no `<html>` tag".to_string())
        })?;
    let end = tag.range.end - 1;
    Ok(format!("{} data-edition=\"single-file\"{}", &page[..end], &page[end..]))
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

fn media_type(href: &str) -> &'static str {
    match href.rsplit('.').next() {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <link rel="stylesheet" href="./a-1.css" integrity="sha384-x"/>
    <link rel="stylesheet" href="./b-2.css" integrity="sha384-y"/>
    <link rel="icon" href="./icon-3.svg" integrity="sha384-z"/>
    <link rel="manifest" href="manifest.webmanifest" />
<script type="module">
import init, * as bindings from './app-4.js';
const wasm = await init({ module_or_path: './app-4_bg.wasm' });
</script>
  <link rel="modulepreload" href="./app-4.js"><link rel="preload" href="./app-4_bg.wasm" as="fetch"></head>
  <body></body>
</html>"#;

    const GLUE: &str = "let wasm;\nexport function helper() {}\n\
        async function __wbg_init(x) { return x; }\n\
        export { initSync, __wbg_init as default };\n";

    fn read(href: &str) -> Result<Vec<u8>, Error> {
        let bytes: &[u8] = match href {
            "./a-1.css" => b"body { color: red; }",
            "./b-2.css" => b".b { margin: 0; }",
            "./icon-3.svg" => b"<svg/>",
            "./app-4.js" => GLUE.as_bytes(),
            "./app-4_bg.wasm" => b"\0asm\x01\0\0\0",
            other => return Err(Error::Invalid(format!("no `{other}`"))),
        };
        Ok(bytes.to_vec())
    }

    #[test]
    fn ok_everything_inlined() {
        let single = inline_page(PAGE, read).unwrap_or_else(|e| e.to_string());
        assert!(
            single
                .contains("<html lang=\"zh-CN\" data-edition=\"single-file\">")
        );
        assert!(single.contains(
            "<style>\nbody { color: red; }\n.b { margin: 0; }\n</style>"
        ));
        assert!(single.contains("href=\"data:image/svg+xml;base64,PHN2Zy8+\""));
        // `\0asm\x01\0\0\0` in base64.
        assert!(single.contains("atob(\"AGFzbQEAAAA=\")"));
        assert!(single.contains("function helper() {}"));
        for gone in ["href=\"./", "manifest", "export ", "integrity", "preload"]
        {
            assert!(!single.contains(gone), "`{gone}` left in:\n{single}");
        }
    }

    #[test]
    fn ok_policy_hashes_match_the_inlined_content() {
        let single = inline_page(PAGE, read).unwrap_or_default();
        let scripts = html::inline_scripts(&single);
        assert_eq!(scripts.len(), 1);
        assert!(single.contains(&csp::hash_source(scripts[0].content)));

        let style_start = single.find("<style>").unwrap_or(0) + "<style>".len();
        let style_end = single.find("</style>").unwrap_or(0);
        let style = &single[style_start..style_end];
        assert!(single.contains(&csp::hash_source(style)), "{style}");
        assert!(single.contains("connect-src 'none'"));
    }

    #[test]
    fn err_what_cannot_be_inlined() {
        let glue_import = "import x from './y.js';\nlet wasm;\n";
        assert!(inline_module(glue_import, b"").is_err());
        assert!(inline_module("const s = '</script>';", b"").is_err());
        assert!(inline_module("let starcheckWasm;", b"").is_err());

        let two = PAGE.replace("</script>", "</script><script>1</script>");
        assert!(inline_page(&two, read).is_err());
        let unknown = PAGE.replace("rel=\"manifest\"", "rel=\"prefetch\"");
        assert!(inline_page(&unknown, read).is_err());
        let missing = PAGE.replace("./b-2.css", "./gone.css");
        assert!(inline_page(&missing, read).is_err());
    }

    #[test]
    fn err_paths_outside_dist() {
        assert_eq!(local_path("./a-1.css").ok(), Some("a-1.css"));
        assert_eq!(local_path("js/x.js").ok(), Some("js/x.js"));
        for bad in ["../secret", "/etc/passwd", "https://x.example/a.css", "./"]
        {
            assert!(local_path(bad).is_err(), "{bad}");
        }
    }
}
