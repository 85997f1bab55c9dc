//! The ledger's live figures, all from the core's evaluation: designated
//! spending, its share of the base subsidy (floored: ¥59,995.00 is 74.99%,
//! never 75%), how far it is from the spending line, both gates of item 17
//! with the entries they name, a warning in words while a gate would fail,
//! the funding item's score with each deduction, and planned against spent
//! per purpose. The panel shows; it computes nothing of its own.

use leptos::prelude::*;
use starcheck_core::{GateKind, GateResult, GateState, LedgerFigures};

use crate::components::item_result::{ItemFindings, ItemScore};
use crate::components::ledger_page::LedgerItem;
use crate::components::ledger_purpose_select::purpose_key;
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The figures, gates, item score and per-purpose table.
#[component]
pub fn LedgerFiguresPanel(
    /// The rubric's funding item (item 2), when the rubric has one.
    item: Option<LedgerItem>,
) -> impl IntoView {
    let state = AppState::expect();

    // The core's figures and gates; each part below re-renders only when
    // they change.
    let figures =
        Memo::new(move |_| state.evaluation.with(|e| e.ledger.clone()));
    let gates = Memo::new(move |_| state.evaluation.with(|e| e.gates.clone()));
    let (base, line_percent) = state.rubric.with_value(|r| {
        let base = r.base_subsidy();
        (base, r.spending_line().percent_of(base).normalize().to_string())
    });

    let spent = move || figures.with(|f| f.spent.format_yuan());
    let percent = move || figures.with(|f| format!("{}%", f.percent));
    let line = move || figures.with(|f| f.line.format_yuan());
    let remaining_state = move || {
        figures.with(|f| if f.spent < f.line { "short" } else { "reached" })
    };
    let percent_label = line_percent.clone();
    let remaining = move || figures.with(|f| remaining_text(f, &percent_label));
    let not_designated = move || {
        let amount = figures.with(|f| f.not_designated);
        (!amount.is_zero()).then(|| {
            view! {
                <p class="ledger-note" data-ledger="not-designated">
                    {format!("另有未专款专用的支出 {},不计入实际支出。", amount.format_yuan())}
                </p>
            }
        })
    };

    // The warning says in words what the colours also show.
    let warning_percent = line_percent.clone();
    let warning = move || {
        let f = figures.get();
        let gates = gates.get();
        if !f.has_expenditures {
            return view! {
                <p class="notice" data-ledger="warning" data-state="not-assessed">
                    {format!(
                        "尚未录入支出:两项否决项都还无法判断。验收时实际支出须至少 {}(基础补助资金的{warning_percent}%)。",
                        f.line.format_yuan()
                    )}
                </p>
            }
            .into_any();
        }
        if !f.at_risk {
            return view! {
                <p class="notice ok" data-ledger="warning" data-state="pass">
                    "按目前台账,两项否决项均通过。"
                </p>
            }
            .into_any();
        }
        let risks = warning_lines(&f, &gates, &warning_percent)
            .into_iter()
            .map(|text| view! { <li>{text}</li> })
            .collect::<Vec<_>>();
        view! {
            <div class="notice error" data-ledger="warning" data-state="fail">
                <p><strong>"注意:按目前台账,验收时将“考核不通过”。"</strong></p>
                <ul>{risks}</ul>
            </div>
        }
        .into_any()
    };

    // One block per gate, named by kind for tests.
    let spending_name = format!("实际支出不低于{line_percent}%");
    let gate_block = move |kind: GateKind| {
        let spending_name = spending_name.clone();
        move || {
            let gate =
                gates.with(|g| g.iter().find(|g| g.kind == kind).cloned())?;
            let (key, name) = match kind {
                GateKind::DesignatedUse => {
                    ("gate-designated", "专款专用".to_string())
                }
                GateKind::Spending => ("gate-spending", spending_name.clone()),
            };
            let failing = gate
                .failing_entries
                .iter()
                .map(|e| {
                    view! {
                        <li data-entry=e.index>
                            {format!("第{}笔 {}({})", e.index + 1, e.label, e.amount.format_yuan())}
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            Some(view! {
                <div class="ledger-gate" data-ledger=key data-state=gate_state_key(gate.state)>
                    <p class="ledger-gate-head">
                        <span class="gate-name">{name}</span>
                        <strong class="gate-state">{gate_state(gate.state)}</strong>
                    </p>
                    <p class="ledger-gate-summary">{gate.summary}</p>
                    <ul class="failing-entries">{failing}</ul>
                    <p class="official small-print">{gate.wording}</p>
                </div>
            })
        }
    };

    // Planned against spent, purpose by purpose.
    let purposes = move || {
        figures
            .get()
            .purposes
            .into_iter()
            .map(|p| {
                let difference =
                    if !p.over_plan.is_zero() && p.planned.is_zero() {
                        format!("计划外 {}", p.over_plan.format_yuan())
                    } else if !p.over_plan.is_zero() {
                        format!("超出计划 {}", p.over_plan.format_yuan())
                    } else if !p.unspent.is_zero() {
                        format!("尚余 {}", p.unspent.format_yuan())
                    } else {
                        "与计划持平".to_string()
                    };
                view! {
                    <tr data-purpose=purpose_key(p.purpose)>
                        <th scope="row">{p.purpose.label_zh()}</th>
                        <td class="num" data-label="计划">{p.planned.format_yuan()}</td>
                        <td class="num" data-label="已支出">{p.spent.format_yuan()}</td>
                        <td data-label="差额">{difference}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let planned_total = move || figures.with(|f| f.planned.format_yuan());
    let short_percent = line_percent.clone();
    let plan_short = move || {
        let (planned, line) = figures.with(|f| (f.planned, f.line));
        (!planned.is_zero() && planned < line).then(|| {
            view! {
                <p class="ledger-note status-warn" data-ledger="plan-short">
                    {format!(
                        "计划合计 {} 低于 {short_percent}% 达标线 {}:按计划支出也达不到。",
                        planned.format_yuan(),
                        line.format_yuan()
                    )}
                </p>
            }
        })
    };

    // The funding item's live score and deductions.
    let item_block = item.map(|item| {
        let number = item.number;
        view! {
            <div class="ledger-item" data-ledger="item">
                <h3>
                    <span class="item-number">{number.to_string()}</span>
                    {format!(" {}({}分)", item.title, item.max)}
                </h3>
                <ItemScore item=number />
                <ItemFindings item=number />
            </div>
        }
    });

    view! {
        <aside class="ledger-figures card" aria-label="台账合计" aria-live="polite" data-component="ledger-figures">
            <h3 class="ledger-figures-title">"台账合计"</h3>
            <dl class="ledger-numbers">
                <div class="ledger-number">
                    <dt>"实际支出(专款专用)"</dt>
                    <dd><strong class="num" data-ledger="spent">{spent}</strong></dd>
                </div>
                <div class="ledger-number">
                    <dt>{format!("占基础补助资金 {}", base.format_yuan())}</dt>
                    <dd><strong class="num" data-ledger="percent">{percent}</strong></dd>
                </div>
                <div class="ledger-number ledger-remaining" data-state=remaining_state>
                    <dt>{move || format!("距 {}% 达标线({})", line_percent, line())}</dt>
                    <dd><strong data-ledger="remaining">{remaining}</strong></dd>
                </div>
            </dl>
            {not_designated}
            {warning}
            <h3>"否决项"</h3>
            {gate_block(GateKind::Spending)}
            {gate_block(GateKind::DesignatedUse)}
            {item_block}
            <h3>"计划与支出(按用途)"</h3>
            <div class="table-scroll">
                <table class="ledger-purposes" data-ledger="purposes">
                    <thead>
                        <tr>
                            <th scope="col">"用途"</th>
                            <th scope="col" class="num">"计划"</th>
                            <th scope="col" class="num">"已支出"</th>
                            <th scope="col">"差额"</th>
                        </tr>
                    </thead>
                    <tbody>{purposes}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">"合计"</th>
                            <td class="num" data-label="计划">{planned_total}</td>
                            <td class="num" data-label="已支出">{spent}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            {plan_short}
        </aside>
    }
}

/// How far spending is from the line: `还差 ¥3,200.00 达到 75%`, or
/// `高出 75% 线 ¥5,000.00` once reached.
fn remaining_text(figures: &LedgerFigures, percent: &str) -> String {
    if figures.spent < figures.line {
        return format!(
            "还差 {} 达到 {percent}%",
            figures.to_line.format_yuan()
        );
    }
    format!("高出 {percent}% 线 {}", figures.above_line.format_yuan())
}

/// The risks, one sentence each: the shortfall, then every entry not
/// designated.
fn warning_lines(
    figures: &LedgerFigures,
    gates: &[GateResult],
    percent: &str,
) -> Vec<String> {
    let mut lines = Vec::new();
    if figures.spent < figures.line {
        lines.push(format!(
            "实际支出 {} 低于 {percent}% 达标线 {},还差 {}。",
            figures.spent.format_yuan(),
            figures.line.format_yuan(),
            figures.to_line.format_yuan()
        ));
    }
    let failing = gates
        .iter()
        .filter(|g| {
            g.kind == GateKind::DesignatedUse && g.state == GateState::Fail
        })
        .flat_map(|g| g.failing_entries.iter());
    for entry in failing {
        lines.push(format!(
            "第{}笔 {}({})未专款专用。",
            entry.index + 1,
            entry.label,
            entry.amount.format_yuan()
        ));
    }
    lines
}
