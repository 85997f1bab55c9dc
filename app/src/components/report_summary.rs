//! The report's summary: base score out of 100, bonus out of 9, total,
//! both gates with their margins, the likely tier with the reference it
//! was judged against, and the charts of the total's range and of the
//! categories. Every figure is the core's.

use leptos::prelude::*;
use starcheck_core::{GateKind, LikelyTier, Margin, Placement, format_yuan};

use crate::components::chart_categories::ChartCategories;
use crate::components::chart_score_range::ChartScoreRange;
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The summary section of the report.
#[component]
pub fn ReportSummary() -> impl IntoView {
    let state = AppState::expect();
    let evaluation = state.evaluation;
    let tier = state.likely_tier;

    move || {
        let e = evaluation.get();
        let axis_max = e.base_max + e.bonus.max;

        // Gates: state in words, the margin in money where there is one.
        let gates = e
            .gates
            .iter()
            .map(|g| {
                let (key, name) = match g.kind {
                    GateKind::DesignatedUse => ("designated", "专款专用"),
                    GateKind::Spending => ("spending", "实际支出≥75%"),
                };
                let margin = match g.margin {
                    Some(Margin::Surplus(m)) => {
                        format!("超出 {}", format_yuan(m))
                    }
                    Some(Margin::Shortfall(m)) => {
                        format!("还差 {}", format_yuan(m))
                    }
                    None => String::new(),
                };
                view! {
                    <tr data-report-gate=key data-state=gate_state_key(g.state)>
                        <th scope="row">{name}</th>
                        <td class="report-gate-state">{gate_state(g.state)}</td>
                        <td>{margin}</td>
                        <td>{g.summary.clone()}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        let (tier_text, basis) = tier_words(&tier.get());

        view! {
            <section class="report-section report-summary" data-report="summary">
                <h2>"得分汇总"</h2>
                <dl class="report-scores">
                    <div>
                        <dt>"基础分"</dt>
                        <dd>
                            <strong data-report="base">{e.base.to_string()}</strong>
                            {format!(" / {}", e.base_max)}
                        </dd>
                    </div>
                    <div>
                        <dt>"加分"</dt>
                        <dd>
                            <strong data-report="bonus">{e.bonus.points.to_string()}</strong>
                            {format!(" / {}", e.bonus.max)}
                        </dd>
                    </div>
                    <div>
                        <dt>"总分"</dt>
                        <dd>
                            <strong data-report="total">{e.total.to_string()}</strong>
                            {format!(" / {axis_max}")}
                        </dd>
                    </div>
                </dl>
                <ChartScoreRange total=e.total base_max=e.base_max axis_max=axis_max />
                <h3>"否决项(第17项)"</h3>
                <table class="report-table report-gates">
                    <thead>
                        <tr>
                            <th scope="col">"否决项"</th>
                            <th scope="col">"结果"</th>
                            <th scope="col">"差额"</th>
                            <th scope="col">"说明"</th>
                        </tr>
                    </thead>
                    <tbody>{gates}</tbody>
                </table>
                <h3>"星级估计"</h3>
                <p data-report="tier"><strong>{tier_text}</strong></p>
                <p class="report-note" data-report="tier-basis">{basis}</p>
                <h3>"分类得分"</h3>
                <ChartCategories categories=e.categories.clone() />
            </section>
        }
    }
}

/// The likely tier in words, and the reference it stands on.
fn tier_words(tier: &LikelyTier) -> (String, String) {
    match tier {
        LikelyTier::GateFailed { reason } => (
            format!("不参与评星:{reason}"),
            "否决项不通过,不论得分。".to_string(),
        ),
        LikelyTier::NeedsRank { needs, text } => {
            let text = if text.is_empty() {
                needs
                    .iter()
                    .map(|n| {
                        format!("{}需第{}–{}名", n.tier, n.from_rank, n.to_rank)
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                text.clone()
            };
            (
                "暂无参考,无法估计星级".to_string(),
                format!("参考依据:无。星级按名次名额评定:{text}"),
            )
        }
        LikelyTier::Estimate { at_low, at_high, basis } => {
            let low = placement(at_low);
            let high = placement(at_high);
            let text = if low == high {
                format!("可能为{low}")
            } else {
                format!("按最低分为{low},按最高分为{high}")
            };
            (text, format!("参考依据:{basis}"))
        }
    }
}

/// A placement in words.
fn placement(placement: &Placement) -> String {
    match placement {
        Placement::Tier { tier, .. } => tier.clone(),
        Placement::Tie { tiers, beyond_quotas } => {
            let mut text = format!("{}(同分待定)", tiers.join("或"));
            if *beyond_quotas {
                text.push_str(",可能无星级");
            }
            text
        }
        Placement::NoSlot => "名额外".to_string(),
    }
}
