//! The pairs of communities whose score ranges overlap across a quota
//! boundary (未定): ranked by the low end, but the order could flip
//! between tiers, so a person must settle them, like ties.

use leptos::prelude::*;

use crate::district::DistrictState;
use crate::i18n::{tr, use_lang};

/// A notice listing every overlap across a boundary; nothing when none.
#[component]
pub fn DistrictOverlaps() -> impl IntoView {
    let district = expect_context::<DistrictState>();
    let lang = use_lang();

    // Only the messages: the notice redraws when they change.
    let messages = Memo::new(move |_| {
        district.table.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.cohort
                        .overlaps
                        .iter()
                        .map(|o| o.message.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    view! {
        <Show when=move || messages.with(|m| !m.is_empty())>
            <div class="notice district-overlaps" role="alert" data-overlaps="">
                <strong>{tr("分数范围跨名额重叠,星级未定,需人工确定:", "Score ranges overlap across a quota boundary; the tier is undecided and must be settled by a person:")}</strong>
                <ul>
                    {move || {
                        messages
                            .get()
                            .into_iter()
                            .map(|m| {
                                let text = m.get(lang.get()).to_string();
                                view! { <li data-overlap="">{text}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}
