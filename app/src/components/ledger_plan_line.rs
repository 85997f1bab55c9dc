//! One line of the funding-use plan: its purpose, the planned amount and a
//! note, with a button to remove it. Test names follow the line's position
//! (`ledger.plan.amount.0`); element ids follow its stable key.

use leptos::prelude::*;
use starcheck_core::{Money, PlanLine, Purpose};

use crate::components::ledger_money_input::LedgerMoneyInput;
use crate::components::ledger_purpose_select::LedgerPurposeSelect;
use crate::components::text_input::TextInput;
use crate::i18n::{tr, trs};
use crate::state::AppState;

/// The editor of the plan line now at `index`.
#[component]
pub fn LedgerPlanLine(
    /// The row's stable key, for element ids.
    key: u64,
    /// The line's current position; `None` once removed.
    index: Memo<Option<usize>>,
    /// Removes the line at a position.
    on_remove: Callback<usize>,
) -> impl IntoView {
    let state = AppState::expect();

    // The line as the model holds it now.
    let line = Memo::new(move |_| {
        let index = index.get()?;
        state.assessment.with(|a| a.ledger.plan.get(index).cloned())
    });

    // Every edit goes to the line at its current position; an event that
    // arrives after the line is gone changes nothing.
    let edit = move |change: &dyn Fn(&mut PlanLine)| {
        if let Some(index) = index.try_get_untracked().flatten() {
            state.update_assessment(|a| {
                if let Some(line) = a.ledger.plan.get_mut(index) {
                    change(line);
                }
            });
        }
    };

    let position = move || index.get().unwrap_or_default();
    let field = move |name: &'static str| {
        Signal::derive(move || format!("ledger.plan.{name}.{}", position()))
    };
    let purpose = Memo::new(move |_| {
        line.with(|l| l.as_ref().map_or(Purpose::Other, |l| l.purpose))
    });
    let planned = Memo::new(move |_| {
        line.with(|l| l.as_ref().map_or(Money::ZERO, |l| l.planned))
    });
    let note = Memo::new(move |_| {
        line.with(|l| l.as_ref().map(|l| l.note.clone()).unwrap_or_default())
    });

    view! {
        <li class="ledger-plan-line" data-plan-line=position>
            <LedgerPurposeSelect
                id=format!("ledger-plan-{key}-purpose")
                field=field("purpose")
                label=trs("用途", "Purpose")
                value=purpose
                on_change=Callback::new(move |p: Purpose| edit(&|l| l.purpose = p))
            />
            <LedgerMoneyInput
                id=format!("ledger-plan-{key}-amount")
                field=field("amount")
                label=trs("计划金额(元)", "Planned amount (yuan)")
                value=planned
                on_commit=Callback::new(move |m: Money| edit(&|l| l.planned = m))
            />
            <TextInput
                id=format!("ledger-plan-{key}-note")
                field=field("note")
                label=trs("说明(可不填)", "Note (optional)")
                value=note
                on_commit=Callback::new(move |text: String| {
                    edit(&|l| l.note = text.clone())
                })
                placeholder=tr("如 购置四分类桶", "e.g. 购置四分类桶 (what was bought)")
            />
            <button
                type="button"
                class="secondary small ledger-remove"
                data-action=move || format!("ledger.plan.remove.{}", position())
                on:click=move |_| {
                    if let Some(index) = index.get_untracked() {
                        on_remove.run(index);
                    }
                }
            >
                {tr("删除此行", "Delete this row")}
            </button>
        </li>
    }
}
