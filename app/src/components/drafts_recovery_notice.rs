//! The offer made for a stored draft that cannot be read (damaged, or saved
//! by an older or newer app). The draft itself is never written over: the
//! user recovers what still reads into a new draft, downloads the stored
//! text as it is, or leaves it for later.

use leptos::prelude::*;

use crate::i18n::{Lang, both, tr, use_lang};
use crate::storage::Drafts;

/// The recovery offer; empty while every draft reads.
#[component]
pub fn DraftsRecoveryNotice() -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let reason = move || {
        let lang = lang.get();
        drafts
            .unreadable
            .with(|u| u.as_ref().map(|u| u.reason.get(lang).to_string()))
    };
    let found = move || {
        let lang = lang.get();
        drafts.unreadable.with(|u| {
            let r = u.as_ref()?.recovered.as_ref()?;
            let community = if r.community_found {
                crate::storage::community_name_in(&r.assessment.community, lang)
            } else {
                lang.pick("社区名称无法读取", "community name unreadable")
                    .to_string()
            };
            Some(match lang {
                Lang::Zh => format!(
                    "可恢复:{community},{} 项内容{}",
                    r.kept,
                    if r.lost.is_empty() {
                        String::new()
                    } else {
                        format!(";{} 项无法读取,将不包含在内", r.lost.len())
                    }
                ),
                Lang::En => format!(
                    "Recoverable: {community}, {} entries{}",
                    r.kept,
                    if r.lost.is_empty() {
                        String::new()
                    } else {
                        format!("; {} unreadable, left out", r.lost.len())
                    }
                ),
            })
        })
    };
    let download_error = RwSignal::new(None::<starcheck_core::Text>);

    view! {
        <Show when=move || drafts.unreadable.with(Option::is_some)>
            <div class="notice error" role="alert" data-notice="recovery">
                <p>
                    <strong>{tr("有一份草稿无法读取:", "A draft cannot be read: ")}</strong>
                    {reason}
                    {tr("。原内容仍保存在浏览器中,不会被覆盖。", ". The original content is still stored in the browser and will not be overwritten.")}
                </p>
                <p data-recoverable="">
                    {move || found().unwrap_or_else(|| lang.get().pick(
                        "其中没有可以恢复的内容,可下载原始文本留存。",
                        "Nothing in it can be recovered; download the raw text to keep it.",
                    ).to_string())}
                </p>
                <p>
                    <Show when=move || found().is_some()>
                        <button
                            type="button"
                            class="button"
                            data-action="recover"
                            on:click=move |_| drafts.recover()
                        >
                            {tr("恢复可读取的内容到新草稿", "Recover the readable content into a new draft")}
                        </button>
                        " "
                    </Show>
                    <button
                        type="button"
                        class="button secondary"
                        data-action="download-raw"
                        on:click=move |_| {
                            download_error.set(drafts.download_raw().err().map(|e| both(|l| e.message(l))));
                        }
                    >
                        {tr("下载原始文本", "Download the raw text")}
                    </button>
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-action="dismiss-recovery"
                        on:click=move |_| drafts.dismiss_unreadable()
                    >
                        {tr("暂不处理", "Not now")}
                    </button>
                </p>
                {move || download_error.get().map(|m| view! { <p class="status-error">{m.get(lang.get()).to_string()}</p> })}
            </div>
        </Show>
    }
}
