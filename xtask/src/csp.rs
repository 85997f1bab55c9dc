//! The Content-Security-Policy written into the built pages as a
//! `<meta http-equiv>` right after the charset, so that nothing a user
//! imports can reach the network or run: no connection but the site's own
//! files, no script but the site's own (trunk's inline loader allowed by
//! its SHA-256, computed here after trunk ran), WebAssembly allowed
//! (`'wasm-unsafe-eval'`), images also from `data:` and `blob:` (photos
//! kept in the browser), and PDFs from `blob:` in a frame or object.
//!
//! The single-file edition has everything inline: its one script and its
//! one style element are allowed by hash, and it may connect nowhere.
//! A meta policy cannot set `frame-ancestors` or reporting; a server that
//! can send headers may add those.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::html;

/// `'sha256-…'`: the CSP source that allows exactly this inline text.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", STANDARD.encode(digest))
}

/// The policy of the served site's pages, allowing the inline
/// scripts whose hashes are given.
pub fn site_policy(script_hashes: &[String]) -> String {
    let scripts =
        join_sources(&["'self'", "'wasm-unsafe-eval'"], script_hashes);
    [
        "default-src 'none'".to_string(),
        format!("script-src {scripts}"),
        "style-src 'self'".to_string(),
        "img-src 'self' data: blob:".to_string(),
        "font-src 'self'".to_string(),
        "connect-src 'self'".to_string(),
        "worker-src 'self'".to_string(),
        "manifest-src 'self'".to_string(),
        "frame-src blob:".to_string(),
        "object-src blob:".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// The policy of the single-file edition: its inline script and style by
/// hash, no connection at all, no worker.
pub fn single_file_policy(script_hash: &str, style_hash: &str) -> String {
    let scripts =
        join_sources(&["'wasm-unsafe-eval'"], &[script_hash.to_string()]);
    [
        "default-src 'none'".to_string(),
        format!("script-src {scripts}"),
        format!("style-src {style_hash}"),
        "img-src data: blob:".to_string(),
        "connect-src 'none'".to_string(),
        "worker-src 'none'".to_string(),
        "frame-src blob:".to_string(),
        "object-src blob:".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

fn join_sources(fixed: &[&str], hashes: &[String]) -> String {
    let mut sources: Vec<&str> = fixed.to_vec();
    sources.extend(hashes.iter().map(String::as_str));
    sources.join(" ")
}

/// The `<meta>` element carrying `policy`.
pub fn meta(policy: &str) -> String {
    format!(
        "\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />"
    )
}

/// `html` with `policy` inserted right after its charset declaration.
pub fn insert(html: &str, policy: &str) -> Result<String, Error> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err(Error::Invalid(
            "the page already has a Content-Security-Policy".to_string(),
        ));
    }
    let at = html::after_charset(html).ok_or_else(|| {
        Error::Invalid(
            "the page has no `<meta charset>` to put the policy after"
                .to_string(),
        )
    })?;
    Ok(format!("{}{}{}", &html[..at], meta(policy), &html[at..]))
}

/// A page of dist/ (index.html, district.html) with the site policy,
/// allowing each of its inline scripts (trunk's loader) by hash.
pub fn secure_site_page(html: &str) -> Result<String, Error> {
    let hashes: Vec<String> = html::inline_scripts(html)
        .iter()
        .map(|script| hash_source(script.content))
        .collect();
    if hashes.is_empty() {
        return Err(Error::Invalid(
            "a page of dist/ has no inline loader script: has trunk's output \
             changed?"
                .to_string(),
        ));
    }
    insert(html, &site_policy(&hashes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_hash_source_matches_known_digest() {
        // `printf 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn ok_site_page_gets_policy_with_loader_hash() {
        let loader = "\nimport init from './app-1.js';\nawait init();\n";
        let page = format!(
            "<html><head>\n<meta charset=\"utf-8\" />\n<title>t</title>\n\
             <script type=\"module\">{loader}</script></head></html>"
        );
        let secured = secure_site_page(&page).unwrap_or_default();
        let meta_at = secured.find("Content-Security-Policy").unwrap_or(0);
        let title_at = secured.find("<title>").unwrap_or(0);
        assert!(meta_at > 0 && meta_at < title_at, "{secured}");
        assert!(secured.contains(&hash_source(loader)), "{secured}");
        assert!(secured.contains("connect-src 'self'"));
        assert!(secured.contains("default-src 'none'"));
        assert!(secure_site_page(&secured).is_err(), "inserted twice");
    }

    #[test]
    fn err_page_without_loader_or_charset() {
        let none = "<html><head><meta charset=\"utf-8\"></head></html>";
        assert!(secure_site_page(none).is_err());
        let no_charset = "<html><head><script>x</script></head></html>";
        assert!(secure_site_page(no_charset).is_err());
    }

    #[test]
    fn ok_single_file_policy_connects_nowhere() {
        let policy = single_file_policy("'sha256-a'", "'sha256-b'");
        assert!(policy.contains("script-src 'wasm-unsafe-eval' 'sha256-a'"));
        assert!(policy.contains("style-src 'sha256-b'"));
        assert!(policy.contains("connect-src 'none'"));
        assert!(!policy.contains("'self'"));
    }
}
