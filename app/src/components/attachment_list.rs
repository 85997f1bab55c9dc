//! The files attached to one holder: name, material, size, a button to
//! open the file from this browser's storage and one to remove it. A file
//! that cannot be opened says why, in the language shown.

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::{Attachment, Holder, Text};

use crate::attach::{remove, size_text};
use crate::evidence_store;
use crate::file_io::download_bytes;
use crate::i18n::{both, listed_name, tr, use_lang};
use crate::state::AppState;

/// The list, or nothing when no file is attached.
#[component]
pub fn AttachmentList(holder: Holder) -> impl IntoView {
    let state = AppState::expect();
    let files = Memo::new(move |_| {
        state.assessment.with(|a| {
            a.evidence(holder).map(|e| e.files.clone()).unwrap_or_default()
        })
    });
    let problem = RwSignal::new(None::<Text>);
    let lang = use_lang();

    // Opening reads the contents back; a file added on another computer
    // is not here, and the page says so.
    let open = move |file: Attachment| {
        spawn_local(async move {
            let wanted = [(file.id.clone(), file.name.clone())];
            match evidence_store::get_all(&wanted).await {
                Ok(mut found) => {
                    let bytes = found.pop().unwrap_or_default();
                    if let Err(error) =
                        download_bytes(&file.name, &file.mime, &bytes)
                    {
                        problem.set(Some(both(|lang| error.message(lang))));
                    }
                }
                Err(error) => {
                    problem.set(Some(both(|lang| error.message(lang))))
                }
            }
        });
    };

    view! {
        <Show when=move || files.with(|f| !f.is_empty())>
            <ul class="attachment-list">
                <For each=move || files.get() key=|f| f.id.clone() let(file)>
                    {
                        let shown = file.clone();
                        let id = file.id.clone();
                        let material = file.material.clone().map(|m| {
                            let official =
                                state.rubric.with_value(|r| r.quotes(&m));
                            move || {
                                format!("[{}] ", listed_name(&m, official, lang.get()))
                            }
                        });
                        view! {
                            <li class="attachment" data-attachment=file.name.clone()>
                                <span class="muted">{material}</span>
                                <span class="attachment-name">{file.name.clone()}</span>
                                <span class="muted">{format!("({})", size_text(file.size))}</span>
                                <button
                                    type="button"
                                    class="secondary small"
                                    data-action="attachment.open"
                                    on:click=move |_| open(shown.clone())
                                >
                                    {tr("打开", "Open")}
                                </button>
                                <button
                                    type="button"
                                    class="secondary small"
                                    data-action="attachment.remove"
                                    on:click=move |_| remove(state, holder, id.clone())
                                >
                                    {tr("删除", "Delete")}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </Show>
        <span class="field-error" role="alert" data-attachment-error="">
            {move || problem.get().map(|p| p.get(lang.get()).to_string())}
        </span>
    }
}
