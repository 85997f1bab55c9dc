//! The summary that stays in view: base score range out of 100, bonus out
//! of 9 with caps, total, category bars, gate status with margin, likely
//! tier with its reference, and the fix-first list; every figure straight
//! from the core's evaluation.
//!
//! One panel serves both layouts: beside the form on a desktop (sticky),
//! and on a phone as a bar fixed to the bottom of the screen that opens
//! into the full summary, so it is reachable from every item.

use leptos::prelude::*;
use starcheck_core::{GateKind, LikelyTier, Placement};

use crate::components::cut_lines_input::CutLinesInput;
use crate::components::fix_first_list::FixFirstList;
use crate::date::date_zh;
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The live summary of the evaluation.
#[component]
pub fn SummaryPanel() -> impl IntoView {
    let state = AppState::expect();
    let evaluation = state.evaluation;

    // Open or closed on a phone; desktops always show everything.
    let open = RwSignal::new(false);
    let close = Callback::new(move |()| open.set(false));

    // Small memos: each part of the panel re-renders only when its own
    // figures change.
    let base = Memo::new(move |_| evaluation.with(|e| (e.base, e.base_max)));
    let bonus = Memo::new(move |_| {
        evaluation.with(|e| (e.bonus.points, e.bonus.max, e.bonus.excess))
    });
    let bonus_items =
        Memo::new(move |_| evaluation.with(|e| e.bonus.items.clone()));
    let total = Memo::new(move |_| evaluation.with(|e| e.total));
    let outcome = Memo::new(move |_| evaluation.with(|e| e.outcome));
    let categories =
        Memo::new(move |_| evaluation.with(|e| e.categories.clone()));
    let gates = Memo::new(move |_| evaluation.with(|e| e.gates.clone()));
    let heading = Memo::new(move |_| {
        evaluation.with(|e| {
            let who = e.community.full_name();
            let who = if who.is_empty() {
                "未选择社区".to_string()
            } else {
                who
            };
            format!("{who} · 截至{}", date_zh(e.as_of))
        })
    });
    let tier = state.likely_tier;

    let bonus_lines = move || {
        bonus_items
            .get()
            .into_iter()
            .map(|b| {
                let excess = (b.excess > 0).then(|| format!(",超出{}分不计", b.excess));
                view! {
                    <li>
                        {format!("第{}项 {} / 封顶{}", b.number, b.points, b.cap)}
                        {excess}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let bars = move || {
        categories
            .get()
            .into_iter()
            .map(|c| {
                let max = c.max.max(1) as f64;
                let low = f64::from(c.score.low) / max * 100.0;
                let span = f64::from(c.score.high - c.score.low) / max * 100.0;
                view! {
                    <li class="category-bar" data-category=c.name.clone()>
                        <span class="bar-label">{c.name.clone()}</span>
                        <span class="bar-value">{format!("{} / {}", c.score, c.max)}</span>
                        <span class="bar" aria-hidden="true">
                            <span class="bar-low" style:width=format!("{low:.1}%")></span>
                            <span class="bar-open" style:width=format!("{span:.1}%")></span>
                        </span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let gate_rows = move || {
        gates
            .get()
            .into_iter()
            .map(|g| {
                let (key, name) = match g.kind {
                    GateKind::DesignatedUse => ("gate-designated", "专款专用"),
                    GateKind::Spending => ("gate-spending", "实际支出≥75%"),
                };
                view! {
                    <li
                        class="gate-line"
                        data-summary=key
                        data-state=gate_state_key(g.state)
                    >
                        <span class="gate-name">{name}</span>
                        <strong class="gate-state">{gate_state(g.state)}</strong>
                        <span class="gate-summary">{g.summary}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let outcome_text = move || match outcome.get() {
        starcheck_core::GateState::Fail => "考核不通过(否决项)",
        starcheck_core::GateState::Pass => "否决项均通过",
        starcheck_core::GateState::NotAssessed => "否决项未评估",
    };

    view! {
        <aside
            class="summary"
            class:open=move || open.get()
            aria-label="得分汇总"
            data-component="summary"
        >
            <div class="summary-bar">
                <span class="summary-bar-total">
                    "总分 "<strong>{move || total.get().to_string()}</strong>
                </span>
                <span class="summary-bar-state">
                    <span class="summary-bar-tier">{move || tier_short(&tier.get())}</span>
                    <span
                        class="summary-bar-outcome"
                        data-state=move || gate_state_key(outcome.get())
                    >
                        {outcome_text}
                    </span>
                </span>
                <button
                    type="button"
                    class="secondary small summary-toggle"
                    aria-expanded=move || open.get().to_string()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "收起" } else { "展开汇总" }}
                </button>
            </div>
            <div class="summary-body">
                <p class="summary-heading muted">{heading}</p>
                <dl class="summary-scores">
                    <div class="score-line">
                        <dt>"基础分"</dt>
                        <dd>
                            <strong data-summary="base">{move || base.get().0.to_string()}</strong>
                            {move || format!(" / {}", base.get().1)}
                        </dd>
                    </div>
                    <div class="score-line">
                        <dt>"加分"</dt>
                        <dd>
                            <strong data-summary="bonus">{move || bonus.get().0.to_string()}</strong>
                            {move || format!(" / {}", bonus.get().1)}
                            <ul class="bonus-lines">{bonus_lines}</ul>
                        </dd>
                    </div>
                    <div class="score-line score-total">
                        <dt>"总分"</dt>
                        <dd>
                            <strong data-summary="total">{move || total.get().to_string()}</strong>
                        </dd>
                    </div>
                </dl>
                <p class="muted small-print">
                    "得分为区间(最低–最高):未填写的问题和酌情给分部分按可能的范围计。"
                </p>
                <h3>"分类得分"</h3>
                <ul class="category-bars">{bars}</ul>
                <h3>"否决项"</h3>
                <ul class="gate-lines">{gate_rows}</ul>
                <h3>"星级估计"</h3>
                <div class="tier" data-summary="tier">{move || tier_view(tier.get())}</div>
                <CutLinesInput />
                <h3>"优先处理"</h3>
                <FixFirstList on_pick=close />
            </div>
        </aside>
    }
}

/// A few words for the phone bar.
fn tier_short(tier: &LikelyTier) -> String {
    match tier {
        LikelyTier::GateFailed { .. } => "不参与评星".to_string(),
        LikelyTier::NeedsRank { .. } => "星级看名次".to_string(),
        LikelyTier::Estimate { at_low, at_high, .. } => {
            let low = placement_text(at_low);
            let high = placement_text(at_high);
            if low == high { low } else { format!("{low}–{high}") }
        }
    }
}

/// The likely tier with the reference it was judged against.
fn tier_view(tier: LikelyTier) -> impl IntoView {
    match tier {
        LikelyTier::GateFailed { reason } => view! {
            <p class="tier-text status-error">{format!("不参与评星:{reason}")}</p>
        }
        .into_any(),
        LikelyTier::NeedsRank { needs, text } => {
            let text = if text.is_empty() {
                needs
                    .iter()
                    .map(|n| format!("{}需第{}–{}名", n.tier, n.from_rank, n.to_rank))
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                text
            };
            view! {
                <p class="tier-text">"暂无参考,无法估计星级。星级按名次名额评定:"</p>
                <p class="tier-needs">{text}</p>
            }
            .into_any()
        }
        LikelyTier::Estimate { at_low, at_high, basis } => {
            let low = placement_text(&at_low);
            let high = placement_text(&at_high);
            let text = if low == high {
                format!("可能为{low}")
            } else {
                format!("按最低分为{low},按最高分为{high}")
            };
            view! {
                <p class="tier-text"><strong>{text}</strong></p>
                <p class="tier-basis muted">{format!("参考依据:{basis}")}</p>
            }
            .into_any()
        }
    }
}

/// A placement in words.
fn placement_text(placement: &Placement) -> String {
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
