//! The drafts stored in this browser, newest save first, one
//! [`DraftsRow`] each.

use leptos::prelude::*;

use crate::components::drafts_row::DraftsRow;
use crate::i18n::{tr, use_lang};
use crate::storage::{Drafts, storage_available};

/// The table of stored drafts.
#[component]
pub fn DraftsList() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();

    view! {
        <Show
            when=move || !drafts.list.with(Vec::is_empty)
            fallback=move || view! {
                <p class="muted" data-drafts-empty="">
                    {move || if storage_available() {
                        lang.get().pick(
                            "本机还没有草稿:在“自评”页填写后会自动保存。",
                            "No drafts in this browser yet: filling in the self-assessment page saves one automatically.",
                        )
                    } else {
                        lang.get().pick(
                            "浏览器存储不可用,无法列出或保存草稿。",
                            "Browser storage is unavailable: drafts cannot be listed or saved.",
                        )
                    }}
                </p>
            }
        >
            <div class="table-scroll">
                <table data-drafts-list="">
                    <thead>
                        <tr>
                            <th scope="col">{tr("社区", "Community")}</th>
                            <th scope="col">{tr("评估日期", "Assessment date")}</th>
                            <th scope="col">{tr("保存时间", "Saved at")}</th>
                            <th scope="col">{tr("操作", "Actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || drafts.list.get()
                            key=|entry| (entry.key.clone(), entry.revision, entry.label.clone())
                            children=move |entry| view! { <DraftsRow entry=entry /> }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
