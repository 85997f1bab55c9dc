//! Each material of one holder marked 已备 (ready) or 缺 (missing). A file
//! attached to a material makes it ready by itself; the mark is for paper
//! kept elsewhere, or to say plainly that something is missing.
//!
//! In English a material our list names shows its English name; one that
//! is the notice's wording (创建方案) stays Chinese with the gloss beneath,
//! like the rest of the official text.

use leptos::prelude::*;
use starcheck_core::{Holder, Mark};

use crate::components::gloss_line::GlossLine;
use crate::i18n::{Lang, listed_name, tr, use_lang};
use crate::state::AppState;

/// One select per material.
#[component]
pub fn MaterialMarks(
    holder: Holder,
    materials: Vec<String>,
    /// A stable prefix for `data-` attributes.
    field: String,
) -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let rows = materials
        .into_iter()
        .map(|material| {
            let name = StoredValue::new(material.clone());

            // The name as shown: ours in English, the notice's own words
            // in Chinese with their gloss beneath.
            let official =
                state.rubric.with_value(|r| r.quotes(&material));
            let shown = move |lang: Lang| {
                name.with_value(|m| listed_name(m, official, lang))
            };
            let name_view = match official {
                true => view! { {material.clone()}<GlossLine zh=material.clone() /> }
                    .into_any(),
                false => (move || shown(lang.get())).into_any(),
            };

            // The state as the core reads it, and the user's own mark.
            let mark = Memo::new(move |_| {
                state.assessment.with(|a| {
                    name.with_value(|m| {
                        a.evidence(holder).map_or(Mark::Unmarked, |e| e.mark(m))
                    })
                })
            });
            let own = Memo::new(move |_| {
                state.assessment.with(|a| {
                    name.with_value(|m| {
                        a.evidence(holder).and_then(|e| e.marks.get(m).copied())
                    })
                })
            });
            let choose = move |ev: leptos::ev::Event| {
                let value = match event_target_value(&ev).as_str() {
                    "ready" => Some(true),
                    "missing" => Some(false),
                    _ => None,
                };
                state.update_assessment(|a| {
                    name.with_value(|m| {
                        a.update_evidence(holder, |e| e.set_mark(m, value));
                    })
                });
            };
            let state_text = move || {
                let (zh, en) = match mark.get() {
                    Mark::Ready => ("✓ 已备", "✓ ready"),
                    Mark::Missing => ("✗ 缺", "✗ missing"),
                    Mark::Unmarked => ("未标记", "not marked"),
                };
                lang.get().pick(zh, en)
            };
            let key = move || match mark.get() {
                Mark::Ready => "ready",
                Mark::Missing => "missing",
                Mark::Unmarked => "unmarked",
            };
            let selected = move |v: &str| {
                let current = match own.get() {
                    Some(true) => "ready",
                    Some(false) => "missing",
                    None => "",
                };
                current == v
            };
            view! {
                <li class="material-mark" data-material=material.clone() data-ready=key>
                    <span class="material-name">{name_view}</span>
                    <span class="material-state">{state_text}</span>
                    <select
                        data-field=format!("{field}.mark.{material}")
                        aria-label=move || {
                            let lang = lang.get();
                            let material = shown(lang);
                            match lang {
                                Lang::Zh => format!("{material}是否已备"),
                                Lang::En => format!("Is \u{201c}{material}\u{201d} ready?"),
                            }
                        }
                        on:change=choose
                    >
                        <option value="" prop:selected=move || selected("")>{tr("未标记", "Not marked")}</option>
                        <option value="ready" prop:selected=move || selected("ready")>{tr("已备", "Ready")}</option>
                        <option value="missing" prop:selected=move || selected("missing")>{tr("缺", "Missing")}</option>
                    </select>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! { <ul class="material-marks">{rows}</ul> }
}
