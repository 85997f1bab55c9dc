//! The save state in the page's header band: 已保存 14:32, 正在保存… or
//! 未保存 with the reason, read by screen readers as it changes.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::storage::{Drafts, SaveStatus, status_text};

/// The save state of the current content.
#[component]
pub fn DraftsSaveStatus() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();

    // One word for the stylesheet and the tests, one line for people.
    let state = move || match drafts.status.get() {
        SaveStatus::Idle => "idle",
        SaveStatus::Saving => "saving",
        SaveStatus::Saved(_) => "saved",
        SaveStatus::NotSaved(_) => "not-saved",
    };
    let class = move || match drafts.status.get() {
        SaveStatus::Saved(_) => "save-status status-ok",
        SaveStatus::NotSaved(_) => "save-status status-error",
        _ => "save-status muted",
    };
    let reason = move || match drafts.status.get() {
        SaveStatus::NotSaved(fault) => Some(match lang.get() {
            Lang::Zh => format!("({})", fault.message_zh()),
            // The sentence starts with a capital; inside brackets it
            // reads on from "Not saved" in lower case.
            Lang::En => {
                let message = fault.message(Lang::En);
                let mut chars = message.chars();
                let first = chars.next().map(|c| c.to_ascii_lowercase());
                format!(" ({}{})", first.unwrap_or_default(), chars.as_str())
            }
        }),
        _ => None,
    };

    view! {
        <p class=class data-save-status=state role="status" aria-live="polite">
            <span data-save-text="">{move || status_text(&drafts.status.get(), lang.get())}</span>
            {reason}
        </p>
    }
}
