//! The two answers every dated or named list has besides its entries:
//! "none at all" (an answer of its own, shown only while the list is
//! unanswered) and "clear", back to unanswered. Used by the meetings,
//! reports and places lists.

use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// `{field}.none` and `{field}.clear` buttons, after any `children` (a
/// list whose add button sits in the same row passes it here).
#[component]
pub fn ListAnswerButtons(
    /// The list's field, e.g. `item5.meetings`: the buttons' hooks.
    field: String,
    /// The "none at all" answer in Chinese and English.
    none: (&'static str, &'static str),
    /// Whether the list is unanswered, which offers "none at all".
    #[prop(into)]
    unanswered: Signal<bool>,
    /// Answers "none at all": an empty list.
    on_none: Callback<()>,
    /// Takes the answer back.
    on_clear: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let none_action = format!("{field}.none");

    view! {
        <div class="list-actions">
            {children.map(|children| children())}
            <Show when=move || unanswered.get()>
                <button
                    type="button"
                    class="secondary small"
                    data-action=none_action.clone()
                    on:click=move |_| on_none.run(())
                >
                    {move || lang.get().pick(none.0, none.1)}
                </button>
            </Show>
            <button
                type="button"
                class="secondary small"
                data-action=format!("{field}.clear")
                on:click=move |_| on_clear.run(())
            >
                {tr("清空(改为未填写)", "Clear (back to unanswered)")}
            </button>
        </div>
    }
}
