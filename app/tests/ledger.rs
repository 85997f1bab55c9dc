//! Browser tests of the funding ledger page (#/ledger): amounts are read
//! only by the core's `Money::parse_input`; a refused amount keeps the last
//! accepted one (in the model and in every figure; a valid prefix of the
//! refused text does not count) while its text and the core's message stay
//! on screen; the figures and gates follow the rows to the 分 (60,000.00
//! passes, 59,999.99 fails, 59,995.00 is 74.99%); missing documents and
//! entries not designated are named; removing a row leaves the others'
//! typing alone; the plan's answer stays consistent with its lines.

mod support;

use leptos::prelude::*;
use starcheck_app::components::ledger_page::LedgerPage;
use starcheck_core::{Fact, Money};
use support::{Mounted, dispatch, mount, settle};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The selector of a row's field, e.g. `ledger.amount.0`.
fn field(name: &str, row: usize) -> String {
    format!("[data-field=\"ledger.{name}.{row}\"]")
}

/// A figure's text, e.g. `spent`.
fn figure(page: &Mounted, name: &str) -> String {
    page.text(&format!("[data-ledger=\"{name}\"]"))
}

/// A gate's state attribute.
fn gate_state(page: &Mounted, name: &str) -> String {
    page.find(&format!("[data-ledger=\"{name}\"]"))
        .get_attribute("data-state")
        .unwrap_or_default()
}

/// The model's amount of one row.
fn model_amount(page: &Mounted, row: usize) -> Option<Money> {
    page.state
        .assessment
        .with_untracked(|a| a.ledger.expenditures.get(row).map(|e| e.amount))
}

/// Enters an amount as a user does: into the field, the text, out again
/// (focus, input, change).
fn enter(page: &Mounted, selector: &str, text: &str) {
    let input = page.input(selector);
    dispatch(&input, "focus");
    input.set_value(text);
    dispatch(&input, "input");
    dispatch(&input, "change");
}

/// Adds a row as a user would and fills it: date, text, amount, and both
/// documents ticked.
async fn add_row(page: &Mounted, description: &str, amount: &str) -> usize {
    let row =
        page.state.assessment.with_untracked(|a| a.ledger.expenditures.len());
    page.click("[data-action=\"ledger.expenditure.add\"]");
    settle().await;
    page.change(&field("date", row), "2024-10-15");
    page.type_into(&field("description", row), description);
    enter(page, &field("amount", row), amount);
    page.click(&field("transfer_voucher", row));
    page.click(&field("payment_voucher", row));
    settle().await;
    row
}

#[wasm_bindgen_test]
async fn an_empty_ledger_shows_the_whole_line_still_to_spend() {
    let page = mount(LedgerPage);
    settle().await;

    assert_eq!(figure(&page, "spent"), "¥0.00");
    assert_eq!(figure(&page, "percent"), "0.00%");
    assert_eq!(figure(&page, "remaining"), "还差 ¥60,000.00 达到 75%");
    assert_eq!(gate_state(&page, "gate-spending"), "not-assessed");
    assert_eq!(gate_state(&page, "gate-designated"), "not-assessed");
    assert!(figure(&page, "warning").contains("尚未录入支出"));
}

#[wasm_bindgen_test]
async fn amounts_to_the_fen_decide_the_spending_gate() {
    let page = mount(LedgerPage);
    settle().await;
    add_row(&page, "购置分类桶", "20,000.10").await;
    add_row(&page, "宣传栏制作", "20,000.10").await;
    add_row(&page, "科普基地布展", "19,999.80").await;

    assert_eq!(figure(&page, "spent"), "¥60,000.00");
    assert_eq!(figure(&page, "percent"), "75.00%");
    assert_eq!(figure(&page, "remaining"), "高出 75% 线 ¥0.00");
    assert_eq!(gate_state(&page, "gate-spending"), "pass");
    assert_eq!(gate_state(&page, "gate-designated"), "pass");

    // One fen short fails, and says by how much.
    page.type_into(&field("amount", 2), "19,999.79");
    settle().await;
    assert_eq!(figure(&page, "spent"), "¥59,999.99");
    assert_eq!(figure(&page, "percent"), "74.99%");
    assert_eq!(figure(&page, "remaining"), "还差 ¥0.01 达到 75%");
    assert_eq!(gate_state(&page, "gate-spending"), "fail");
    let warning = figure(&page, "warning");
    assert!(warning.contains("考核不通过"), "warning: {warning}");
    assert!(warning.contains("还差 ¥0.01"), "warning: {warning}");

    // The percentage is floored: 59,995.00 is 74.99%, never 75%.
    page.type_into(&field("amount", 2), "19,994.80");
    settle().await;
    assert_eq!(figure(&page, "spent"), "¥59,995.00");
    assert_eq!(figure(&page, "percent"), "74.99%");
    assert_eq!(figure(&page, "remaining"), "还差 ¥5.00 达到 75%");
}

#[wasm_bindgen_test]
async fn a_refused_amount_keeps_the_last_accepted_one() {
    let page = mount(LedgerPage);
    settle().await;
    add_row(&page, "购置分类桶", "6万").await;
    assert_eq!(figure(&page, "spent"), "¥60,000.00");

    let amount = field("amount", 0);
    for refused in ["100.005", "1_000", "12,34", "-5", "abc", ""] {
        page.type_into(&amount, refused);
        settle().await;

        // The model and every figure keep the last accepted amount.
        assert_eq!(model_amount(&page, 0), Some(Money::from_yuan(60_000)));
        assert_eq!(figure(&page, "spent"), "¥60,000.00", "{refused}");
        assert_eq!(figure(&page, "percent"), "75.00%", "{refused}");

        // The refused text stays, marked invalid, with the core's message.
        let input = page.input(&amount);
        assert_eq!(input.value(), refused);
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
        let message_id =
            input.get_attribute("aria-describedby").unwrap_or_default();
        let message = page.text(&format!("#{message_id}"));
        let core = Money::parse_input(refused).err().map(|e| e.message_zh());
        let core = core.unwrap_or_else(|| panic!("`{refused}` was accepted"));
        assert!(message.contains(&core), "{refused}: {message}");
        assert!(message.contains("仍按 ¥60,000.00 计"), "{refused}: {message}");
    }

    // Typed key by key into the field, `100.005` passes through the valid
    // `100.00`; once refused, the figures go back to the amount the field
    // held when entered, so nothing looks rounded.
    let input = page.input(&amount);
    dispatch(&input, "focus");
    let typed = "100.005";
    for end in 1..=typed.len() {
        input.set_value(&typed[..end]);
        dispatch(&input, "input");
        settle().await;
        if &typed[..end] == "100.00" {
            assert_eq!(figure(&page, "spent"), "¥100.00");
        }
    }
    assert_eq!(model_amount(&page, 0), Some(Money::from_yuan(60_000)));
    assert_eq!(figure(&page, "spent"), "¥60,000.00");
    assert_eq!(input.value(), "100.005");
    let message_id =
        input.get_attribute("aria-describedby").unwrap_or_default();
    let message = page.text(&format!("#{message_id}"));
    assert!(message.contains("仍按 ¥60,000.00 计"), "{message}");

    // Leaving the field does not accept it either.
    dispatch(&input, "change");
    settle().await;
    assert_eq!(figure(&page, "spent"), "¥60,000.00");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    // Correcting it clears the message and moves the figures.
    page.type_into(&amount, "6.5万");
    settle().await;
    assert_eq!(figure(&page, "spent"), "¥65,000.00");
    assert_eq!(figure(&page, "percent"), "81.25%");
    assert_eq!(page.input(&amount).get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn every_accepted_form_reads_as_the_core_reads_it() {
    let page = mount(LedgerPage);
    settle().await;
    add_row(&page, "购置分类桶", "1").await;

    // Each typed form, and the figure it must show.
    let cases = [
        ("60000", "¥60,000.00"),
        ("60,000.00", "¥60,000.00"),
        ("６００００", "¥60,000.00"),
        ("6万", "¥60,000.00"),
        ("6.5万", "¥65,000.00"),
        ("¥60,000", "¥60,000.00"),
        ("８,000", "¥8,000.00"),
    ];
    for (typed, shown) in cases {
        page.type_into(&field("amount", 0), typed);
        settle().await;
        let model = model_amount(&page, 0).map(|m| m.format_yuan());
        assert_eq!(model.as_deref(), Some(shown), "{typed}");
        assert_eq!(figure(&page, "spent"), shown, "{typed}");
        let input = page.input(&field("amount", 0));
        assert_eq!(input.value(), typed);
        assert_eq!(input.get_attribute("aria-invalid"), None, "{typed}");
    }
}

#[wasm_bindgen_test]
async fn missing_documents_and_undesignated_entries_are_named() {
    let page = mount(LedgerPage);
    settle().await;
    add_row(&page, "购置分类桶", "30,000").await;
    add_row(&page, "宣传栏制作", "30,000").await;
    assert_eq!(page.find_all("[data-deductions=\"2\"] li").len(), 0);

    // Untick one transfer voucher: item 2 loses 2, naming the entry.
    page.click(&field("transfer_voucher", 1));
    settle().await;
    let deductions = page.text("[data-deductions=\"2\"]");
    assert!(deductions.contains("缺转账凭证"), "{deductions}");
    assert!(deductions.contains("2024-10-15 宣传栏制作"), "{deductions}");
    assert!(deductions.contains("−2"), "{deductions}");
    let flags = page.text("[data-row=\"1\"] .ledger-row-flags");
    assert!(flags.contains("缺转账凭证"), "{flags}");

    // Mark the first entry not designated: that gate fails, naming it, and
    // its amount no longer counts as spent.
    page.click(&format!("{}[value=\"no\"]", field("designated", 0)));
    settle().await;
    assert_eq!(gate_state(&page, "gate-designated"), "fail");
    let gate = figure(&page, "gate-designated");
    assert!(gate.contains("第1笔 2024-10-15 购置分类桶"), "{gate}");
    assert_eq!(figure(&page, "spent"), "¥30,000.00");
    assert_eq!(gate_state(&page, "gate-spending"), "fail");
    let warning = figure(&page, "warning");
    assert!(warning.contains("购置分类桶"), "{warning}");
    assert!(warning.contains("未专款专用"), "{warning}");
}

#[wasm_bindgen_test]
async fn removing_a_row_leaves_the_others_typing_alone() {
    let page = mount(LedgerPage);
    settle().await;
    add_row(&page, "第一笔", "10,000").await;
    add_row(&page, "第二笔", "20,000").await;
    add_row(&page, "第三笔", "30,000").await;

    // A refused text in the third row survives removing the first row.
    page.type_into(&field("amount", 2), "3万元元");
    settle().await;
    page.click("[data-action=\"ledger.expenditure.remove.0\"]");
    settle().await;

    assert_eq!(page.find_all(".ledger-row").len(), 2);
    assert_eq!(page.input(&field("description", 0)).value(), "第二笔");
    let third = page.input(&field("amount", 1));
    assert_eq!(third.value(), "3万元元");
    assert_eq!(third.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(model_amount(&page, 1), Some(Money::from_yuan(30_000)));
    assert_eq!(figure(&page, "spent"), "¥50,000.00");
}

#[wasm_bindgen_test]
async fn composition_is_committed_only_when_it_ends() {
    let page = mount(LedgerPage);
    settle().await;
    page.click("[data-action=\"ledger.expenditure.add\"]");
    settle().await;

    let input = page.input(&field("description", 0));
    dispatch(&input, "compositionstart");
    input.set_value("gou'zhi");
    dispatch(&input, "input");
    settle().await;
    let text = page
        .state
        .assessment
        .with_untracked(|a| a.ledger.expenditures[0].description.clone());
    assert_eq!(text, "");
    assert_eq!(input.value(), "gou'zhi");

    input.set_value("购置");
    dispatch(&input, "compositionend");
    settle().await;
    let text = page
        .state
        .assessment
        .with_untracked(|a| a.ledger.expenditures[0].description.clone());
    assert_eq!(text, "购置");
    assert_eq!(input.value(), "购置");
}

#[wasm_bindgen_test]
async fn the_plan_answer_follows_its_lines() {
    let page = mount(LedgerPage);
    settle().await;
    let plan_fact = |page: &Mounted| {
        page.state
            .assessment
            .with_untracked(|a| a.fact(2, "funding_plan").cloned())
    };
    assert_eq!(plan_fact(&page), None);

    // Adding a line answers "a plan was made"; "no" is then unavailable.
    page.click("[data-action=\"ledger.plan.add\"]");
    settle().await;
    page.type_into("[data-field=\"ledger.plan.amount.0\"]", "7万");
    settle().await;
    assert_eq!(plan_fact(&page), Some(Fact::YesNo(true)));
    assert_eq!(figure(&page, "planned"), "¥70,000.00");
    let no = page.input("[data-field=\"ledger.plan.exists\"][value=\"no\"]");
    assert!(no.disabled());
    let row =
        page.text("[data-ledger=\"purposes\"] [data-purpose=\"facilities\"]");
    assert!(row.contains("¥70,000.00"), "{row}");

    // Without lines, "no plan" can be chosen: item 2 then scores 0.
    page.click("[data-action=\"ledger.plan.remove.0\"]");
    settle().await;
    page.click("[data-field=\"ledger.plan.exists\"][value=\"no\"]");
    settle().await;
    assert_eq!(plan_fact(&page), Some(Fact::YesNo(false)));
    assert_eq!(page.text("[data-score-item=\"2\"]"), "0");
    let deductions = page.text("[data-deductions=\"2\"]");
    assert!(deductions.contains("未制定"), "{deductions}");
}
