//! The expenditures of the base subsidy (支出明细): one editable row per
//! expenditure, in the order entered, with a button to add one. A new row
//! starts on the last row's date (else the assessment's as-of date), with
//! the first planned purpose, designated use, no amount and no documents
//! ticked: nothing is assumed to be on file until the user says so.

use leptos::prelude::*;
use starcheck_core::{
    Documents, Expenditure, GateKind, Holder, Money, Purpose,
};

use crate::attach::{ids_of, release};
use crate::components::ledger_expenditure_row::LedgerExpenditureRow;
use crate::components::ledger_row_keys::RowKeys;
use crate::i18n::{Lang, tr, use_lang};
use crate::labels::gate_state_key;
use crate::state::AppState;

/// The list of expenditure rows and the add button.
#[component]
pub fn LedgerExpenditureList(
    /// The funding item's number (2).
    item: u32,
    /// Points that item loses per missing document (2).
    documents_points: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    // Rows keep their keys when an earlier row is removed.
    let count = Memo::new(move |_| {
        state.assessment.with(|a| a.ledger.expenditures.len())
    });
    let keys = RowKeys::follow(count);

    // A new row continues where the last one left off.
    let add = move |_| {
        let entry = state.assessment.with_untracked(|a| Expenditure {
            date: a.ledger.expenditures.last().map_or(a.as_of, |e| e.date),
            purpose: a
                .ledger
                .plan
                .first()
                .map_or(Purpose::Facilities, |l| l.purpose),
            description: String::new(),
            amount: Money::ZERO,
            designated: true,
            documents: Documents::default(),
            evidence: Default::default(),
        });
        keys.push();
        state.update_assessment(|a| a.ledger.expenditures.push(entry));
    };
    let remove = Callback::new(move |index: usize| {
        let files = ids_of(state, Holder::Expenditure(index));
        keys.remove(index);
        state.update_assessment(|a| {
            if index < a.ledger.expenditures.len() {
                a.ledger.expenditures.remove(index);
            }
        });
        release(files);
    });

    // On a phone the figures are far above: the running total stays in
    // view under the rows, in the core's own words.
    let running = Memo::new(move |_| {
        state.evaluation.with(|e| {
            e.gates
                .iter()
                .find(|g| g.kind == GateKind::Spending)
                .filter(|_| e.ledger.has_expenditures)
                .map(|g| (g.summary.clone(), gate_state_key(g.state)))
        })
    });
    let running = move || {
        running.get().map(|(summary, state)| {
            view! {
                <p class="ledger-running" data-ledger-running="" data-state=state>
                    {summary.get(lang.get()).to_string()}
                </p>
            }
        })
    };

    view! {
        <section
            class="card ledger-expenditures"
            data-ledger-section="expenditures"
            aria-labelledby="ledger-expenditures-title"
        >
            <h3 id="ledger-expenditures-title">{tr("支出明细", "Expenditures")}</h3>
            <p class="field-hint">
                {tr(
                    "每笔支出一行。金额可写 60000、60,000.00、６００００、6万 或 ¥60,000;只记到分,不会四舍五入。只有专款专用的支出计入实际支出。",
                    "One row per expenditure. Amounts may be written 60000, 60,000.00, full-width digits, “6万” or ¥60,000; kept to the fen, never rounded. Only expenditures for their designated use count as spent.",
                )}
            </p>
            <Show when=move || count.get() == 0>
                <p class="ledger-empty muted" data-ledger="empty">
                    {move || match lang.get() {
                        Lang::Zh => format!("尚未录入支出:否决项暂无法判断,第{item}项的凭证按区间计分。"),
                        Lang::En => format!(
                            "No expenditure entered yet: the gates cannot be judged, and item {item}'s documents score as a range."
                        ),
                    }}
                </p>
            </Show>
            <ol class="ledger-rows">
                <For each=move || keys.get() key=|key| *key let(key)>
                    <LedgerExpenditureRow
                        key=key
                        index=keys.index_of(key)
                        item=item
                        documents_points=documents_points
                        on_remove=remove
                    />
                </For>
            </ol>
            <div class="list-actions">
                <button type="button" data-action="ledger.expenditure.add" on:click=add>
                    {tr("添加一笔支出", "Add an expenditure")}
                </button>
            </div>
            {running}
        </section>
    }
}
