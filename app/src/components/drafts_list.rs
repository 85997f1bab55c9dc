//! The drafts stored in this browser, newest save first, one
//! [`DraftsRow`] each.

use leptos::prelude::*;

use crate::components::drafts_row::DraftsRow;
use crate::i18n::tr;
use crate::storage::{Drafts, storage_available};

/// The table of stored drafts.
#[component]
pub fn DraftsList() -> impl IntoView {
    let drafts = Drafts::expect();

    view! {
        <Show
            when=move || !drafts.list.with(Vec::is_empty)
            fallback=move || view! {
                <p class="muted" data-drafts-empty="">
                    {if storage_available() {
                        "本机还没有草稿:在“自评”页填写后会自动保存。"
                    } else {
                        "浏览器存储不可用,无法列出或保存草稿。"
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
