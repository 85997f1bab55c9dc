//! When the community now on screen already has another draft (or an
//! unreadable one) under its key, nothing is written over it: the user
//! opens that draft, or saves this content as a copy beside it.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::storage::Drafts;

/// The "community already has a draft" notice; empty otherwise.
#[component]
pub fn DraftsBlockedNotice() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let community = move || {
        drafts.blocked.with(|b| b.as_ref().map(|b| b.community.clone()))
    };
    let readable =
        move || drafts.blocked.with(|b| b.as_ref().is_some_and(|b| b.readable));

    view! {
        <Show when=move || drafts.blocked.with(Option::is_some)>
            <div class="notice" role="alert" data-notice="blocked">
                <p>
                    {move || match lang.get() {
                        Lang::Zh => format!("“{}”已有一份草稿", community().unwrap_or_default()),
                        Lang::En => format!("\u{201c}{}\u{201d} already has a draft", community().unwrap_or_default()),
                    }}
                    {move || (!readable()).then(|| lang.get().pick(
                        "(无法读取,见“草稿与文件”页)",
                        " (unreadable: see the Drafts & files page)",
                    ))}
                    {tr("。为免覆盖,本页内容暂未保存。", ". So as not to overwrite anything, this page's content is not saved for now.")}
                </p>
                <p>
                    <Show when=readable>
                        <button
                            type="button"
                            class="button secondary"
                            data-action="open-blocking"
                            on:click=move |_| drafts.open_blocking()
                        >
                            {tr("打开已有草稿(放弃本页内容)", "Open the existing draft (discard this page's content)")}
                        </button>
                        " "
                    </Show>
                    <button
                        type="button"
                        class="button"
                        data-action="save-as-copy"
                        on:click=move |_| drafts.save_as_copy()
                    >
                        {tr("将本页内容另存为副本", "Save this page's content as a copy")}
                    </button>
                    " "
                    <ExportButton label=trs("导出本页内容", "Export this page's content") />
                </p>
            </div>
        </Show>
    }
}
