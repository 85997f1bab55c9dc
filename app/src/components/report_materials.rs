//! The materials checklist for the inspection: every item the inspectors
//! check by 材料核查 or 现场检查, with the materials the rubric lists for
//! it, each marked ready, missing or to check.
//!
//! Whether a material is ready is decided in one place, the core's
//! [`readiness`]: the user's own marks and attached files first, then what
//! the answers imply (an answered “yes” for the plan makes 创建方案 ready,
//! the ledger's vouchers per expenditure, meetings and reports per month).
//! The inspection pack's index uses the same function.

use leptos::prelude::*;
pub use starcheck_core::materials::{Readiness, readiness};
use starcheck_core::{Assessment, Evaluation, Lang, Method, Rubric};

use crate::components::rubric_page::methods_text_en;
use crate::i18n::{gloss, listed_name, tr, use_lang};
use crate::state::AppState;

/// The checklist, item by item.
#[component]
pub fn ReportMaterials() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    move || {
        let lang = lang.get();
        let rows = state.rubric.with_value(|rubric: &Rubric| {
            state.assessment.with(|a| {
                state.evaluation.with(|e| checklist(rubric, a, e, lang))
            })
        });
        view! {
            <section class="report-section report-materials" data-report="materials">
                <h2>{tr("迎检材料清单", "Materials for the inspection")}</h2>
                <p class="report-note">
                    {tr("按评分细则所列材料,依自评内容标记:✓ 已备、✗ 缺、? 待核对(自评未涉及)。", "The rubric's materials, marked from the self-assessment: ✓ ready, ✗ missing, ? to check (not covered by the self-assessment).")}
                </p>
                {rows}
            </section>
        }
    }
}

/// One block per item with its materials.
fn checklist(
    rubric: &Rubric,
    assessment: &Assessment,
    evaluation: &Evaluation,
    lang: Lang,
) -> Vec<AnyView> {
    rubric
        .items()
        .iter()
        .filter(|item| !item.methods.is_empty())
        .map(|item| {
            let methods = match lang {
                Lang::Zh => item
                    .methods
                    .iter()
                    .map(Method::label_zh)
                    .collect::<Vec<_>>()
                    .join("、"),
                Lang::En => methods_text_en(&item.methods),
            };
            let lines = item
                .materials
                .iter()
                .map(|m| {
                    let ready = readiness(assessment, evaluation, item.number, m);
                    let name = listed_name(m, rubric.quotes(m), lang);
                    view! {
                        <tr data-material=m.clone() data-ready=ready.key()>
                            <td class="report-mark">{ready.mark(lang)}</td>
                            <td>{name}</td>
                            <td class="report-why">{ready.note(lang).to_string()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <div class="report-block" data-materials-item=item.number>
                    <h3>
                        {match lang {
                            Lang::Zh => format!("第{}项 {}", item.number, item.title),
                            Lang::En => format!("Item {} {}", item.number, item.title),
                        }}
                        {(lang == Lang::En).then(|| gloss(&item.title)).flatten().map(|g| {
                            view! { <span class="gloss" lang="en" data-gloss="">{g}</span> }
                        })}
                        <span class="report-method">
                            {match lang {
                                Lang::Zh => format!("({methods})"),
                                Lang::En => format!(" ({methods})"),
                            }}
                        </span>
                    </h3>
                    <table class="report-table">
                        <tbody>{lines}</tbody>
                    </table>
                </div>
            }
            .into_any()
        })
        .collect()
}
