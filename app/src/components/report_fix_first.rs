//! The report's fix-first list: the core's list, most urgent first, each
//! with the points it is worth, as plain text for paper.

use leptos::prelude::*;
use starcheck_core::FixKind;

use crate::state::AppState;

/// The fix-first section of the report.
#[component]
pub fn ReportFixFirst() -> impl IntoView {
    let state = AppState::expect();

    move || {
        let fixes = state.evaluation.with(|e| e.fix_first.clone());
        let body = if fixes.is_empty() {
            view! { <p class="report-note">"暂无需要优先处理的事项。"</p> }
                .into_any()
        } else {
            let rows = fixes
                .into_iter()
                .map(|fix| {
                    let worth = match fix.kind {
                        FixKind::Gate => "否决项".to_string(),
                        FixKind::Pending => format!("涉及{}分", fix.points),
                        _ if fix.points > 0 => format!("+{}分", fix.points),
                        _ => String::new(),
                    };
                    view! {
                        <li class="report-fix">
                            {fix.action}
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
                <h2>"优先处理"</h2>
                {body}
            </section>
        }
    }
}
