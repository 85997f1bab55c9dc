//! The funding ledger page (#/ledger, 资金台账): the funding-use plan, every
//! expenditure of the base subsidy, and beside them the live figures the
//! core draws from them: spending against the 75% line, the two gates of
//! item 17, and item 2's score with its deductions.
//!
//! The page edits only `assessment.ledger` and item 2's two yes/no facts
//! (plan made, plan carried out); every figure comes from the core's
//! evaluation. The funding item is found in the rubric by its
//! ledger-documents rule, not by its number.

use leptos::prelude::*;
use starcheck_core::{Rubric, Rule};

use crate::components::ledger_expenditure_list::LedgerExpenditureList;
use crate::components::ledger_figures_panel::LedgerFiguresPanel;
use crate::components::ledger_plan_editor::LedgerPlanEditor;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::AppState;

/// The plan and expenditures with their live figures.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();

    // The rubric decides which item the ledger feeds and what is at stake.
    let item = state.rubric.with_value(ledger_item);
    let (base, line) =
        state.rubric.with_value(|r| (r.base_subsidy(), r.spending_line()));
    let percent = line.percent_of(base).normalize();
    let (number, points) =
        item.as_ref().map_or((0, 0), |i| (i.number, i.documents_points));

    let plan =
        item.clone().map(|item| view! { <LedgerPlanEditor item=item /> });
    let missing_item = item.is_none().then(|| {
        view! {
            <p class="notice error">
                {tr("当前评分细则中没有“资金投入保障机制”一项:这里只计算否决项。", "The current rubric has no funding item: only the gates are computed here.")}
            </p>
        }
    });

    view! {
        <section class="page page-ledger" data-page="ledger">
            <h2>{tr("资金台账", "Ledger")}</h2>
            <p class="ledger-intro muted">
                {move || match lang.get() {
                    Lang::Zh => format!(
                        "基础补助资金 {}。验收检查时实际支出不得低于 {}({percent}%),补助资金须专款专用,否则考核不通过;每笔支出的转账凭证、支付凭证/发票每缺1项,第{number}项扣{points}分。",
                        base.format_yuan(),
                        line.format_yuan()
                    ),
                    Lang::En => format!(
                        "Base subsidy {}. At the acceptance inspection actual spending must be at least {} ({percent}%) and the subsidy must go to its designated use (专款专用), or the assessment fails; each missing transfer or payment voucher costs item {number} {points} points.",
                        base.format_yuan(),
                        line.format_yuan()
                    ),
                }}
            </p>
            {missing_item}
            <div class="ledger-layout">
                <LedgerFiguresPanel item=item />
                <div class="ledger-forms">
                    {plan}
                    <LedgerExpenditureList item=number documents_points=points />
                </div>
            </div>
        </section>
    }
}

/// A rule's id and the texts shown for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleText {
    pub id: String,
    /// The official wording.
    pub wording: String,
    /// The question the app asks.
    pub question: String,
}

/// What the page needs of the rubric's funding item (资金投入保障机制).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedgerItem {
    pub number: u32,
    pub title: String,
    pub max: u32,
    /// 未制定…资金使用计划的不得分: the yes/no rule for "a plan was made".
    pub plan_rule: Option<RuleText>,
    /// 使用计划未落实的扣8分, with its points.
    pub carried_out_rule: Option<(RuleText, u32)>,
    /// Points lost per missing supporting document.
    pub documents_points: u32,
}

/// The item whose documents rule reads the ledger, if the rubric has one.
pub fn ledger_item(rubric: &Rubric) -> Option<LedgerItem> {
    let item = rubric.items().iter().find(|item| {
        item.rules.iter().any(|r| matches!(r, Rule::LedgerDocuments { .. }))
    })?;
    let text = |rule: &Rule| RuleText {
        id: rule.id().to_string(),
        wording: rule.wording().to_string(),
        question: rule.question().to_string(),
    };

    let mut found = LedgerItem {
        number: item.number,
        title: item.title.clone(),
        max: item.max,
        plan_rule: None,
        carried_out_rule: None,
        documents_points: 0,
    };
    for rule in &item.rules {
        match rule {
            Rule::RequiredOrZero { .. } if found.plan_rule.is_none() => {
                found.plan_rule = Some(text(rule));
            }
            Rule::FixedDeduction { points, .. }
                if found.carried_out_rule.is_none() =>
            {
                found.carried_out_rule = Some((text(rule), *points));
            }
            Rule::LedgerDocuments { points_each, .. } => {
                found.documents_points = *points_each;
            }
            _ => {}
        }
    }
    Some(found)
}
