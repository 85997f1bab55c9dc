//! How much room attachments have: the size of this assessment's files,
//! the browser's own figures for the site (used and left of its quota),
//! and whether the browser agreed to keep the data persistently (it asks
//! once, when the page opens).

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::evidence::{MAX_ATTACHMENT_BYTES, MAX_TOTAL_BYTES};

use crate::attach::size_text;
use crate::evidence_store::{estimate, persist};
use crate::i18n::{Lang, use_lang};
use crate::state::AppState;

/// The storage line.
#[component]
pub fn StorageUsage() -> impl IntoView {
    let state = AppState::expect();
    let figures = RwSignal::new(None::<(u64, u64)>);
    let persisted = RwSignal::new(None::<bool>);
    let attached = Memo::new(move |_| {
        state.assessment.with(|a| (a.attachments().len(), a.attachment_bytes()))
    });

    // The estimate follows every change of the attachments.
    Effect::new(move |_| {
        attached.track();
        spawn_local(async move { figures.set(estimate().await) });
    });
    spawn_local(async move { persisted.set(persist().await) });

    let lang = use_lang();
    let browser = move || match (figures.get(), lang.get()) {
        (Some((used, quota)), lang) => {
            let left = size_text(quota.saturating_sub(used));
            let (used, quota) = (size_text(used), size_text(quota));
            match lang {
                Lang::Zh => format!(
                    "本网站已用 {used},浏览器允许约 {quota},还剩约 {left}。"
                ),
                Lang::En => format!(
                    "This site uses {used} of about {quota} the browser allows; about {left} left."
                ),
            }
        }
        (None, lang) => lang
            .pick(
                "浏览器未提供存储空间数据。",
                "The browser gives no storage figures.",
            )
            .to_string(),
    };
    let kept = move || {
        let (zh, en) = match persisted.get() {
            Some(true) => (
                "浏览器已同意长期保存本网站数据。",
                "The browser agreed to keep this site's data.",
            ),
            Some(false) => (
                "浏览器未同意长期保存:空间紧张时可能清理附件,请定期导出迎检包。",
                "The browser did not agree to keep the data: it may clear attachments when space runs low, so export the inspection pack now and then.",
            ),
            None => ("", ""),
        };
        lang.get().pick(zh, en)
    };

    view! {
        <p class="storage-usage" data-component="storage-usage">
            <span data-attached-bytes=move || attached.get().1.to_string()>
                {move || {
                    let (count, bytes) = attached.get();
                    let size = size_text(bytes);
                    match lang.get() {
                        Lang::Zh => format!("当前草稿附件 {count} 个,共 {size}。"),
                        Lang::En => format!("This draft has {count} attached files, {size} in all."),
                    }
                }}
            </span>
            <span data-storage-estimate="">{browser}</span>
            <span data-persisted=move || persisted.get().map(|p| p.to_string())>{kept}</span>
            <span class="muted">
                {move || {
                    let (one, all) = (size_text(MAX_ATTACHMENT_BYTES), size_text(MAX_TOTAL_BYTES));
                    match lang.get() {
                        Lang::Zh => format!("上限:单个文件 {one},全部附件 {all}。"),
                        Lang::En => format!("Limits: {one} a file, {all} for all attachments."),
                    }
                }}
            </span>
        </p>
    }
}
