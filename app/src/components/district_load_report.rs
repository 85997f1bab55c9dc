//! What happened to the files of the loads so far: a summary of the last
//! load (or that it was cancelled), every refused file with the core's
//! reason, every second file for a community already loaded, with both
//! files' dates, and every file made for another rubric (scored again
//! with the built-in one), in the language shown.

use leptos::prelude::*;

use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};

/// The refused files and the duplicates.
#[component]
pub fn DistrictLoadReport() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let set = district.set;

    // "本次读取 20 个文件:接受 19 个,拒绝 1 个".
    let summary = move || {
        let load = district.last_load.get();
        let lang = lang.get();
        if let Some(done) = load.cancelled {
            return Some(match lang {
                Lang::Zh => format!(
                    "已取消载入:读取了 {done}/{} 个文件,本次的文件均未载入",
                    load.files
                ),
                Lang::En => format!(
                    "Loading cancelled: {done}/{} files read, none of them loaded",
                    load.files
                ),
            });
        }
        if load.files == 0 || load.reading.is_some() {
            return None;
        }
        if lang == Lang::En {
            let mut text = format!(
                "{} files read: {} accepted",
                load.files, load.accepted
            );
            if load.duplicates > 0 {
                text.push_str(&format!(", {} duplicates", load.duplicates));
            }
            if load.refused > 0 {
                text.push_str(&format!(", {} refused", load.refused));
            }
            return Some(text);
        }
        let mut text =
            format!("本次读取 {} 个文件:接受 {} 个", load.files, load.accepted);
        if load.duplicates > 0 {
            text.push_str(&format!(",重复 {} 个", load.duplicates));
        }
        if load.refused > 0 {
            text.push_str(&format!(",拒绝 {} 个", load.refused));
        }
        Some(text)
    };
    // Files that name another rubric stay in the set: listed while there.
    let other_rubric = move || {
        let lang = lang.get();
        set.with(|s| {
            district.rubric().with_value(|rubric| {
                s.files
                    .iter()
                    .filter_map(|f| {
                        let note = f.imported.rubric_note(rubric, lang)?;
                        Some((f.file_name.clone(), note))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let has_notes =
        move || set.with(|s| !s.refused.is_empty() || !s.duplicates.is_empty());

    view! {
        <div class="district-report" data-load-report="">
            <p class="district-summary" data-load-summary="">{summary}</p>
            <Show when=move || set.with(|s| !s.refused.is_empty())>
                <div class="notice error district-refused">
                    <h3>{tr("未载入的文件", "Files not loaded")}</h3>
                    <ul>
                        {move || {
                            let _ = lang.get();
                            set.with(|s| {
                                s.refused
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <li data-refused=r.file_name.clone() data-code=r.code.clone()>
                                                <strong>{r.file_name.clone()}</strong>
                                                ":"
                                                <span class="reason">{r.reason(lang.get()).to_string()}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </ul>
                </div>
            </Show>
            <Show when=move || set.with(|s| !s.duplicates.is_empty())>
                <div class="notice district-duplicates">
                    <h3>{tr("同一社区的重复文件", "Duplicate files of one community")}</h3>
                    <ul>
                        {move || {
                            set.with(|s| {
                                s.duplicates
                                    .iter()
                                    .map(|d| {
                                        view! {
                                            <li
                                                data-duplicate=d.community.clone()
                                                data-kept=d.kept.as_of.to_string()
                                                data-dropped=d.dropped.as_of.to_string()
                                            >
                                                {d.message(lang.get())}
                                            </li>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </ul>
                </div>
            </Show>
            {move || {
                let files = other_rubric();
                (!files.is_empty()).then(|| view! {
                    <div class="notice district-other-rubric">
                        <h3>{tr("按其他评分细则制作的文件", "Files made for another rubric")}</h3>
                        <ul>
                            {files
                                .into_iter()
                                .map(|(name, note)| {
                                    let key = name.clone();
                                    view! {
                                        <li data-other-rubric=key>
                                            <strong>{name}</strong>
                                            ":"
                                            <span class="reason">{note}</span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                })
            }}
            <Show when=has_notes>
                <button
                    type="button"
                    class="button secondary"
                    data-action="dismiss-notices"
                    on:click=move |_| district.dismiss_notices()
                >
                    {tr("清除以上提示", "Clear the notes above")}
                </button>
            </Show>
        </div>
    }
}
