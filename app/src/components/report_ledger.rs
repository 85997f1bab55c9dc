//! The report's ledger summary: designated spending, its share of the base
//! subsidy, what is still to spend to reach the line (75%), the chart of
//! that progress, and planned against spent per purpose.

use leptos::prelude::*;
use starcheck_core::format_yuan;

use crate::components::chart_spending::ChartSpending;
use crate::i18n::{Lang, tr, use_lang};
use crate::state::AppState;

/// The ledger section of the report.
#[component]
pub fn ReportLedger() -> impl IntoView {
    let state = AppState::expect();
    let lang = use_lang();
    let (subsidy, line, ratio) = state.rubric.with_value(|r| {
        let base = r.base_subsidy();
        let line = r.spending_line();
        (base, line, format!("{}%", line.percent_of(base).normalize()))
    });

    move || {
        let lang = lang.get();
        let f = state.evaluation.with(|e| e.ledger.clone());
        let entries = state.assessment.with(|a| a.ledger.expenditures.len());
        let (above, to) = (format_yuan(f.above_line), format_yuan(f.to_line));
        let remaining = match (f.to_line.is_zero(), lang) {
            (true, Lang::Zh) => format!("已达到 {ratio},超出 {above}"),
            (true, Lang::En) => format!("{ratio} reached, {above} above"),
            (false, Lang::Zh) => format!("还差 {to} 达到 {ratio}"),
            (false, Lang::En) => format!("{to} short of {ratio}"),
        };
        let purposes = f
            .purposes
            .iter()
            .map(|p| {
                view! {
                    <tr>
                        <th scope="row">{lang.pick(p.purpose.label_zh(), p.purpose.label_en())}</th>
                        <td class="report-money">{format_yuan(p.planned)}</td>
                        <td class="report-money">{format_yuan(p.spent)}</td>
                        <td class="report-money">{format_yuan(p.unspent)}</td>
                        <td class="report-money">{format_yuan(p.over_plan)}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();

        view! {
            <section class="report-section report-ledger" data-report="ledger">
                <h2>{tr("资金台账", "Ledger")}</h2>
                <dl class="report-scores">
                    <div>
                        <dt>{tr("实际支出(专款)", "Actual spending (designated)")}</dt>
                        <dd data-report="spent">{format_yuan(f.spent)}</dd>
                    </div>
                    <div>
                        <dt>{tr("占基础补助资金", "Share of the base subsidy")}</dt>
                        <dd data-report="percent">{format!("{}%", f.percent)}</dd>
                    </div>
                    <div>
                        <dt>{tr("距达标线", "To the line")}</dt>
                        <dd data-report="remaining">{remaining}</dd>
                    </div>
                </dl>
                <ChartSpending
                    spent=f.spent
                    subsidy=subsidy
                    line=line
                    ratio=ratio.clone()
                    percent=f.percent.to_string()
                    to_line=f.to_line
                />
                <p class="report-note">
                    {match lang {
                        Lang::Zh => format!(
                            "共{entries}笔支出;缺佐证材料{}项;计划合计 {}。",
                            f.missing_documents,
                            format_yuan(f.planned)
                        ),
                        Lang::En => format!(
                            "{entries} expenditures; {} supporting documents missing; plan total {}.",
                            f.missing_documents,
                            format_yuan(f.planned)
                        ),
                    }}
                </p>
                <div class="table-scroll report-scroll">
                <table class="report-table report-purposes">
                    <thead>
                        <tr>
                            <th scope="col">{tr("用途", "Purpose")}</th>
                            <th scope="col">{tr("计划", "Planned")}</th>
                            <th scope="col">{tr("已支出", "Spent")}</th>
                            <th scope="col">{tr("未支出", "Unspent")}</th>
                            <th scope="col">{tr("超计划", "Over the plan")}</th>
                        </tr>
                    </thead>
                    <tbody>{purposes}</tbody>
                </table>
                </div>
            </section>
        }
    }
}
