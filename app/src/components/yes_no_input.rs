//! A yes/no fact with an explicit third state, 未填写: an unanswered
//! question is never silently "yes" or "no" (the core then scores it as a
//! range: not met at the low end, met at the high end).

use leptos::prelude::*;
use starcheck_core::Fact;

use crate::i18n::use_lang;
use crate::state::AppState;

/// Three radio buttons: 未填写 / 是 / 否.
#[component]
pub fn YesNoInput(
    item: u32,
    /// The rule's id within the item.
    rule: String,
    /// The question the core asks for the rule.
    #[prop(into)]
    question: Signal<String>,
    /// What "否" costs, e.g. `选“否”:本项不得分`.
    #[prop(into)]
    consequence: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let fact = state.fact(item, &rule);

    // The model's answer as the radio value.
    let answer = move || match fact.get() {
        Some(Fact::YesNo(true)) => "yes",
        Some(Fact::YesNo(false)) => "no",
        _ => "unset",
    };

    let field = format!("item{item}.{rule}");
    let options = [
        ("unset", "未填写", "Unanswered"),
        ("yes", "是", "Yes"),
        ("no", "否", "No"),
    ]
    .map(|(value, zh, en)| {
        let text = move || lang.get().pick(zh, en);
        let id = format!("f-item{item}-{rule}-{value}");
        let rule = rule.clone();
        let choose = move |_| {
            let fact = match value {
                "yes" => Some(Fact::YesNo(true)),
                "no" => Some(Fact::YesNo(false)),
                _ => None,
            };
            state.set_fact(item, &rule, fact);
        };
        view! {
            <span class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name=field.clone()
                    value=value
                    data-field=field.clone()
                    prop:checked=move || answer() == value
                    on:change=choose
                />
                <label for=id>{text}</label>
            </span>
        }
    });

    view! {
        <fieldset class="field field-yes-no" data-rule=rule.clone()>
            <legend>{question}</legend>
            <div class="choices">{Vec::from(options)}</div>
            <span class="field-hint">{consequence}</span>
        </fieldset>
    }
}
