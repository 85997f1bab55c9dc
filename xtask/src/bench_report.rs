//! The figures of `cargo xtask bench` as Markdown: each budget with its
//! measured median and PASS or MISS, then the details of every part. The
//! result replaces the generated block of BENCHMARKS.md (between
//! [`BEGIN`] and [`END`]); what people wrote around it is kept.
//!
//! Sizes are in kB of 1,000 bytes, as the js-framework-benchmark reports
//! them, so our figures sit beside its Leptos 0.7 entry unconverted.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::bench_machine::Machine;
use crate::bench_size::Breakdown;

/// Opens the block `cargo xtask bench` rewrites.
pub const BEGIN: &str =
    "<!-- bench:begin (written by `cargo xtask bench`; edit outside) -->";

/// Closes it.
pub const END: &str = "<!-- bench:end -->";

/// The budgets of issue 9, medians on this machine.
const BUDGET_LOAD_GZIP_BYTES: f64 = 200_000.0;
const BUDGET_LOAD_RATIO: f64 = 2.0;
const BUDGET_INPUT_MS: f64 = 4.0;
const BUDGET_NATIVE_NS: f64 = 5_000.0;
const BUDGET_DISTRICT_MS: f64 = 1_000.0;

/// The js-framework-benchmark's reference entries the issue compares with.
const LEPTOS_07: (&str, f64, f64, f64) =
    ("Leptos 0.7 (js-framework-benchmark)", 189_600.0, 48_800.0, 230.0);
const VANILLA: (&str, f64, f64) =
    ("vanilla JS (js-framework-benchmark)", 11_300.0, 45.0);

/// What the benchmark programs printed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// `bench <key> <value>` lines.
    pub values: BTreeMap<String, String>,
    /// The files of the first load.
    pub files: Vec<FileSize>,
}

/// One file of the first load, raw and compressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    pub kind: String,
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl FileSize {
    /// Reads `<name> <raw> <gzip> <brotli>` (the name has no spaces).
    pub fn parse(kind: &str, rest: &str) -> Option<FileSize> {
        let mut words = rest.split(' ');
        let name = words.next()?.to_string();
        let mut number = || words.next()?.parse::<u64>().ok();
        Some(FileSize {
            kind: kind.to_string(),
            name,
            raw: number()?,
            gzip: number()?,
            brotli: number()?,
        })
    }
}

impl Figures {
    /// Takes every `bench <key> <value>` and `file <kind> <name> <raw>
    /// <gzip> <brotli>` line; other lines are progress, left alone.
    pub fn read(&mut self, lines: &[String]) {
        for line in lines {
            let mut words = line.splitn(3, ' ');
            match (words.next(), words.next(), words.next()) {
                (Some("bench"), Some(key), Some(value)) => {
                    self.values.insert(key.to_string(), value.to_string());
                }
                (Some("file"), Some(kind), Some(rest)) => {
                    if let Some(file) = FileSize::parse(kind, rest) {
                        self.files.push(file);
                    }
                }
                _ => {}
            }
        }
    }

    /// A figure as a number; `None` when missing or not a number.
    fn number(&self, key: &str) -> Option<f64> {
        self.values
            .get(key)
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
    }

    /// A figure as printed, or `—`.
    fn text(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_else(|| "—".to_string())
    }
}

/// The generated block, markers included.
pub fn render(
    machine: &Machine,
    figures: &Figures,
    breakdown: &Breakdown,
) -> String {
    let mut out = String::new();
    let f = figures;
    line(&mut out, BEGIN);
    line(&mut out, "");
    line(&mut out, "## Latest run");
    line(&mut out, "");
    line(&mut out, "| | |");
    line(&mut out, "|---|---|");
    row(&mut out, &["date", &machine.date]);
    row(&mut out, &["commit", &machine.commit]);
    row(&mut out, &["CPU", &machine.cpu]);
    row(
        &mut out,
        &[
            "cores, memory",
            &format!("{} cores, {}", machine.cores, machine.memory),
        ],
    );
    row(
        &mut out,
        &[
            "load average (1, 5, 15 min) as measuring began",
            &format!("{} (the cores are shared with other work)", machine.load),
        ],
    );
    row(
        &mut out,
        &[
            "browser",
            &format!(
                "{}, headless, site served on 127.0.0.1",
                machine.chromium
            ),
        ],
    );
    row(
        &mut out,
        &["Node, rustc", &format!("{}, {}", machine.node, machine.rustc)],
    );
    line(&mut out, "");

    budgets(&mut out, f);
    first_load(&mut out, f);
    load_time(&mut out, f);
    input(&mut out, f);
    scoring(&mut out, f);
    district(&mut out, f);
    draft(&mut out, f);
    sizes(&mut out, breakdown);
    line(&mut out, END);
    out
}

fn budgets(out: &mut String, f: &Figures) {
    line(out, "### Budgets");
    line(out, "");
    line(out, "| what (medians) | measured | budget | |");
    line(out, "|---|---|---|---|");

    let gzip = f.number("load.bytes.all.gzip");
    row(
        out,
        &[
            "first load (`index.html`), gzip, every file",
            &gzip.map(kb).unwrap_or_else(dash),
            &format!("≤ {}", kb(BUDGET_LOAD_GZIP_BYTES)),
            verdict(gzip, |v| v <= BUDGET_LOAD_GZIP_BYTES),
        ],
    );

    let ratio = f.number("load.ratio");
    let shown = match (
        ratio,
        f.number("load.app.interactive_ms"),
        f.number("load.blank.load_ms"),
    ) {
        (Some(r), Some(app), Some(blank)) => {
            format!("{r:.2}× ({} / {})", ms(app), ms(blank))
        }
        _ => dash(),
    };
    row(
        out,
        &[
            "navigation to interactive form ÷ blank page's load",
            &shown,
            &format!("≤ {BUDGET_LOAD_RATIO}×"),
            verdict(ratio, |v| v <= BUDGET_LOAD_RATIO),
        ],
    );

    let input = f.number("input.total_ms");
    row(
        out,
        &[
            "input event to updated total",
            &input.map(ms).unwrap_or_else(dash),
            &format!("< {}", ms(BUDGET_INPUT_MS)),
            verdict(input, |v| v < BUDGET_INPUT_MS),
        ],
    );

    // On-CPU time where the bench could read it: on a machine shared with
    // other builds, wall-clock time also counts waiting for a core.
    let wall = f.number("native.evaluate_ns");
    let cpu = f.number("native.evaluate_cpu_ns");
    let judged = cpu.or(wall);
    let shown = match (cpu, wall) {
        (Some(cpu), Some(wall)) => {
            format!("{} on CPU ({} wall-clock)", us(cpu), us(wall))
        }
        (None, Some(wall)) => format!("{} wall-clock", us(wall)),
        _ => dash(),
    };
    row(
        out,
        &[
            "core: score one assessment, native",
            &shown,
            &format!("< {}", us(BUDGET_NATIVE_NS)),
            verdict(judged, |v| v < BUDGET_NATIVE_NS),
        ],
    );

    let import = f.number("district.import_ms");
    let files = thousands(&f.text("district.files"));
    row(
        out,
        &[
            &format!("district: import {files} files"),
            &import.map(ms).unwrap_or_else(|| {
                format!("did not finish: {}", f.text("district.error"))
            }),
            &format!("< {}", ms(BUDGET_DISTRICT_MS)),
            verdict(import, |v| v < BUDGET_DISTRICT_MS),
        ],
    );
    line(out, "");
}

fn first_load(out: &mut String, f: &Figures) {
    line(out, "### First load");
    line(out, "");
    line(
        out,
        &format!(
            "What headless Chromium requested while opening the community's \
         page, `index.html#/assess` ({} requests), compressed here as a \
         static host would precompress: gzip level 9, brotli quality 11. \
         1 kB = 1,000 bytes. The district office's page, `district.html`, \
         carries every page of the app ({} requests); its total is the \
         row below StarCheck's.",
            f.text("load.requests"),
            f.text("load.full.requests")
        ),
    );
    line(out, "");
    line(out, "| | raw | gzip | brotli | first paint |");
    line(out, "|---|---|---|---|---|");
    for kind in ["wasm", "js", "css", "html", "other", "all"] {
        let size = |measure: &str| {
            f.number(&format!("load.bytes.{kind}.{measure}"))
                .map(kb)
                .unwrap_or_else(dash)
        };
        let paint = if kind == "all" {
            f.number("load.app.fcp_ms").map(ms).unwrap_or_else(dash)
        } else {
            String::new()
        };
        let label = if kind == "all" {
            "**StarCheck, `index.html`, all**"
        } else {
            kind
        };
        row(
            out,
            &[label, &size("raw"), &size("gzip"), &size("brotli"), &paint],
        );
    }
    let full = |measure: &str| {
        f.number(&format!("load.full.bytes.all.{measure}"))
            .map(kb)
            .unwrap_or_else(dash)
    };
    row(
        out,
        &[
            "StarCheck, `district.html`, all",
            &full("raw"),
            &full("gzip"),
            &full("brotli"),
            "",
        ],
    );
    let (name, raw, brotli, paint) = LEPTOS_07;
    row(out, &[name, &kb(raw), "—", &kb(brotli), &ms(paint)]);
    let (name, raw, paint) = VANILLA;
    row(out, &[name, &kb(raw), "—", "—", &ms(paint)]);
    line(out, "");
    line(
        out,
        "The reference rows are the issue's figures from another \
               machine and a benchmark app of one table; the first paint \
               here is first-contentful-paint on this machine.",
    );
    line(out, "");

    if !f.files.is_empty() {
        line(out, "| file | kind | raw | gzip | brotli |");
        line(out, "|---|---|---|---|---|");
        for file in &f.files {
            row(
                out,
                &[
                    &format!("`{}`", file.name),
                    &file.kind,
                    &kb(file.raw as f64),
                    &kb(file.gzip as f64),
                    &kb(file.brotli as f64),
                ],
            );
        }
        line(out, "");
    }
}

fn load_time(out: &mut String, f: &Figures) {
    line(out, "### Navigation to an interactive form");
    line(out, "");
    line(
        out,
        &format!(
            "Median of {} loads of each page, alternating, each in a new tab of \
         one browser (no HTTP cache: the server says `no-store`). \"In \
         page\" is from the navigation's start to the app's \
         `starcheck:interactive` mark (set once mounted) or to the blank \
         page's load event; \"driver\" is from playwright's `goto` to the \
         same moment seen from Node.",
            f.text("load.runs")
        ),
    );
    line(out, "");
    line(out, "| page | in page | driver | first contentful paint |");
    line(out, "|---|---|---|---|");
    let pick = |key: &str| f.number(key).map(ms).unwrap_or_else(dash);
    row(
        out,
        &[
            "app (`#/assess` form)",
            &pick("load.app.interactive_ms"),
            &pick("load.app.driver_ms"),
            &pick("load.app.fcp_ms"),
        ],
    );
    row(
        out,
        &[
            "blank static page (floor)",
            &pick("load.blank.load_ms"),
            &pick("load.blank.driver_ms"),
            &pick("load.blank.fcp_ms"),
        ],
    );
    let ratio = |key: &str| {
        f.number(key).map(|r| format!("{r:.2}×")).unwrap_or_else(dash)
    };
    row(out, &["ratio", &ratio("load.ratio"), &ratio("load.ratio_driver"), ""]);
    line(out, "");

    // Where the form's time goes: the same app at a page of few elements
    // starts as fast; what is left is drawing the form.
    line(
        out,
        "| app at | wasm received | interactive | elements at the mark |",
    );
    line(out, "|---|---|---|---|");
    let count = |key: &str| {
        f.number(key).map(|n| format!("{n:.0}")).unwrap_or_else(dash)
    };
    row(
        out,
        &[
            "`#/assess` (the form)",
            &pick("load.app.wasm_ms"),
            &pick("load.app.interactive_ms"),
            &count("load.app.elements"),
        ],
    );
    row(
        out,
        &[
            "`#/drafts` (few elements)",
            &pick("load.light.wasm_ms"),
            &pick("load.light.interactive_ms"),
            &count("load.light.elements"),
        ],
    );
    line(out, "");
    line(
        out,
        &format!(
            "Every run, app (ms): {}; blank (ms): {}.",
            f.text("load.app.interactive_all_ms"),
            f.text("load.blank.load_all_ms")
        ),
    );
    line(out, "");
}

fn input(out: &mut String, f: &Figures) {
    line(out, "### Input to updated total");
    line(out, "");
    line(
        out,
        &format!(
            "{} edits of item 6's label count (1, 0, 1, …) on the assessment \
         page with example A loaded; each from dispatching the `input` \
         event to the MutationObserver callback that sees the summary's \
         total change, one frame apart. Median {}, 90th percentile {}, \
         slowest {}.",
            f.text("input.edits"),
            f.number("input.total_ms").map(ms).unwrap_or_else(dash),
            f.number("input.total_p90_ms").map(ms).unwrap_or_else(dash),
            f.number("input.total_max_ms").map(ms).unwrap_or_else(dash),
        ),
    );
    line(out, "");
}

fn scoring(out: &mut String, f: &Figures) {
    line(out, "### Core scoring");
    line(out, "");
    line(
        out,
        "Native: `core/benches/scoring.rs` (bench profile: the \
               release profile at opt-level 3). Wasm: the same work \
               (`core/benches/support/workload.rs`) compiled alone with the \
               app's release profile and wasm-opt flags \
               (`tests/bench/core-wasm`, plain exports, no glue), called \
               from a blank page in Chromium and timed with \
               `performance.now()`; the app's own wasm exports nothing to \
               call. A cohort is scored with `evaluate` for each community, \
               then `rank_cohort`.",
    );
    line(out, "");
    line(
        out,
        "| work (median) | native, on CPU | native, wall-clock | wasm in \
         Chromium, wall-clock |",
    );
    line(out, "|---|---|---|---|");
    let three = |keys: [&str; 3], show: fn(f64) -> String| {
        keys.map(|k| f.number(k).map(show).unwrap_or_else(dash))
    };
    let [c, n, w] = three(
        ["native.evaluate_cpu_ns", "native.evaluate_ns", "wasm.evaluate_ns"],
        us,
    );
    row(out, &["one assessment (example A)", &c, &n, &w]);
    for size in ["1000", "10000"] {
        let keys = [
            format!("native.cohort_{size}_cpu_ms"),
            format!("native.cohort_{size}_ms"),
            format!("wasm.cohort_{size}_ms"),
        ];
        let [c, n, w] = three(keys.each_ref().map(String::as_str), ms);
        let label = format!("cohort of {}", thousands(size));
        row(out, &[&label, &c, &n, &w]);
        let count: f64 = size.parse().unwrap_or(1.0);
        let per = |key: &str| {
            f.number(key).map(|t| us(t * 1e6 / count)).unwrap_or_else(dash)
        };
        let [c, n, w] = keys.each_ref().map(|k| per(k));
        row(out, &["… per assessment", &c, &n, &w]);
    }
    line(out, "");
    line(
        out,
        &format!(
            "Batches: native {} × {} calls, wasm {} × {} calls.",
            f.text("native.evaluate_batches"),
            f.text("native.evaluate_calls_per_batch"),
            f.text("wasm.evaluate_batches"),
            f.text("wasm.evaluate_calls_per_batch"),
        ),
    );
    line(out, "");
}

fn district(out: &mut String, f: &Figures) {
    line(out, "### District import");
    line(out, "");
    let workers = f.number("district.workers").unwrap_or(0.0);
    let mode = if workers > 0.0 {
        format!("with {workers:.0} Web Worker(s) running in the page")
    } else {
        "on the page's main thread (no Web Worker ran)".to_string()
    };
    line(
        out,
        &format!(
            "Exported files of the benchmark cohort chosen at once in the \
         `district.html#/district` picker of a fresh tab, {mode}: first \
         {}, then all \
         {}, the latter stopped after a minute if still running. Timed \
         from the input's `change` event until the summary counts them \
         all and the table has a row for each. Peak JS heap: CDP \
         `Performance.getMetrics` (`JSHeapUsedSize`) sampled every 25 ms \
         while it ran (samples wait while the page is busy); the wasm \
         memory is the app's linear memory at the end, which the JS heap \
         does not count.",
            thousands(&f.text("district_small.files")),
            thousands(&f.text("district.files")),
        ),
    );
    line(out, "");
    line(out, "| | first files | all files |");
    line(out, "|---|---|---|");
    let both = |key: &str, show: &dyn Fn(&str) -> String| {
        [format!("district_small.{key}"), format!("district.{key}")]
            .map(|k| show(&k))
    };
    let [small, all] = both("files", &|k| thousands(&f.text(k)));
    row(out, &["files", &small, &all]);
    let [small, all] = both("import_ms", &|k| {
        f.number(k).map(ms).unwrap_or_else(|| {
            let prefix = k.trim_end_matches(".import_ms");
            format!("not done: {}", f.text(&format!("{prefix}.error")))
        })
    });
    row(out, &["import time", &small, &all]);
    let [small, all] = both("summary", &|k| f.text(k));
    row(out, &["page says", &small, &all]);
    let mb = |k: &str| f.number(k).map(megabytes).unwrap_or_else(dash);
    for (label, key) in [
        ("JS heap before", "heap_before_bytes"),
        ("JS heap, peak", "heap_peak_bytes"),
        ("JS heap at the end", "heap_after_bytes"),
        ("wasm memory at the end", "wasm_memory_bytes"),
    ] {
        let [small, all] = both(key, &mb);
        row(out, &[label, &small, &all]);
    }
    line(out, "");
}

fn draft(out: &mut String, f: &Figures) {
    line(out, "### Draft save");
    line(out, "");
    line(
        out,
        &format!(
            "Example A imported into its draft. Stored: {} characters, {} as \
         UTF-8 in local storage ({} for the draft itself). From an edit to \
         \"已保存\": {} (median of {}), of which {} is the autosave's \
         deliberate wait; the `setItem` calls ({} per save) took {}.",
            f.text("draft.stored_chars"),
            f.number("draft.stored_utf8_bytes").map(kb).unwrap_or_else(dash),
            f.number("draft.example_a_value_bytes")
                .map(kb)
                .unwrap_or_else(dash),
            f.number("draft.edit_to_saved_ms").map(ms).unwrap_or_else(dash),
            f.text("draft.saves"),
            f.number("draft.autosave_delay_ms").map(ms).unwrap_or_else(dash),
            f.text("draft.set_item_calls"),
            f.number("draft.set_item_ms").map(ms).unwrap_or_else(dash),
        ),
    );
    line(out, "");
}

fn sizes(out: &mut String, breakdown: &Breakdown) {
    line(out, "### What the app's wasm is made of");
    line(out, "");
    line(
        out,
        &format!(
            "twiggy on the shipped code with names kept ({} without the name \
         section). By crate: a function counts for the crate its name \
         starts with, so generic code (views, serde) instantiated for the \
         app's types counts for the crate that defines it.",
            kb(breakdown.total as f64)
        ),
    );
    line(out, "");
    line(out, "| crate or kind | bytes | share |");
    line(out, "|---|---|---|");
    for (name, bytes) in &breakdown.by_crate {
        row(
            out,
            &[
                &format!("`{name}`"),
                &kb(*bytes as f64),
                &share(*bytes, breakdown.total),
            ],
        );
    }
    line(out, "");
    line(out, "| largest items | bytes | share |");
    line(out, "|---|---|---|");
    for (name, bytes) in &breakdown.top {
        let name = shorten(name, 90).replace('|', "\\|");
        row(
            out,
            &[
                &format!("`{name}`"),
                &kb(*bytes as f64),
                &share(*bytes, breakdown.total),
            ],
        );
    }
    line(out, "");
}

/// `old` with its generated block replaced by `generated`; a file without
/// one gets it after its first paragraph (or a title when empty).
pub fn replace_generated(old: &str, generated: &str) -> String {
    let generated = generated.trim_end();
    if let (Some(start), Some(end)) = (old.find(BEGIN), old.find(END))
        && start < end
    {
        let after = &old[end + END.len()..];
        return format!("{}{generated}{after}", &old[..start]);
    }
    if old.trim().is_empty() {
        return format!("# StarCheck benchmarks\n\n{generated}\n");
    }
    format!("{}\n\n{generated}\n", old.trim_end())
}

fn line(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}");
}

fn row(out: &mut String, cells: &[&str]) {
    line(out, &format!("| {} |", cells.join(" | ")));
}

fn verdict(value: Option<f64>, within: impl Fn(f64) -> bool) -> &'static str {
    match value {
        Some(v) if within(v) => "PASS",
        _ => "**MISS**",
    }
}

fn dash() -> String {
    "—".to_string()
}

fn kb(bytes: f64) -> String {
    format!("{:.1} kB", bytes / 1_000.0)
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

fn ms(value: f64) -> String {
    if value >= 100.0 {
        format!("{value:.0} ms")
    } else {
        format!("{value:.2} ms")
    }
}

fn us(nanoseconds: f64) -> String {
    format!("{:.2} µs", nanoseconds / 1_000.0)
}

fn share(part: u64, total: u64) -> String {
    if total == 0 {
        return dash();
    }
    format!("{:.1}%", part as f64 * 100.0 / total as f64)
}

/// `10000` as `10,000`.
fn thousands(digits: &str) -> String {
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most `limit` characters, with `…` where cut.
fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let kept: String = text.chars().take(limit - 1).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_read_lines() {
        let lines: Vec<String> = [
            "bench load.ratio 1.250",
            "bench district.summary 本次读取 3 个文件:接受 3 个",
            "file wasm app_bg.wasm 100 40 30",
            "wrote 3 files",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut figures = Figures::default();
        figures.read(&lines);
        assert_eq!(figures.number("load.ratio"), Some(1.25));
        assert_eq!(
            figures.text("district.summary"),
            "本次读取 3 个文件:接受 3 个"
        );
        assert_eq!(figures.files.len(), 1);
        assert_eq!(figures.files[0].gzip, 40);
        assert_eq!(figures.number("missing"), None);
    }

    #[test]
    fn ok_replace_generated_keeps_the_rest() {
        let old = format!("# T\n\nintro\n\n{BEGIN}\nold\n{END}\n\n## Notes\n");
        let new = replace_generated(&old, &format!("{BEGIN}\nnew\n{END}\n"));
        assert_eq!(
            new,
            format!("# T\n\nintro\n\n{BEGIN}\nnew\n{END}\n\n## Notes\n")
        );

        let fresh = replace_generated("", &format!("{BEGIN}\nx\n{END}"));
        assert!(fresh.starts_with("# StarCheck benchmarks\n\n<!--"));
    }

    #[test]
    fn ok_units() {
        assert_eq!(kb(48_800.0), "48.8 kB");
        assert_eq!(ms(3.256), "3.26 ms");
        assert_eq!(ms(812.4), "812 ms");
        assert_eq!(us(3_100.0), "3.10 µs");
        assert_eq!(thousands("10000"), "10,000");
        assert_eq!(thousands("1000"), "1,000");
        assert_eq!(thousands("100"), "100");
        assert_eq!(shorten("abcdef", 4), "abc…");
    }

    #[test]
    fn ok_verdicts() {
        assert_eq!(verdict(Some(1.0), |v| v < 2.0), "PASS");
        assert_eq!(verdict(Some(3.0), |v| v < 2.0), "**MISS**");
        assert_eq!(verdict(None, |v| v < 2.0), "**MISS**");
    }
}
