//! When the community now on screen already has another draft (or an
//! unreadable one) under its key, nothing is written over it: the user
//! opens that draft, or saves this content as a copy beside it.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::storage::Drafts;

/// The "community already has a draft" notice; empty otherwise.
#[component]
pub fn DraftsBlockedNotice() -> impl IntoView {
    let drafts = Drafts::expect();
    let community = move || {
        drafts.blocked.with(|b| b.as_ref().map(|b| b.community.clone()))
    };
    let readable =
        move || drafts.blocked.with(|b| b.as_ref().is_some_and(|b| b.readable));

    view! {
        <Show when=move || drafts.blocked.with(Option::is_some)>
            <div class="notice" role="alert" data-notice="blocked">
                <p>
                    "“"{community}"”已有一份草稿"
                    {move || (!readable()).then_some("(无法读取,见“草稿与文件”页)")}
                    "。为免覆盖,本页内容暂未保存。"
                </p>
                <p>
                    <Show when=readable>
                        <button
                            type="button"
                            class="button secondary"
                            data-action="open-blocking"
                            on:click=move |_| drafts.open_blocking()
                        >
                            "打开已有草稿(放弃本页内容)"
                        </button>
                        " "
                    </Show>
                    <button
                        type="button"
                        class="button"
                        data-action="save-as-copy"
                        on:click=move |_| drafts.save_as_copy()
                    >
                        "将本页内容另存为副本"
                    </button>
                    " "
                    <ExportButton label="导出本页内容" />
                </p>
            </div>
        </Show>
    }
}
