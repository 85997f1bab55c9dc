//! Browser tests of the self-assessment page: typed counts (full-width
//! digits included) move the score; a refused value shows its message,
//! is marked invalid and leaves the score as it was; composition by an
//! input method is not committed half-way; the as-of date decides which
//! months are pending (worked example C).

mod support;

use leptos::prelude::*;
use starcheck_app::components::assess_page::AssessPage;
use starcheck_core::{Fact, ItemStatus};
use support::{dispatch, mount, settle};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const CONTAINERS: &str = "input[data-field=\"item6.containers\"]";

/// Answers item 6 so that only the dirty-containers count is open.
fn item6_all_but_containers(page: &support::Mounted) {
    page.state.set_fact(6, "four_category_set", Some(Fact::YesNo(true)));
    page.state.set_fact(6, "wrong_equipment", Some(Fact::Places(Vec::new())));
    page.state.set_fact(6, "labels", Some(Fact::Count(0)));
}

#[wasm_bindgen_test]
async fn a_full_width_count_updates_the_score() {
    let page = mount(AssessPage);
    item6_all_but_containers(&page);
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "0–5");

    page.type_into(CONTAINERS, "１");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "3");
    assert_eq!(page.text("[data-status-item=\"6\"]"), "已评估");
    let deductions = page.text("[data-deductions=\"6\"]");
    assert!(deductions.contains('2'), "deductions: {deductions}");

    // Two full-width digits: one deduction each, floored at 0.
    page.type_into(CONTAINERS, "１２");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "0");
    let fact = page
        .state
        .assessment
        .with_untracked(|a| a.fact(6, "containers").cloned());
    assert_eq!(fact, Some(Fact::Count(12)));
}

#[wasm_bindgen_test]
async fn an_invalid_count_shows_a_message_and_keeps_the_score() {
    let page = mount(AssessPage);
    item6_all_but_containers(&page);
    page.enter(CONTAINERS, "２");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "1");

    for refused in ["abc", "1.5", "-1"] {
        page.type_into(CONTAINERS, refused);
        settle().await;

        // The score and the model keep the last accepted value.
        assert_eq!(page.text("[data-score-item=\"6\"]"), "1", "{refused}");
        let fact = page
            .state
            .assessment
            .with_untracked(|a| a.fact(6, "containers").cloned());
        assert_eq!(fact, Some(Fact::Count(2)), "{refused}");

        // The refused text stays visible, marked invalid, with a message.
        let input = page.input(CONTAINERS);
        assert_eq!(input.value(), refused);
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        let message_id =
            input.get_attribute("aria-describedby").unwrap_or_default();
        let message = page.text(&format!("#{message_id}"));
        assert!(message.contains("仍按 2 计分"), "message: {message}");
    }

    // Correcting the value clears the message.
    page.type_into(CONTAINERS, "0");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "5");
    assert_eq!(page.input(CONTAINERS).get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn an_emptied_count_is_unanswered_again() {
    let page = mount(AssessPage);
    item6_all_but_containers(&page);
    page.type_into(CONTAINERS, "0");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"6\"]"), "5");

    page.type_into(CONTAINERS, "");
    settle().await;
    let fact = page
        .state
        .assessment
        .with_untracked(|a| a.fact(6, "containers").cloned());
    assert_eq!(fact, None);
    assert_eq!(page.text("[data-status-item=\"6\"]"), "部分填写");
    assert_ne!(page.text("[data-score-item=\"6\"]"), "");
}

#[wasm_bindgen_test]
async fn yes_no_and_graded_range_score_item_1() {
    let page = mount(AssessPage);
    settle().await;
    assert_eq!(page.text("[data-status-item=\"1\"]"), "未评估");

    page.click("input[data-field=\"item1.plan\"][value=\"yes\"]");
    page.enter("input[data-field=\"item1.execution.low\"]", "３");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"1\"]"), "3");

    page.enter("input[data-field=\"item1.execution.high\"]", "5");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"1\"]"), "3–5");

    // A range end above the item's maximum is refused next to the field.
    page.type_into("input[data-field=\"item1.execution.high\"]", "6");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"1\"]"), "3–5");
    let high = page.input("input[data-field=\"item1.execution.high\"]");
    assert_eq!(high.get_attribute("aria-invalid").as_deref(), Some("true"));

    // No plan: the item scores 0 whatever the range.
    page.click("input[data-field=\"item1.plan\"][value=\"no\"]");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"1\"]"), "0");
    assert!(page.find_all("[data-deductions=\"1\"] li").len() == 1);

    // 未填写 makes the question open again.
    page.click("input[data-field=\"item1.plan\"][value=\"unset\"]");
    settle().await;
    let fact =
        page.state.assessment.with_untracked(|a| a.fact(1, "plan").cloned());
    assert_eq!(fact, None);
}

#[wasm_bindgen_test]
async fn the_field_being_typed_in_is_not_rewritten() {
    let page = mount(AssessPage);
    page.type_into("input[data-field=\"item7.operation.low\"]", "8");
    settle().await;
    assert_eq!(
        page.input("input[data-field=\"item7.operation.high\"]").value(),
        "8"
    );

    // Emptying the low end while typing in it: the model keeps a range
    // (0–8) but the field stays as typed until it loses focus.
    let low = page.input("input[data-field=\"item7.operation.low\"]");
    low.focus().expect("the field can take focus");
    page.type_into("input[data-field=\"item7.operation.low\"]", "");
    settle().await;
    assert_eq!(low.value(), "");
    let fact = page
        .state
        .assessment
        .with_untracked(|a| a.fact(7, "operation").cloned());
    assert_eq!(fact, Some(Fact::Range { low: 0, high: 8 }));

    low.blur().expect("the field can lose focus");
    settle().await;
    assert_eq!(low.value(), "0");
}

#[wasm_bindgen_test]
async fn composition_is_committed_only_when_it_ends() {
    let page = mount(AssessPage);
    settle().await;
    page.change("select[data-field=\"community\"]", "other");
    settle().await;

    let selector = "input[data-field=\"community.name\"]";
    let input = page.input(selector);
    dispatch(&input, "compositionstart");
    input.set_value("xin'chun");
    dispatch(&input, "input");
    settle().await;

    // Mid-composition: the model is untouched and the field not rewritten.
    let name =
        page.state.assessment.with_untracked(|a| a.community.name.clone());
    assert_eq!(name, "");
    assert_eq!(input.value(), "xin'chun");

    input.set_value("新春社区");
    dispatch(&input, "compositionend");
    settle().await;
    let name =
        page.state.assessment.with_untracked(|a| a.community.name.clone());
    assert_eq!(name, "新春社区");
    assert_eq!(input.value(), "新春社区");
}

#[wasm_bindgen_test]
async fn example_c_pending_months_are_not_missing() {
    let page = mount(AssessPage);
    settle().await;

    page.change("input[data-field=\"as_of\"]", "2024-11-10");
    page.change("input[data-field=\"item5.meetings.new\"]", "2024-10-15");
    settle().await;
    page.click("[data-action=\"item5.meetings.add\"]");
    settle().await;

    assert_eq!(page.text("[data-score-item=\"5\"]"), "10");
    let result = page.state.evaluation.with_untracked(|e| e.item(5).cloned());
    let result = result.expect("item 5 is scored");
    assert_eq!(result.status, ItemStatus::Assessed);
    assert_eq!(result.pending.len(), 2);
    assert_eq!(page.find_all("[data-pending-list=\"5\"] li").len(), 2);
    assert_eq!(
        page.find("[data-month-lines=\"5\"] [data-month=\"2024-11\"]")
            .get_attribute("data-state")
            .as_deref(),
        Some("pending"),
    );

    // Once December has ended the same facts lose 4 points.
    page.change("input[data-field=\"as_of\"]", "2025-01-06");
    settle().await;
    assert_eq!(page.text("[data-score-item=\"5\"]"), "6");
}

#[wasm_bindgen_test]
async fn the_summary_shows_ranges_and_no_invented_cut_lines() {
    let page = mount(AssessPage);
    settle().await;

    assert_eq!(page.text("[data-summary=\"base\"]"), "0–100");
    assert_eq!(page.text("[data-summary=\"bonus\"]"), "0");
    assert_eq!(page.text("[data-summary=\"total\"]"), "0–100");
    let tier = page.text("[data-summary=\"tier\"]");
    assert!(tier.contains("暂无参考"), "tier: {tier}");

    // Bonus beyond a cap is cut and shown as such.
    page.type_into("input[data-field=\"item14.commendations\"]", "2");
    page.type_into("input[data-field=\"item14.media_reports\"]", "3");
    page.type_into("input[data-field=\"item15.hosted_meetings\"]", "1");
    settle().await;
    assert_eq!(page.text("[data-bonus-score=\"14\"]"), "5");
    assert_eq!(page.text("[data-bonus-score=\"15\"]"), "2");
    assert_eq!(page.text("[data-summary=\"bonus\"]"), "7");
    assert!(page.text("[data-bonus-excess=\"14\"]").contains("超出封顶2分"));

    // The user's own cut lines are labelled as the user's.
    page.type_into("input[data-field=\"cut_line.0\"]", "100");
    page.type_into("input[data-field=\"cut_line.1\"]", "90");
    settle().await;
    let tier = page.text("[data-summary=\"tier\"]");
    assert!(tier.contains("参考依据"), "tier: {tier}");
    assert_eq!(page.text("[data-cut-lines-error]"), "");

    // Lines out of order are a slip: said, and not used for the tier.
    page.type_into("input[data-field=\"cut_line.1\"]", "104");
    settle().await;
    assert_eq!(
        page.text("[data-cut-lines-error]"),
        "五星参考线(100分)低于四星参考线(104分),请检查;改正前不按参考线估计星级。"
    );
    let tier = page.text("[data-summary=\"tier\"]");
    assert!(tier.contains("暂无参考"), "tier: {tier}");
}
