//! The materials checklist for the inspection: every item the inspectors
//! check by 材料核查 or 现场检查, with the materials the rubric lists for
//! it, each marked ready, missing or to check.
//!
//! Whether a material is ready is decided in one place, [`readiness`],
//! from what the assessment already knows (an answered “yes” for the plan
//! makes 创建方案 ready, the ledger's documents per expenditure, meetings
//! and reports per month). Per-material evidence marks can be added there
//! as one more source without touching the view.

use leptos::prelude::*;
use starcheck_core::{
    Assessment, Evaluation, Fact, Lang, Method, MonthState, Rubric, Text,
};

use crate::components::rubric_page::methods_text_en;
use crate::i18n::{gloss, tr, use_lang};
use crate::state::AppState;

/// What is known about one material.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Readiness {
    /// In hand, with the reason (`已回答“是”`).
    Ready(Text),
    /// Not in hand, with what is missing.
    Missing(Text),
    /// The assessment does not say: to check by hand.
    Check(Text),
}

impl Readiness {
    /// A stable key for attributes and the stylesheet.
    pub fn key(&self) -> &'static str {
        match self {
            Readiness::Ready(_) => "ready",
            Readiness::Missing(_) => "missing",
            Readiness::Check(_) => "check",
        }
    }

    /// The mark in words (printed, so never colour alone).
    pub fn mark(&self, lang: Lang) -> &'static str {
        match self {
            Readiness::Ready(_) => lang.pick("✓ 已备", "✓ ready"),
            Readiness::Missing(_) => lang.pick("✗ 缺", "✗ missing"),
            Readiness::Check(_) => lang.pick("? 待核对", "? to check"),
        }
    }

    /// Why, in `lang`.
    pub fn note(&self, lang: Lang) -> &str {
        match self {
            Readiness::Ready(n)
            | Readiness::Missing(n)
            | Readiness::Check(n) => n.get(lang),
        }
    }
}

/// Which yes/no rule stands for a material, by item and material name.
const BY_ANSWER: [(u32, &str, &str); 11] = [
    (1, "创建方案", "plan"),
    (2, "资金使用计划", "funding_plan"),
    (4, "工作小组成立文件及成员名单", "team"),
    (4, "联络员指定文件", "liaison"),
    (6, "投放点清单及位置图", "four_category_set"),
    (7, "便民服务点现场照片", "service_point"),
    (7, "党员志愿者值班表", "duty_roster"),
    (8, "科普教育基地现场照片及功能分区说明", "science_base"),
    (8, "宣教活动方案、签到表与照片", "activities"),
    (10, "群众意见收集、办理、反馈台账", "feedback_system"),
    (11, "志愿服务活动记录(入户宣传、桶边督导等)", "volunteering"),
];

/// Whether `material` of `item` is ready, from what the assessment knows.
/// The one place that decides; grow it here.
pub fn readiness(
    assessment: &Assessment,
    evaluation: &Evaluation,
    item: u32,
    material: &str,
) -> Readiness {
    // Materials that a yes/no answer stands for.
    let rule = BY_ANSWER
        .iter()
        .find(|(i, m, _)| *i == item && *m == material)
        .map(|(_, _, rule)| *rule);
    if let Some(rule) = rule {
        return match assessment.fact(item, rule) {
            Some(Fact::YesNo(true)) => Readiness::Ready(Text::new(
                "自评答“是”",
                "answered \u{201c}yes\u{201d}",
            )),
            Some(Fact::YesNo(false)) => Readiness::Missing(Text::new(
                "自评答“否”",
                "answered \u{201c}no\u{201d}",
            )),
            _ => Readiness::Check(unanswered()),
        };
    }

    // The ledger's entries and their documents (item 2).
    match (item, material) {
        (2, "资金支出台账") => return ledger_book(assessment),
        (2, "转账凭证") => return documents(assessment, true),
        (2, "支付凭证/发票") => return documents(assessment, false),
        _ => {}
    }

    // Monthly duties: meetings (item 5) and reports (item 13).
    if item == 5 || item == 13 {
        return monthly(evaluation, item);
    }
    Readiness::Check(not_covered())
}

fn unanswered() -> Text {
    Text::new("自评尚未回答", "not answered yet")
}

fn not_covered() -> Text {
    Text::new(
        "自评未涉及,请逐项核对",
        "not covered by the self-assessment: check by hand",
    )
}

fn no_spending() -> Text {
    Text::new("尚未登记支出", "no expenditure entered yet")
}

/// The expenditure book: ready once any expenditure is entered.
fn ledger_book(assessment: &Assessment) -> Readiness {
    let count = assessment.ledger.expenditures.len();
    if count == 0 {
        return Readiness::Missing(no_spending());
    }
    Readiness::Ready(Text::new(
        format!("已登记{count}笔支出"),
        format!("{count} expenditures entered"),
    ))
}

/// One kind of voucher over every expenditure.
fn documents(assessment: &Assessment, transfer: bool) -> Readiness {
    let entries = &assessment.ledger.expenditures;
    if entries.is_empty() {
        return Readiness::Check(no_spending());
    }
    let lacking = entries
        .iter()
        .filter(|e| {
            let d = e.documents;
            if transfer { !d.transfer_voucher } else { !d.payment_voucher }
        })
        .map(|e| e.label_zh())
        .collect::<Vec<_>>();
    if lacking.is_empty() {
        let n = entries.len();
        return Readiness::Ready(Text::new(
            format!("{n}笔支出均齐全"),
            format!("complete for all {n} expenditures"),
        ));
    }
    Readiness::Missing(Text::new(
        format!("缺{}笔:{}", lacking.len(), lacking.join("、")),
        format!("missing for {}: {}", lacking.len(), lacking.join("; ")),
    ))
}

/// Month by month, from the core's month lines.
fn monthly(evaluation: &Evaluation, item: u32) -> Readiness {
    let Some(result) = evaluation.item(item) else {
        return Readiness::Check(not_covered());
    };
    if result.months.is_empty() {
        return Readiness::Check(unanswered());
    }
    let missing = result
        .months
        .iter()
        .filter(|m| {
            matches!(m.state, MonthState::Missing | MonthState::Overdue)
        })
        .map(|m| m.month)
        .collect::<Vec<_>>();
    let done = result
        .months
        .iter()
        .filter(|m| matches!(m.state, MonthState::Done { .. }))
        .count();
    if missing.is_empty() {
        return Readiness::Ready(Text::new(
            format!("{done}个月齐全"),
            format!("complete for {done} months"),
        ));
    }
    let zh: Vec<String> = missing.iter().map(|m| m.label_zh()).collect();
    let en: Vec<String> = missing.iter().map(|m| m.label_en()).collect();
    Readiness::Missing(Text::new(
        format!("缺{}", zh.join("、")),
        format!("missing: {}", en.join(", ")),
    ))
}

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
                    let name = match lang {
                        Lang::Zh => m.clone(),
                        Lang::En => gloss(m).unwrap_or(m).to_string(),
                    };
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
