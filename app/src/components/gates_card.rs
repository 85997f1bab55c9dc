//! Item 17's two gates on the assessment page: designated use (专款专用)
//! and spending of at least 75% of the base subsidy, each with the core's
//! verdict and margin. Both are read from the funding ledger.

use leptos::prelude::*;
use starcheck_core::format_yuan;

use crate::components::gloss_line::GlossLine;
use crate::i18n::{Lang, tr, use_lang};
use crate::labels::{gate_state, gate_state_key};
use crate::route::Route;
use crate::state::AppState;

/// The gates with their state and margin, and a link to the ledger.
#[component]
pub fn GatesCard() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let number = state.rubric.with_value(|r| r.gates().number);
    let gates = Memo::new(move |_| state.evaluation.with(|e| e.gates.clone()));
    let figures = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| (e.ledger.spent, e.ledger.percent, e.ledger.line))
    });

    let rows = move || {
        let lang = lang.get();
        gates
            .get()
            .into_iter()
            .map(|gate| {
                let failing = gate
                    .failing_entries
                    .iter()
                    .map(|entry| {
                        view! {
                            <li>{format!("{}({})", entry.label, format_yuan(entry.amount))}</li>
                        }
                    })
                    .collect::<Vec<_>>();
                view! {
                    <li class="gate-row" data-gate-state=gate_state_key(gate.state)>
                        <p class="official">{gate.wording.clone()}</p>
                        <GlossLine zh=gate.wording />
                        <p>
                            <strong class="gate-state">{gate_state(gate.state, lang)}</strong>
                            " "
                            {gate.summary.get(lang).to_string()}
                        </p>
                        <ul class="failing-entries">{failing}</ul>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    let spent = move || {
        let (spent, percent, line) = figures.get();
        let (spent, line) = (format_yuan(spent), format_yuan(line));
        match lang.get() {
            Lang::Zh => format!(
                "目前计入的实际支出 {spent}(占基础补助资金 {percent}%),达标线 {line}。"
            ),
            Lang::En => format!(
                "Spending counted so far: {spent} ({percent}% of the base subsidy); the line is {line}."
            ),
        }
    };

    view! {
        <article
            class="card item-card gates-card"
            id=format!("item-{number}")
            data-assess-gate=number
        >
            <header class="item-card-head">
                <h3>
                    <span class="item-number">{number.to_string()}</span>
                    {tr(
                        "否决项:专款专用与实际支出",
                        "Gates: designated use (专款专用) and actual spending",
                    )}
                </h3>
            </header>
            <p class="muted">
                {tr(
                    "不论得分多少,任一项不通过即考核不通过。",
                    "Whatever the score, failing either gate fails the assessment.",
                )}
            </p>
            <ul class="gate-list">{rows}</ul>
            <p>{spent}</p>
            <a href=Route::Ledger.hash() class="button secondary small">
                {tr("到资金台账填写支出", "Enter spending in the ledger")}
            </a>
        </article>
    }
}
