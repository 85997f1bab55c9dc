//! Communities picked in the table, side by side: the 13 items and the
//! bonus, each cell the score out of the item's maximum and where the
//! points went (the core's `starcheck_core::district::compare`), in rank
//! order. The best score of each row is marked.
//!
//! The picked communities are scored again here (a few microseconds
//! each): an evaluation handed over by the district worker has its
//! messages in Chinese only, and the reasons are shown in either
//! language.

use leptos::prelude::*;
use starcheck_core::district::{Comparison, compare};
use starcheck_core::score::evaluate;

use crate::components::gloss_line::GlossLine;
use crate::district::DistrictState;
use crate::i18n::{Lang, gloss, tr, use_lang};

/// The comparison of the picked communities, in the table's rank order.
fn comparison(district: DistrictState) -> Option<Comparison> {
    let picked = district.selected.get();
    if picked.len() < 2 {
        return None;
    }
    let order: Vec<String> = district.table.with(|t| {
        t.as_ref()
            .map(|t| t.rows.iter().map(|r| r.id.clone()).collect())
            .unwrap_or_default()
    });
    district.set.with(|set| {
        let files: Vec<_> = order
            .iter()
            .filter(|id| picked.contains(*id))
            .filter_map(|id| set.files.iter().find(|f| &f.key() == id))
            .collect();
        let names: Vec<String> =
            files.iter().map(|f| f.community().name.clone()).collect();
        let evaluations: Vec<_> = district.rubric().with_value(|r| {
            files.iter().map(|f| evaluate(r, &f.imported.assessment)).collect()
        });
        let evaluations: Vec<_> = evaluations.iter().collect();
        Some(compare(&names, &evaluations, &gloss))
    })
}

/// The comparison section.
#[component]
pub fn DistrictCompare() -> impl IntoView {
    let district = DistrictState::expect();
    let lang = use_lang();
    let picked = move || district.selected.with(|s| s.len());
    let hint = move || {
        match (picked(), lang.get()) {
        (0, lang) => lang
            .pick(
                "在表格左侧勾选两个或更多社区,即可逐项对比。",
                "Tick two or more communities at the left of the table to compare them item by item.",
            )
            .to_string(),
        (1, lang) => lang
            .pick(
                "已选 1 个社区,再选至少 1 个即可对比。",
                "1 community chosen; choose at least one more to compare.",
            )
            .to_string(),
        (n, Lang::Zh) => format!("已选 {n} 个社区。"),
        (n, Lang::En) => format!("{n} communities chosen."),
    }
    };

    view! {
        <section class="district-compare" data-compare="">
            <h3>{tr("逐项对比", "Item by item")}</h3>
            <p class="field-hint">{hint}</p>
            {move || comparison(district).map(|c| {
                let heads = c
                    .communities
                    .iter()
                    .map(|name| view! { <th scope="col" data-compare-community=name.clone()>{name.clone()}</th> })
                    .collect_view();
                let rows = c
                    .rows
                    .iter()
                    .map(|row| {
                        let cells = row
                            .cells
                            .iter()
                            .map(|cell| view! {
                                <td class:best=cell.best>
                                    <span class="compare-score">{format!("{}/{}", cell.score, row.max)}</span>
                                    <ul class="compare-reasons">
                                        {cell.reasons.iter().map(|r| {
                                            let r = r.clone();
                                            view! { <li data-compare-reason="">{move || r.get(lang.get()).to_string()}</li> }
                                        }).collect_view()}
                                    </ul>
                                </td>
                            })
                            .collect_view();
                        let item = row.number.map_or_else(|| "bonus".to_string(), |n| n.to_string());
                        // The official title stays Chinese, glossed in English.
                        let label = match row.number {
                            Some(_) => {
                                let title = row.title.clone();
                                view! { {row.label.clone()}<GlossLine zh=title /> }.into_any()
                            }
                            None => view! { {tr("加分项", "Bonus")} }.into_any(),
                        };
                        view! {
                            <tr data-compare-item=item>
                                <th scope="row">{label}</th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                let totals = c
                    .totals
                    .iter()
                    .map(|t| view! { <td class="num"><strong>{t.to_string()}</strong></td> })
                    .collect_view();
                view! {
                    <div class="table-scroll">
                        <table class="compare-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr("项目", "Item")}</th>
                                    {heads}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                            <tfoot>
                                <tr data-compare-item="total">
                                    <th scope="row">{tr("总分", "Total")}</th>
                                    {totals}
                                </tr>
                            </tfoot>
                        </table>
                    </div>
                    <button
                        type="button"
                        class="button secondary"
                        data-action="compare-clear"
                        on:click=move |_| district.selected.set(Default::default())
                    >
                        {tr("清除选择", "Clear the selection")}
                    </button>
                }
            })}
        </section>
    }
}
