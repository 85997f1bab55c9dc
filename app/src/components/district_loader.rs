//! Choosing many exported files at once: a file picker with `multiple` and
//! a drop zone for files dragged from the desktop. Every file goes to
//! [`DistrictState::load_files`], which checks each as import does (in a
//! web worker). While a load runs: the files read of the total, a bar,
//! and a button that cancels it; the picker waits until it ends.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};

/// The files of a `FileList`, in order.
fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The picker, the drop zone and the progress line.
#[component]
pub fn DistrictLoader() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let dragging = RwSignal::new(false);

    // The worker of the next load starts loading its module now, while
    // the office chooses files; it is ended when the page is left.
    district.prepare_worker();
    on_cleanup(move || district.drop_spare_worker());

    // Chosen files are read at once; the input is emptied so choosing the
    // same files again fires `change` again.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        input.set_value("");
        district.load_files(files);
    };

    // The browser opens a dropped file itself unless every drag event over
    // the zone is taken.
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let on_drag_leave = move |_| dragging.set(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        district.load_files(files);
    };

    // While reading: "正在读取 3/20", then the ranking of the whole set.
    let progress = move || {
        let load = district.last_load.get();
        let done = load.reading?;
        let total = load.files;
        let words = match (load.finishing, lang.get()) {
            (true, Lang::Zh) => {
                format!("已读取 {total}/{total} 个文件,正在排名…")
            }
            (true, Lang::En) => format!("{total}/{total} files read, ranking…"),
            (false, Lang::Zh) => format!("正在读取 {done}/{total} 个文件…"),
            (false, Lang::En) => format!("Reading {done}/{total} files…"),
        };
        Some(view! {
            <span data-progress-done=done data-progress-total=total>{words}</span>
            <progress max=total value=done></progress>
            <button
                type="button"
                class="button secondary"
                data-action="cancel-load"
                on:click=move |_| district.cancel_load()
            >
                {tr("取消载入", "Cancel loading")}
            </button>
        })
    };

    view! {
        <div
            class="district-drop"
            class:dragging=move || dragging.get()
            data-drop-zone=""
            on:dragover=on_drag_over
            on:dragenter=on_drag_over
            on:dragleave=on_drag_leave
            on:drop=on_drop
        >
            <label for="f-district-files" class="district-drop-label">
                {tr("选择自评文件(.json,可多选)", "Choose self-assessment files (.json, several allowed)")}
            </label>
            <input
                id="f-district-files"
                type="file"
                multiple=true
                accept=".json,application/json"
                data-action="district-files"
                prop:disabled=move || district.loading.get()
                on:change=on_change
            />
            <p class="field-hint">{tr("也可以把多个文件一起拖放到这里。", "You can also drop several files here at once.")}</p>
            <p class="district-progress" role="status" aria-live="polite">
                {progress}
            </p>
        </div>
    }
}
