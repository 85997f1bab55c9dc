//! The drafts page (#/drafts, 草稿与文件): the current draft with export and
//! a fresh start, the import of a file, and every draft stored in this
//! browser.

use leptos::prelude::*;

use crate::components::drafts_list::DraftsList;
use crate::components::export_button::ExportButton;
use crate::components::import_panel::ImportPanel;
use crate::components::pack_export_button::PackExportButton;
use crate::components::storage_usage::StorageUsage;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::AppState;
use crate::storage::{Drafts, SaveStatus, community_name_in, status_text};

/// 草稿与文件.
#[component]
pub fn DraftsPage() -> impl IntoView {
    let state = AppState::expect();
    let drafts = Drafts::expect();
    let lang = use_lang();
    let current = move || {
        let lang = lang.get();
        state.assessment.with(|a| match lang {
            Lang::Zh => {
                format!(
                    "{}(评估日期 {})",
                    community_name_in(&a.community, lang),
                    a.as_of
                )
            }
            Lang::En => format!(
                "{} (assessed {})",
                community_name_in(&a.community, lang),
                a.as_of
            ),
        })
    };

    // The list is read on arrival (another tab may have changed it) and
    // kept current only while the page is shown.
    drafts.show_list(true);
    on_cleanup(move || drafts.show_list(false));

    view! {
        <section class="page" data-page="drafts">
            <h2>{tr("草稿与文件", "Drafts & files")}</h2>
            <p class="muted">
                {tr("填写内容会在每次修改后自动保存为本机浏览器中的草稿,每个社区一份。草稿只在这台电脑的这个浏览器里:要备份、换电脑或报送区垃分办,请导出为文件。", "Every change is saved automatically as a draft in this browser, one per community. Drafts stay in this browser on this computer only: to back up, change computers or send to the district office, export to a file.")}
            </p>

            <div class="card" data-drafts-current="">
                <h3>{tr("当前草稿", "Current draft")}</h3>
                <p>
                    <span data-current-draft="">{current}</span>
                    " · "
                    <span>{move || status_text(&drafts.status.get(), lang.get())}</span>
                </p>
                <p>
                    <ExportButton />
                    " "
                    <button
                        type="button"
                        class="button secondary"
                        data-action="new-draft"
                        on:click=move |_| {
                            let unsaved = matches!(
                                drafts.status.get_untracked(),
                                SaveStatus::NotSaved(_)
                            );
                            let go = !unsaved
                                || window()
                                    .confirm_with_message(lang.get_untracked().pick(
                                        "当前内容未保存,新建后这些内容会丢失。确定新建吗?",
                                        "The current content is not saved and is lost with a new draft. Start a new draft?",
                                    ))
                                    .unwrap_or(false);
                            if go {
                                drafts.new_draft();
                            }
                        }
                    >
                        {tr("新建空白草稿", "New blank draft")}
                    </button>
                </p>
            </div>

            <div class="card" data-pack="">
                <h3>{tr("迎检材料包与附件", "Inspection pack and attached files")}</h3>
                <PackExportButton />
                <StorageUsage />
            </div>

            <div class="card">
                <h3>{tr("导入文件", "Import a file")}</h3>
                <ImportPanel />
            </div>

            <div class="card">
                <h3>{tr("本机草稿", "Drafts in this browser")}</h3>
                <DraftsList />
            </div>
        </section>
    }
}
