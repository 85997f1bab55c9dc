//! Exporting the inspection pack (迎检材料包): the assessment, an offline
//! index page and every attached file in one `.zip`, built by the core from
//! the contents this browser keeps.

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::file::ExportMeta;
use starcheck_core::pack;

use crate::evidence_store;
use crate::file_io::{APP_VERSION, download_bytes, now_local};
use crate::i18n::tr;
use crate::state::AppState;

/// The button and what came of it.
#[component]
pub fn PackExportButton() -> impl IntoView {
    let state = AppState::expect();
    let message = RwSignal::new(None::<(bool, String)>);

    let export = move |_| {
        let assessment = state.assessment.get_untracked();
        message.set(Some((true, "正在打包…".to_string())));
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
                    message.set(Some((false, error.message_zh())));
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
                    message.set(Some((false, error.message_zh())));
                    return;
                }
            };
            let name = pack::file_name(&assessment);
            message.set(Some(
                match download_bytes(&name, "application/zip", &bytes) {
                    Ok(()) => (
                        true,
                        format!(
                            "已导出“{name}”,含 {} 个附件。",
                            contents.len()
                        ),
                    ),
                    Err(error) => (false, error.message_zh()),
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
