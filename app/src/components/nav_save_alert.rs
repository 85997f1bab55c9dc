//! A one-line 未保存 reminder pinned in the sticky tab bar, so that a
//! draft that stopped saving is never out of sight while the user fills
//! in an item far down the page. The full explanation stays in the band
//! under the header ([`super::drafts_bar`]); this line repeats only the
//! fact, with the two ways out: save again (once space was freed) and
//! export to a file.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::i18n::{tr, trs, use_lang};
use crate::storage::{Drafts, Fault, SaveStatus};

/// The reminder while the content on screen is not saved; empty otherwise.
#[component]
pub fn NavSaveAlert() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let fault = move || match drafts.status.get() {
        SaveStatus::NotSaved(fault) => Some(fault),
        _ => None,
    };

    // Retrying makes sense only when the storage itself failed; a conflict
    // or an occupied key needs the decision asked in the band above.
    let retryable = move || {
        matches!(
            fault(),
            Some(Fault::Unavailable | Fault::Full | Fault::Refused)
        )
    };
    let to_top = move |_| window().scroll_to_with_x_and_y(0.0, 0.0);

    view! {
        <Show when=move || fault().is_some()>
            <div class="nav-save-alert" data-notice="unsaved-pinned">
                <strong class="status-error">
                    {tr("未保存", "Not saved")}
                </strong>
                <span class="nav-save-alert-reason">
                    {move || fault().map(|f| f.message(lang.get()))}
                </span>
                <Show when=retryable>
                    <button
                        type="button"
                        class="button"
                        data-action="retry-save"
                        on:click=move |_| drafts.save_now()
                    >
                        {tr("重试保存", "Try saving again")}
                    </button>
                </Show>
                <Show when=move || !retryable()>
                    <button type="button" class="button" data-action="show-notice" on:click=to_top>
                        {tr("查看说明", "See why")}
                    </button>
                </Show>
                <ExportButton label=trs("导出", "Export") />
            </div>
        </Show>
    }
}
