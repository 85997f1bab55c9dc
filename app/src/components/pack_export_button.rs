//! Exporting the inspection pack (迎检材料包): the assessment, an offline
//! index page and every attached file in one `.zip`, built by the core from
//! the contents this browser keeps. What came of it is worded in both
//! languages at once and shown in the one chosen.

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::file::ExportMeta;
use starcheck_core::{Lang, Text, pack};

use crate::evidence_store;
use crate::file_io::{APP_VERSION, download_bytes, now_local};
use crate::i18n::{both, tr, use_lang};
use crate::state::AppState;

/// The button and what came of it.
#[component]
pub fn PackExportButton() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, Text)>);
    let lang = use_lang();

    let export = move |_| {
        let assessment = state.assessment.get_untracked();
        message.set(Some((true, Text::new("正在打包…", "Packing…"))));
        spawn_local(async move {
            // Contents from storage, then the core builds the zip.
            let listed: Vec<_> = assessment
                .attachments()
                .into_iter()
                .map(|(_, a)| a.clone())
                .collect();
            let wanted: Vec<(String, String)> =
                listed.iter().map(|a| (a.id.clone(), a.name.clone())).collect();
            let contents = match evidence_store::get_all(&wanted).await {
                Ok(found) => listed.into_iter().zip(found).collect::<Vec<_>>(),
                Err(error) => {
                    message.set(Some((false, both(|l| error.message(l)))));
                    return;
                }
            };
            let meta = ExportMeta {
                app_version: APP_VERSION.to_string(),
                exported_at: Some(now_local()),
            };
            let built = state
                .rubric
                .with_value(|r| pack::build(r, &assessment, &meta, &contents));
            let bytes = match built {
                Ok(bytes) => bytes,
                Err(error) => {
                    message.set(Some((false, both(|l| error.message(l)))));
                    return;
                }
            };
            let name = pack::file_name(&assessment);
            message.set(Some(
                match download_bytes(&name, "application/zip", &bytes) {
                    Ok(()) => (true, exported(&name, contents.len())),
                    Err(error) => (false, both(|l| error.message(l))),
                },
            ));
        });
    };

    view! {
        <div class="pack-export">
            <button type="button" data-action="export-pack" on:click=export>
                {tr("导出迎检材料包(.zip)", "Export the inspection pack (.zip)")}
            </button>
            <span class="field-hint">
                {tr(
                    "含自评文件、可离线打开的目录页(index.html)和全部附件,按评分项分文件夹。",
                    "Holds the assessment file, an index page that opens offline (index.html) and every attached file, in a folder per item.",
                )}
            </span>
            {move || {
                message
                    .get()
                    .map(|(ok, text)| {
                        let text = text.get(lang.get()).to_string();
                        if ok {
                            view! { <p class="status-ok" role="status" data-pack-done="">{text}</p> }
                                .into_any()
                        } else {
                            view! { <p class="field-error" role="alert" data-pack-error="">{text}</p> }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}

/// The pack downloaded: its name (Chinese, a file name) and how many
/// files it holds.
fn exported(name: &str, files: usize) -> Text {
    both(|lang| match (lang, files) {
        (Lang::Zh, n) => format!("已导出“{name}”,含 {n} 个附件。"),
        (Lang::En, 1) => {
            format!("Exported \u{201c}{name}\u{201d}, with 1 attached file.")
        }
        (Lang::En, n) => {
            format!("Exported \u{201c}{name}\u{201d}, with {n} attached files.")
        }
    })
}
