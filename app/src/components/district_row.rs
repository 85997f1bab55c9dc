//! One row of the district table: a ranked community, a slot nobody
//! fills, or a community that fails a gate (unranked, shown with the gate
//! in words). Ranked rows can be picked for the comparison and taken out
//! of the set.

use leptos::prelude::*;
use starcheck_core::district::words::{
    UNDETERMINED_EN, gate_en, tier_en, verdict_en,
};
use starcheck_core::district::{Extra, Row, RowKind};
use starcheck_core::{GateState, Text};

use crate::district::DistrictState;
use crate::i18n::{Lang, tr, use_lang};

/// The row's kind for markup and styling.
fn kind_name(kind: &RowKind) -> &'static str {
    match kind {
        RowKind::Ranked => "ranked",
        RowKind::Unranked => "unranked",
        RowKind::EmptySlot => "empty",
    }
}

fn gate_class(state: GateState) -> &'static str {
    match state {
        GateState::Pass => "gate-word status-ok",
        GateState::Fail => "gate-word status-error",
        GateState::NotAssessed => "gate-word status-warn",
    }
}

/// One `<tr>` of the table.
#[component]
pub fn DistrictRow(row: Row) -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let kind = kind_name(&row.kind);
    let key = row.id.clone();
    let is_community = row.kind != RowKind::EmptySlot;

    // The comparison takes communities, not empty slots.
    let pick = is_community.then(|| {
        let checked = {
            let key = key.clone();
            move || district.selected.with(|s| s.contains(&key))
        };
        let toggle = {
            let key = key.clone();
            move |_| {
                district.selected.update(|s| {
                    if !s.remove(&key) {
                        s.insert(key.clone());
                    }
                })
            }
        };
        // The label around the box is the 44 px touch target.
        view! {
            <label class="district-pick-target">
                <input
                    type="checkbox"
                    data-action="compare-pick"
                    aria-label={
                        let name = row.community.clone();
                        move || match lang.get() {
                            Lang::Zh => format!("选中{name}进行对比"),
                            Lang::En => format!("Compare {name}"),
                        }
                    }
                    prop:checked=checked
                    on:change=toggle
                />
            </label>
        }
    });

    let rank = match (&row.kind, row.rank) {
        (RowKind::EmptySlot, Some(slot)) => format!("({slot})"),
        (RowKind::Ranked, Some(rank)) => rank.to_string(),
        _ => "—".to_string(),
    };
    let range = |r: Option<starcheck_core::ScoreRange>| {
        r.map_or_else(|| "—".to_string(), |r| r.to_string())
    };
    // A gate's detail is the core's sentence, in either language.
    let gates = row
        .gates
        .iter()
        .map(|g| {
            let detail = g.detail.clone();
            view! {
                <span
                    class=gate_class(g.state)
                    title=move || detail.get(lang.get()).to_string()
                    data-gate=g.gate.clone()
                >
                    {
                        let (gate, zh, en) = (g.gate.clone(), g.verdict.clone(), verdict_en(g.state));
                        move || match lang.get() {
                            Lang::Zh => format!("{gate}:{zh}"),
                            Lang::En => format!("{}: {en}", gate_en(&gate)),
                        }
                    }
                </span>
            }
        })
        .collect_view();
    let failed_detail: Vec<Text> = row
        .gates
        .iter()
        .filter(|g| g.state == GateState::Fail)
        .map(|g| g.detail.clone())
        .collect();
    let tier_class = match (&row.kind, row.stars, row.tie.is_some()) {
        (_, _, true) => "tier tier-tie",
        (RowKind::Unranked, _, _) => "tier tier-unranked",
        (RowKind::EmptySlot, _, _) => "tier tier-empty",
        (_, Some(5), _) => "tier tier-5",
        (_, Some(4), _) => "tier tier-4",
        _ => "tier",
    };
    let remove = is_community.then(|| {
        let key = key.clone();
        view! {
            <button
                type="button"
                class="button secondary district-remove"
                data-action="remove-community"
                aria-label={
                    let name = row.community.clone();
                    move || match lang.get() {
                        Lang::Zh => format!("移除{name}"),
                        Lang::En => format!("Remove {name}"),
                    }
                }
                prop:disabled=move || district.loading.get()
                on:click=move |_| district.remove(&key)
            >
                {tr("移除", "Remove")}
            </button>
        }
    });
    // The table's own words are Chinese (as in the CSV); English is made
    // from them, and a word without English stays Chinese.
    let tier = {
        let zh = row.tier.clone();
        let en = tier_en(&zh).unwrap_or_else(|| zh.clone());
        move || lang.get().pick(zh.clone(), en.clone())
    };
    let extra = {
        let zh = row.extra_text();
        let en = match row.extra {
            Extra::Undetermined => UNDETERMINED_EN.to_string(),
            _ => zh.clone(),
        };
        move || lang.get().pick(zh.clone(), en.clone())
    };
    let money = |m: Option<starcheck_core::Money>| {
        m.map_or_else(|| "—".to_string(), |m| m.format_yuan())
    };

    view! {
        <tr data-row-kind=kind data-community=row.community.clone() data-id=key.clone()>
            <td class="district-pick">{pick}</td>
            <td class="num" data-col="rank" data-label=tr("名次", "Rank")>{rank}</td>
            <td data-col="district" data-label=tr("区", "District")>{row.district.clone()}</td>
            <td data-col="street" data-label=tr("街道", "Street")>{row.street.clone()}</td>
            <td data-col="community" data-label=tr("社区", "Community")>
                <strong>{row.community.clone()}</strong>
                {row.as_of.map(|d| view! {
                    <span class="district-as-of">
                        {move || match lang.get() {
                            Lang::Zh => format!("评估日期 {d}"),
                            Lang::En => format!("assessed {d}"),
                        }}
                    </span>
                })}
            </td>
            <td class="num" data-col="base" data-label=tr("基础分", "Base score")>{range(row.base)}</td>
            <td class="num" data-col="bonus" data-label=tr("加分", "Bonus")>{row.bonus.map_or_else(|| "—".to_string(), |b| b.to_string())}</td>
            <td class="num" data-col="total" data-label=tr("总分", "Total")>{range(row.total)}</td>
            <td data-col="gates" data-label=tr("否决项", "Gates (veto items)")>
                <div class="gate-words">{gates}</div>
                {failed_detail
                    .into_iter()
                    .map(|d| view! {
                        <span class="gate-detail" data-gate-detail="">
                            {move || d.get(lang.get()).to_string()}
                        </span>
                    })
                    .collect_view()}
            </td>
            <td data-col="tier" data-label=tr("星级", "Tier")>
                <span class=tier_class>{tier}</span>
                {row.tie.clone().map(|message| view! {
                    <span
                        class="tie-flag"
                        title=move || message.get(lang.get()).to_string()
                        data-tie-flag=""
                    >
                        {tr("⚠ 需人工确定", "⚠ To be settled by a person")}
                    </span>
                })}
                {(!row.undecided.is_empty()).then(|| {
                    let messages = row.undecided.clone();
                    let title = move || {
                        let lang = lang.get();
                        let all: Vec<&str> =
                            messages.iter().map(|m| m.get(lang)).collect();
                        all.join(lang.pick(";", "; "))
                    };
                    view! {
                        <span class="undecided-flag" title=title data-undecided="">
                            {tr("⚠ 未定", "⚠ Undecided")}
                        </span>
                    }
                })}
                {row.provisional.then(|| view! {
                    <span class="provisional" data-provisional="">{tr("暂定:未录入支出", "Provisional: no spending entered")}</span>
                })}
            </td>
            <td class="num" data-col="base_subsidy" data-label=tr("基础补助", "Base subsidy")>{money(row.base_subsidy)}</td>
            <td class="num" data-col="extra" data-label=tr("星级奖补", "Tier award")>{extra}</td>
            <td class="district-actions">{remove}</td>
        </tr>
    }
}
