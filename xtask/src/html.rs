//! Just enough reading of trunk's index.html to post-process it: its
//! `<link>` tags, its inline scripts and their attributes. Trunk writes
//! these tags in one regular form (double-quoted attributes, no `>`
//! inside a value), which is all this reads; anything else is reported,
//! never guessed at.

use std::ops::Range;

/// One tag as it stands in the text: where it is and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
}

/// Every `<name …>` start tag in `html`, in order.
pub fn start_tags<'a>(html: &'a str, name: &str) -> Vec<Tag<'a>> {
    let opener = format!("<{name}");
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find(&opener) {
        let start = from + found;
        let after = html[start + opener.len()..].chars().next();
        let is_tag = after.is_some_and(|c| c.is_whitespace() || c == '>');
        let Some(end) = html[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        if is_tag {
            tags.push(Tag { range: start..end, text: &html[start..end] });
        }
        from = end;
    }
    tags
}

/// An inline `<script>` element: the whole element and its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InlineScript<'a> {
    pub element: Range<usize>,
    pub opening: &'a str,
    pub content: &'a str,
}

/// Every `<script>` without a `src` in `html`, in order.
pub fn inline_scripts(html: &str) -> Vec<InlineScript<'_>> {
    let mut scripts = Vec::new();
    for tag in start_tags(html, "script") {
        if attribute(tag.text, "src").is_some() {
            continue;
        }
        let Some(close) = html[tag.range.end..].find("</script") else {
            continue;
        };
        let content_end = tag.range.end + close;
        let element_end = html[content_end..]
            .find('>')
            .map_or(html.len(), |e| content_end + e + 1);
        scripts.push(InlineScript {
            element: tag.range.start..element_end,
            opening: tag.text,
            content: &html[tag.range.end..content_end],
        });
    }
    scripts
}

/// The value of `name="…"` in a start tag's text.
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pattern = format!("{name}=\"");
    let mut from = 0;
    while let Some(found) = tag[from..].find(&pattern) {
        let start = from + found;
        let before = tag[..start].chars().next_back();
        let value_start = start + pattern.len();
        if before.is_some_and(char::is_whitespace) {
            let end = tag[value_start..].find('"')? + value_start;
            return Some(&tag[value_start..end]);
        }
        from = value_start;
    }
    None
}

/// The end of the first `<meta charset…>` tag, where a policy must
/// follow so that it governs everything after it.
pub fn after_charset(html: &str) -> Option<usize> {
    start_tags(html, "meta")
        .into_iter()
        .find(|tag| attribute(tag.text, "charset").is_some())
        .map(|tag| tag.range.end)
}

/// `html` with each range replaced by its text; ranges must not overlap.
pub fn replace_ranges(
    html: &str,
    mut edits: Vec<(Range<usize>, String)>,
) -> String {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="zh-CN"><head>
<meta charset="utf-8" />
<link rel="stylesheet" href="./a-1.css" integrity="sha384-x"/>
<link rel="icon" href="./icon-2.svg"/>
<linkage>not a link</linkage>
<script type="module">
import init from './app-3.js';
</script>
<script src="./other.js"></script>
</head></html>"#;

    #[test]
    fn ok_links_and_attributes() {
        let links = start_tags(PAGE, "link");
        assert_eq!(links.len(), 2);
        assert_eq!(attribute(links[0].text, "href"), Some("./a-1.css"));
        assert_eq!(attribute(links[0].text, "rel"), Some("stylesheet"));
        assert_eq!(attribute(links[1].text, "rel"), Some("icon"));
        assert_eq!(attribute(links[1].text, "integrity"), None);
        assert_eq!(
            attribute(r#"<a data-href="x" href="y">"#, "href"),
            Some("y")
        );
    }

    #[test]
    fn ok_inline_scripts_only() {
        let scripts = inline_scripts(PAGE);
        assert_eq!(scripts.len(), 1);
        assert_eq!(scripts[0].content, "\nimport init from './app-3.js';\n");
        assert_eq!(scripts[0].opening, r#"<script type="module">"#);
        assert!(PAGE[scripts[0].element.clone()].ends_with("</script>"));
    }

    #[test]
    fn ok_after_charset_and_replace() {
        let at = after_charset(PAGE).unwrap_or(0);
        assert!(PAGE[..at].ends_with(r#"<meta charset="utf-8" />"#));
        assert_eq!(after_charset("<html></html>"), None);
        let edited = replace_ranges(
            "abcdef",
            vec![(4..5, "E".into()), (0..2, "".into())],
        );
        assert_eq!(edited, "cdEf");
    }
}
