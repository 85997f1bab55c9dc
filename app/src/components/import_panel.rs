//! Importing an assessment file: the file is read and checked by the core,
//! then shown (community, as-of date, total, outcome, and what would change
//! against the current content) and only replaces the current content once
//! the user confirms. A refused file shows the core's message (in the
//! language chosen) and leaves everything as it was. Every sentence is
//! made in both languages up front, so switching language mid-import
//! changes the words, never the state.
//!
//! An inspection pack (`.zip`) goes the same way: the core reads and checks
//! it whole ([`starcheck_core::pack::read`]), the preview adds its files,
//! and on confirmation the files are stored first, in one transaction;
//! only then is the draft replaced, so a full disk changes nothing.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use starcheck_core::evidence::MAX_ATTACHMENT_BYTES;
use starcheck_core::file::MAX_FILE_BYTES;
use starcheck_core::pack;
use starcheck_core::{
    Assessment, Attachment, Evaluation, GateState, Lang, ScoreRange, evaluate,
};
use wasm_bindgen::JsCast;

use crate::attach::size_text;
use crate::evidence_store;
use crate::file_io::{Read, read_assessment, read_bytes, read_pack_bytes};
use crate::i18n::{tr, use_lang};
use crate::state::AppState;
use crate::storage::{Drafts, ImportTarget, community_name, community_name_in};

/// A file read and waiting for the user's decision.
#[derive(Clone)]
struct Preview {
    file_name: String,
    read: Read,
    /// Which draft the file would replace, in Chinese and English.
    target: Both<String>,
    changes: Both<Vec<String>>,
    /// The pack's files, checked (empty for a plain file).
    files: Arc<Vec<(Attachment, Vec<u8>)>>,
}

/// A text in Chinese and in English, made at once.
#[derive(Clone)]
struct Both<T> {
    zh: T,
    en: T,
}

impl<T> Both<T> {
    fn make(f: impl Fn(Lang) -> T) -> Both<T> {
        Both { zh: f(Lang::Zh), en: f(Lang::En) }
    }

    fn get(&self, lang: Lang) -> &T {
        lang.pick(&self.zh, &self.en)
    }
}

/// What the panel shows.
#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    Storing,
    Preview(Box<Preview>),
    Refused { file_name: String, code: &'static str, message: Both<String> },
    Done(Both<String>),
}

/// The file picker, the preview and the confirmation.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = AppState::expect();
    let drafts = Drafts::expect();
    let stage = RwSignal::new(Stage::Idle);
    let lang = use_lang();

    // A chosen file is read and checked; nothing is replaced yet.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file chosen again must fire `change` again.
        input.set_value("");
        let file_name = chosen.name();
        let is_pack = file_name.to_lowercase().ends_with(".zip")
            || chosen.type_().contains("zip");
        stage.set(Stage::Reading);
        spawn_local(async move {
            if is_pack {
                stage.set(read_pack(state, drafts, file_name, &chosen).await);
                return;
            }
            let bytes = match read_bytes(&chosen).await {
                Ok(bytes) => bytes,
                Err(error) => {
                    stage.set(Stage::Refused {
                        file_name,
                        code: error.code(),
                        message: Both::make(|lang| error.message(lang)),
                    });
                    return;
                }
            };
            let read = state.rubric.with_value(|r| read_assessment(r, &bytes));
            stage.set(match read {
                Ok(read) => {
                    let target = Both::make(|lang| {
                        compare(state, drafts, &read, lang).0
                    });
                    let changes = Both::make(|lang| {
                        compare(state, drafts, &read, lang).1
                    });
                    Stage::Preview(Box::new(Preview {
                        file_name,
                        read,
                        target,
                        changes,
                        files: Arc::default(),
                    }))
                }
                Err(refusal) => Stage::Refused {
                    file_name,
                    code: refusal.code(),
                    message: Both::make(|lang| refusal.message(lang)),
                },
            });
        });
    };

    // Only an explicit confirmation replaces the current content.
    // A pack's files are stored first; a refusal leaves the draft as is.
    let confirm = move |_| {
        let Stage::Preview(preview) = stage.get_untracked() else { return };
        let preview = *preview;
        stage.set(Stage::Storing);
        spawn_local(async move {
            let contents: Vec<(String, Vec<u8>)> = preview
                .files
                .iter()
                .map(|(a, bytes)| (a.id.clone(), bytes.clone()))
                .collect();
            if let Err(error) = evidence_store::put_all(&contents).await {
                stage.set(Stage::Refused {
                    file_name: preview.file_name,
                    code: error.code(),
                    message: Both::make(|lang| error.message(lang)),
                });
                return;
            }
            let assessment = preview.read.imported.assessment;
            let name = community_name(&assessment.community);
            let name_en = community_name_in(&assessment.community, Lang::En);
            drafts.replace(assessment);
            let (files_zh, files_en) = match preview.files.len() {
                0 => (String::new(), String::new()),
                n => (
                    format!("及 {n} 个附件"),
                    format!(" and its {n} attached files"),
                ),
            };
            stage.set(Stage::Done(Both {
                zh: format!("已导入“{name}”的自评文件{files_zh},当前内容已替换。"),
                en: format!(
                    "Imported the self-assessment file of \u{201c}{name_en}\u{201d}{files_en}; the current content was replaced."
                ),
            }));
        });
    };

    view! {
        <div class="import-panel" data-component="import-panel">
            <div class="field">
                <label for="f-import-file">
                    {tr(
                        "选择自评文件(.json)或迎检材料包(.zip)",
                        "Choose a self-assessment file (.json) or an inspection pack (.zip)",
                    )}
                </label>
                <input
                    id="f-import-file"
                    type="file"
                    accept=".json,application/json,.zip,application/zip"
                    data-action="import-file"
                    on:change=on_change
                />
                <span class="field-hint">
                    {move || {
                        let mib = |bytes: u64| bytes / (1024 * 1024);
                        let json = mib(MAX_FILE_BYTES as u64);
                        let pack = mib(pack::MAX_PACK_BYTES);
                        let one = mib(MAX_ATTACHMENT_BYTES);
                        match lang.get() {
                            Lang::Zh => format!("导入前会先显示文件内容和将要发生的改动。自评文件(.json)上限 {json} MiB,须为本程序导出的 UTF-8 文件(GBK/GB18030 会自动识别);迎检材料包(.zip)上限 {pack} MiB,其中单个附件不超过 {one} MiB。"),
                            Lang::En => format!("Before anything is replaced the file's content and the changes are shown. An assessment file (.json): at most {json} MiB, exported by this app, UTF-8 (GBK/GB18030 is recognised); an inspection pack (.zip): at most {pack} MiB, each attached file at most {one} MiB."),
                        }
                    }}
                </span>
            </div>
            {move || {
                let lang = lang.get();
                match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading => {
                    view! { <p class="muted">{lang.pick("正在读取…", "Reading…")}</p> }.into_any()
                }
                Stage::Storing => {
                    view! { <p class="muted">{lang.pick("正在保存附件…", "Saving the attached files…")}</p> }
                        .into_any()
                }
                Stage::Done(message) => {
                    let message = message.get(lang).clone();
                    view! { <p class="status-ok" role="status" data-import-done="">{message}</p> }.into_any()
                }
                Stage::Refused { file_name, code, message } => {
                    let head = match lang {
                        Lang::Zh => format!("无法导入“{file_name}”:"),
                        Lang::En => format!("Cannot import \u{201c}{file_name}\u{201d}: "),
                    };
                    let message = message.get(lang).clone();
                    let kept = lang.pick(
                        "当前内容未作任何改动。",
                        "Nothing of the current content was changed.",
                    );
                    view! {
                        <div class="notice error" role="alert" data-import-error=code>
                            <p><strong>{head}</strong>{message}</p>
                            <p>{kept}</p>
                        </div>
                    }
                        .into_any()
                }
                Stage::Preview(preview) => {
                    preview_view(*preview, stage, confirm, lang).into_any()
                }
                }
            }}
        </div>
    }
}

/// Reads a chosen pack: size, then the core's checks of everything in it.
async fn read_pack(
    state: AppState,
    drafts: Drafts,
    file_name: String,
    chosen: &web_sys::File,
) -> Stage {
    let bytes = match read_pack_bytes(chosen).await {
        Ok(bytes) => bytes,
        Err(error) => {
            return Stage::Refused {
                file_name,
                code: error.code(),
                message: Both::make(|lang| error.message(lang)),
            };
        }
    };
    match state.rubric.with_value(|r| pack::read(r, &bytes)) {
        Ok(unpacked) => {
            let read = Read { imported: unpacked.imported, decoded_from: None };
            let target =
                Both::make(|lang| compare(state, drafts, &read, lang).0);
            let changes =
                Both::make(|lang| compare(state, drafts, &read, lang).1);
            Stage::Preview(Box::new(Preview {
                file_name,
                read,
                target,
                changes,
                files: Arc::new(unpacked.files),
            }))
        }
        Err(refusal) => Stage::Refused {
            file_name,
            code: refusal.code(),
            message: Both::make(|lang| refusal.message(lang)),
        },
    }
}

/// Which draft the file would replace, and what would change in it.
fn compare(
    state: AppState,
    drafts: Drafts,
    read: &Read,
    lang: Lang,
) -> (String, Vec<String>) {
    let incoming = &read.imported.assessment;
    let theirs = community_name_in(&incoming.community, lang);
    let ours = state
        .assessment
        .with_untracked(|a| community_name_in(&a.community, lang));
    let against = |current: &Assessment| {
        state.rubric.with_value(|r| {
            describe_changes(
                current,
                &evaluate(r, current),
                incoming,
                &read.imported.evaluation,
                lang,
            )
        })
    };
    if lang == Lang::En {
        return match drafts.import_target(&incoming.community) {
            ImportTarget::Current => (
                "Replaces the content of the current draft".to_string(),
                state.assessment.with_untracked(|current| against(current)),
            ),
            ImportTarget::Existing(existing) => (
                format!(
                    "Replaces the content of the existing draft of \u{201c}{theirs}\u{201d}; the current draft \u{201c}{ours}\u{201d} stays as it is"
                ),
                against(&existing),
            ),
            ImportTarget::New => (
                format!(
                    "Creates a draft for \u{201c}{theirs}\u{201d}; the current draft \u{201c}{ours}\u{201d} stays as it is"
                ),
                vec!["A new draft: nothing to compare with yet".to_string()],
            ),
            ImportTarget::Unreadable => (
                format!(
                    "\u{201c}{theirs}\u{201d} already has a draft that cannot be read; it is not overwritten, and you will be asked how to save"
                ),
                Vec::new(),
            ),
        };
    }
    match drafts.import_target(&incoming.community) {
        ImportTarget::Current => (
            "将替换当前草稿的内容".to_string(),
            state.assessment.with_untracked(|current| against(current)),
        ),
        ImportTarget::Existing(existing) => (
            format!("将替换“{theirs}”已有草稿的内容;当前草稿“{ours}”保留不变"),
            against(&existing),
        ),
        ImportTarget::New => (
            format!("将新建“{theirs}”的草稿;当前草稿“{ours}”保留不变"),
            vec!["新草稿,尚无内容可比较".to_string()],
        ),
        ImportTarget::Unreadable => (
            format!(
                "“{theirs}”已有一份无法读取的草稿,不会被覆盖;确认后将询问如何保存"
            ),
            Vec::new(),
        ),
    }
}

/// The file's content, notes and changes, with confirm and cancel.
fn preview_view(
    preview: Preview,
    stage: RwSignal<Stage>,
    confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    lang: Lang,
) -> impl IntoView {
    let state = AppState::expect();
    let imported = &preview.read.imported;
    let notes = state.rubric.with_value(|r| imported.notes(r, lang));
    let decoded = preview.read.decoded_from.map(|name| match lang {
        Lang::Zh => {
            format!("文件不是 UTF-8 编码,已按 {name} 读取,请核对文字是否正确。")
        }
        Lang::En => format!(
            "The file is not UTF-8; it was read as {name}: check that the text is right."
        ),
    });
    let a = &imported.assessment;
    let e = &imported.evaluation;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let total = match lang {
        Lang::Zh => format!("{} 分,{}", show(e.total), outcome_zh(e.outcome)),
        Lang::En => {
            format!("{} points, {}", show(e.total), outcome_en(e.outcome))
        }
    };

    view! {
        <div class="card" data-import-preview="">
            <h4>{t("文件内容:", "File content: ")}{preview.file_name.clone()}</h4>
            <dl>
                <dt>{t("社区", "Community")}</dt>
                <dd data-preview-community="">{community_name_in(&a.community, lang)}</dd>
                <dt>{t("评估日期", "Assessment date")}</dt>
                <dd data-preview-as-of="">{a.as_of.to_string()}</dd>
                <dt>{t("总分(本程序重新计算)", "Total (scored again by this app)")}</dt>
                <dd data-preview-total="">{total}</dd>
            </dl>
            {decoded.map(|d| view! { <p class="status-warn">{d}</p> })}
            {(!preview.files.is_empty())
                .then(|| {
                    let bytes: u64 = preview.files.iter().map(|(a, _)| a.size).sum();
                    let (count, size) = (preview.files.len(), size_text(bytes));
                    let line = match lang {
                        Lang::Zh => format!("包含 {count} 个附件,共 {size},校验值均已核对。"),
                        Lang::En => format!(
                            "Holds {count} attached {}, {size} in all; every checksum was verified.",
                            if count == 1 { "file" } else { "files" },
                        ),
                    };
                    view! { <p data-preview-files=count.to_string()>{line}</p> }
                })}
            <ul class="import-notes">
                {notes.into_iter().map(|n| view! { <li class="status-warn">{n}</li> }).collect::<Vec<_>>()}
            </ul>
            <p data-preview-target="">
                <strong>{preview.target.get(lang).clone()}</strong>
            </p>
            <h4>{t("与被替换的内容相比", "Compared with the content replaced")}</h4>
            <ul data-preview-changes="">
                {preview.changes.get(lang).iter().map(|c| view! { <li>{c.clone()}</li> }).collect::<Vec<_>>()}
            </ul>
            <p>
                <button type="button" class="button" data-action="confirm-import" on:click=confirm>
                    {t("用此文件替换当前内容", "Replace the current content with this file")}
                </button>
                " "
                <button
                    type="button"
                    class="button secondary"
                    data-action="cancel-import"
                    on:click=move |_| stage.set(Stage::Idle)
                >
                    {t("取消", "Cancel")}
                </button>
            </p>
        </div>
    }
}

/// `7` or `5–9`.
fn show(range: ScoreRange) -> String {
    range.to_string()
}

fn outcome_en(outcome: GateState) -> &'static str {
    match outcome {
        GateState::Pass => "funding gates passed",
        GateState::Fail => "assessment failed (a gate)",
        GateState::NotAssessed => "funding gates not assessed yet",
    }
}

fn outcome_zh(outcome: GateState) -> &'static str {
    match outcome {
        GateState::Pass => "资金否决项通过",
        GateState::Fail => "考核不通过(否决项)",
        GateState::NotAssessed => "资金否决项尚未评估",
    }
}

/// What replacing `current` with `incoming` would change, one line each
/// in `lang`; one line saying so when nothing would. Each difference is
/// found once and worded in the language asked for.
fn describe_changes(
    current: &Assessment,
    current_eval: &Evaluation,
    incoming: &Assessment,
    incoming_eval: &Evaluation,
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut say = |zh: String, en: String| lines.push(lang.pick(zh, en));

    if current.community != incoming.community {
        let (from, to) = (
            community_name_in(&current.community, lang),
            community_name_in(&incoming.community, lang),
        );
        say(format!("社区:{from} → {to}"), format!("Community: {from} → {to}"));
    }
    if current.as_of != incoming.as_of {
        let (from, to) = (current.as_of, incoming.as_of);
        say(
            format!("评估日期:{from} → {to}"),
            format!("Assessment date: {from} → {to}"),
        );
    }

    // Items whose answers differ, by number.
    let mut items: Vec<u32> = current
        .facts
        .keys()
        .chain(incoming.facts.keys())
        .copied()
        .filter(|n| current.facts.get(n) != incoming.facts.get(n))
        .collect();
    items.sort_unstable();
    items.dedup();
    if !items.is_empty() {
        let zh: Vec<String> =
            items.iter().map(|n| format!("第{n}项")).collect();
        let en: Vec<String> = items.iter().map(u32::to_string).collect();
        say(
            format!("填写内容有改动:{}", zh.join("、")),
            format!("Answers changed: items {}", en.join(", ")),
        );
    }
    if current.falsified != incoming.falsified {
        say("弄虚作假标记有改动".into(), "Falsification marks changed".into());
    }
    if current.bonus != incoming.bonus {
        say("加分项有改动".into(), "Bonus items changed".into());
    }
    if current.ledger != incoming.ledger {
        let (from, to) = (
            current.ledger.expenditures.len(),
            incoming.ledger.expenditures.len(),
        );
        say(
            format!("资金台账:{from} 笔支出 → {to} 笔支出"),
            format!("Ledger: {from} expenditures → {to} expenditures"),
        );
    }
    let (ours, theirs) = (current.attachments(), incoming.attachments());
    let same_files = ours.len() == theirs.len()
        && ours.iter().zip(&theirs).all(|(a, b)| a.1.id == b.1.id);
    if !same_files {
        let (from, to) = (ours.len(), theirs.len());
        say(
            format!("附件:{from} 个 → {to} 个"),
            format!("Attached files: {from} → {to}"),
        );
    }
    if current_eval.total != incoming_eval.total {
        let (from, to) = (show(current_eval.total), show(incoming_eval.total));
        say(format!("总分:{from} → {to}"), format!("Total: {from} → {to}"));
    }
    if lines.is_empty() {
        lines.push(
            lang.pick("与当前内容完全相同", "Identical to the current content")
                .to_string(),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use starcheck_core::Rubric;
    use starcheck_core::examples::{example_a, example_b};

    use super::*;

    #[test]
    fn ok_changes_are_named() {
        let rubric = Rubric::quanzhou_2024();
        let (a, b) = (example_a(), example_b());
        let lines = describe_changes(
            &a,
            &evaluate(&rubric, &a),
            &b,
            &evaluate(&rubric, &b),
            Lang::Zh,
        );
        assert_eq!(
            lines[0],
            "社区:鲤城区开元街道新春社区 → 鲤城区开元街道梅峰社区"
        );
        assert!(
            lines
                .iter()
                .any(|l| l
                    == "填写内容有改动:第2项、第5项、第6项、第12项、第13项")
        );
        assert!(lines.iter().any(|l| l == "资金台账:4 笔支出 → 3 笔支出"));

        let same = describe_changes(
            &a,
            &evaluate(&rubric, &a),
            &a,
            &evaluate(&rubric, &a),
            Lang::Zh,
        );
        assert_eq!(same, ["与当前内容完全相同"]);
        let english = describe_changes(
            &a,
            &evaluate(&rubric, &a),
            &b,
            &evaluate(&rubric, &b),
            Lang::En,
        );
        assert!(
            english
                .iter()
                .any(|l| l == "Ledger: 4 expenditures → 3 expenditures")
        );
    }
}
