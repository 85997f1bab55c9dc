//! Browser tests of the printable report (#/report) with worked example B
//! (RUBRIC.md): the totals in text (base 70, bonus 0, total 70), items 2,
//! 5, 6, 12 and 13 with their scores, the spending gate failing with
//! “还差 ¥0.01”, the materials checklist marked from what the assessment
//! knows, and every chart's bars as wide as their numbers say.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use starcheck_app::components::chart_categories;
use starcheck_app::components::chart_score_range;
use starcheck_app::components::chart_spending;
use starcheck_app::components::report_page::ReportPage;
use starcheck_app::state::AppState;
use starcheck_core::Rubric;
use starcheck_core::examples::example_b;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// The report mounted with example B; unmounts when dropped.
struct Report {
    host: Element,
    state: AppState,
    _handle: Box<dyn std::any::Any>,
}

impl Report {
    /// The first element matching `selector`.
    fn find(&self, selector: &str) -> Element {
        self.host
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches `{selector}`"))
    }

    /// The trimmed text of the first element matching `selector`.
    fn text(&self, selector: &str) -> String {
        let text = self.find(selector).text_content().unwrap_or_default();
        text.trim().to_string()
    }

    /// An attribute of the first element matching `selector`.
    fn attr(&self, selector: &str, name: &str) -> String {
        self.find(selector).get_attribute(name).unwrap_or_default()
    }
}

/// Mounts the report with example B's assessment.
fn mount_example_b() -> Report {
    let host = document().create_element("div").expect("a div");
    document().body().expect("a body").append_child(&host).expect("attach");

    let slot: Rc<RefCell<Option<AppState>>> = Rc::default();
    let kept = Rc::clone(&slot);
    let handle =
        leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            let state = AppState::with(Rubric::quanzhou_2024(), example_b());
            provide_context(state);
            *kept.borrow_mut() = Some(state);
            view! { <ReportPage /> }
        });
    let state = slot.borrow_mut().take().expect("the view was built");
    Report { host, state, _handle: Box::new(handle) }
}

#[wasm_bindgen_test]
fn example_b_totals_items_and_gates_are_in_the_text() {
    let report = mount_example_b();

    assert_eq!(report.text("[data-report=\"base\"]"), "70");
    assert_eq!(report.text("[data-report=\"bonus\"]"), "0");
    assert_eq!(report.text("[data-report=\"total\"]"), "70");
    assert!(report.text("[data-report=\"community\"]").contains("梅峰社区"));
    assert_eq!(report.text("[data-report=\"as-of\"]"), "2025年1月6日");

    for (item, score) in
        [(2, "0 / 10 分"), (5, "6 / 10 分"), (6, "0 / 5 分"), (12, "4 / 10 分")]
    {
        let selector = format!("[data-report-score=\"{item}\"]");
        assert_eq!(report.text(&selector), score, "item {item}");
    }
    assert_eq!(report.text("[data-report-score=\"13\"]"), "0 / 5 分");

    // The spending gate fails by one fen, and says so.
    let gate = "[data-report-gate=\"spending\"]";
    assert_eq!(report.attr(gate, "data-state"), "fail");
    assert!(report.text(gate).contains("还差 ¥0.01"), "{}", report.text(gate));
    assert_eq!(report.text("[data-report=\"spent\"]"), "¥59,999.99");
    assert_eq!(report.text("[data-report=\"percent\"]"), "74.99%");
    assert_eq!(
        report.text("[data-report=\"remaining\"]"),
        "还差 ¥0.01 达到 75%"
    );

    // Item 2's deductions keep their reasons.
    let item2 = report.text("[data-report-item=\"2\"]");
    assert!(item2.contains("−8"), "{item2}");
}

#[wasm_bindgen_test]
fn example_b_materials_are_marked_from_the_assessment() {
    let report = mount_example_b();
    let mark = |item: u32, material: &str| {
        report.attr(
            &format!(
                "[data-materials-item=\"{item}\"] [data-material=\"{material}\"]"
            ),
            "data-ready",
        )
    };

    assert_eq!(mark(1, "创建方案"), "ready");
    assert_eq!(mark(2, "资金使用计划"), "ready");
    assert_eq!(mark(2, "资金支出台账"), "ready");
    assert_eq!(mark(2, "转账凭证"), "missing");
    assert_eq!(mark(2, "支付凭证/发票"), "missing");
    assert_eq!(mark(5, "每月联席会会议纪要"), "missing");
    assert_eq!(mark(13, "每月报送的信息材料"), "missing");
    assert_eq!(mark(3, "邻里中心功能布局图"), "check");
}

#[wasm_bindgen_test]
fn chart_bars_are_as_wide_as_their_numbers() {
    let report = mount_example_b();
    let categories =
        report.state.evaluation.with_untracked(|e| e.categories.clone());

    // Each category: solid to the low end, hatched to the high end.
    for c in &categories {
        let row = format!("[data-chart-category=\"{}\"]", c.name);
        let low = report.attr(&format!("{row} [data-bar=\"low\"]"), "width");
        let want = chart_categories::bar_width(c.score.low, c.max);
        assert_eq!(low, format!("{want:.1}"), "{}", c.name);
        let figure = report.text(&row);
        assert!(figure.contains(&format!("{} / {}", c.score, c.max)));
    }

    // Example B's first category: 21 of 35 points, all known.
    let first = format!("[data-chart-category=\"{}\"]", categories[0].name);
    assert_eq!(
        report.attr(&format!("{first} [data-bar=\"low\"]"), "width"),
        "180.0"
    );
    assert_eq!(
        report.attr(&format!("{first} [data-bar=\"open\"]"), "width"),
        "0.0"
    );
    assert_eq!(chart_categories::TRACK, 300.0);

    // The total, 70 on the 0–109 scale of 480 units.
    let range = "[data-chart=\"score-range\"] [data-bar=\"low\"]";
    assert_eq!(report.attr(range, "width"), "308.3");
    let x = chart_score_range::axis_x(70, 109);
    assert_eq!(format!("{x:.1}"), "328.3");
    assert!(report.text("[data-chart-text=\"score-range\"]").contains("70"));

    // Spending: 59,999.99 of 80,000 is a hair short of the line at 75%.
    let spent = "[data-chart=\"spending\"] [data-bar=\"spent\"]";
    assert_eq!(report.attr(spent, "width"), "360.0");
    assert!(report.attr(spent, "class").contains("chart-short"));
    let line = "[data-chart=\"spending\"] [data-mark=\"line\"]";
    assert_eq!(report.attr(line, "x1"), "380.0");
    assert_eq!(chart_spending::TRACK, 480.0);
    let words = report.text("[data-chart-text=\"spending\"]");
    assert!(words.contains("还差 ¥0.01"), "{words}");

    // Every chart names itself for screen readers.
    for chart in ["categories", "score-range", "spending"] {
        let title = report.text(&format!("[data-chart=\"{chart}\"] svg title"));
        assert!(!title.is_empty(), "{chart}");
    }
}
