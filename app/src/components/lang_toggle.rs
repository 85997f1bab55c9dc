//! The language switch in the header: 中文 | English, two buttons of
//! which the pressed one is the language shown.

use leptos::prelude::*;

use crate::i18n::{Lang, LangContext};

/// Two buttons with `aria-pressed`; a press switches every label at once
/// and is remembered (see [`crate::i18n`]).
#[component]
pub fn LangToggle() -> impl IntoView {
    // Outside the app (a lone component in a test) there is nothing to
    // switch.
    let Some(LangContext(lang)) = use_context::<LangContext>() else {
        return ().into_any();
    };

    let button = move |choice: Lang, label: &'static str, tag: &'static str| {
        let pressed = move || (lang.get() == choice).to_string();
        view! {
            <button
                type="button"
                class="lang-button"
                lang=tag
                aria-pressed=pressed
                data-lang=tag
                on:click=move |_| lang.set(choice)
            >
                {label}
            </button>
        }
    };

    let group_label = move || lang.get().pick("界面语言", "Interface language");
    view! {
        <div class="lang-toggle" role="group" aria-label=group_label>
            {button(Lang::Zh, "中文", "zh-CN")}
            <span class="lang-sep" aria-hidden="true">"|"</span>
            {button(Lang::En, "English", "en")}
        </div>
    }
    .into_any()
}
