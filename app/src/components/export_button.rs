//! The button that downloads the current assessment as a JSON file named
//! after the community and date, e.g.
//! `星级自评_鲤城区开元街道新春社区_2024-11-10.json`. Used on the drafts page
//! and wherever saving failed, so the work can always leave the browser.

use leptos::prelude::*;

use crate::file_io::download_export;
use crate::i18n::use_lang;
use crate::state::AppState;

/// Downloads the current assessment; says what was downloaded or why not.
#[component]
pub fn ExportButton(
    /// The button's words.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let label = label.unwrap_or_else(|| {
        Signal::derive(move || {
            lang.get().pick("导出为文件", "Export to a file").into()
        })
    });
    let outcome = RwSignal::new(None::<Result<String, String>>);

    // The file is built from the assessment as it is on screen now.
    let export = move |_| {
        let result = state.rubric.with_value(|rubric| {
            state.assessment.with_untracked(|a| download_export(rubric, a))
        });
        outcome.set(Some(result.map_err(|e| e.message(lang.get_untracked()))));
    };

    view! {
        <span class="export-button">
            <button type="button" class="button" data-action="export" on:click=export>
                {label}
            </button>
            {move || match outcome.get() {
                Some(Ok(name)) => {
                    let done = move || lang.get().pick(" 已导出 ", " Exported ");
                    view! { <span class="muted" data-export-name="">{done}{name}</span> }
                        .into_any()
                }
                Some(Err(message)) => {
                    view! { <span class="status-error" role="alert">{message}</span> }.into_any()
                }
                None => ().into_any(),
            }}
        </span>
    }
}
