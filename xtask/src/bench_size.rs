//! What the app's wasm is made of, for BENCHMARKS.md: twiggy's largest
//! items and their sizes added up by crate.
//!
//! The shipped wasm has no names (wasm-opt drops the name section unless
//! asked to keep it), so the breakdown is taken from trunk's intermediate
//! wasm-bindgen output, shrunk again with dist's wasm-opt flags plus `-g`:
//! the same code as dist/, with names. A function is counted for the
//! crate its name starts with (the type's crate for a method, the dropped
//! type's for drop glue), so generic code instantiated for the app's types
//! counts for the crate that defines the generic: an approximation, stated
//! where the table is printed.

use std::collections::BTreeMap;
use std::path::Path;

use crate::bench::{collect_echoing, target_dir};
use crate::dist;
use crate::error::Error;
use crate::process;
use crate::workspace::Workspace;

/// Items listed one by one.
const TOP_ITEMS: usize = 20;

/// Crates listed one by one; the rest are summed.
const TOP_CRATES: usize = 16;

/// The parts of the wasm, largest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// Bytes of all items but the name section: dist's wasm size.
    pub total: u64,
    /// The largest items: (name, bytes).
    pub top: Vec<(String, u64)>,
    /// Bytes per crate (or kind of item), largest first.
    pub by_crate: Vec<(String, u64)>,
}

/// Builds the named wasm and reads it with twiggy.
pub fn size_breakdown(
    workspace: &Workspace,
    bench_dir: &Path,
) -> Result<Breakdown, Error> {
    let intermediate = target_dir(workspace)
        .join("wasm-bindgen")
        .join("release")
        .join("starcheck-app_bg.wasm");
    if !intermediate.exists() {
        return Err(Error::Invalid(format!(
            "`{}` is missing: the release build did not run wasm-bindgen",
            intermediate.display()
        )));
    }

    let named = bench_dir.join("app-named.wasm");
    let flags = dist::wasm_opt_flags(workspace)?;
    process::run(
        workspace
            .command("wasm-opt")
            .arg("-Oz")
            .args(&flags)
            .arg("-g")
            .arg(&intermediate)
            .arg("-o")
            .arg(&named),
    )?;

    let csv = collect_echoing(
        workspace.command("twiggy").args(["top", "-f", "csv"]).arg(&named),
        false,
    )?;
    Ok(breakdown(&csv))
}

/// Reads twiggy's `top` CSV (a header, then `name,bytes,percent,…`).
fn breakdown(lines: &[String]) -> Breakdown {
    let items: Vec<(String, u64)> = lines
        .iter()
        .skip(1)
        .filter_map(|line| {
            let fields = csv_fields(line);
            let bytes = fields.get(1)?.parse().ok()?;
            Some((fields.first()?.clone(), bytes))
        })
        .filter(|(name, _)| !is_name_section(name))
        .collect();

    let total = items.iter().map(|(_, bytes)| bytes).sum();
    let mut crates: BTreeMap<String, u64> = BTreeMap::new();
    for (name, bytes) in &items {
        *crates.entry(owner(name)).or_default() += bytes;
    }
    let mut by_crate: Vec<(String, u64)> = crates.into_iter().collect();
    by_crate.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if by_crate.len() > TOP_CRATES {
        let rest: u64 = by_crate[TOP_CRATES..].iter().map(|(_, b)| b).sum();
        let others = by_crate.len() - TOP_CRATES;
        by_crate.truncate(TOP_CRATES);
        by_crate.push((format!("{others} other crates and kinds"), rest));
    }

    let mut top: Vec<(String, u64)> = items
        .into_iter()
        .map(|(name, bytes)| (without_hash(&name).to_string(), bytes))
        .collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(TOP_ITEMS);
    Breakdown { total, top, by_crate }
}

/// A symbol without its `::h0123456789abcdef` hash.
fn without_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((head, hash))
            if hash.len() == 16
                && hash.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            head
        }
        _ => name,
    }
}

/// The custom section that holds the names, absent from dist's wasm.
fn is_name_section(name: &str) -> bool {
    name.contains("\"function names\" subsection")
        || name.contains("\"local names\" subsection")
        || name.starts_with("custom section 'name'")
        || name == "name"
}

/// Which crate (or kind of item) an item is counted for.
fn owner(name: &str) -> String {
    if name.starts_with("data[") || name.starts_with("data segment") {
        return "data segments (strings, tables)".to_string();
    }
    if name.starts_with("code[") {
        return "unnamed functions".to_string();
    }
    if name.starts_with("__wbg") || name.starts_with("__wbindgen") {
        return "wasm_bindgen".to_string();
    }

    // Drop glue belongs to the type dropped.
    let mut rest = name;
    for glue in ["core::ptr::drop_in_place<", "core::ptr::read<"] {
        if let Some(inner) = rest.strip_prefix(glue) {
            rest = inner;
        }
    }
    loop {
        let trimmed = rest
            .trim_start_matches(['<', '&', '(', '[', '*', ' '])
            .trim_start_matches("mut ")
            .trim_start_matches("const ")
            .trim_start_matches("dyn ");
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }

    // A crate name, perhaps with a disambiguator: `dlmalloc[e24a…]::`.
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let after = &rest[word.len()..];
    let after = match after.strip_prefix('[') {
        Some(tail) => tail.trim_start_matches(|c: char| c.is_ascii_hexdigit()),
        None => after,
    };
    let after = after.strip_prefix(']').unwrap_or(after);
    if !word.is_empty() && after.starts_with("::") {
        return word;
    }
    "other (imports, tables, types, glue)".to_string()
}

/// The fields of one CSV line, with `"…"` quoting and `""` escapes.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_csv_fields() {
        let cases = [
            ("a,1,2.5,,", vec!["a", "1", "2.5", "", ""]),
            (
                "\"core::fmt::write<A, B>\",7,0.1",
                vec!["core::fmt::write<A, B>", "7", "0.1"],
            ),
            ("\"say \"\"hi\"\"\",3", vec!["say \"hi\"", "3"]),
        ];
        for (line, expected) in cases {
            assert_eq!(csv_fields(line), expected, "{line}");
        }
    }

    #[test]
    fn ok_owner() {
        let cases = [
            ("starcheck_core::score::evaluate::h12ab", "starcheck_core"),
            ("<serde_json::de::Deserializer<R> as X>::f", "serde_json"),
            ("core::ptr::drop_in_place<leptos::A>", "leptos"),
            ("<&mut tachys::view::B as C>::build", "tachys"),
            ("core::fmt::write::h99", "core"),
            ("data[3]", "data segments (strings, tables)"),
            ("code[12]", "unnamed functions"),
            ("data segment \".rodata.15\"", "data segments (strings, tables)"),
            ("<dlmalloc[e24a2770]::dlmalloc::Dlmalloc<A>>::malloc", "dlmalloc"),
            ("__wbg_new_abc", "wasm_bindgen"),
            ("table[0]", "other (imports, tables, types, glue)"),
        ];
        for (name, expected) in cases {
            assert_eq!(owner(name), expected, "{name}");
        }
    }

    #[test]
    fn ok_breakdown_sums_and_sorts() {
        let lines: Vec<String> = [
            "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent",
            "leptos::a,30,30,,",
            "\"<leptos::b<X, Y> as Z>::c\",20,20,,",
            "serde::d,40,40,,",
            "\"\"\"function names\"\" subsection\",99,9,,",
            "data[0],10,10,,",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let found = breakdown(&lines);
        assert_eq!(found.total, 100);
        assert_eq!(without_hash("a::b::h0123456789abcdef"), "a::b");
        assert_eq!(without_hash("a::hello"), "a::hello");
        assert_eq!(found.top[0], ("serde::d".to_string(), 40));
        assert_eq!(found.by_crate[0], ("leptos".to_string(), 50));
        assert_eq!(found.by_crate[1], ("serde".to_string(), 40));
    }
}
