//! The report's items, category by category (each category starts a new
//! printed page): every item's score against its maximum, its status, the
//! deductions with their reasons, open months and questions not answered.

use leptos::prelude::*;
use starcheck_core::{Applies, ItemResult, Lang};

use crate::i18n::{gloss, use_lang};
use crate::labels::{item_status, item_status_key};
use crate::state::AppState;

/// Every scored item, grouped by category.
#[component]
pub fn ReportItems() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    move || {
        let e = state.evaluation.get();
        let lang = lang.get();
        let sections = e
            .categories
            .iter()
            .map(|c| {
                let items = c
                    .items
                    .iter()
                    .filter_map(|n| e.item(*n))
                    .map(|item| item_block(item, lang))
                    .collect::<Vec<_>>();
                let heading = match lang {
                    Lang::Zh => format!("{}({} / {})", c.name, c.score, c.max),
                    Lang::En => format!("{} ({} / {})", c.name, c.score, c.max),
                };
                let gloss = (lang == Lang::En)
                    .then(|| gloss(&c.name))
                    .flatten()
                    .map(|g| view! { <span class="gloss" lang="en" data-gloss="">{g}</span> });
                view! {
                    <section class="report-section report-category" data-report-category=c.name.clone()>
                        <h2>{heading}{gloss}</h2>
                        {items}
                    </section>
                }
            })
            .collect::<Vec<_>>();
        view! { <div class="report-items" data-report="items">{sections}</div> }
    }
}

/// One item's block.
fn item_block(item: &ItemResult, lang: Lang) -> impl IntoView + use<> {
    let deductions = item
        .deductions
        .iter()
        .map(|d| {
            // The reason names the points already (`11月未召开联席会 −2`).
            let low_only = (d.applies == Applies::LowOnly)
                .then_some(lang.pick("(仅计最低分)", " (lowest score only)"));
            let reason = d.reason.get(lang).to_string();
            view! {
                <li class="report-deduction">{reason}{low_only}</li>
            }
        })
        .collect::<Vec<_>>();
    let pending = item
        .pending
        .iter()
        .map(|p| {
            let text = match lang {
                Lang::Zh => format!("待办:{}", p.text.zh),
                Lang::En => format!("To do: {}", p.text.en),
            };
            view! { <li class="report-pending">{text}</li> }
        })
        .collect::<Vec<_>>();
    let unanswered = item
        .unanswered
        .iter()
        .map(|u| {
            let text = match lang {
                Lang::Zh => format!("未回答:{}", u.question),
                Lang::En => format!(
                    "Unanswered: {}",
                    gloss(&u.question).unwrap_or(&u.question)
                ),
            };
            view! { <li class="report-unanswered">{text}</li> }
        })
        .collect::<Vec<_>>();
    let (title, score) = match lang {
        Lang::Zh => (
            format!("第{}项 {}", item.number, item.title),
            format!("{} / {} 分", item.score, item.max),
        ),
        Lang::En => (
            format!("Item {} {}", item.number, item.title),
            format!("{} / {} points", item.score, item.max),
        ),
    };
    let item_gloss = (lang == Lang::En)
        .then(|| gloss(&item.title))
        .flatten()
        .map(|g| view! { <span class="gloss" lang="en" data-gloss="">{g}</span> });
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
                <span class="report-item-title">{title}{item_gloss}</span>
                <span class="report-item-score" data-report-score=item.number>
                    {score}
                </span>
            </h3>
            <p class="report-note">{item_status(item.status, lang)}</p>
            <ul class="report-reasons">
                {deductions}
                {pending}
                {unanswered}
                {clean.then(|| view! { <li>{lang.pick("无扣分", "No deductions")}</li> })}
            </ul>
        </div>
    }
}
