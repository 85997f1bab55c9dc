//! Adding files to one holder (an item, a meeting, a report, a ledger
//! entry): which material they prove, the file picker or the phone's
//! camera, and whether photos keep their original size. The result or the
//! refusal is said right below, in the language shown (a refusal is worded
//! in both at once, so switching language re-words it).

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::evidence::MAX_ATTACHMENT_BYTES;
use starcheck_core::{Holder, Text};
use wasm_bindgen::JsCast;

use crate::attach::{Added, attach, size_text};
use crate::i18n::{Lang, both, listed_name, tr, use_lang};
use crate::state::AppState;

/// What the picker accepts: photos, PDFs, scans and office documents.
const ACCEPT: &str =
    "image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et,.txt";

/// What the last attempt gave.
#[derive(Clone)]
enum Outcome {
    Idle,
    Working,
    Added(Vec<Added>),
    Refused { code: &'static str, message: Text },
}

/// The material choice, the two inputs and the outcome.
#[component]
pub fn AttachButton(
    holder: Holder,
    /// The materials the holder should have; files may also go to none.
    materials: Vec<String>,
    /// A stable prefix for `data-` attributes, e.g. `item5.meeting0`.
    field: String,
) -> impl IntoView {
    let state = AppState::expect();
    let outcome = RwSignal::new(Outcome::Idle);
    let material = RwSignal::new(materials.first().cloned());
    let keep_original = RwSignal::new(false);

    // Files chosen in either input are attached at once.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files: Vec<web_sys::File> = match input.files() {
            Some(list) => {
                (0..list.length()).filter_map(|i| list.get(i)).collect()
            }
            None => Vec::new(),
        };
        input.set_value("");
        if files.is_empty() {
            return;
        }
        outcome.set(Outcome::Working);
        let chosen = material.get_untracked();
        let keep = keep_original.get_untracked();
        spawn_local(async move {
            outcome.set(
                match attach(state, holder, chosen, files, keep).await {
                    Ok(added) => Outcome::Added(added),
                    Err(error) => Outcome::Refused {
                        code: error.code(),
                        message: both(|lang| error.message(lang)),
                    },
                },
            );
        });
    };

    // Each material by its name in the language shown; the value stays
    // the Chinese name the files are filed under.
    let lang = use_lang();
    let options = materials
        .iter()
        .map(|m| {
            let official = state.rubric.with_value(|r| r.quotes(m));
            let zh = m.clone();
            let shown = move || listed_name(&zh, official, lang.get());
            view! { <option value=m.clone()>{shown}</option> }
        })
        .collect::<Vec<_>>();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        material.set((!value.is_empty()).then_some(value));
    };

    view! {
        <div class="attach" data-attach=field.clone()>
            <label class="attach-material">
                {tr("材料:", "Material: ")}
                <select data-field=format!("{field}.material") on:change=choose>
                    {options}
                    <option value="">{tr("其他(不指定材料)", "Other (no material named)")}</option>
                </select>
            </label>
            <label class="button secondary small">
                {tr("选择文件", "Choose files")}
                <input
                    type="file"
                    class="attach-input"
                    multiple=true
                    accept=ACCEPT
                    data-action=format!("{field}.attach")
                    on:change=on_change
                />
            </label>
            <label class="button secondary small">
                {tr("拍照", "Take a photo")}
                <input
                    type="file"
                    class="attach-input"
                    accept="image/*"
                    capture="environment"
                    data-action=format!("{field}.camera")
                    on:change=on_change
                />
            </label>
            <label class="attach-keep">
                <input
                    type="checkbox"
                    data-field=format!("{field}.keep-original")
                    prop:checked=move || keep_original.get()
                    on:change=move |ev| keep_original.set(event_target_checked(&ev))
                />
                {tr("保留原图(不压缩)", "Keep the original (no shrinking)")}
            </label>
            <span class="field-hint">
                {move || {
                    let limit = size_text(MAX_ATTACHMENT_BYTES);
                    match lang.get() {
                        Lang::Zh => format!("照片默认压缩到长边 1600 像素;单个文件不超过 {limit}。"),
                        Lang::En => format!("Photos are shrunk to 1600 pixels on the long side unless kept; one file at most {limit}."),
                    }
                }}
            </span>
            {move || match outcome.get() {
                Outcome::Idle => ().into_any(),
                Outcome::Working => view! { <p class="muted">{tr("正在保存…", "Saving…")}</p> }.into_any(),
                Outcome::Added(added) => {
                    let lines = added
                        .iter()
                        .map(|a| {
                            if a.stored < a.original {
                                let (original, stored) = (size_text(a.original), size_text(a.stored));
                                match lang.get() {
                                    Lang::Zh => format!("{}(原图 {original},压缩后 {stored})", a.name),
                                    Lang::En => format!("{} (original {original}, shrunk to {stored})", a.name),
                                }
                            } else {
                                match lang.get() {
                                    Lang::Zh => format!("{}({})", a.name, size_text(a.stored)),
                                    Lang::En => format!("{} ({})", a.name, size_text(a.stored)),
                                }
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(lang.get().pick("、", "; "));
                    view! {
                        <p class="status-ok" role="status" data-attach-done="">
                            {lang.get().pick(format!("已添加:{lines}"), format!("Added: {lines}"))}
                        </p>
                    }
                        .into_any()
                }
                Outcome::Refused { code, message } => {
                    let message = message.get(lang.get()).to_string();
                    view! {
                        <p class="field-error" role="alert" data-attach-error=code>
                            {message}
                        </p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
