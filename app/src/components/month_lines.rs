//! Month by month, how a monthly duty (item 5's meetings, item 13's
//! reports) stands as of the assessment date, as the core reads it:
//! done, late, missing, or still pending because the month has not ended.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::labels::{month_state, month_state_key};
use crate::state::AppState;

/// The campaign months of one item and their states.
#[component]
pub fn MonthLines(item: u32) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let months = Memo::new(move |_| {
        state.evaluation.with(|e| e.item(item).map(|r| r.months.clone()))
    });

    move || {
        let months = months.get().unwrap_or_default();
        let lang = lang.get();
        if months.is_empty() {
            return None;
        }
        let rows = months
            .into_iter()
            .map(|line| {
                view! {
                    <li
                        data-month=line.month.to_string()
                        data-state=month_state_key(line.state)
                    >
                        <span class="month">
                            {match lang {
                                Lang::Zh => line.month.label_zh(),
                                Lang::En => line.month.label_en(),
                            }}
                        </span>
                        " "
                        <span class="month-state">{month_state(line.state, lang)}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>();
        Some(view! {
            <ul class="month-lines" data-month-lines=item>{rows}</ul>
        })
    }
}
