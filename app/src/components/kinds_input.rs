//! Item 12's publicity media: tick the kinds in use from the rubric's list
//! and type any others under 其他 (separated by 、 or commas). The core
//! counts distinct kinds against the minimum of 4.

use std::collections::BTreeSet;

use leptos::prelude::*;
use starcheck_core::Fact;

use crate::components::text_input::TextInput;
use crate::i18n::{Lang, listed_name, tr, trs, use_lang};
use crate::state::AppState;

/// Checkboxes for the listed kinds plus free text for others.
#[component]
pub fn KindsInput(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
    /// The kinds to tick, from the rubric.
    kinds: Vec<String>,
    /// How many kinds the rule asks for.
    minimum: u32,
    /// Points lost per kind short.
    points_each: u32,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);
    let rule_id = StoredValue::new(rule.clone());

    // The answer's two halves; None while unanswered.
    let ticked = Memo::new(move |_| match fact.get() {
        Some(Fact::Kinds { ticked, .. }) => Some(ticked),
        _ => None,
    });
    let others = Memo::new(move |_| match fact.get() {
        Some(Fact::Kinds { other, .. }) => other,
        _ => Vec::new(),
    });

    // Writes one answer from both halves.
    let write = move |ticked: BTreeSet<String>, other: Vec<String>| {
        let fact = Fact::Kinds { ticked, other };
        rule_id.with_value(|rule| state.set_fact(item, rule, Some(fact)));
    };

    // The 其他 text as typed: splitting and re-joining on every keystroke
    // would eat a separator the moment it is typed.
    let other_text = RwSignal::new(others.get_untracked().join("、"));
    Effect::new(move |_| {
        let model = others.get();
        if split_others(&other_text.get_untracked()) != model {
            other_text.set(model.join("、"));
        }
    });
    let commit_other = Callback::new(move |text: String| {
        other_text.set(text.clone());
        let ticked = ticked.get_untracked().unwrap_or_default();
        write(ticked, split_others(&text));
    });

    let field = format!("item{item}.{rule}");
    let boxes = kinds
        .into_iter()
        .enumerate()
        .map(|(index, kind)| {
            let id = format!("f-item{item}-{rule}-{index}");
            let name = kind.clone();
            let checked = move || {
                ticked.with(|t| t.as_ref().is_some_and(|t| t.contains(&name)))
            };
            let value = kind.clone();

            // The kinds the requirement names stay Chinese with a gloss;
            // ours beyond them read in English.
            let official = state.rubric.with_value(|r| r.quotes(&kind));
            let label = {
                let kind = kind.clone();
                move || listed_name(&kind, official, lang.get())
            };
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                let mut set = ticked.get_untracked().unwrap_or_default();
                if on {
                    set.insert(value.clone());
                } else {
                    set.remove(&value);
                }
                write(set, others.get_untracked());
            };
            view! {
                <span class="choice">
                    <input
                        type="checkbox"
                        id=id.clone()
                        value=kind.clone()
                        data-field=field.clone()
                        prop:checked=checked
                        on:change=toggle
                    />
                    <label for=id>{label}</label>
                </span>
            }
        })
        .collect::<Vec<_>>();

    let status = move || match (fact.get(), lang.get()) {
        (Some(Fact::Kinds { ticked, other }), lang) => {
            let distinct: BTreeSet<&String> =
                ticked.iter().chain(&other).collect();
            match lang {
                Lang::Zh => format!("已填写:{} 种", distinct.len()),
                Lang::En => format!("Answered: {} kinds", distinct.len()),
            }
        }
        (_, lang) => lang.pick("未填写", "Unanswered").to_string(),
    };

    view! {
        <fieldset class="field field-kinds" data-rule=rule>
            <legend>{question}</legend>
            <span class="field-hint">
                {move || match lang.get() {
                    Lang::Zh => format!("至少{minimum}种,每少1种扣{points_each}分。"),
                    Lang::En => format!("At least {minimum} kinds; −{points_each} points per kind short."),
                }}
            </span>
            <p class="list-status" data-status=field.clone()>{status}</p>
            <div class="choices choices-wrap">{boxes}</div>
            <TextInput
                field=format!("{field}.other")
                label=trs("其他媒介(用顿号或逗号分隔)", "Other media (separated by 、 or commas)")
                value=other_text
                on_commit=commit_other
                placeholder=tr("例如 展板、横幅", "e.g. 展板、横幅 (display boards, banners)")
            />
            <div class="list-actions">
                <button
                    type="button"
                    class="secondary small"
                    data-action=format!("{field}.none")
                    on:click=move |_| write(BTreeSet::new(), Vec::new())
                >
                    {tr("一种也没有", "None at all")}
                </button>
                <button
                    type="button"
                    class="secondary small"
                    data-action=format!("{field}.clear")
                    on:click=move |_| {
                        rule_id.with_value(|rule| state.set_fact(item, rule, None));
                    }
                >
                    {tr("清空(改为未填写)", "Clear (back to unanswered)")}
                </button>
            </div>
        </fieldset>
    }
}

/// The kinds typed under 其他, trimmed, empty ones dropped.
fn split_others(text: &str) -> Vec<String> {
    text.split(['、', ',', ',', ';', ';', '\n'])
        .map(str::trim)
        .filter(|kind| !kind.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    // In the browser build the tests run under wasm-bindgen-test.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::split_others;

    #[test]
    fn ok_split_others() {
        assert_eq!(
            split_others("展板、 横幅,LED屏,"),
            ["展板", "横幅", "LED屏"]
        );
        assert!(split_others(" 、 ").is_empty());
    }
}
