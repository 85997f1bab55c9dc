//! The report's summary: base score out of 100, bonus out of 9, total,
//! both gates with their margins, the likely tier with the reference it
//! was judged against, and the charts of the total's range and of the
//! categories. Every figure is the core's.

use leptos::prelude::*;
use starcheck_core::{
    GateKind, GateState, Lang, LikelyTier, Margin, Placement, format_yuan,
};

use crate::components::chart_categories::ChartCategories;
use crate::components::chart_score_range::ChartScoreRange;
use crate::i18n::{tier_in, use_lang};
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The summary section of the report.
#[component]
pub fn ReportSummary() -> impl IntoView {
    let state = AppState::expect();
    let evaluation = state.evaluation;
    let tier = state.likely_tier;
    let lang = use_lang();

    move || {
        let e = evaluation.get();
        let lang = lang.get();
        let t = |zh: &'static str, en: &'static str| lang.pick(zh, en);
        let axis_max = e.base_max + e.bonus.max;

        // Gates: state in words, the margin in money where there is one.
        let gates = e
            .gates
            .iter()
            .map(|g| {
                let (key, name) = match g.kind {
                    GateKind::DesignatedUse => {
                        ("designated", t("专款专用", "专款专用 (designated use)"))
                    }
                    GateKind::Spending => {
                        ("spending", t("实际支出≥75%", "Spent ≥ 75%"))
                    }
                };
                // The words may wrap; the amount never breaks inside.
                let margin = match g.margin {
                    Some(Margin::Surplus(m)) => {
                        Some((t("超出", "Above by"), format_yuan(m)))
                    }
                    Some(Margin::Shortfall(m)) => {
                        Some((t("还差", "Short by"), format_yuan(m)))
                    }
                    None => None,
                };
                let margin = margin.map(|(words, amount)| {
                    view! {
                        {words}
                        " "
                        <span class="report-money">{amount}</span>
                    }
                });
                view! {
                    <tr data-report-gate=key data-state=gate_state_key(g.state)>
                        <th scope="row">{name}</th>
                        <td class="report-gate-state">{gate_state(g.state, lang)}</td>
                        <td>{margin}</td>
                        <td>{g.summary.get(lang).to_string()}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>();
        let failed_en = e
            .gates
            .iter()
            .filter(|g| g.state == GateState::Fail)
            .map(|g| g.summary.en.clone())
            .collect::<Vec<_>>()
            .join("; ");
        let peers =
            state.peers.with(|p| p.iter().filter(|e| !e.fails()).count());
        let (tier_text, basis) = match lang {
            Lang::Zh => tier_words(&tier.get()),
            Lang::En => tier_words_en(&tier.get(), &failed_en, peers),
        };

        view! {
            <section class="report-section report-summary" data-report="summary">
                <h2>{t("得分汇总", "Score summary")}</h2>
                <dl class="report-scores">
                    <div>
                        <dt>{t("基础分", "Base score")}</dt>
                        <dd>
                            <strong data-report="base">{e.base.to_string()}</strong>
                            {format!(" / {}", e.base_max)}
                        </dd>
                    </div>
                    <div>
                        <dt>{t("加分", "Bonus")}</dt>
                        <dd>
                            <strong data-report="bonus">{e.bonus.points.to_string()}</strong>
                            {format!(" / {}", e.bonus.max)}
                        </dd>
                    </div>
                    <div>
                        <dt>{t("总分", "Total")}</dt>
                        <dd>
                            <strong data-report="total">{e.total.to_string()}</strong>
                            {format!(" / {axis_max}")}
                        </dd>
                    </div>
                </dl>
                <ChartScoreRange total=e.total base_max=e.base_max axis_max=axis_max />
                <h3>{t("否决项(第17项)", "Gates (item 17)")}</h3>
                <div class="table-scroll report-scroll">
                <table class="report-table report-gates">
                    <thead>
                        <tr>
                            <th scope="col">{t("否决项", "Gate")}</th>
                            <th scope="col">{t("结果", "Result")}</th>
                            <th scope="col">{t("差额", "Margin")}</th>
                            <th scope="col">{t("说明", "Details")}</th>
                        </tr>
                    </thead>
                    <tbody>{gates}</tbody>
                </table>
                </div>
                <h3>{t("星级估计", "Likely star tier")}</h3>
                <p data-report="tier"><strong>{tier_text}</strong></p>
                <p class="report-note" data-report="tier-basis">{basis}</p>
                <h3>{t("分类得分", "Scores by category")}</h3>
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

/// [`tier_words`] in English, with the failed gates' English words and
/// the number of peers ranked against.
fn tier_words_en(
    tier: &LikelyTier,
    failed_en: &str,
    peers: usize,
) -> (String, String) {
    match tier {
        LikelyTier::GateFailed { .. } => (
            format!("Not starred: {failed_en}"),
            "A gate fails, whatever the score.".to_string(),
        ),
        LikelyTier::NeedsRank { needs, .. } => {
            let text = needs
                .iter()
                .map(|n| {
                    format!(
                        "{} needs rank {}–{}",
                        tier_in(&n.tier, Lang::En),
                        n.from_rank,
                        n.to_rank
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            (
                "No reference yet, so no tier can be estimated".to_string(),
                format!(
                    "Reference: none. Tiers go by rank within quotas: {text}"
                ),
            )
        }
        LikelyTier::Estimate { at_low, at_high, .. } => {
            let low = placement_en(at_low);
            let high = placement_en(at_high);
            let text = if low == high {
                format!("Likely {low}")
            } else {
                format!("{low} at the lowest score, {high} at the highest")
            };
            let basis = if peers > 0 {
                format!(
                    "Reference: the {peers} communities loaded (ranked by their lowest scores)"
                )
            } else {
                "Reference: the cut lines entered".to_string()
            };
            (text, basis)
        }
    }
}

fn placement_en(placement: &Placement) -> String {
    match placement {
        Placement::Tier { tier, .. } => tier_in(tier, Lang::En),
        Placement::Tie { tiers, beyond_quotas } => {
            let tiers: Vec<String> =
                tiers.iter().map(|t| tier_in(t, Lang::En)).collect();
            let mut text =
                format!("{} (tied, to be settled)", tiers.join(" or "));
            if *beyond_quotas {
                text.push_str(", possibly no tier");
            }
            text
        }
        Placement::NoSlot => "beyond the quotas".to_string(),
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
