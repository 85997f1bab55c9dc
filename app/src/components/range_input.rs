//! A graded (酌情) part: the inspector's judgement cannot be computed, so
//! the self-assessor gives the range of points expected, low to high
//! (our reading). Low and high are two count fields; typing one beyond the
//! other moves the other along, so the model never holds an inverted
//! range, and a line under the pair says which end moved and to what. The
//! other end moves from where it stood when the edit began, so
//! a refused text (`2.5`, which passes through `2`) or an erased one puts
//! both ends back as they were.

use leptos::prelude::*;
use starcheck_core::Fact;

use crate::components::count_input::CountInput;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::state::AppState;

/// Expected points of a graded part, `low..=high` within `0..=max`.
#[component]
pub fn RangeInput(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
    /// The item's maximum.
    max: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);

    // Each end as its own memo, so typing in one leaves the other alone.
    let low = Memo::new(move |_| match fact.get() {
        Some(Fact::Range { low, .. }) => Some(low),
        _ => None,
    });
    let high = Memo::new(move |_| match fact.get() {
        Some(Fact::Range { high, .. }) => Some(high),
        _ => None,
    });

    // The one place a pair of ends becomes a fact. A single end given
    // means a point estimate; emptied ends make the part unanswered.
    let rule_id = StoredValue::new(rule.clone());
    let commit = move |low: Option<u32>, high: Option<u32>| {
        let fact = match (low, high) {
            (None, None) => None,
            (Some(low), None) => Some(Fact::Range { low, high: low }),
            (None, Some(high)) => Some(Fact::Range { low: 0, high }),
            (Some(low), Some(high)) => Some(Fact::Range { low, high }),
        };
        rule_id.with_value(|rule| state.set_fact(item, rule, fact));
    };

    // Both ends as they stood when focus entered the pair: an end typed and
    // then refused or erased gives back the other end it had moved along.
    let before = StoredValue::new(None::<Ends>);
    let other = move |pick: fn(Ends) -> Option<u32>| {
        let now = (low.get_untracked(), high.get_untracked());
        pick(before.get_value().unwrap_or(now))
    };
    // Which end the last edit moved along, and to what.
    let moved = RwSignal::new(None::<Moved>);
    let set_low = Callback::new(move |value: Option<u32>| {
        let high = other(|(_, high)| high);
        let (high, shift) = match (value, high) {
            (Some(low), Some(high)) if low > high => {
                (Some(low), Some(Moved::High(low)))
            }
            _ => (high, None),
        };
        moved.set(shift);
        commit(value, high);
    });
    let set_high = Callback::new(move |value: Option<u32>| {
        let low = other(|(low, _)| low);
        let (low, shift) = match (low, value) {
            (Some(low), Some(high)) if low > high => {
                (Some(high), Some(Moved::Low(high)))
            }
            _ => (low, None),
        };
        moved.set(shift);
        commit(low, value);
    });
    let moved_text = move || {
        let text = match (moved.get()?, lang.get()) {
            (Moved::High(to), Lang::Zh) => {
                format!("最高不能低于最低,已一并改为 {to}")
            }
            (Moved::Low(to), Lang::Zh) => {
                format!("最低不能高于最高,已一并改为 {to}")
            }
            (Moved::High(to), Lang::En) => {
                format!(
                    "The highest cannot be below the lowest: moved to {to} as well"
                )
            }
            (Moved::Low(to), Lang::En) => {
                format!(
                    "The lowest cannot be above the highest: moved to {to} as well"
                )
            }
        };
        Some(
            view! { <p class="field-hint" role="status" data-note="range-moved">{text}</p> },
        )
    };
    let enter = move |_| {
        if !before.is_disposed() {
            let now = (low.get_untracked(), high.get_untracked());
            before.set_value(Some(now));
        }
    };
    let leave = move |_| {
        if !before.is_disposed() {
            before.set_value(None);
        }
    };
    let full = move |_| {
        moved.set(None);
        commit(Some(max), Some(max));
    };
    let clear = move |_| {
        moved.set(None);
        commit(None, None);
    };

    let field = format!("item{item}.{rule}");
    view! {
        <fieldset
            class="field field-range"
            data-rule=rule
            on:focusin=enter
            on:focusout=leave
        >
            <legend>{question}</legend>
            <span class="field-hint">
                {move || match lang.get() {
                    Lang::Zh => format!(
                        "酌情给分:按实际情况预计检查组会给的分数,最低到最高(0–{max}分);有把握时两格填同一个数。"
                    ),
                    Lang::En => format!(
                        "Scored at discretion (酌情给分): estimate what the inspectors will give, lowest to highest (0–{max}); enter the same number twice when sure."
                    ),
                }}
            </span>
            <div class="range-pair">
                <CountInput
                    field=format!("{field}.low")
                    label=trs("最低", "Lowest")
                    value=low
                    on_commit=set_low
                    max=max
                />
                <span class="range-dash" aria-hidden="true">"–"</span>
                <CountInput
                    field=format!("{field}.high")
                    label=trs("最高", "Highest")
                    value=high
                    on_commit=set_high
                    max=max
                />
                <div class="range-actions">
                    <button
                        type="button"
                        class="secondary small"
                        data-action=format!("{field}.full")
                        on:click=full
                    >
                        {move || match lang.get() {
                            Lang::Zh => format!("满分 {max}"),
                            Lang::En => format!("Full {max}"),
                        }}
                    </button>
                    <button
                        type="button"
                        class="secondary small"
                        data-action=format!("{field}.clear")
                        on:click=clear
                    >
                        {tr("清除", "Clear")}
                    </button>
                </div>
            </div>
            {moved_text}
        </fieldset>
    }
}

/// The end an edit of the other moved along, with where it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Moved {
    Low(u32),
    High(u32),
}

/// The low and high ends of a range, each possibly not filled in.
type Ends = (Option<u32>, Option<u32>);
