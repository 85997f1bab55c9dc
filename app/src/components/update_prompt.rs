//! The prompt "有新版本可用" shown when a new version of the site has been
//! downloaded for offline use and waits (see [`crate::offline`]). Nothing
//! reloads until the user presses the button, and then only after the
//! draft is saved; if it cannot be saved, the prompt says so and offers
//! the export instead.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::i18n::{tr, trs, use_lang};
use crate::offline::Updates;
use crate::storage::Drafts;

/// The new-version prompt; empty while there is none.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let updates = Updates::expect();
    let drafts = Drafts::expect();
    let lang = use_lang();

    // Why the last press did not update, shown until the next press.
    let refused = RwSignal::new(None::<crate::offline::Refusal>);
    let accept = move |_| match updates.accept(drafts) {
        Ok(()) => refused.set(None),
        Err(refusal) => refused.set(Some(refusal)),
    };

    view! {
        <Show when=move || updates.available.get()>
            <div class="notice update-prompt" role="status" data-notice="update">
                <p>
                    <strong>{tr("有新版本可用", "A new version is available")}</strong>
                    {tr(
                        "。更新前会先保存当前草稿,更新后页面将重新载入。",
                        ". The current draft is saved first, then the page reloads.",
                    )}
                </p>
                <p>
                    <button
                        type="button"
                        class="button"
                        data-action="update-app"
                        on:click=accept
                    >
                        {tr("保存草稿并更新", "Save the draft and update")}
                    </button>
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-action="update-later"
                        on:click=move |_| updates.dismiss()
                    >
                        {tr("稍后", "Later")}
                    </button>
                </p>
                <Show when=move || refused.get().is_some()>
                    <p class="status-error" data-update-refused="true">
                        {move || {
                            refused.get().map(|r| {
                                lang.get().pick(r.message_zh(), r.message_en())
                            })
                        }}
                        " "
                        <ExportButton label=trs("导出当前内容", "Export the current content") />
                    </p>
                </Show>
            </div>
        </Show>
    }
}
