//! The ledger's live figures, all from the core's evaluation: designated
//! spending, its share of the base subsidy (floored: ¥59,995.00 is 74.99%,
//! never 75%), how far it is from the spending line, both gates of item 17
//! with the entries they name, a warning in words while a gate would fail,
//! the funding item's score with each deduction, and planned against spent
//! per purpose. The panel shows; it computes nothing of its own.

use leptos::prelude::*;
use starcheck_core::{GateKind, GateResult, GateState, LedgerFigures};

use crate::components::gloss_line::GlossLine;
use crate::components::item_result::{ItemFindings, ItemScore};
use crate::components::ledger_page::LedgerItem;
use crate::components::ledger_purpose_select::purpose_key;
use crate::i18n::{Lang, tr, use_lang};
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The figures, gates, item score and per-purpose table.
#[component]
pub fn LedgerFiguresPanel(
    /// The rubric's funding item (item 2), when the rubric has one.
    item: Option<LedgerItem>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

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
    let remaining =
        move || figures.with(|f| remaining_text(f, &percent_label, lang.get()));
    let not_designated = move || {
        let amount = figures.with(|f| f.not_designated);
        (!amount.is_zero()).then(|| {
            view! {
                <p class="ledger-note" data-ledger="not-designated">
                    {move || match lang.get() {
                        Lang::Zh => format!("另有未专款专用的支出 {},不计入实际支出。", amount.format_yuan()),
                        Lang::En => format!(
                            "A further {} was not for its designated use (未专款专用) and does not count as spent.",
                            amount.format_yuan()
                        ),
                    }}
                </p>
            }
        })
    };

    // The warning says in words what the colours also show.
    let warning_percent = line_percent.clone();
    let warning = move || {
        let f = figures.get();
        let gates = gates.get();
        let lang = lang.get();
        if !f.has_expenditures {
            let text = match lang {
                Lang::Zh => format!(
                    "尚未录入支出:两项否决项都还无法判断。验收时实际支出须至少 {}(基础补助资金的{warning_percent}%)。",
                    f.line.format_yuan()
                ),
                Lang::En => format!(
                    "No expenditure entered yet: neither gate can be judged. At the acceptance inspection at least {} must be spent ({warning_percent}% of the base subsidy).",
                    f.line.format_yuan()
                ),
            };
            return view! {
                <p class="notice" data-ledger="warning" data-state="not-assessed">
                    {text}
                </p>
            }
            .into_any();
        }
        if !f.at_risk {
            return view! {
                <p class="notice ok" data-ledger="warning" data-state="pass">
                    {lang.pick(
                        "按目前台账,两项否决项均通过。",
                        "By the ledger as it stands, both gates pass.",
                    )}
                </p>
            }
            .into_any();
        }
        let risks = warning_lines(&f, &gates, &warning_percent, lang)
            .into_iter()
            .map(|text| view! { <li>{text}</li> })
            .collect::<Vec<_>>();
        view! {
            <div class="notice error" data-ledger="warning" data-state="fail">
                <p>
                    <strong>
                        {lang.pick(
                            "注意:按目前台账,验收时将“考核不通过”。",
                            "Warning: by the ledger as it stands, the assessment will fail (考核不通过).",
                        )}
                    </strong>
                </p>
                <ul>{risks}</ul>
            </div>
        }
        .into_any()
    };

    // One block per gate, named by kind for tests.
    let spending_name = format!("实际支出不低于{line_percent}%");
    let spending_percent = line_percent.clone();
    let gate_block = move |kind: GateKind| {
        let spending_name = spending_name.clone();
        let spending_percent = spending_percent.clone();
        move || {
            let gate =
                gates.with(|g| g.iter().find(|g| g.kind == kind).cloned())?;
            let lang = lang.get();
            let (key, name) = match (kind, lang) {
                (GateKind::DesignatedUse, Lang::Zh) => {
                    ("gate-designated", "专款专用".to_string())
                }
                (GateKind::DesignatedUse, Lang::En) => {
                    ("gate-designated", "专款专用 (designated use)".to_string())
                }
                (GateKind::Spending, Lang::Zh) => {
                    ("gate-spending", spending_name.clone())
                }
                (GateKind::Spending, Lang::En) => (
                    "gate-spending",
                    format!("Spending of at least {spending_percent}%"),
                ),
            };
            let failing = gate
                .failing_entries
                .iter()
                .map(|e| {
                    view! {
                        <li data-entry=e.index>
                            {match lang {
                                Lang::Zh => format!("第{}笔 {}({})", e.index + 1, e.label, e.amount.format_yuan()),
                                Lang::En => format!("Expenditure {}: {} ({})", e.index + 1, e.label, e.amount.format_yuan()),
                            }}
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            Some(view! {
                <div class="ledger-gate" data-ledger=key data-state=gate_state_key(gate.state)>
                    <p class="ledger-gate-head">
                        <span class="gate-name">{name}</span>
                        <strong class="gate-state">{gate_state(gate.state, lang)}</strong>
                    </p>
                    <p class="ledger-gate-summary">{gate.summary.get(lang).to_string()}</p>
                    <ul class="failing-entries">{failing}</ul>
                    <p class="official small-print">{gate.wording.clone()}</p>
                    <GlossLine zh=gate.wording />
                </div>
            })
        }
    };

    // Planned against spent, purpose by purpose.
    let purposes = move || {
        let lang = lang.get();
        figures
            .get()
            .purposes
            .into_iter()
            .map(|p| {
                let (unplanned, over, left, level) = lang.pick(
                    ("计划外", "超出计划", "尚余", "与计划持平"),
                    ("Unplanned", "Over the plan by", "Left", "As planned"),
                );
                let difference =
                    if !p.over_plan.is_zero() && p.planned.is_zero() {
                        format!("{unplanned} {}", p.over_plan.format_yuan())
                    } else if !p.over_plan.is_zero() {
                        format!("{over} {}", p.over_plan.format_yuan())
                    } else if !p.unspent.is_zero() {
                        format!("{left} {}", p.unspent.format_yuan())
                    } else {
                        level.to_string()
                    };
                let purpose =
                    lang.pick(p.purpose.label_zh(), p.purpose.label_en());
                view! {
                    <tr data-purpose=purpose_key(p.purpose)>
                        <th scope="row">{purpose}</th>
                        <td class="num" data-label=tr("计划", "Planned")>{p.planned.format_yuan()}</td>
                        <td class="num" data-label=tr("已支出", "Spent")>{p.spent.format_yuan()}</td>
                        <td data-label=tr("差额", "Difference")>{difference}</td>
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
                    {match lang.get() {
                        Lang::Zh => format!(
                            "计划合计 {} 低于 {short_percent}% 达标线 {}:按计划支出也达不到。",
                            planned.format_yuan(),
                            line.format_yuan()
                        ),
                        Lang::En => format!(
                            "The plan totals {}, below the {short_percent}% line of {}: even spending as planned does not reach it.",
                            planned.format_yuan(),
                            line.format_yuan()
                        ),
                    }}
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
                    {format!(" {}", item.title)}
                    {move || match lang.get() {
                        Lang::Zh => format!("({}分)", item.max),
                        Lang::En => format!(" ({} points)", item.max),
                    }}
                    <GlossLine zh=item.title.clone() />
                </h3>
                <ItemScore item=number />
                <ItemFindings item=number />
            </div>
        }
    });

    view! {
        <aside class="ledger-figures card" tabindex="0" aria-label=tr("台账合计", "Ledger totals") aria-live="polite" data-component="ledger-figures">
            <h3 class="ledger-figures-title">{tr("台账合计", "Ledger totals")}</h3>
            <dl class="ledger-numbers">
                <div class="ledger-number">
                    <dt>{tr("实际支出(专款专用)", "Actual spending (designated use)")}</dt>
                    <dd><strong class="num" data-ledger="spent">{spent}</strong></dd>
                </div>
                <div class="ledger-number">
                    <dt>
                        {move || match lang.get() {
                            Lang::Zh => format!("占基础补助资金 {}", base.format_yuan()),
                            Lang::En => format!("Share of the base subsidy of {}", base.format_yuan()),
                        }}
                    </dt>
                    <dd><strong class="num" data-ledger="percent">{percent}</strong></dd>
                </div>
                <div class="ledger-number ledger-remaining" data-state=remaining_state>
                    <dt>
                        {move || match lang.get() {
                            Lang::Zh => format!("距 {}% 达标线({})", line_percent, line()),
                            Lang::En => format!("To the {}% line ({})", line_percent, line()),
                        }}
                    </dt>
                    <dd><strong data-ledger="remaining">{remaining}</strong></dd>
                </div>
            </dl>
            {not_designated}
            {warning}
            <h3>{tr("否决项", "Gates (veto items)")}</h3>
            {gate_block(GateKind::Spending)}
            {gate_block(GateKind::DesignatedUse)}
            {item_block}
            <h3>{tr("计划与支出(按用途)", "Plan and spending by purpose")}</h3>
            <div class="table-scroll">
                <table class="ledger-purposes" data-ledger="purposes">
                    <thead>
                        <tr>
                            <th scope="col">{tr("用途", "Purpose")}</th>
                            <th scope="col" class="num">{tr("计划", "Planned")}</th>
                            <th scope="col" class="num">{tr("已支出", "Spent")}</th>
                            <th scope="col">{tr("差额", "Difference")}</th>
                        </tr>
                    </thead>
                    <tbody>{purposes}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{tr("合计", "Total")}</th>
                            <td class="num" data-label=tr("计划", "Planned")>{planned_total}</td>
                            <td class="num" data-label=tr("已支出", "Spent")>{spent}</td>
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
fn remaining_text(
    figures: &LedgerFigures,
    percent: &str,
    lang: Lang,
) -> String {
    let (to, above) =
        (figures.to_line.format_yuan(), figures.above_line.format_yuan());
    match (lang, figures.spent < figures.line) {
        (Lang::Zh, true) => format!("还差 {to} 达到 {percent}%"),
        (Lang::Zh, false) => format!("高出 {percent}% 线 {above}"),
        (Lang::En, true) => format!("{to} short of {percent}%"),
        (Lang::En, false) => format!("{above} above the {percent}% line"),
    }
}

/// The risks, one sentence each: the shortfall, then every entry not
/// designated.
fn warning_lines(
    figures: &LedgerFigures,
    gates: &[GateResult],
    percent: &str,
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    if figures.spent < figures.line {
        let (spent, line, to) = (
            figures.spent.format_yuan(),
            figures.line.format_yuan(),
            figures.to_line.format_yuan(),
        );
        lines.push(match lang {
            Lang::Zh => {
                format!("实际支出 {spent} 低于 {percent}% 达标线 {line},还差 {to}。")
            }
            Lang::En => format!(
                "Actual spending {spent} is below the {percent}% line of {line}: {to} short."
            ),
        });
    }
    let failing = gates
        .iter()
        .filter(|g| {
            g.kind == GateKind::DesignatedUse && g.state == GateState::Fail
        })
        .flat_map(|g| g.failing_entries.iter());
    for entry in failing {
        let (n, label, amount) =
            (entry.index + 1, &entry.label, entry.amount.format_yuan());
        lines.push(match lang {
            Lang::Zh => format!("第{n}笔 {label}({amount})未专款专用。"),
            Lang::En => format!(
                "Expenditure {n} {label} ({amount}) is not for its designated use (未专款专用)."
            ),
        });
    }
    lines
}
