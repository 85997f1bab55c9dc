//! The report's fix-first list: the core's list, most urgent first, each
//! with the points it is worth, as plain text for paper.

use leptos::prelude::*;
use starcheck_core::FixKind;

use crate::i18n::{Lang, use_lang};
use crate::state::AppState;

/// The fix-first section of the report.
#[component]
pub fn ReportFixFirst() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    move || {
        let fixes = state.evaluation.with(|e| e.fix_first.clone());
        let lang = lang.get();
        let body = if fixes.is_empty() {
            let none = lang.pick(
                "暂无需要优先处理的事项。",
                "Nothing needs fixing first.",
            );
            view! { <p class="report-note">{none}</p> }.into_any()
        } else {
            let rows = fixes
                .into_iter()
                .map(|fix| {
                    let worth = match (fix.kind, lang) {
                        (FixKind::Gate, Lang::Zh) => "否决项".to_string(),
                        (FixKind::Gate, Lang::En) => "Gate".to_string(),
                        (FixKind::Pending, Lang::Zh) => {
                            format!("涉及{}分", fix.points)
                        }
                        (FixKind::Pending, Lang::En) => {
                            format!("{} points at stake", fix.points)
                        }
                        (_, Lang::Zh) if fix.points > 0 => {
                            format!("+{}分", fix.points)
                        }
                        (_, Lang::En) if fix.points > 0 => {
                            format!("+{} points", fix.points)
                        }
                        _ => String::new(),
                    };
                    view! {
                        <li class="report-fix">
                            {fix.action.get(lang).to_string()}
                            " "
                            <strong>{worth}</strong>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! { <ol class="report-fixes">{rows}</ol> }.into_any()
        };
        view! {
            <section class="report-section report-fix-first" data-report="fix-first">
                <h2>{lang.pick("优先处理", "Fix first")}</h2>
                {body}
            </section>
        }
    }
}
