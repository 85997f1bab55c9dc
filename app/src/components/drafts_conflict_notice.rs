//! The warning of a stale tab: another tab saved a newer revision of the
//! open draft, so this tab stopped autosaving. The user loads the newer
//! version, or keeps this one and overwrites it on purpose; exporting this
//! tab's content first is offered too.

use leptos::prelude::*;

use crate::components::export_button::ExportButton;
use crate::file_io::hour_minute;
use crate::i18n::{Lang, tr, trs, use_lang};
use crate::storage::Drafts;

/// The two-tab conflict warning; empty otherwise.
#[component]
pub fn DraftsConflictNotice() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let when = move || {
        drafts.conflict.with(|c| {
            c.as_ref().and_then(|c| c.saved_at).map(|at| {
                let revision = c.as_ref().map_or(0, |c| c.revision);
                match lang.get() {
                    Lang::Zh => {
                        format!("(第 {revision} 次保存,{})", hour_minute(at))
                    }
                    Lang::En => {
                        format!(" (save {revision}, {})", hour_minute(at))
                    }
                }
            })
        })
    };

    view! {
        <Show when=move || drafts.conflict.with(Option::is_some)>
            <div class="notice error" role="alert" data-notice="conflict">
                <p>
                    <strong>{tr("此草稿已在另一个标签页中修改", "This draft was changed in another tab")}</strong>
                    {when}
                    {tr("。本页已停止自动保存,以免覆盖较新的内容。请选择:", ". This page stopped saving automatically so as not to overwrite newer content. Please choose:")}
                </p>
                <p>
                    <button
                        type="button"
                        class="button"
                        data-action="load-theirs"
                        on:click=move |_| drafts.load_theirs()
                    >
                        {tr("载入较新的版本(放弃本页的修改)", "Load the newer version (discard this page's changes)")}
                    </button>
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-action="keep-mine"
                        on:click=move |_| drafts.keep_mine()
                    >
                        {tr("保留本页内容(覆盖另一个标签页的版本)", "Keep this page's content (overwrite the other tab's version)")}
                    </button>
                    " "
                    <ExportButton label=trs("先导出本页内容", "Export this page's content first") />
                </p>
            </div>
        </Show>
    }
}
