//! An item's live result beside its form: the score range the core gives,
//! the status, every deduction with its reason, pending months, and
//! problems with what was entered.

use leptos::prelude::*;
use starcheck_core::Applies;

use crate::i18n::{Lang, tr, use_lang};
use crate::labels::{item_status, item_status_key};
use crate::state::AppState;

/// The score badge of an item: `6–10 / 10` and its status.
#[component]
pub fn ItemScore(item: u32) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let result = Memo::new(move |_| {
        state
            .evaluation
            .with(|e| e.item(item).map(|r| (r.score, r.max, r.status)))
    });

    move || {
        let lang = lang.get();
        result.get().map(|(score, max, status)| {
            let max = match lang {
                Lang::Zh => format!(" / {max}分"),
                Lang::En => format!(" / {max} points"),
            };
            view! {
                <div class="item-score" data-status=item_status_key(status)>
                    <span class="score-value">
                        <span data-score-item=item>{score.to_string()}</span>
                        <span class="score-max">{max}</span>
                    </span>
                    <span class="status-chip" data-status-item=item>
                        {item_status(status, lang)}
                    </span>
                </div>
            }
        })
    }
}

/// Deductions, pending months, unanswered questions and problems.
#[component]
pub fn ItemFindings(item: u32) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let result =
        Memo::new(move |_| state.evaluation.with(|e| e.item(item).cloned()));
    let issues = Memo::new(move |_| {
        let lang = lang.get();
        state.evaluation.with(|e| {
            e.issues
                .iter()
                .filter(|p| p.item == item)
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
        })
    });

    let deductions = move || {
        let list = result.with(|r| r.as_ref().map(|r| r.deductions.clone()))?;
        if list.is_empty() {
            return None;
        }
        let lang = lang.get();
        let rows = list
            .into_iter()
            .map(|d| {
                let note = lang.pick("(仅影响下限)", " (low end only)");
                let low_only = (d.applies == Applies::LowOnly)
                    .then_some(view! { <small>{note}</small> });
                view! {
                    <li data-deduction=format!("item{item}.{}", d.rule_id)>
                        {d.reason.get(lang).to_string()}{low_only}
                    </li>
                }
            })
            .collect::<Vec<_>>();
        Some(view! {
            <div class="findings deductions">
                <h4>{tr("扣分", "Deductions")}</h4>
                <ul data-deductions=item>{rows}</ul>
            </div>
        })
    };

    let pending = move || {
        let list = result.with(|r| r.as_ref().map(|r| r.pending.clone()))?;
        if list.is_empty() {
            return None;
        }
        let lang = lang.get();
        let rows = list
            .into_iter()
            .map(|p| {
                let text = p.text.get(lang).to_string();
                view! { <li class:overdue=p.overdue data-pending=p.month.to_string()>{text}</li> }
            })
            .collect::<Vec<_>>();
        Some(view! {
            <div class="findings pending">
                <h4>{tr("待完成", "Pending")}</h4>
                <ul data-pending-list=item>{rows}</ul>
            </div>
        })
    };

    let unanswered = move || {
        let count =
            result.with(|r| r.as_ref().map_or(0, |r| r.unanswered.len()));
        (count > 0).then(|| {
            view! {
                <p class="findings unanswered muted" data-unanswered=item>
                    {move || match lang.get() {
                        Lang::Zh => format!("还有 {count} 个问题未填写,得分按区间计。"),
                        Lang::En => format!(
                            "{count} question(s) still unanswered; the score is a range."
                        ),
                    }}
                </p>
            }
        })
    };

    let problems = move || {
        let list = issues.get();
        (!list.is_empty()).then(|| {
            let rows = list
                .into_iter()
                .map(|m| view! { <li>{m}</li> })
                .collect::<Vec<_>>();
            view! { <ul class="findings problems" role="status">{rows}</ul> }
        })
    };

    view! {
        <div class="item-findings" aria-live="polite">
            {deductions}
            {pending}
            {unanswered}
            {problems}
        </div>
    }
}
