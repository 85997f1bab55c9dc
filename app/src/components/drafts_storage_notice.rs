//! Said plainly when the browser's storage is unavailable or full: the page
//! keeps working, nothing on screen is lost, and export is offered right
//! here so the work can be kept as a file.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::i18n::{tr, trs, use_lang};
use crate::storage::{Drafts, Fault, SaveStatus};

/// The storage fault notice with an export button; empty otherwise.
#[component]
pub fn DraftsStorageNotice() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let fault = move || match drafts.status.get() {
        SaveStatus::NotSaved(
            fault @ (Fault::Unavailable | Fault::Full | Fault::Refused),
        ) => Some(fault),
        _ => None,
    };

    view! {
        <Show when=move || fault().is_some()>
            <div class="notice error" role="alert" data-notice="storage">
                <p>
                    <strong>{move || fault().map(|f| f.message(lang.get()))}</strong>
                    {tr("。页面仍可继续填写,但关闭或刷新后内容会丢失:请先导出为文件保存。", ". You can keep filling in the page, but closing or reloading it loses the content: export it to a file first.")}
                </p>
                <ExportButton label=trs("导出当前内容", "Export the current content") />
            </div>
        </Show>
    }
}
