//! What the page says about keeping the loaded set in this browser: saved,
//! not saved (storage missing or full: the page works in memory), or a
//! stored set that cannot be read and is kept untouched until the user
//! downloads or discards it.

use leptos::prelude::*;

use crate::district::{DistrictState, StoreStatus};
use crate::i18n::{Lang, tr, use_lang};

/// The storage line or notice.
#[component]
pub fn DistrictStorageNotice() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let download_error = RwSignal::new(None::<String>);

    let download = move |_| {
        let result = district.download_unreadable();
        download_error
            .set(result.err().map(|e| e.message(lang.get_untracked())));
    };
    let discard = move |_| district.discard_unreadable();

    move || {
        match district.status.get() {
        StoreStatus::Idle => view! {
            <p class="muted district-storage" data-storage="idle">
                {tr("尚未载入文件。载入后会保存在本机浏览器中,下次打开仍在。", "No files loaded yet. Loaded files are kept in this browser and are still there next time.")}
            </p>
        }
        .into_any(),
        StoreStatus::Saved(count) => view! {
            <p class="muted district-storage" data-storage="saved">
                {move || match lang.get() {
                    Lang::Zh => format!("已在本机浏览器中保存 {count} 个社区的文件。"),
                    Lang::En => format!("The files of {count} communities are kept in this browser."),
                }}
            </p>
        }
        .into_any(),
        StoreStatus::NotSaved(reason) => view! {
            <div class="notice error" role="alert" data-storage="not-saved">
                <p><strong>{move || reason.get(lang.get()).to_string()}</strong></p>
            </div>
        }
        .into_any(),
        StoreStatus::Unreadable { reason, .. } => view! {
            <div class="notice error" role="alert" data-storage="unreadable">
                <p>
                    <strong>{tr("浏览器中保存的全区文件集无法读取:", "The district file set stored in the browser cannot be read: ")}</strong>
                    {move || reason.get(lang.get()).to_string()}
                    {tr("。为免覆盖,本页不会自动保存;可先下载原始内容,再决定是否丢弃。", ". So as not to overwrite it, this page does not save automatically; you can download the raw content first, then decide whether to discard it.")}
                </p>
                <div class="list-actions">
                    <button type="button" class="button secondary" on:click=download>
                        {tr("下载原始内容", "Download the raw content")}
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-action="discard-stored-set"
                        on:click=discard
                    >
                        {tr("丢弃保存的内容,改存当前载入的文件", "Discard the stored content and store the files loaded now")}
                    </button>
                </div>
                <p class="field-error">{move || download_error.get()}</p>
            </div>
        }
        .into_any(),
    }
    }
}
