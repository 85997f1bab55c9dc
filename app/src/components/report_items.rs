//! The report's items, category by category (each category starts a new
//! printed page): every item's score against its maximum, its status, the
//! deductions with their reasons, open months and questions not answered.

use leptos::prelude::*;
use starcheck_core::{Applies, ItemResult};

use crate::labels::{item_status, item_status_key};
use crate::state::AppState;

/// Every scored item, grouped by category.
#[component]
pub fn ReportItems() -> impl IntoView {
    let state = AppState::expect();

    move || {
        let e = state.evaluation.get();
        let sections = e
            .categories
            .iter()
            .map(|c| {
                let items = c
                    .items
                    .iter()
                    .filter_map(|n| e.item(*n))
                    .map(item_block)
                    .collect::<Vec<_>>();
                view! {
                    <section class="report-section report-category" data-report-category=c.name.clone()>
                        <h2>{format!("{}({} / {})", c.name, c.score, c.max)}</h2>
                        {items}
                    </section>
                }
            })
            .collect::<Vec<_>>();
        view! { <div class="report-items" data-report="items">{sections}</div> }
    }
}

/// One item's block.
fn item_block(item: &ItemResult) -> impl IntoView + use<> {
    let deductions = item
        .deductions
        .iter()
        .map(|d| {
            // The reason names the points already (`11月未召开联席会 −2`).
            let low_only =
                (d.applies == Applies::LowOnly).then_some("(仅计最低分)");
            view! {
                <li class="report-deduction">{d.reason.clone()}{low_only}</li>
            }
        })
        .collect::<Vec<_>>();
    let pending = item
        .pending
        .iter()
        .map(|p| view! { <li class="report-pending">{format!("待办:{}", p.text)}</li> })
        .collect::<Vec<_>>();
    let unanswered = item
        .unanswered
        .iter()
        .map(|u| view! { <li class="report-unanswered">{format!("未回答:{}", u.question)}</li> })
        .collect::<Vec<_>>();
    let clean = item.deductions.is_empty()
        && item.pending.is_empty()
        && item.unanswered.is_empty();

    view! {
        <div
            class="report-block report-item"
            data-report-item=item.number
            data-status=item_status_key(item.status)
        >
            <h3>
                <span class="report-item-title">
                    {format!("第{}项 {}", item.number, item.title)}
                </span>
                <span class="report-item-score" data-report-score=item.number>
                    {format!("{} / {} 分", item.score, item.max)}
                </span>
            </h3>
            <p class="report-note">{item_status(item.status)}</p>
            <ul class="report-reasons">
                {deductions}
                {pending}
                {unanswered}
                {clean.then(|| view! { <li>"无扣分"</li> })}
            </ul>
        </div>
    }
}
