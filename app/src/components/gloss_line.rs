//! The English gloss of an official Chinese text, shown beneath it in
//! English mode only; the official wording itself is never replaced.

use leptos::prelude::*;

use crate::i18n::{Lang, gloss, use_lang};

/// `<span class="gloss" lang="en">…</span>` in English mode when the text
/// has a gloss; nothing otherwise.
#[component]
pub fn GlossLine(
    /// The official Chinese text.
    #[prop(into)]
    zh: String,
) -> impl IntoView {
    let lang = use_lang();
    let text = gloss(&zh);
    move || {
        (lang.get() == Lang::En).then_some(text).flatten().map(|g| {
            view! { <span class="gloss" lang="en" data-gloss="">{g}</span> }
        })
    }
}
