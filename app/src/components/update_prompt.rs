//! The prompt "有新版本可用" shown when a new version of the site has been
//! downloaded for offline use and waits (see [`crate::offline`]). Nothing
//! reloads until the user presses the button, and then only after the
//! draft is saved; if it cannot be saved, the prompt says so and offers
//! the export instead.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::offline::Updates;
use crate::storage::Drafts;

/// The new-version prompt; empty while there is none.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let updates = Updates::expect();
    let drafts = Drafts::expect();

    // Why the last press did not update, shown until the next press.
    let refused = RwSignal::new(None::<&'static str>);
    let accept = move |_| match updates.accept(drafts) {
        Ok(()) => refused.set(None),
        Err(refusal) => refused.set(Some(refusal.message_zh())),
    };

    view! {
        <Show when=move || updates.available.get()>
            <div class="notice update-prompt" role="status" data-notice="update">
                <p>
                    <strong>"有新版本可用"</strong>
                    "。更新前会先保存当前草稿,更新后页面将重新载入。"
                </p>
                <p>
                    <button
                        type="button"
                        class="button"
                        data-action="update-app"
                        on:click=accept
                    >
                        "保存草稿并更新"
                    </button>
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-action="update-later"
                        on:click=move |_| updates.dismiss()
                    >
                        "稍后"
                    </button>
                </p>
                <Show when=move || refused.get().is_some()>
                    <p class="status-error" data-update-refused="true">
                        {move || refused.get().unwrap_or_default()}
                        " "
                        <ExportButton label="导出当前内容" />
                    </p>
                </Show>
            </div>
        </Show>
    }
}
