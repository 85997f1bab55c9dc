//! The summary that stays in view: base score range out of 100, bonus out
//! of 9 with caps, total, category bars, gate status with margin, likely
//! tier with its reference, and the fix-first list; every figure straight
//! from the core's evaluation.
//!
//! One panel serves both layouts: beside the form on a desktop (sticky),
//! and on a phone as a bar fixed to the bottom of the screen that opens
//! into the full summary, so it is reachable from every item.

use leptos::prelude::*;
use starcheck_core::{
    GateKind, GateState, Lang, LikelyTier, Placement, tenths,
};

use crate::components::cut_lines_input::CutLinesInput;
use crate::components::fix_first_list::FixFirstList;
use crate::components::gloss_line::GlossLine;
use crate::date::date_zh;
use crate::i18n::{tier_in, tr, use_lang};
use crate::labels::{gate_state, gate_state_key};
use crate::state::AppState;

/// The live summary of the evaluation.
#[component]
pub fn SummaryPanel() -> impl IntoView {
    let state = AppState::expect();
    let evaluation = state.evaluation;
    let lang = use_lang();

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
        let lang = lang.get();
        evaluation.with(|e| {
            let who = e.community.full_name();
            let who = if who.is_empty() {
                lang.pick("未选择社区", "No community chosen").to_string()
            } else {
                who
            };
            match lang {
                Lang::Zh => format!("{who} · 截至{}", date_zh(e.as_of)),
                Lang::En => format!("{who} · as of {}", e.as_of),
            }
        })
    });
    // What the failed gates say, for the tier line in English.
    let failed_en = Memo::new(move |_| {
        evaluation.with(|e| {
            e.gates
                .iter()
                .filter(|g| g.state == GateState::Fail)
                .map(|g| g.summary.en.clone())
                .collect::<Vec<_>>()
                .join("; ")
        })
    });
    let peer_count = Memo::new(move |_| {
        state.peers.with(|p| p.iter().filter(|e| !e.fails()).count())
    });
    let tier = state.likely_tier;

    let bonus_lines = move || {
        let lang = lang.get();
        bonus_items
            .get()
            .into_iter()
            .map(|b| {
                let excess = (b.excess > 0).then(|| match lang {
                    Lang::Zh => format!(",超出{}分不计", b.excess),
                    Lang::En => {
                        format!(", {} above the cap not counted", b.excess)
                    }
                });
                let line = match lang {
                    Lang::Zh => {
                        format!("第{}项 {} / 封顶{}", b.number, b.points, b.cap)
                    }
                    Lang::En => format!(
                        "Item {}: {} / cap {}",
                        b.number, b.points, b.cap
                    ),
                };
                view! { <li>{line}{excess}</li> }
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
                        <span class="bar-label">
                            {c.name.clone()}
                            <GlossLine zh=c.name.clone() />
                        </span>
                        <span class="bar-value">{format!("{} / {}", c.score, c.max)}</span>
                        <span class="bar" aria-hidden="true">
                            <span class="bar-low" style:width=format!("{}%", tenths(low))></span>
                            <span class="bar-open" style:width=format!("{}%", tenths(span))></span>
                        </span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let gate_rows = move || {
        let lang = lang.get();
        gates
            .get()
            .into_iter()
            .map(|g| {
                let (key, name) = match g.kind {
                    GateKind::DesignatedUse => (
                        "gate-designated",
                        lang.pick("专款专用", "专款专用 (designated use)"),
                    ),
                    GateKind::Spending => (
                        "gate-spending",
                        lang.pick("实际支出≥75%", "Spent ≥ 75%"),
                    ),
                };
                view! {
                    <li
                        class="gate-line"
                        data-summary=key
                        data-state=gate_state_key(g.state)
                    >
                        <span class="gate-name">{name}</span>
                        <strong class="gate-state">{gate_state(g.state, lang)}</strong>
                        <span class="gate-summary">{g.summary.get(lang).to_string()}</span>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };

    let outcome_text = move || {
        let lang = lang.get();
        match outcome.get() {
            GateState::Fail => {
                lang.pick("考核不通过(否决项)", "Assessment failed (a gate)")
            }
            GateState::Pass => lang.pick("否决项均通过", "All gates passed"),
            GateState::NotAssessed => {
                lang.pick("否决项未评估", "Gates not assessed")
            }
        }
    };
    let tier_now = move || TierWords {
        lang: lang.get(),
        failed_en: failed_en.get(),
        peers: peer_count.get(),
    };

    view! {
        <aside
            class="summary"
            class:open=move || open.get()
            aria-label=tr("得分汇总", "Score summary")
            data-component="summary"
        >
            <div class="summary-bar">
                <span class="summary-bar-total">
                    {tr("总分 ", "Total ")}<strong>{move || total.get().to_string()}</strong>
                </span>
                <span class="summary-bar-state">
                    <span class="summary-bar-tier">{move || tier_short(&tier.get(), &tier_now())}</span>
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
                    {move || {
                        let (close, open_text) = lang.get().pick(
                            ("收起", "展开汇总"),
                            ("Close", "Open the summary"),
                        );
                        if open.get() { close } else { open_text }
                    }}
                </button>
            </div>
            <div class="summary-body">
                <p class="summary-heading muted">{heading}</p>
                <dl class="summary-scores">
                    <div class="score-line">
                        <dt>{tr("基础分", "Base score")}</dt>
                        <dd>
                            <strong data-summary="base">{move || base.get().0.to_string()}</strong>
                            {move || format!(" / {}", base.get().1)}
                        </dd>
                    </div>
                    <div class="score-line">
                        <dt>{tr("加分", "Bonus")}</dt>
                        <dd>
                            <strong data-summary="bonus">{move || bonus.get().0.to_string()}</strong>
                            {move || format!(" / {}", bonus.get().1)}
                            <ul class="bonus-lines">{bonus_lines}</ul>
                        </dd>
                    </div>
                    <div class="score-line score-total">
                        <dt>{tr("总分", "Total")}</dt>
                        <dd>
                            <strong data-summary="total">{move || total.get().to_string()}</strong>
                        </dd>
                    </div>
                </dl>
                <p class="muted small-print">
                    {tr(
                        "得分为区间(最低–最高):未填写的问题和酌情给分部分按可能的范围计。",
                        "Scores are ranges (lowest–highest): unanswered questions and parts scored at discretion count over their possible range.",
                    )}
                </p>
                <h3>{tr("分类得分", "Scores by category")}</h3>
                <ul class="category-bars">{bars}</ul>
                <h3>{tr("否决项", "Gates (veto items)")}</h3>
                <ul class="gate-lines">{gate_rows}</ul>
                <h3>{tr("星级估计", "Likely star tier")}</h3>
                <div class="tier" data-summary="tier">{move || tier_view(tier.get(), tier_now())}</div>
                <CutLinesInput />
                <h3>{tr("优先处理", "Fix first")}</h3>
                <FixFirstList on_pick=close />
            </div>
        </aside>
    }
}

/// What the tier lines need besides the core's answer: the language, and
/// for English the failed gates' words and the peers counted.
#[derive(Clone)]
struct TierWords {
    lang: Lang,
    failed_en: String,
    peers: usize,
}

/// A few words for the phone bar.
fn tier_short(tier: &LikelyTier, words: &TierWords) -> String {
    let lang = words.lang;
    match tier {
        LikelyTier::GateFailed { .. } => {
            lang.pick("不参与评星", "Not starred").to_string()
        }
        LikelyTier::NeedsRank { .. } => {
            lang.pick("星级看名次", "Tier by rank").to_string()
        }
        LikelyTier::Estimate { at_low, at_high, .. } => {
            let low = placement_text(at_low, lang);
            let high = placement_text(at_high, lang);
            if low == high { low } else { format!("{low}–{high}") }
        }
    }
}

/// The likely tier with the reference it was judged against.
fn tier_view(tier: LikelyTier, words: TierWords) -> impl IntoView {
    let lang = words.lang;
    match tier {
        LikelyTier::GateFailed { reason } => {
            let text = match lang {
                Lang::Zh => format!("不参与评星:{reason}"),
                Lang::En => format!("Not starred: {}", words.failed_en),
            };
            view! { <p class="tier-text status-error">{text}</p> }.into_any()
        }
        LikelyTier::NeedsRank { needs, text } => {
            let text = if lang == Lang::En {
                needs
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
                    .join(", ")
            } else if text.is_empty() {
                needs
                    .iter()
                    .map(|n| {
                        format!("{}需第{}–{}名", n.tier, n.from_rank, n.to_rank)
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                text
            };
            view! {
                <p class="tier-text">
                    {lang.pick(
                        "暂无参考,无法估计星级。星级按名次名额评定:",
                        "No reference yet, so no tier can be estimated. Tiers go by rank within quotas:",
                    )}
                </p>
                <p class="tier-needs">{text}</p>
            }
            .into_any()
        }
        LikelyTier::Estimate { at_low, at_high, basis } => {
            let low = placement_text(&at_low, lang);
            let high = placement_text(&at_high, lang);
            let text = match (lang, low == high) {
                (Lang::Zh, true) => format!("可能为{low}"),
                (Lang::Zh, false) => {
                    format!("按最低分为{low},按最高分为{high}")
                }
                (Lang::En, true) => format!("Likely {low}"),
                (Lang::En, false) => {
                    format!("{low} at the lowest score, {high} at the highest")
                }
            };
            let basis = match lang {
                Lang::Zh => format!("参考依据:{basis}"),
                Lang::En if words.peers > 0 => format!(
                    "Reference: the {} communities loaded (ranked by their lowest scores; failed ones not ranked)",
                    words.peers
                ),
                Lang::En => "Reference: the cut lines entered".to_string(),
            };
            view! {
                <p class="tier-text"><strong>{text}</strong></p>
                <p class="tier-basis muted">{basis}</p>
            }
            .into_any()
        }
    }
}

/// A placement in words.
fn placement_text(placement: &Placement, lang: Lang) -> String {
    match (placement, lang) {
        (Placement::Tier { tier, .. }, lang) => tier_in(tier, lang),
        (Placement::Tie { tiers, beyond_quotas }, Lang::Zh) => {
            let mut text = format!("{}(同分待定)", tiers.join("或"));
            if *beyond_quotas {
                text.push_str(",可能无星级");
            }
            text
        }
        (Placement::Tie { tiers, beyond_quotas }, Lang::En) => {
            let tiers: Vec<String> =
                tiers.iter().map(|t| tier_in(t, Lang::En)).collect();
            let mut text =
                format!("{} (tied, to be settled)", tiers.join(" or "));
            if *beyond_quotas {
                text.push_str(", possibly no tier");
            }
            text
        }
        (Placement::NoSlot, Lang::Zh) => "名额外".to_string(),
        (Placement::NoSlot, Lang::En) => "Beyond the quotas".to_string(),
    }
}
