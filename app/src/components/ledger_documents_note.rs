//! Item 2's supporting documents are read from the funding ledger, not
//! asked here: each expenditure's transfer and payment vouchers. This note
//! says what the ledger currently shows and where to fill it in.

use leptos::prelude::*;

use crate::i18n::{Lang, tr, use_lang};
use crate::route::Route;
use crate::state::AppState;

/// What the ledger says about missing documents, with a link to it.
#[component]
pub fn LedgerDocumentsNote(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
    /// Points lost per missing document.
    points_each: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let figures = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| (e.ledger.has_expenditures, e.ledger.missing_documents))
    });
    let text = move || match (figures.get(), lang.get()) {
        ((false, _), lang) => lang
            .pick(
                "资金台账中还没有支出记录。",
                "The ledger has no expenditure yet.",
            )
            .to_string(),
        ((true, 0), lang) => lang
            .pick(
                "资金台账中每笔支出的凭证都已齐全。",
                "Every expenditure in the ledger has its documents.",
            )
            .to_string(),
        ((true, missing), Lang::Zh) => format!(
            "资金台账中共缺少 {missing} 项凭证(每少1项扣{points_each}分)。"
        ),
        ((true, missing), Lang::En) => format!(
            "The ledger lacks {missing} document(s) (−{points_each} points each)."
        ),
    };

    view! {
        <div class="field field-ledger" data-rule=rule data-field=format!("item{item}.ledger")>
            <p class="legend-like">{question}</p>
            <p data-ledger-documents="">{text}</p>
            <a href=Route::Ledger.hash() class="button secondary small">
                {tr("到资金台账填写支出与凭证", "Enter spending and documents in the ledger")}
            </a>
        </div>
    }
}
