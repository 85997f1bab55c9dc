//! One stored draft in the drafts list: its community, copy label, as-of
//! date and saved time, with open, rename, duplicate and delete. Delete asks
//! for confirmation on the row itself; a draft that cannot be read offers
//! its recovery instead of opening.

use leptos::prelude::*;
use starcheck_core::Text;

use crate::file_io::hour_minute;
use crate::i18n::{tr, use_lang};
use crate::storage::{DraftEntry, Drafts, SaveStatus, shown_name};

/// A row of the drafts table.
#[component]
pub fn DraftsRow(entry: DraftEntry) -> impl IntoView {
    let drafts = Drafts::expect();
    let lang = use_lang();
    let key = StoredValue::new(entry.key.clone());
    let is_open = Memo::new(move |_| {
        drafts
            .open_key
            .with(|open| open.as_deref() == Some(key.get_value().as_str()))
    });

    // Each row has its own small modes: renaming, confirming a delete,
    // and the message of a refused action.
    let renaming = RwSignal::new(false);
    let new_label = RwSignal::new(entry.label.clone());
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<Text>);

    // Opening replaces the screen: unsaved work is confirmed first.
    let open = move |_| {
        let unsaved =
            matches!(drafts.status.get_untracked(), SaveStatus::NotSaved(_));
        let go = !unsaved
            || window()
                .confirm_with_message(lang.get_untracked().pick(
                    "当前内容未保存,打开其他草稿后这些内容会丢失。确定打开吗?",
                    "The current content is not saved and is lost when another draft opens. Open it?",
                ))
                .unwrap_or(false);
        if go {
            drafts.open(&key.get_value());
        }
    };
    let rename = move |_| {
        let result =
            drafts.rename(&key.get_value(), &new_label.get_untracked());
        match result {
            Ok(()) => renaming.set(false),
            Err(refusal) => message.set(Some(refusal)),
        }
    };
    let duplicate = move |_| {
        message.set(drafts.duplicate(&key.get_value()).err());
    };
    let delete = move |_| {
        confirming.set(false);
        drafts.delete(&key.get_value());
    };

    let saved_at = entry
        .saved_at
        .map(|at| format!("{} {}", at.date(), hour_minute(at)))
        .unwrap_or_else(|| "—".to_string());
    let readable = entry.unreadable.is_none();
    let label = entry.label.clone();

    view! {
        <tr data-draft=entry.key.clone() class:is-open=move || is_open.get()>
            <td>
                <span data-draft-community="">{
                    let name = entry.community.clone();
                    move || shown_name(&name, lang.get())
                }</span>
                {(!label.is_empty()).then(|| view! { " · "<span data-draft-label="">{label.clone()}</span> })}
                {move || is_open.get().then_some(view! { " " <small class="status-ok">{tr("(当前)", "(current)")}</small> })}
                {entry.unreadable.clone().map(|reason| view! {
                    <br /><small class="status-error" data-draft-unreadable="">{tr("无法读取:", "Cannot be read: ")}{move || reason.get(lang.get()).to_string()}</small>
                })}
            </td>
            <td data-draft-as-of="">{entry.as_of.clone().unwrap_or_else(|| "—".to_string())}</td>
            <td data-draft-saved-at="">{saved_at}</td>
            <td class="draft-actions">
                {if readable {
                    view! {
                        <button type="button" class="button secondary" data-action="open-draft" on:click=open>
                            {tr("打开", "Open")}
                        </button>
                        " "
                        <button type="button" class="button secondary" data-action="rename-draft"
                            on:click=move |_| { message.set(None); renaming.update(|r| *r = !*r) }>
                            {tr("重命名", "Rename")}
                        </button>
                        " "
                        <button type="button" class="button secondary" data-action="duplicate-draft" on:click=duplicate>
                            {tr("复制", "Copy")}
                        </button>
                        " "
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button secondary" data-action="inspect-draft"
                            on:click=move |_| drafts.inspect(&key.get_value())>
                            {tr("恢复或下载", "Recover or download")}
                        </button>
                        " "
                    }.into_any()
                }}
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button secondary" data-action="delete-draft"
                            on:click=move |_| confirming.set(true)>
                            {tr("删除", "Delete")}
                        </button>
                    }
                >
                    <span role="alert">{tr("确定删除这份草稿?删除后无法恢复。", "Delete this draft? It cannot be undone.")}</span>
                    <button type="button" class="button" data-action="confirm-delete" on:click=delete>
                        {tr("确定删除", "Delete it")}
                    </button>
                    " "
                    <button type="button" class="button secondary" data-action="cancel-delete"
                        on:click=move |_| confirming.set(false)>
                        {tr("取消", "Cancel")}
                    </button>
                </Show>
                <Show when=move || renaming.get()>
                    <div class="field">
                        <label>
                            {tr("副本名称(留空为该社区的主草稿)", "Copy name (empty for the community's main draft)")}
                            <input
                                type="text"
                                data-field="draft-label"
                                prop:value=move || new_label.get()
                                on:input=move |ev| new_label.set(event_target_value(&ev))
                            />
                        </label>
                        <button type="button" class="button" data-action="save-rename" on:click=rename>
                            {tr("保存名称", "Saved as")}
                        </button>
                    </div>
                </Show>
                {move || message.get().map(|m| view! { <p class="status-error" role="alert">{m.get(lang.get()).to_string()}</p> })}
            </td>
        </tr>
    }
}
